from .base import *  # noqa: F401,F403
from .base import CACHE_KEY_PREFIX

DEBUG = False
SECRET_KEY = "test-only-secret-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# One process runs the tests (the live server is a thread in it), so a local-memory
# cache is shared by everything that serves a request here.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests",
                "KEY_PREFIX": CACHE_KEY_PREFIX},
    "process": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests-process",
                "KEY_PREFIX": CACHE_KEY_PREFIX},
}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Serve static files straight from the app folders, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# SQLite's test database is a file, not memory: some tests start other processes
# (gunicorn, manage.py) that must see the same database.
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405 (from base)
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / ".test-db.sqlite3")}  # noqa: F405
