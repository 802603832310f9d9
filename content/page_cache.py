"""Whole-page caching for content pages, keyed to the content version in the database.

Content pages are the same for every visitor (no cookies, no personal data), so one
rendered copy serves everyone. Each cached page carries the content version it was
rendered at, and is served only while that is still the version in the database: an
edit anywhere (admin, ORM, another process with other cache settings) changes the
version in its own transaction, so the very next request renders afresh.

The cache is only a cache. If it errors or hangs, pages are rendered from the database
(the outage is logged once, and the cache is left alone for a few seconds at a time).
If the database is down, a page already in the cache is still served.
"""
import hashlib
import logging
import secrets
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache, caches
from django.db import DatabaseError, connection
from django.http import HttpResponse

from .models import ContentVersion

logger = logging.getLogger(__name__)

# Bump when the shape of a cached entry changes, so a deploy never reads old entries.
PAGE_KEY_PREFIX = "page:v4:"
PAGE_TIMEOUT = 60 * 60 * 24
# The local-memory cache in settings.CACHES that keeps each process's own copy of what
# it served (templates cache fragments in it too).
PROCESS_CACHE = "process"
CACHEABLE_METHODS = ("GET", "HEAD")


def content_version():
    """The current content version: one small query on every request.

    Plain SQL rather than the ORM: it is the one query a cached page makes, and building
    a queryset costs several times the query itself (measured: docs/PERFORMANCE.md).
    """
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT number FROM {ContentVersion._meta.db_table} WHERE id = %s", [ContentVersion.SINGLETON_ID])
        row = cursor.fetchone()
    if row is None:  # a flushed test database, or a table made before its data migration
        return ContentVersion.objects.get_or_create(pk=ContentVersion.SINGLETON_ID)[0].number
    return row[0]


def bump_content_version():
    """Moves the version on; call inside the transaction that changes content (signals do)."""
    # Random rather than a counter: a database restored from a backup must not meet a
    # cached page that was rendered at "its" number from other content.
    number = secrets.randbits(62)
    updated = ContentVersion.objects.filter(pk=ContentVersion.SINGLETON_ID).update(number=number)
    if not updated:
        ContentVersion.objects.update_or_create(pk=ContentVersion.SINGLETON_ID, defaults={"number": number})


class FailOpenCache:
    """The default cache, used so that its failure never fails a page.

    After an error the cache is skipped for RETRY_SECONDS, so a hung server costs one
    socket timeout per process every few seconds rather than one per request; the first
    error of an outage is logged, and so is the recovery.
    """

    RETRY_SECONDS = 5.0

    def __init__(self):
        self.skip_until = 0.0
        self.outage = False

    def get(self, key):
        return self._call(cache.get, key)

    def set(self, key, value, timeout):
        self._call(cache.set, key, value, timeout)

    def _call(self, operation, *args):
        if time.monotonic() < self.skip_until:
            return None
        try:
            result = operation(*args)
        except Exception as error:  # any backend's connection, timeout or protocol error
            self.skip_until = time.monotonic() + self.RETRY_SECONDS
            if not self.outage:
                self.outage = True
                logger.warning("The cache failed (%s); pages are served from the database until it answers.",
                               type(error).__name__)
            return None
        if self.outage:
            self.outage = False
            logger.warning("The cache answers again.")
        return result


fail_open_cache = FailOpenCache()


def page_key(request, query_params):
    """Path, plus the allowed query parameters: the host, port and scheme do not change
    a content page (headers that depend on them are added by middleware on every request)."""
    query = request.GET.copy()
    for name in list(query):
        if name not in query_params:
            del query[name]
    identity = request.path + "?" + query.urlencode()
    return PAGE_KEY_PREFIX + hashlib.sha256(identity.encode()).hexdigest()


def cache_content_page(view=None, *, query_params=()):
    """Serve a content view from the shared cache while the content has not changed.

    `query_params` names the query parameters the page depends on; a request with any
    other query parameter is rendered but not cached, so made-up URLs cannot fill the
    cache. Only plain 200 responses without cookies are kept. Signed-in editors (anyone
    with a session cookie) always get a fresh page.
    """
    if view is None:
        return lambda view: cache_content_page(view, query_params=query_params)

    @wraps(view)
    def cached_view(request, *args, **kwargs):
        if (
            request.method not in CACHEABLE_METHODS
            or settings.SESSION_COOKIE_NAME in request.COOKIES
            or set(request.GET) - set(query_params)
        ):
            return view(request, *args, **kwargs)
        key = page_key(request, query_params)
        try:
            version = content_version()
        except DatabaseError:
            # The database is down: a page cached at any version beats an error page, and
            # nothing can be edited until it is back.
            entry = cached_entry(key, version=None)
            if entry is None:
                raise
            return response_from(entry)
        entry = cached_entry(key, version)
        if entry is not None:
            return response_from(entry)
        response = view(request, *args, **kwargs)
        if callable(getattr(response, "render", None)):
            response.render()  # a TemplateResponse: its content is needed now
        if response.status_code == 200 and not response.cookies and not response.streaming:
            keep_entry(key, (version, response["Content-Type"], response.content))
        return response

    return cached_view


def cached_entry(key, version):
    """The page as rendered at `version` (at any version if None): this process's copy first,
    then the shared cache's."""
    local = caches[PROCESS_CACHE]
    entry = local.get(key)
    if entry is not None and version in (None, entry[0]):
        return entry
    entry = fail_open_cache.get(key)
    if entry is not None and version in (None, entry[0]):
        local.set(key, entry, PAGE_TIMEOUT)
        return entry
    return None


def keep_entry(key, entry):
    caches[PROCESS_CACHE].set(key, entry, PAGE_TIMEOUT)
    fail_open_cache.set(key, entry, PAGE_TIMEOUT)


def response_from(entry):
    _, content_type, content = entry
    return HttpResponse(content, content_type=content_type)
