"""Any content change moves the content version on, in the same transaction as the change."""
from content.page_cache import bump_content_version

from .content_apps import CONTENT_APP_LABELS, NOT_CONTENT_MODELS


def is_content_model(model):
    meta = model._meta
    return (
        meta.app_label in CONTENT_APP_LABELS
        and meta.label_lower not in NOT_CONTENT_MODELS
        and not meta.model_name.startswith("historical")
    )


def content_changed(sender, **kwargs):
    if is_content_model(sender):
        bump_content_version()


def m2m_content_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and is_content_model(type(instance)):
        bump_content_version()
