from django.apps import AppConfig
from django.db.models.signals import post_migrate

# The apps whose models are site content: edited by Editors, kept in history, cached.
CONTENT_APP_LABELS = ("content", "options", "navigator")


class ContentConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "content"
    verbose_name = "Sources and site pages"

    def ready(self):
        from . import signals  # noqa: F401
        from .editors import ensure_editors_group_after_migrate

        post_migrate.connect(ensure_editors_group_after_migrate, dispatch_uid="ensure_editors_group")
