"""Whole-page caching of content pages in the shared cache, keyed by the content version."""
import hashlib

from django.conf import settings
from django.http import HttpResponse

from django.core.cache import cache

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


class ContentPageCacheMiddleware:
    """Serves anonymous GETs of content pages from the shared cache.

    Pages are the same for every visitor (no cookies, no personal data), so one copy
    serves all. The key carries the content version, which every edit moves on.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self._may_use_cache(request):
            return self.get_response(request)
        key = f"page:{content_version()}:{hashlib.sha256(request.get_full_path().encode()).hexdigest()}"
        cached = cache.get(key)
        if cached is not None:
            status, headers, body = cached
            response = HttpResponse(body, status=status)
            for name, value in headers:
                response.headers[name] = value
            return response
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
            cache.set(key, (response.status_code, headers, response.content), timeout=60 * 60 * 24)
        return response

    @staticmethod
    def _may_use_cache(request):
        return (
            request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path_info.startswith("/admin/")
        )
