"""WSGI entry point of the bare benchmark project (run with --pythonpath benchmarks/bare)."""
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bare_settings")
application = get_wsgi_application()
