"""content.cache: the shared content version and the per-thread cache backend."""
import threading

from django.core.cache import caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.test import override_settings

from content.cache import bump_content_version, content_version, shared_cache

DUMMY = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


def test_shared_cache_is_this_threads_default_backend():
    assert shared_cache() is caches["default"]
    in_other_thread = []
    thread = threading.Thread(target=lambda: in_other_thread.append(shared_cache()))
    thread.start()
    thread.join()
    assert in_other_thread[0] is not shared_cache()  # as Django keeps one backend per thread


def test_shared_cache_follows_a_change_to_the_caches_setting():
    assert isinstance(shared_cache(), LocMemCache)
    with override_settings(CACHES=DUMMY):
        assert isinstance(shared_cache(), DummyCache)
    assert isinstance(shared_cache(), LocMemCache)
    assert shared_cache() is caches["default"]


def test_an_edit_moves_the_version_to_a_new_number():
    before = content_version()
    bump_content_version()
    after = content_version()
    assert isinstance(after, int) and after != before
    assert content_version() == after
