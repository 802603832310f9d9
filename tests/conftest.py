import pytest
from django.core.cache import caches
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test database starts with the real content, loaded once per session."""
    with django_db_blocker.unblock():
        call_command("load_content", verbosity=0)


@pytest.fixture(autouse=True)
def _fresh_cache():
    for each in caches.all():
        each.clear()
    yield
    for each in caches.all():
        each.clear()


@pytest.fixture
def content_loaded(transactional_db):
    """For tests that flush the database (live server): load the content again."""
    call_command("load_content", verbosity=0)


@pytest.fixture(autouse=True)
def _cache_not_skipped():
    """A test that made the cache fail must not leave later tests skipping it."""
    from content.page_cache import fail_open_cache

    fail_open_cache.skip_until, fail_open_cache.outage = 0.0, False
    yield
    fail_open_cache.skip_until, fail_open_cache.outage = 0.0, False
