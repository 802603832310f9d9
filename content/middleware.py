"""Marks the responses that content.page_cache may keep and serve to everyone."""
from .page_cache import CACHEABLE_FLAG

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


class MarkCacheablePagesMiddleware:
    """Flags a response as a cacheable content page for the WSGI page cache in front.

    The decision needs the resolved view, which only Django knows; the flag travels in
    request.META, which is the WSGI environ the page cache holds.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        if (
            response.status_code == 200
            and match is not None
            and match.view_name in CACHEABLE_VIEWS
            and not response.cookies
            and not getattr(response, "streaming", False)
        ):
            request.META[CACHEABLE_FLAG] = True
        return response
