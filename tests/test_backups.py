"""Backups restore (issue 14, item 4): the README's dumpdata command, then loaddata into an empty
database, gives back the whole site, history included, on SQLite and on PostgreSQL."""
import io

import pytest
from django.core.management import call_command
from django.db import connection

from options.models import TreatmentOption

pytestmark = pytest.mark.django_db

# As in the README: natural keys for content types and permissions (migrate makes its own),
# primary keys kept for everything else, so history rows still point at their records.
BACKUP = ["--natural-foreign", "-e", "contenttypes", "-e", "auth.permission", "-e", "sessions",
          "-e", "navigator.editorsgrant"]


def dump(*leave_out):
    out = io.StringIO()
    call_command("dumpdata", *BACKUP, *leave_out, "--indent", "1", stdout=out)
    return out.getvalue()


def empty_the_database():
    """As after migrate on a new database (flush runs post_migrate: content types, permissions,
    the Editors group). The test's transaction is rolled back afterwards."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # let TRUNCATE run: check the edits' foreign keys now
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", "--noinput", verbosity=0)


def test_a_backup_restores_into_an_empty_database_with_its_history(tmp_path):
    option = TreatmentOption.objects.get(slug="methadone")
    option.summary = "Edited before the backup."
    option.save()  # a change with a history entry, and a many-to-many change below
    option.related.add(TreatmentOption.objects.get(slug="naloxone"))
    backup = dump()
    compared = dump("-e", "content.contentversion")  # a restore moves the content version on, as any edit does
    history_before = list(option.history.values_list("history_id", "summary", "history_type"))

    empty_the_database()
    assert not TreatmentOption.objects.exists()
    (tmp_path / "backup.json").write_text(backup)
    call_command("loaddata", str(tmp_path / "backup.json"), verbosity=0)

    assert dump("-e", "content.contentversion") == compared  # the whole site, exactly
    restored = TreatmentOption.objects.get(slug="methadone")
    assert restored.summary == "Edited before the backup."
    assert list(restored.history.values_list("history_id", "summary", "history_type")) == history_before
    # And editing goes on: a new change gets a history entry of its own.
    restored.summary = "Edited after the restore."
    restored.save()
    assert restored.history.count() == len(history_before) + 1
