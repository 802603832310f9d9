"""A content version kept in the shared cache; cached pages are keyed by it.

Every worker reads the same version from the same cache, so bumping it on any edit
makes every worker miss on its next request: nothing waits for a timeout.
"""
import uuid

from django.core.cache import cache

VERSION_KEY = "navigator:content-version"


def content_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
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
    get_later = getattr(cache, "get_later", None)
    if get_later is None:
        version = content_version()
        return lambda: version
    pending = get_later(VERSION_KEY)
    return lambda: pending.value() or content_version()


def bump_content_version():
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)

