"""
WSGI config for navigator project.

It exposes the WSGI callable as a module-level variable named ``application``.

For more information on this file, see
https://docs.djangoproject.com/en/5.2/howto/deployment/wsgi/
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'navigator.settings.production')

django_application = get_wsgi_application()

# Imported after Django is set up: the page cache reads settings and the cache.
from content.page_cache import PageCache  # noqa: E402

# Cached content pages are served in front of Django; everything else goes through it.
application = PageCache(django_application)
