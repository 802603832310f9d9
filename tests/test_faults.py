"""The site under faults: a cache server stopped or hung, a database connection killed or
the database gone. Pages answer correctly and quickly, or with a friendly error page."""
import json
import logging
import os
import socket
import subprocess
import sys
import threading
import time
from urllib.request import urlopen

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.urls import reverse

from options.models import TreatmentOption
from tests.factories import admin_form_data
from tests.gunicorn_server import free_port, start_gunicorn

pytestmark = pytest.mark.django_db
PUBLIC_PAGES = ["/", "/options/", "/options/methadone/", "/continuum/", "/compare/",
                "/compare/?options=methadone&options=naloxone", "/sources/", "/sources/webmd/", "/crisis/", "/about/",
                "/privacy/", "/disclaimer/", "/questionnaire/", "/questionnaire/?who=family"]
ANSWERS = {"use_duration": "1_to_5_years", "use_frequency": "daily", "withdrawal": "severe", "life_impact": "some",
           "relapse_history": "quit_alone_relapsed", "home_environment": "stressful"}
# A sick cache may cost each request at most a socket timeout (0.25 s in settings), and
# after the first failure the cache is left alone for a few seconds.
BOUND_SECONDS = 4.0


class HungServer:
    """Accepts connections and never answers, like a Redis stuck in a long command."""

    def __init__(self):
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(64)
        self.port = self.listener.getsockname()[1]
        self.accepted = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while True:
            try:
                self.accepted.append(self.listener.accept()[0])
            except OSError:
                return

    def close(self):
        self.listener.close()
        for peer in self.accepted:
            peer.close()


def redis_cache_at(port):
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
        },
        "process": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": f"faults-{port}"},
    }


@pytest.fixture(params=["stopped", "hung"])
def sick_cache(request, settings):
    if request.param == "stopped":
        settings.CACHES = redis_cache_at(free_port())  # nothing listens there
        yield request.param
    else:
        server = HungServer()
        settings.CACHES = redis_cache_at(server.port)
        yield request.param
        server.close()


def test_with_the_cache_stopped_or_hung_everything_answers_in_bounded_time(sick_cache, client, caplog):
    User.objects.create_superuser("admin", "a@example.org", "the-right-password-123")
    started = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="content.page_cache"):
        for url in PUBLIC_PAGES * 2:
            assert client.get(url).status_code == 200, url
        result = client.get(reverse("navigator:shared-result"), ANSWERS)
        assert result.status_code == 200 and "Suggested level of care" in result.content.decode()
        step = client.post(reverse("navigator:questionnaire"), {"step": 0, "action": "next", "who": "self"})
        assert step.status_code == 200

        # An editor signs in and saves; the visitor sees the edit on the next request.
        login = client.post(reverse("admin:login"), {"username": "admin", "password": "the-right-password-123"})
        assert login.status_code == 302
        option = TreatmentOption.objects.get(slug="methadone")
        change_url = reverse("admin:options_treatmentoption_change", args=[option.pk])
        saved = client.post(change_url, admin_form_data(client.get(change_url), summary="Saved while the cache was sick."))
        assert saved.status_code == 302
        assert "Saved while the cache was sick." in Client().get(option.get_absolute_url()).content.decode()
    assert time.monotonic() - started < BOUND_SECONDS
    outage_logs = [record for record in caplog.records if record.name == "content.page_cache"]
    assert len(outage_logs) == 1, [record.getMessage() for record in outage_logs]  # once per incident


def test_the_cache_is_used_again_when_it_recovers(settings, client, caplog, monkeypatch):
    from content.page_cache import fail_open_cache

    monkeypatch.setattr(fail_open_cache, "RETRY_SECONDS", 0.0)  # try the cache again at once
    settings.CACHES = redis_cache_at(free_port())
    with caplog.at_level(logging.WARNING, logger="content.page_cache"):
        assert client.get("/options/").status_code == 200
        settings.CACHES = {
            "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "recovered"},
            "process": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "recovered-process"},
        }
        assert client.get("/options/").status_code == 200  # renders, and is kept again
    messages = [record.getMessage() for record in caplog.records if record.name == "content.page_cache"]
    assert messages[0].startswith("The cache failed") and messages[-1] == "The cache answers again."
    from django.core.cache import caches
    from django.test.signals import template_rendered

    caches["process"].clear()  # so the next page can only come from the shared cache
    template_names = []

    def rendered(sender, template, **kwargs):
        template_names.append(template.name)

    template_rendered.connect(rendered)
    try:
        assert client.get("/options/").status_code == 200
    finally:
        template_rendered.disconnect(rendered)
    assert not template_names  # served from the recovered cache


