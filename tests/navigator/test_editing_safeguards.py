"""Editors' work is safe (issue 14, items 3 and 5): migrate gives the Editors group the
permissions of new content models and never again one an administrator removed, and
`load_content --force` records history for what it replaces."""
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


def test_load_content_force_ends_each_replaced_records_history_with_the_live_text():
    from options.models import TreatmentOption

    option = TreatmentOption.objects.get(slug="methadone")
    published = option.summary
    option.summary = "An editor's change that --force will replace."
    option.save()
    call_command("load_content", "--force", verbosity=0)
    option.refresh_from_db()
    assert option.summary == published
    latest = option.history.order_by("-history_date", "-history_id").first()
    assert latest.summary == published and latest.history_type == "~"
    assert "load_content --force" in latest.history_change_reason
    assert option.history.filter(summary="An editor's change that --force will replace.").exists()  # kept
