"""The "Editors" group: exactly the permissions content editing needs, nothing on users."""
from django.apps import apps as global_apps

from .content_apps import CONTENT_APP_LABELS

EDITORS_GROUP = "Editors"


def ensure_editors_group(apps=global_apps, **kwargs):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    permissions = Permission.objects.filter(content_type__app_label__in=CONTENT_APP_LABELS)
    group.permissions.set(permissions)
    return group


def ensure_editors_group_after_migrate(sender, apps=global_apps, **kwargs):
    # auth creates each app's permissions when post_migrate is sent for that app, so the
    # group is brought up to date after each content app's turn; the last one completes it.
    if sender.label in CONTENT_APP_LABELS:
        ensure_editors_group(apps=apps)
