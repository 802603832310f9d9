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


def no_history_for_loaded_records(sender, instance, raw=False, **kwargs):
    """loaddata saves raw and then sets many-to-many fields, and django-simple-history records an
    entry for each such change: a restored backup would gain entries it never had (and on
    PostgreSQL they collide with the restored ones). simple_history's documented switch,
    skip_history_when_saving, turns that off for records being loaded."""
    if raw and is_content_model(sender):
        instance.skip_history_when_saving = True
