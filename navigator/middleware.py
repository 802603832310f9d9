"""Security headers for every response, and Django's admin-only middleware scoped to the admin."""
from django.contrib.auth.middleware import AuthenticationMiddleware
from django.contrib.messages.middleware import MessageMiddleware
from django.contrib.sessions.middleware import SessionMiddleware
from simple_history.middleware import HistoryRequestMiddleware

# No inline script or style anywhere: every asset is a file we serve ourselves.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    ]
)
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"


class SecurityHeadersMiddleware:
    """Adds the headers Django's SecurityMiddleware does not set itself.

    Set outright rather than with setdefault: these are the site's policies, which no
    view may loosen (none tries), and the lookup setdefault makes first costs as much as
    setting the header.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        response.headers["Permissions-Policy"] = PERMISSIONS_POLICY
        return response


ADMIN_PATH_PREFIX = "/admin/"


class AdminOnlyMixin:
    """Runs a middleware for the admin's URLs only.

    Sessions, sign-in, messages and edit history belong to the admin. Public pages
    never read them, so skipping them there means a visitor's request never touches
    the session store, and the questionnaire result (rendered for every request, as
    it is never cached) does less work. Subclassing keeps Django's own classes in
    MIDDLEWARE, so the admin's system checks still find them.
    """

    def __call__(self, request):
        if not request.path_info.startswith(ADMIN_PATH_PREFIX):
            return self.get_response(request)
        return super().__call__(request)


class AdminSessionMiddleware(AdminOnlyMixin, SessionMiddleware):
    pass


class AdminAuthenticationMiddleware(AdminOnlyMixin, AuthenticationMiddleware):
    pass


class AdminMessageMiddleware(AdminOnlyMixin, MessageMiddleware):
    pass


def AdminHistoryRequestMiddleware(get_response):  # noqa: N802 (a middleware factory, named like a class)
    """django-simple-history's middleware (a function, so no mixin), for the admin only."""
    record_editor = HistoryRequestMiddleware(get_response)

    def middleware(request):
        if request.path_info.startswith(ADMIN_PATH_PREFIX):
            return record_editor(request)
        return get_response(request)

    return middleware
