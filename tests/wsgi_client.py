"""A visitor that goes through the whole served stack: the WSGI page cache, then Django.

Django's test client calls Django's handler directly, so it never meets the page cache
that navigator.wsgi puts in front. Each SiteWorker is one app process: its own page
cache (with its own in-process pages) over the shared cache.
"""
import io
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from content.page_cache import PageCache


@dataclass
class WSGIResponse:
    status_code: int
    headers: dict
    content: bytes

    def __getitem__(self, name):
        return self.headers[name.lower()]

    def __contains__(self, name):
        return name.lower() in self.headers


class SiteWorker:
    def __init__(self):
        self.application = PageCache(WSGIHandler())

    def get(self, path, query=None, *, host="testserver", method="GET", **headers):
        query_string = urlencode(query, doseq=True) if isinstance(query, dict) else (query or "")
        environ = {
            "REQUEST_METHOD": method,
            "PATH_INFO": path,
            "QUERY_STRING": query_string,
            "SCRIPT_NAME": "",
            "SERVER_NAME": "testserver",
            "SERVER_PORT": "80",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "HTTP_HOST": host,
            "wsgi.version": (1, 0),
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(b""),
            "wsgi.errors": sys.stderr,
            "wsgi.multithread": False,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
        }
        for name, value in headers.items():
            environ["HTTP_" + name.upper().replace("-", "_")] = value
        started = {}

        def start_response(status, response_headers, exc_info=None):
            started["status"] = int(status.split(" ", 1)[0])
            started["headers"] = {name.lower(): value for name, value in response_headers}
            # A header other than Set-Cookie must appear once: a cached page must not repeat one.
            names = [name.lower() for name, _ in response_headers if name.lower() != "set-cookie"]
            assert len(names) == len(set(names)), response_headers

        with keeping_the_test_database_connection():
            result = self.application(environ, start_response)
            try:
                body = b"".join(result)
            finally:
                if hasattr(result, "close"):
                    result.close()
        return WSGIResponse(started["status"], started["headers"], body)


@contextmanager
def keeping_the_test_database_connection():
    """As Django's test client does: a request must not close the connection that holds
    the test's transaction (PostgreSQL would lose the test's data mid-test)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
