"""The Editors group (issue 14, item 3): migrate gives it the permissions of new content models,
and never again one an administrator removed."""
import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command

from navigator.editors import EDITORS_GROUP

pytestmark = pytest.mark.django_db


def editors_codenames():
    return set(Group.objects.get(name=EDITORS_GROUP).permissions.values_list("codename", flat=True))


def test_migrate_never_restores_a_permission_an_administrator_removed():
    group = Group.objects.get(name=EDITORS_GROUP)
    group.permissions.remove(Permission.objects.get(codename="delete_treatmentoption"))
    call_command("migrate", verbosity=0)
    assert "delete_treatmentoption" not in editors_codenames()
    assert "change_treatmentoption" in editors_codenames()


def test_migrate_gives_editors_the_permissions_of_a_new_content_model():
    new_model = ContentType.objects.create(app_label="options", model="newcontentmodel")
    Permission.objects.create(codename="change_newcontentmodel", name="Can change new", content_type=new_model)
    call_command("migrate", verbosity=0)
    assert "change_newcontentmodel" in editors_codenames()


def test_a_deleted_group_comes_back_whole_and_editors_get_no_bookkeeping_permissions():
    Group.objects.get(name=EDITORS_GROUP).delete()
    call_command("migrate", verbosity=0)
    codenames = editors_codenames()
    assert {"change_treatmentoption", "delete_treatmentoption", "change_question"} <= codenames
    assert not codenames & {"change_editorsgrant", "delete_editorsgrant", "change_contentversion"}
