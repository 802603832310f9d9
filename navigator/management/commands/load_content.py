from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management import BaseCommand, CommandError, call_command
from django.db import transaction
from django.test.utils import override_settings

from navigator.signals import is_content_model
from options.models import TreatmentOption

FIXTURE_DIR = Path(settings.BASE_DIR) / "fixtures"


def record_first_history(model):
    """Give a history entry to each record that has none, so reloading adds nothing."""
    history_model = model.history.model
    recorded = set(history_model.objects.values_list("id", flat=True).distinct())
    missing = [instance for instance in model.objects.all() if instance.pk not in recorded]
    if missing:
        model.history.bulk_history_create(missing, default_change_reason="Loaded from fixtures")


def fixture_records(fixtures):
    """(model, primary key) of every record in the fixtures, as the database now holds it."""
    for path in fixtures:
        with open(path, encoding="utf-8") as fixture:
            for record in serializers.deserialize("json", fixture):
                yield type(record.object), record.object.pk


def record_replaced_history(fixtures):
    """After --force: a history entry for every record the fixtures replaced, naming the command,
    so each record's history ends with its live text."""
    replaced = {}
    for model, pk in fixture_records(fixtures):
        replaced.setdefault(model, set()).add(pk)
    for model, pks in replaced.items():
        if is_content_model(model):
            changed = changed_since_history(model, model.objects.filter(pk__in=pks))
            if changed:
                model.history.bulk_history_create(
                    changed, update=True, default_change_reason="Replaced with the fixtures' text by load_content --force"
                )


def changed_since_history(model, instances):
    """The records whose live fields differ from their latest history entry (or that have none):
    loading the same text again records nothing."""
    fields = [field.attname for field in model._meta.concrete_fields]
    latest = {}
    for entry in model.history.filter(id__in=[instance.pk for instance in instances]).order_by("history_date"):
        latest[entry.id] = entry  # the newest wins
    return [
        instance for instance in instances
        if instance.pk in latest and any(getattr(instance, name) != getattr(latest[instance.pk], name) for name in fields)
    ]


def add_missing_records(fixtures):
    """Saves each fixture record whose natural key the database lacks; leaves every other one as it is.

    Records are read in file order, so a new citation finds the new source before it.
    """
    added = 0
    with transaction.atomic():
        for path in fixtures:
            with open(path, encoding="utf-8") as fixture:
                # Natural keys: a record already in the database comes back with its primary key set.
                for record in serializers.deserialize("json", fixture):
                    if record.object.pk is None:
                        record.save()
                        added += 1
    return added


class Command(BaseCommand):
    help = (
        "Load the fixtures in fixtures/ (in name order). Into a database with no content, everything; into one with "
        "content, only the records it lacks (new questions, sources or pages), so editors' work is never changed. "
        "Every loaded record gets its first history entry. With --force, load everything over existing content "
        "(editors' changes to records in the fixtures are replaced)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Load everything even if there is content, replacing editors' changes."
        )

    def handle(self, *args, **options):
        fixtures = sorted(str(path) for path in FIXTURE_DIR.glob("*.json"))
        if not fixtures:
            raise CommandError(f"No fixtures found in {FIXTURE_DIR}.")
        # Loading is not an edit: history is switched off during it (relations would
        # otherwise add a history entry on every load) and first entries added after.
        replacing = False
        with override_settings(SIMPLE_HISTORY_ENABLED=False):
            if TreatmentOption.objects.exists() and not options["force"]:
                added = add_missing_records(fixtures)
                message = f"Content is already loaded; added {added} new records from the fixtures."
            else:
                replacing = TreatmentOption.objects.exists()
                call_command("loaddata", *fixtures, verbosity=options["verbosity"])
                message = f"Loaded {len(fixtures)} fixture files."
        if options["force"] and replacing:
            record_replaced_history(fixtures)
        # Raw saves record no history; without a first entry an editor's first change
        # could not be reverted to the published text.
        for model in apps.get_models():
            if is_content_model(model):
                record_first_history(model)
        self.stdout.write(self.style.SUCCESS(message))
