"""Settings shared by every mode. Each mode module imports this and overrides."""
import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


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
    "content",
    "options",
    "navigator",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # The page cache (content.page_cache) stores responses after all of these have run,
    # so cached pages carry the same security headers as fresh ones.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "navigator.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "content.middleware.MarkCacheablePagesMiddleware",
    # Sessions, sign-in, messages and history run for /admin/ only: public pages use none
    # of them (navigator.middleware.AdminOnlyMixin).
    "navigator.middleware.AdminSessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "navigator.middleware.AdminAuthenticationMiddleware",
    "navigator.middleware.AdminMessageMiddleware",
    "navigator.middleware.AdminHistoryRequestMiddleware",
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
    )
}

# One cache shared by every worker on every machine: Redis when REDIS_URL is set,
# otherwise the database (still shared by all workers). Never a per-process cache,
# because an admin edit must show on the very next request in every worker.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "navigator.cache_backends.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "navigator_cache",
            # Room for every content page and compare choice without culling (culling
            # could drop the sign-in throttle's counts).
            "OPTIONS": {"MAX_ENTRIES": 50000},
        }
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

# Admin sign-in throttle (navigator/throttle.py).
LOGIN_FAILURE_LIMIT = int(os.environ.get("DJANGO_LOGIN_FAILURE_LIMIT", "5"))
LOGIN_FAILURE_WINDOW_SECONDS = 15 * 60
# How many proxies (load balancers) in front of the app append to X-Forwarded-For. The
# client's address is the entry that many places from the right; 0 means use REMOTE_ADDR.
TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", "0"))

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
