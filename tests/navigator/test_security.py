import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.cache import cache
from django.contrib.auth.models import User
from django.urls import reverse

pytestmark = pytest.mark.django_db
PAGES = ["/", "/options/", "/options/methadone/", "/continuum/", "/compare/", "/sources/", "/crisis/", "/questionnaire/"]


@pytest.mark.parametrize("url", PAGES)
def test_security_headers_on_real_responses(client, url):
    for _ in range(2):  # fresh render, then the cached copy
        response = client.get(url)
        assert response.status_code == 200
        csp = response["Content-Security-Policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp
        assert "unsafe-inline" not in csp
        assert "frame-ancestors 'none'" in csp
        assert response["X-Frame-Options"] == "DENY"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"
        assert "camera=()" in response["Permissions-Policy"]


@pytest.mark.parametrize("url", PAGES)
def test_no_inline_script_or_style_and_no_other_hosts(client, url):
    html = client.get(url).content.decode()
    assert "<script>" not in html and "style=" not in html and "<style" not in html
    for attribute in ('src="http', "src=\"//", 'href="//'):
        assert attribute not in html
    for tag in ('<link rel="stylesheet" href="http',):
        assert tag not in html


def test_public_pages_set_no_cookies(client):
    for url in PAGES:
        response = client.get(url)
        assert not response.cookies, url
    response = client.post(reverse("navigator:questionnaire"), {"step": 0, "action": "next"})
    assert not response.cookies


def test_session_and_csrf_cookies_are_tight():
    assert settings.SESSION_COOKIE_HTTPONLY and settings.CSRF_COOKIE_HTTPONLY
    assert settings.SESSION_COOKIE_SAMESITE == "Strict" and settings.CSRF_COOKIE_SAMESITE == "Strict"


def test_admin_sign_in_is_throttled_after_repeated_failures(client):
    User.objects.create_superuser("admin", "a@example.org", "the-right-password-123")
    url = reverse("admin:login")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(url, {"username": "admin", "password": "wrong"})
        assert response.status_code == 200
    assert client.post(url, {"username": "admin", "password": "wrong"}).status_code == 429  # the limit
    response = client.post(url, {"username": "admin", "password": "the-right-password-123"})
    assert response.status_code == 429
    assert "Too many sign-in attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_good_sign_in_clears_the_failure_count(client):
    User.objects.create_superuser("admin", "a@example.org", "the-right-password-123")
    url = reverse("admin:login")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        client.post(url, {"username": "admin", "password": "wrong"})
    assert client.post(url, {"username": "admin", "password": "the-right-password-123"}).status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert client.post(url, {"username": "admin", "password": "wrong"}).status_code == 200


def test_check_deploy_reports_no_issues_with_production_settings():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "navigator.settings.production",
        "DJANGO_SECRET_KEY": "x" * 20 + "a-long-random-looking-secret-for-the-deploy-check-9f8e7d",
        "DJANGO_ALLOWED_HOSTS": "navigator.example",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True, text=True, env=env, cwd=settings.BASE_DIR,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_to_start_without_a_secret_key():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "navigator.settings.production", "DJANGO_ALLOWED_HOSTS": "x"}
    env.pop("DJANGO_SECRET_KEY", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], capture_output=True, text=True, env=env, cwd=settings.BASE_DIR
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_throttle_counts_the_visitor_behind_a_load_balancer(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    User.objects.create_superuser("admin", "a@example.org", "the-right-password-123")
    url = reverse("admin:login")
    attacker = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "198.51.100.7"}
    editor = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.5"}
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(url, {"username": "someone", "password": "wrong"}, **attacker)
    assert client.post(url, {"username": "other", "password": "x"}, **attacker).status_code == 429
    # The same balancer address, another visitor: not locked out.
    response = client.post(url, {"username": "admin", "password": "the-right-password-123"}, **editor)
    assert response.status_code == 302
    # A forged left-hand entry does not change who the balancer says the visitor is.
    spoofed = {**attacker, "HTTP_X_FORWARDED_FOR": "203.0.113.99, 198.51.100.7"}
    assert client.post(url, {"username": "third", "password": "x"}, **spoofed).status_code == 429


def test_sign_in_locks_survive_a_cache_clear(client):
    User.objects.create_superuser("admin", "a@example.org", "the-right-password-123")
    url = reverse("admin:login")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(url, {"username": "admin", "password": "wrong"})
    cache.clear()  # as a Redis restart or a culled database cache would
    response = client.post(url, {"username": "admin", "password": "the-right-password-123"})
    assert response.status_code == 429


def test_failures_lock_a_username_whatever_the_address(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    User.objects.create_superuser("admin", "a@example.org", "the-right-password-123")
    url = reverse("admin:login")
    for number in range(settings.AXES_FAILURE_LIMIT):
        client.post(url, {"username": "Admin", "password": "wrong"}, HTTP_X_FORWARDED_FOR=f"198.51.100.{number}")
    fresh_address = {"HTTP_X_FORWARDED_FOR": "203.0.113.200"}
    response = client.post(url, {"username": "admin", "password": "the-right-password-123"}, **fresh_address)
    assert response.status_code == 429
