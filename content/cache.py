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


def bump_content_version():
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)

