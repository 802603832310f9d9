"""Settings shared by every mode. Each mode module imports this and overrides."""
import hashlib
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def code_release():
    """A short hash of the code that renders pages (templates, static files, Python): cached
    pages are keyed by it, so a deploy never serves a page an older release rendered."""
    digest = hashlib.sha256()
    for folder in ("templates", "static", "navigator", "content", "options"):
        for path in sorted((BASE_DIR / folder).rglob("*")):
            if path.is_file() and path.suffix in {".html", ".css", ".js", ".py"}:
                digest.update(str(path.relative_to(BASE_DIR)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only-insecure-key-change-me")
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "simple_history",
    "crispy_forms",
    "crispy_bootstrap5",
    "axes",
    "content",
    "options",
    "navigator",
]

# Django's documented order, with each library's middleware where its docs put it.
# Sessions, sign-in and messages touch nothing until a view uses them, so a visitor's
# request reads no session and gets no cookie.
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    # Ours: public pages refuse uploads and large bodies before anything reads the body.
    "navigator.request_limits.PublicRequestLimits",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "navigator.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "navigator.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "navigator.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        # A connection the server dropped is noticed before a request uses it.
        conn_health_checks=True,
    )
}

# The cache is only a cache: the content version lives in the database, so pages are
# never stale whatever the cache holds, and content.page_cache serves from the database
# when the cache fails. Redis when REDIS_URL is set, else the database cache; both are
# shared by every worker.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHE_TIMEOUT_SECONDS = float(os.environ.get("NAVIGATOR_CACHE_TIMEOUT", "0.25"))
if REDIS_URL:
    SHARED_CACHE = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        # Passed to redis-py's connection pool: a sick Redis costs milliseconds.
        "OPTIONS": {"socket_connect_timeout": CACHE_TIMEOUT_SECONDS, "socket_timeout": CACHE_TIMEOUT_SECONDS},
    }
else:
    SHARED_CACHE = {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "navigator_cache",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
# NAVIGATOR_RELEASE (e.g. the commit deployed) names the release; without it, a hash of the code.
RELEASE = os.environ.get("NAVIGATOR_RELEASE") or code_release()
CACHE_KEY_PREFIX = f"navigator-{RELEASE}"
SHARED_CACHE["KEY_PREFIX"] = CACHE_KEY_PREFIX
CACHES = {
    "default": SHARED_CACHE,
    # Each process's own copy of what it served lately (pages and result fragments), keyed
    # by content version like the shared cache, so it is never stale; it spares a round
    # trip to Redis and cannot fail.
    "process": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "process",
                "KEY_PREFIX": CACHE_KEY_PREFIX, "OPTIONS": {"MAX_ENTRIES": 1000}},
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# The site icon (/favicon.ico, /apple-touch-icon.png) is served at the root by WhiteNoise, so no
# page load ends in a 404 in the browser's console.
WHITENOISE_ROOT = BASE_DIR / "static" / "root"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


# Privacy: sessions exist only for the admin. Cookies are as tight as the site allows.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Strict"
SESSION_COOKIE_AGE = 60 * 60 * 8
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Strict"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

LOGIN_URL = "admin:login"

# Where "Leave this site quickly" goes: a neutral page that looks like ordinary browsing.
QUICK_EXIT_URL = os.environ.get("NAVIGATOR_QUICK_EXIT_URL", "https://www.bbc.co.uk/weather")

# Admin sign-in throttling (django-axes). Attempts are kept in the database, so a cache
# flush or restart forgets nothing; failures lock the username and, separately, the address.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/login_throttled.html"
AXES_CLIENT_IP_CALLABLE = "navigator.client_address.client_address"
AXES_USERNAME_CALLABLE = "navigator.client_address.normalised_username"
# How many proxies (load balancers) in front of the app append to X-Forwarded-For. The
# client's address is the entry that many places from the right; 0 means use REMOTE_ADDR.
TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", "0"))

# Forms: django-crispy-forms with the Bootstrap 5 pack (templates/bootstrap5 overrides
# a few of its templates for accessibility).
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# No inline script or style anywhere: every asset is a file we serve ourselves.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}
PERMISSIONS_POLICY = {
    "camera": [], "microphone": [], "geolocation": [], "payment": [], "usb": [], "interest-cohort": [],
}

# The questionnaire never logs answers: request logging in Django only records paths,
# and answers travel in POST bodies (or, when the user chooses to share, in a link).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"without_query_strings": {"()": "navigator.log_filters.WithoutQueryStrings"}},
    "formatters": {
        # Django's own format for the development server's request lines.
        "django.server": {"()": "django.utils.log.ServerFormatter", "format": "[{server_time}] {message}", "style": "{"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "django.server": {"level": "INFO", "class": "logging.StreamHandler", "formatter": "django.server"},
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        # runserver logs each request line, and a shared result's link holds the answers.
        "django.server": {
            "handlers": ["django.server"],
            "level": "INFO",
            "propagate": False,
            "filters": ["without_query_strings"],
        },
    },
}
