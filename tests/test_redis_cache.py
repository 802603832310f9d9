"""Against a real Redis (NAVIGATOR_TEST_REDIS_URL, set by CI): pages are shared through it,
and an edit still shows on the next request."""
import os

import pytest
from django.core.cache import caches
from django.test.signals import template_rendered

from options.models import TreatmentOption

REDIS_URL = os.environ.get("NAVIGATOR_TEST_REDIS_URL", "")
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not REDIS_URL, reason="set NAVIGATOR_TEST_REDIS_URL to test against a real Redis"),
]


@pytest.fixture
def real_redis(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
        },
        "process": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "real-redis"},
    }
    caches["default"].clear()  # raises if the server is missing: in CI that is a failure, not a skip
    yield
    caches["default"].clear()


def renders(client, url):
    rendered = []

    def count(sender, template, **kwargs):
        rendered.append(template.name)

    template_rendered.connect(count)
    try:
        response = client.get(url)
    finally:
        template_rendered.disconnect(count)
    assert response.status_code == 200
    return bool(rendered), response.content.decode()


def test_a_page_is_shared_through_redis_and_an_edit_shows_on_the_next_request(real_redis, client):
    option = TreatmentOption.objects.get(slug="methadone")
    url = option.get_absolute_url()
    assert renders(client, url)[0]
    caches["process"].clear()  # as another process would be: only Redis has the page
    assert not renders(client, url)[0]
    option.summary = "Edited while Redis held the page."
    option.save()
    assert "Edited while Redis held the page." in renders(client, url)[1]
