"""A content version kept in the shared cache; cached pages are keyed by it.

Every worker reads the same version from the same cache, so bumping it on any edit
makes every worker miss on its next request: nothing waits for a timeout.
"""
import secrets
import threading

from django.core.cache import caches
from django.core.signals import setting_changed
from django.dispatch import receiver

VERSION_KEY = "navigator:content-version"


class _ThreadCache(threading.local):
    generation = -1
    backend = None


_thread_cache = _ThreadCache()
_generation = 0


def shared_cache():
    """The default cache backend, as `django.core.cache.cache` gives it, for less.

    Every request reads the content version, and the `cache` proxy looks the backend up
    through asgiref's context-local storage on each use: about a fiftieth of a whole
    result page. Django keeps one backend per thread, and so does this (a thread-local
    is read in C). A change to CACHES (tests override it) is followed, as Django follows it.
    """
    if _thread_cache.generation != _generation:
        _thread_cache.backend = caches["default"]
        _thread_cache.generation = _generation
    return _thread_cache.backend


@receiver(setting_changed)
def _follow_caches_setting(setting, **kwargs):
    global _generation
    if setting == "CACHES":
        _generation += 1


def content_version():
    cache = shared_cache()
    version = cache.get(VERSION_KEY)
    if version is None:
        version = new_version()
        # add() so two workers racing here agree on one value.
        cache.add(VERSION_KEY, version, timeout=None)
        version = cache.get(VERSION_KEY, version)
    return version


def content_version_later():
    """Starts reading the content version and returns a function that gives it.

    With Redis the read is sent at once and its answer collected when the function is
    called, so a request can do its work while the answer travels. Other caches answer
    at once.
    """
    get_later = getattr(shared_cache(), "get_later", None)
    if get_later is None:
        version = content_version()
        return lambda: version
    pending = get_later(VERSION_KEY)
    return lambda: pending.value() or content_version()


def bump_content_version():
    shared_cache().set(VERSION_KEY, new_version(), timeout=None)


def new_version():
    """A random number, not a counter: a counter would start again if the cache were
    emptied, and a process could then take an old version for the current one. An
    integer is stored as plain digits, which the Redis backend reads back without
    unpickling."""
    return secrets.randbits(64)