@pytest.fixture
def gunicorn_on_the_test_database(content_loaded):
    """One gunicorn worker serving the test database, keeping its connection between requests."""
    port = free_port()
    server, base_url = start_gunicorn(["--workers", "1", "--bind", f"127.0.0.1:{port}"], port=port,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    yield base_url
    server.terminate()
    server.wait(timeout=10)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="only a database server can drop a connection")
def test_a_killed_database_connection_recovers_without_an_error(gunicorn_on_the_test_database):
    url = gunicorn_on_the_test_database + reverse("navigator:questionnaire")
    assert urlopen(url).status == 200  # the worker now holds a connection
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        assert cursor.fetchall(), "no server connection was found to kill"
    assert urlopen(url).status == 200  # CONN_HEALTH_CHECKS: a new connection, not a 500


DATABASE_GONE_SCRIPT = """
import json, sys
import django
django.setup()
from django.test import Client
from django.test.utils import override_settings, setup_test_environment
setup_test_environment()
with override_settings(CACHES=json.loads(sys.argv[1])):
    client = Client(raise_request_exception=False)
    for url in json.loads(sys.argv[2]):
        response = client.get(url)
        print(json.dumps([url, response.status_code, response.content.decode()]))
"""


def test_with_the_database_gone_cached_pages_are_served_and_the_rest_get_a_friendly_503(settings, tmp_path, client):
    shared = {"default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": str(tmp_path)},
              "process": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "database-gone"}}
    settings.CACHES = shared
    assert client.get("/options/methadone/").status_code == 200  # now in the shared cache
    urls = ["/options/methadone/", "/options/naloxone/", "/questionnaire/", "/no/such/page/"]
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "navigator.settings.test",
           "DATABASE_URL": f"postgres://postgres@127.0.0.1:{free_port()}/gone"}
    run = subprocess.run([sys.executable, "-c", DATABASE_GONE_SCRIPT, json.dumps(shared), json.dumps(urls)],
                         capture_output=True, text=True, env=env, cwd=django_settings.BASE_DIR, timeout=60)
    assert run.returncode == 0, run.stderr[-3000:]
    pages = {url: (status, html) for url, status, html in map(json.loads, run.stdout.splitlines())}
    assert pages["/options/methadone/"][0] == 200 and "Methadone" in pages["/options/methadone/"][1]
    for url in ("/options/naloxone/", "/questionnaire/"):
        status, html = pages[url]
        assert status == 503, url
        assert 'href="tel:911"' in html and "data-quick-exit" in html and django_settings.QUICK_EXIT_URL in html
    assert pages["/no/such/page/"][0] == 404 and 'href="tel:911"' in pages["/no/such/page/"][1]


def test_a_server_error_is_a_friendly_page_with_the_crisis_help(client, monkeypatch):
    from navigator import views

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(views, "result_context", broken)
    client.raise_request_exception = False
    response = client.get(reverse("navigator:shared-result"), ANSWERS)
    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong on our side" in html and 'href="tel:911"' in html and "data-quick-exit" in html


def test_a_new_release_never_serves_pages_an_older_one_cached(tmp_path, monkeypatch):
    """Cached pages are keyed by the release (a hash of the code unless NAVIGATOR_RELEASE names it)."""
    from django.conf import settings

    from navigator.settings import base

    assert settings.CACHES["default"]["KEY_PREFIX"] == settings.CACHES["process"]["KEY_PREFIX"]
    assert settings.RELEASE in settings.CACHES["default"]["KEY_PREFIX"]
    (tmp_path / "templates").mkdir()
    template = tmp_path / "templates" / "base.html"
    template.write_text("<p>old</p>")
    monkeypatch.setattr(base, "BASE_DIR", tmp_path)
    before = base.code_release()
    assert base.code_release() == before  # the same code, the same release, in every process
    template.write_text("<p>new</p>")
    assert base.code_release() != before
