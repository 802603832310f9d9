"""Whole-page caching of content pages, always checked against the shared content version."""
import gzip
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers

from .cache import content_version

CACHEABLE_VIEWS = {
    "content:home",
    "content:page",
    "content:sources",
    "content:source-detail",
    "options:index",
    "options:detail",
    "options:continuum",
    "options:compare",
}
CACHED_HEADERS = ("Content-Type", "Content-Language")
# The admin is per user; questionnaire pages hold a person's answers and are never cached.
UNCACHED_PREFIXES = ("/admin/", "/questionnaire/")
# Only the compare page takes a query string; any other query string is not cached, so
# made-up URLs cannot fill the cache (compare only caches valid choices: a 200).
QUERY_STRING_PATHS = ("/compare/",)
# Bump the number when the shape of a cached entry changes, so a deploy never reads
# entries written by the previous code.
PAGE_KEY_PREFIX = "page:v2:"
LOCAL_PAGE_LIMIT = 500
PAGE_TIMEOUT = 60 * 60 * 24


class ContentPageCacheMiddleware:
    """Serves anonymous GETs of content pages from a cache.

    Pages are the same for every visitor (no cookies, no personal data), so one copy
    serves all. Every request first reads the content version from the shared cache
    (one small read); a page is served only if it was rendered at that version. Each
    process keeps the pages it has seen in memory and the shared cache holds them for
    the other processes, so a hit costs one shared read and an edit, which moves the
    version on, shows on the very next request everywhere.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.local_pages = {}

    def __call__(self, request):
        if not self._may_use_cache(request):
            return self.get_response(request)
        version = content_version()
        key = PAGE_KEY_PREFIX + hashlib.sha256(request.get_full_path().encode()).hexdigest()
        entry = self.local_pages.get(key)
        if entry is None or entry[0] != version:
            entry = cache.get(key)
            if entry is not None and entry[0] == version:
                self._keep_locally(key, entry)
        if entry is not None and entry[0] == version:
            return self._cached_response(request, entry)

        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        if (
            response.status_code == 200
            and match is not None
            and match.view_name in CACHEABLE_VIEWS
            and not response.cookies
            and not getattr(response, "streaming", False)
        ):
            headers = [(name, response.headers[name]) for name in CACHED_HEADERS if name in response.headers]
            # Compressed once here rather than on every request that asks for gzip.
            entry = (version, response.status_code, headers, response.content, gzip.compress(response.content, 6))
            cache.set(key, entry, timeout=PAGE_TIMEOUT)
            self._keep_locally(key, entry)
            patch_vary_headers(response, ["Accept-Encoding"])
        return response

    @staticmethod
    def _cached_response(request, entry):
        _, status, headers, body, compressed = entry
        if "gzip" in request.headers.get("Accept-Encoding", ""):
            response = HttpResponse(compressed, status=status)
            response.headers["Content-Encoding"] = "gzip"
        else:
            response = HttpResponse(body, status=status)
        for name, value in headers:
            response.headers[name] = value
        patch_vary_headers(response, ["Accept-Encoding"])
        return response

    def _keep_locally(self, key, entry):
        if len(self.local_pages) >= LOCAL_PAGE_LIMIT:
            self.local_pages.clear()
        self.local_pages[key] = entry

    @staticmethod
    def _may_use_cache(request):
        return (
            request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path_info.startswith(UNCACHED_PREFIXES)
            and (not request.META.get("QUERY_STRING") or request.path_info in QUERY_STRING_PATHS)
        )
