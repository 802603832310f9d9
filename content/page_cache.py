"""Whole-page cache for content pages, in front of Django, checked against the content version.

Content pages are the same for every visitor (no cookies, no personal data), so one
rendered copy serves everyone. The cache sits in front of Django as a WSGI wrapper, the
way a caching proxy would, so that a hit costs what it must and little else: one read
of the shared content version and a dictionary lookup. Django still renders every page
and decides which pages may be kept (content.middleware.MarkCacheablePagesMiddleware);
this layer stores exactly the status, headers and body Django sent.

Why it is never stale: every request first reads the content version from the shared
cache, and a page is served only if it was rendered at that version. An edit moves the
version on (content.signals), so the very next request in every worker, on every
machine, renders afresh. Each process keeps the pages it has seen in memory and the
shared cache holds them for the other processes.
"""
import gzip
import hashlib
import logging

from django.conf import settings
from .cache import content_version, shared_cache

logger = logging.getLogger(__name__)

# Set in the WSGI environ (which is request.META) by MarkCacheablePagesMiddleware.
CACHEABLE_FLAG = "navigator.cacheable_page"
# The admin is per user; questionnaire pages hold a person's answers and are never cached.
UNCACHED_PREFIXES = ("/admin/", "/questionnaire/", "/static/")
# Only the compare page takes a query string; any other query string is not cached, so
# made-up URLs cannot fill the cache (compare only caches valid choices: a 200).
QUERY_STRING_PATHS = ("/compare/",)
# Bump the number when the shape of a cached entry changes, so a deploy never reads
# entries written by the previous code.
PAGE_KEY_PREFIX = "page:v3:"
LOCAL_PAGE_LIMIT = 500
PAGE_TIMEOUT = 60 * 60 * 24
GZIP_LEVEL = 6


class PageCache:
    """WSGI middleware: serves GETs of content pages from the cache, renders the rest."""

    def __init__(self, application):
        self.application = application
        self.local_pages = {}

    def __call__(self, environ, start_response):
        if not may_use_cache(environ):
            return self.application(environ, start_response)
        try:
            version = content_version()
        except Exception:  # the shared cache is down: serve uncached rather than fail
            logger.warning("Page cache skipped: the content version could not be read.", exc_info=True)
            return self.application(environ, start_response)
        key = page_key(environ)
        entry = self._current_entry(key, version)
        if entry is not None:
            return serve(entry, environ, start_response)
        return self._render(environ, start_response, key, version)

    def _current_entry(self, key, version):
        """This page as rendered at `version`, from this process or the shared cache; else None."""
        entry = self.local_pages.get(key)
        if entry is not None and entry[0] == version:
            return entry
        entry = shared_cache().get(key)
        if entry is not None and entry[0] == version:
            self._keep_locally(key, entry)
            return entry
        return None

    def _render(self, environ, start_response, key, version):
        captured = []

        def capture_start_response(status, headers, exc_info=None):
            captured[:] = [status, headers, exc_info]
            return lambda data: None  # Django never uses the legacy write() callable

        result = self.application(environ, capture_start_response)
        status, headers, exc_info = captured
        if not (environ.get(CACHEABLE_FLAG) and status.startswith("200 ") and not _sets_cookie(headers)):
            start_response(status, headers, exc_info)
            return result
        try:
            body = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        entry = make_entry(version, status, headers, body)
        shared_cache().set(key, entry, timeout=PAGE_TIMEOUT)
        self._keep_locally(key, entry)
        return serve(entry, environ, start_response)

    def _keep_locally(self, key, entry):
        if len(self.local_pages) >= LOCAL_PAGE_LIMIT:
            self.local_pages.clear()
        self.local_pages[key] = entry


def may_use_cache(environ):
    path = environ.get("PATH_INFO", "")
    return (
        environ.get("REQUEST_METHOD") == "GET"
        and not path.startswith(UNCACHED_PREFIXES)
        and (not environ.get("QUERY_STRING") or path in QUERY_STRING_PATHS)
        # Signed-in editors (and anyone with a session) always get a fresh page. A
        # substring test may also bypass for a look-alike cookie name: the safe side.
        and settings.SESSION_COOKIE_NAME + "=" not in environ.get("HTTP_COOKIE", "")
    )


def page_key(environ):
    """Everything a content page's bytes depend on: scheme (HSTS), host, path and query."""
    forwarded_proto = ""
    if settings.SECURE_PROXY_SSL_HEADER:
        forwarded_proto = environ.get(settings.SECURE_PROXY_SSL_HEADER[0], "")
    parts = (
        environ.get("wsgi.url_scheme", ""),
        forwarded_proto,
        environ.get("HTTP_HOST") or environ.get("SERVER_NAME", ""),
        environ.get("SCRIPT_NAME", ""),
        environ.get("PATH_INFO", ""),
        environ.get("QUERY_STRING", ""),
    )
    # surrogatepass: every str encodes, and differently for different str.
    return PAGE_KEY_PREFIX + hashlib.sha256("\n".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def make_entry(version, status, headers, body):
    """A cached page: plain and gzip variants, each with its own headers, compressed once."""
    base = [(name, value) for name, value in headers if name.lower() not in ("content-length", "vary")]
    vary = [value for name, value in headers if name.lower() == "vary"]
    base.append(("Vary", ", ".join(vary + ["Accept-Encoding"])))
    compressed = gzip.compress(body, GZIP_LEVEL)
    plain_headers = base + [("Content-Length", str(len(body)))]
    gzip_headers = base + [("Content-Encoding", "gzip"), ("Content-Length", str(len(compressed)))]
    return (version, status, plain_headers, body, gzip_headers, compressed)


def serve(entry, environ, start_response):
    _, status, plain_headers, body, gzip_headers, compressed = entry
    if "gzip" in environ.get("HTTP_ACCEPT_ENCODING", ""):
        start_response(status, list(gzip_headers))
        return [compressed]
    start_response(status, list(plain_headers))
    return [body]


def _sets_cookie(headers):
    return any(name.lower() == "set-cookie" for name, _ in headers)
