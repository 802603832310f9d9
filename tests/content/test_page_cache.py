"""The whole-page cache in front of Django (content.page_cache), driven as gunicorn drives it."""
import gzip

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.signals import template_rendered
from django.test.utils import CaptureQueriesContext

from content import page_cache
from options.models import TreatmentOption
from tests.wsgi_client import SiteWorker

pytestmark = pytest.mark.django_db
BROWSER = {"accept_encoding": "gzip, deflate, br"}


def cached_page_keys():
    return [key for key in cache._cache if page_cache.PAGE_KEY_PREFIX in key]  # LocMemCache in tests


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


def test_an_edit_shows_on_the_next_request_in_every_worker():
    workers = [SiteWorker(), SiteWorker()]
    option = TreatmentOption.objects.get(slug="methadone")
    url = option.get_absolute_url()
    for worker in workers:  # both hold the page in memory now
        assert option.summary in worker.get(url).content.decode()
        assert option.summary in worker.get(url).content.decode()
    assert all(worker.application.local_pages for worker in workers)

    option.summary = "Edited in the admin a moment ago."
    option.save()
    for worker in workers:
        assert "Edited in the admin a moment ago." in worker.get(url).content.decode()


def test_a_relation_change_also_invalidates():
    worker = SiteWorker()
    option = TreatmentOption.objects.get(slug="methadone")
    assert "Ibogaine" not in worker.get(option.get_absolute_url()).content.decode()
    option.related.add(TreatmentOption.objects.get(slug="ibogaine"))
    assert "Ibogaine" in worker.get(option.get_absolute_url()).content.decode()


@pytest.mark.parametrize("url", ["/", "/options/", "/options/methadone/", "/continuum/", "/sources/", "/crisis/"])
def test_a_hit_renders_nothing_queries_nothing_and_sends_the_same_page(url):
    worker = SiteWorker()
    with RenderCounter() as fresh:
        first = worker.get(url)
    with RenderCounter() as hit:
        second = worker.get(url)
    assert first.status_code == second.status_code == 200
    assert fresh.templates and not hit.templates
    assert not hit.queries.captured_queries
    assert second.content == first.content
    assert second.headers == first.headers
    assert int(second["Content-Length"]) == len(second.content)


def test_another_worker_takes_the_page_from_the_shared_cache_without_rendering():
    SiteWorker().get("/options/methadone/")
    with RenderCounter() as other:
        response = SiteWorker().get("/options/methadone/")
    assert response.status_code == 200 and not other.templates and not other.queries.captured_queries


def test_browsers_that_ask_get_the_page_compressed():
    worker = SiteWorker()
    plain = worker.get("/options/methadone/")
    compressed = worker.get("/options/methadone/", **BROWSER)
    assert compressed["Content-Encoding"] == "gzip"
    assert compressed["Vary"] == plain["Vary"] == "Accept-Encoding"
    assert gzip.decompress(compressed.content) == plain.content
    assert int(compressed["Content-Length"]) == len(compressed.content) < len(plain.content) / 3
    assert "Content-Encoding" not in worker.get("/options/methadone/")


def test_what_must_not_be_cached_is_not(admin_user, client):
    worker = SiteWorker()
    assert worker.get("/questionnaire/").status_code == 200
    assert worker.get("/options/no-such-option/").status_code == 404
    assert worker.get("/options/methadone/", method="HEAD").status_code == 200
    for number in range(5):  # made-up query strings cannot fill the cache
        assert worker.get("/options/methadone/", {"x": number}).status_code == 200
    assert worker.get("/compare/", {"options": ["methadone", "nope"]}).status_code == 400
    client.force_login(admin_user)
    session_cookie = f"sessionid={client.cookies['sessionid'].value}"
    assert worker.get("/options/methadone/", cookie=session_cookie).status_code == 200
    assert worker.get("/admin/", cookie=session_cookie).status_code == 200
    assert not cached_page_keys() and not worker.application.local_pages

    worker.get("/compare/", {"options": ["methadone", "naloxone"]})
    assert len(cached_page_keys()) == 1


def test_a_response_that_sets_a_cookie_is_not_kept():
    def sets_a_cookie(environ, start_response):
        environ[page_cache.CACHEABLE_FLAG] = True  # even if Django marked it cacheable
        start_response("200 OK", [("Content-Type", "text/plain"), ("Set-Cookie", "tracking=1; Path=/")])
        return [b"hello"]

    worker = SiteWorker()
    worker.application.application = sets_a_cookie
    assert worker.get("/").headers["set-cookie"] == "tracking=1; Path=/"
    assert not cached_page_keys() and not worker.application.local_pages


def test_a_host_django_refuses_is_refused_even_when_the_page_is_cached():
    worker = SiteWorker()
    assert worker.get("/options/").status_code == 200
    assert worker.get("/options/", host="attacker.example").status_code == 400


def test_https_and_plain_http_pages_are_kept_apart(settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_HSTS_SECONDS = 3600
    worker = SiteWorker()
    assert "Strict-Transport-Security" in worker.get("/", x_forwarded_proto="https")
    assert "Strict-Transport-Security" not in worker.get("/")
    assert "Strict-Transport-Security" in worker.get("/", x_forwarded_proto="https")


def test_when_the_shared_cache_is_down_pages_are_served_uncached(monkeypatch):
    def unreachable():
        raise ConnectionError("shared cache unreachable")

    monkeypatch.setattr(page_cache, "content_version", unreachable)
    worker = SiteWorker()
    assert worker.get("/options/methadone/").status_code == 200
    assert not worker.application.local_pages


def test_the_version_moves_on_again_after_commit(django_capture_on_commit_callbacks):
    from content.cache import content_version

    option = TreatmentOption.objects.get(slug="methadone")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        option.summary = "Saved inside a transaction."
        option.save()
    during = content_version()
    assert callbacks, "no bump was scheduled for after the commit"
    for callback in callbacks:
        callback()
    assert content_version() != during
