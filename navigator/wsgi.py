"""WSGI entry point for gunicorn: https://docs.djangoproject.com/en/5.2/howto/deployment/wsgi/"""
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "navigator.settings.production")

application = get_wsgi_application()
