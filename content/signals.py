"""Any content change moves the shared content version on, so cached pages are never stale."""
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from .apps import CONTENT_APP_LABELS
from .cache import bump_content_version


def _is_content_model(sender):
    meta = getattr(sender, "_meta", None)
    return meta is not None and meta.app_label in CONTENT_APP_LABELS and not meta.model_name.startswith("historical")


def _bump_now_and_after_commit():
    # Now, so the change shows at once; and again after commit, because a request that
    # read the new version before the commit may have cached a page of the old content.
    bump_content_version()
    transaction.on_commit(bump_content_version)


def content_changed(sender, **kwargs):
    if _is_content_model(sender):
        _bump_now_and_after_commit()


def m2m_content_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and _is_content_model(type(instance)):
        _bump_now_and_after_commit()


post_save.connect(content_changed, dispatch_uid="content_changed_save")
post_delete.connect(content_changed, dispatch_uid="content_changed_delete")
m2m_changed.connect(m2m_content_changed, dispatch_uid="content_changed_m2m")
