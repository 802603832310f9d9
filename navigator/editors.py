"""The "Editors" group: exactly the permissions content editing needs, nothing on users.

migrate creates the group with every content permission. Later it adds only the permissions
of content models that are new since (each grant is recorded in EditorsGrant), so a permission
an administrator removes from the group stays removed.
"""
from django.apps import apps as global_apps

from .content_apps import CONTENT_APP_LABELS, NOT_CONTENT_MODELS

EDITORS_GROUP = "Editors"


def ensure_editors_group(apps=global_apps, **kwargs):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    EditorsGrant = apps.get_model("navigator", "EditorsGrant")
    group, created = Group.objects.get_or_create(name=EDITORS_GROUP)
    content_permissions = Permission.objects.filter(content_type__app_label__in=CONTENT_APP_LABELS).exclude(
        content_type__model__in=[label.split(".")[1] for label in NOT_CONTENT_MODELS]
    )
    if created:  # a new group (or one an administrator deleted) starts with everything
        EditorsGrant.objects.filter(permission__in=content_permissions).delete()
    new = content_permissions.exclude(pk__in=EditorsGrant.objects.values("permission"))
    new = list(new)
    group.permissions.add(*new)
    EditorsGrant.objects.bulk_create([EditorsGrant(permission=permission) for permission in new])
    return group


def ensure_editors_group_after_migrate(sender, apps=global_apps, **kwargs):
    # auth creates each app's permissions when post_migrate is sent for that app, so the
    # group is brought up to date after each content app's turn; the last one completes it.
    if sender.label in CONTENT_APP_LABELS:
        try:
            apps.get_model("navigator", "EditorsGrant")
        except LookupError:  # migrating backwards, before the grants table exists
            return
        ensure_editors_group(apps=apps)
