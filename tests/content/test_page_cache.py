import gzip

import pytest
from django.test import RequestFactory

from content.middleware import ContentPageCacheMiddleware
from options.models import TreatmentOption
from options.views import OptionDetailView

pytestmark = pytest.mark.django_db


def _worker():
    """One app process: its own middleware instance (and in-process pages), the shared cache."""
    view = OptionDetailView.as_view()

    def get_response(request):
        from django.urls import resolve

        request.resolver_match = resolve(request.path_info)
        return view(request, **request.resolver_match.kwargs).render()  # as the handler does

    return ContentPageCacheMiddleware(get_response)


def test_an_edit_shows_on_the_next_request_in_every_worker():
    workers = [_worker(), _worker()]
    factory = RequestFactory()
    option = TreatmentOption.objects.get(slug="methadone")
    url = option.get_absolute_url()
    for worker in workers:  # both have the page in memory now
        assert option.summary in worker(factory.get(url)).content.decode()
        assert option.summary in worker(factory.get(url)).content.decode()

    option.summary = "Edited in the admin a moment ago."
    option.save()
    for worker in workers:
        assert "Edited in the admin a moment ago." in worker(factory.get(url)).content.decode()


def test_a_relation_change_also_invalidates():
    worker, factory = _worker(), RequestFactory()
    option = TreatmentOption.objects.get(slug="methadone")
    assert "Ibogaine" not in worker(factory.get(option.get_absolute_url())).content.decode()
    option.related.add(TreatmentOption.objects.get(slug="ibogaine"))
    assert "Ibogaine" in worker(factory.get(option.get_absolute_url())).content.decode()


def test_cached_pages_are_served_compressed_to_browsers_that_ask(client):
    plain = client.get("/options/methadone/")
    cached = client.get("/options/methadone/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert cached["Content-Encoding"] == "gzip"
    assert cached["Vary"] == "Accept-Encoding"
    assert gzip.decompress(cached.content) == plain.content
    assert len(cached.content) < len(plain.content) / 3
    assert "Content-Encoding" not in client.get("/options/methadone/")


def test_signed_in_editors_and_questionnaire_pages_bypass_the_cache(client, admin_user):
    assert client.get("/questionnaire/").status_code == 200
    client.force_login(admin_user)
    assert client.get("/options/methadone/").status_code == 200
    from django.core.cache import cache

    assert not [key for key in cache._cache if "page:" in key]  # LocMemCache in tests


def test_made_up_query_strings_are_not_cached(client):
    from django.core.cache import cache

    for number in range(5):
        assert client.get("/options/methadone/", {"x": number}).status_code == 200
    assert not [key for key in cache._cache if "page:" in key]
    client.get("/compare/", {"options": ["methadone", "naloxone"]})
    assert len([key for key in cache._cache if "page:" in key]) == 1


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
