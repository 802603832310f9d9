"""Any content change moves the shared content version on, so cached pages are never stale."""
from django.db.models.signals import m2m_changed, post_delete, post_save

from .cache import bump_content_version

CONTENT_APPS = {"content", "options", "navigator"}


def _is_content_model(sender):
    meta = getattr(sender, "_meta", None)
    return meta is not None and meta.app_label in CONTENT_APPS and not meta.model_name.startswith("historical")


def content_changed(sender, **kwargs):
    if _is_content_model(sender):
        bump_content_version()


def m2m_content_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and _is_content_model(type(instance)):
        bump_content_version()


post_save.connect(content_changed, dispatch_uid="content_changed_save")
post_delete.connect(content_changed, dispatch_uid="content_changed_delete")
m2m_changed.connect(m2m_content_changed, dispatch_uid="content_changed_m2m")
