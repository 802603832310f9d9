"""The "Editors" group: exactly the permissions content editing needs, nothing on users."""
from django.apps import apps as global_apps

EDITORS_GROUP = "Editors"
CONTENT_APP_LABELS = ("content", "options", "navigator")


def ensure_editors_group(apps=global_apps, **kwargs):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    permissions = Permission.objects.filter(content_type__app_label__in=CONTENT_APP_LABELS)
    group.permissions.set(permissions)
    return group


def ensure_editors_group_after_migrate(sender, apps=global_apps, **kwargs):
    # Permissions are created by a post_migrate handler of auth; ours runs after it
    # because "content" comes after "django.contrib.auth" in INSTALLED_APPS.
    if sender.label == "content":
        ensure_editors_group(apps=apps)
