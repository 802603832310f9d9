"""Whole-page caching of content pages (content.page_cache), through Django's test client."""
import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.signals import template_rendered
from django.test.utils import CaptureQueriesContext

from content.page_cache import content_version
from options.models import TreatmentOption

pytestmark = pytest.mark.django_db
CONTENT_PAGES = ["/", "/options/", "/options/methadone/", "/continuum/", "/sources/", "/sources/webmd/", "/crisis/",
                 "/compare/?options=methadone&options=naloxone"]


class RenderCounter:
    """Counts the templates Django renders and the queries it makes while in the block."""

    def __enter__(self):
        self.templates = []
        template_rendered.connect(self._rendered)
        self.queries = CaptureQueriesContext(connection).__enter__()
        return self

    def __exit__(self, *exc):
        self.queries.__exit__(*exc)
        template_rendered.disconnect(self._rendered)

    def _rendered(self, sender, template, **kwargs):
        self.templates.append(template.name)


@pytest.mark.parametrize("url", CONTENT_PAGES)
def test_a_warm_page_renders_nothing_makes_one_query_and_sends_the_same_page(client, url):
    with RenderCounter() as fresh:
        first = client.get(url)
    with RenderCounter() as warm:
        second = client.get(url)
    assert first.status_code == second.status_code == 200
    assert fresh.templates and not warm.templates
    assert len(warm.queries.captured_queries) == 1  # the content version
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_an_orm_edit_shows_on_the_next_request(client):
    option = TreatmentOption.objects.get(slug="methadone")
    url = option.get_absolute_url()
    assert option.summary in client.get(url).content.decode()
    option.summary = "Edited through the ORM a moment ago."
    option.save()
    assert "Edited through the ORM a moment ago." in client.get(url).content.decode()


def test_a_relation_change_shows_on_the_next_request(client):
    option = TreatmentOption.objects.get(slug="methadone")
    assert "Ibogaine" not in client.get(option.get_absolute_url()).content.decode()
    option.related.add(TreatmentOption.objects.get(slug="ibogaine"))
    assert "Ibogaine" in client.get(option.get_absolute_url()).content.decode()


def test_a_delete_shows_on_the_next_request(client):
    assert "Ibogaine" in client.get("/options/").content.decode()
    TreatmentOption.objects.filter(slug="ibogaine").delete()
    assert "Ibogaine" not in client.get("/options/").content.decode()


def test_the_version_changes_inside_the_editing_transaction():
    from django.db import transaction

    before = content_version()
    with transaction.atomic():
        option = TreatmentOption.objects.get(slug="methadone")
        option.summary = "Saved inside a transaction."
        option.save()
        inside = content_version()
    assert inside != before  # no after-commit step: the edit and the version commit together


@pytest.mark.parametrize("host", ["LOCALHOST", "localhost:8000", "localhost.", "127.0.0.1:9999", "[::1]:80"])
def test_host_variants_share_one_cache_entry(client, host):
    client.get("/options/", HTTP_HOST="localhost")
    with RenderCounter() as other_host:
        response = client.get("/options/", HTTP_HOST=host)
    assert response.status_code == 200
    assert not other_host.templates


def test_a_host_django_refuses_is_refused_even_when_the_page_is_cached(client):
    assert client.get("/options/").status_code == 200
    assert client.get("/options/", HTTP_HOST="attacker.example").status_code == 400


def test_head_is_served_from_the_same_entry_as_get(client):
    client.get("/options/methadone/")
    with RenderCounter() as head:
        response = client.head("/options/methadone/")
    assert response.status_code == 200 and not head.templates
    client.head("/continuum/")
    with RenderCounter() as get:
        assert client.get("/continuum/").status_code == 200
    assert not get.templates


def test_what_must_not_be_cached_is_not(client, admin_user):
    def renders(url, **extra):
        client.get(url, **extra)
        with RenderCounter() as again:
            client.get(url, **extra)
        return bool(again.templates)

    assert renders("/questionnaire/")
    assert renders("/options/no-such-option/")
    assert renders("/options/methadone/?utm_source=made-up")  # made-up queries cannot fill the cache
    assert renders("/compare/?options=methadone&options=nope")  # a 400
    client.force_login(admin_user)  # an editor with a session always gets a fresh page
    assert renders("/options/methadone/")


def test_visitors_get_no_cookies_and_no_session_is_written(client):
    for url in CONTENT_PAGES + ["/questionnaire/", "/questionnaire/?who=family"]:
        for _ in range(2):
            assert not client.get(url).cookies, url
    assert not client.post("/questionnaire/", {"step": 0, "action": "next", "who": "self"}).cookies
    assert Session.objects.count() == 0


def database_url_of_the_test_database():
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


@pytest.mark.django_db(transaction=True)
def test_an_edit_from_another_process_with_other_cache_settings_shows_on_the_next_request(content_loaded, client):
    import os
    import subprocess
    import sys

    from django.conf import settings

    url = TreatmentOption.objects.get(slug="methadone").get_absolute_url()
    client.get(url)  # cached here, in this process's cache
    # manage.py shell with the development settings: the database cache, not this process's cache.
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "navigator.settings.dev",
           "DATABASE_URL": database_url_of_the_test_database()}
    env.pop("REDIS_URL", None)
    edit = ("from options.models import TreatmentOption; option = TreatmentOption.objects.get(slug='methadone'); "
            "option.summary = 'Edited from another process.'; option.save()")
    run = subprocess.run([sys.executable, "manage.py", "shell", "-c", edit], env=env, cwd=settings.BASE_DIR,
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "Edited from another process." in client.get(url).content.decode()
