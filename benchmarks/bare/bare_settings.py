"""The bare framework: Django with one view and nothing else, as a baseline for scripts/benchmark.py.

No apps, no middleware, no templates, no database: what a request costs in Django
itself (plus gunicorn) on this machine.
"""
import os

DEBUG = False
# Signs nothing here (no sessions, no CSRF); the benchmark passes its own random key.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "bare-benchmark-only-not-a-secret-" + "x" * 32)
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
ROOT_URLCONF = "bare_urls"
WSGI_APPLICATION = "bare_wsgi.application"
INSTALLED_APPS = []
MIDDLEWARE = []
DATABASES = {}
TEMPLATES = []
USE_I18N = False
USE_TZ = True
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
