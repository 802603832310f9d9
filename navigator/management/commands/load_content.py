from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import BaseCommand, CommandError, call_command
from django.test.utils import override_settings

from navigator.signals import is_content_model
from options.models import TreatmentOption

FIXTURE_DIR = Path(settings.BASE_DIR) / "fixtures"


def record_first_history(model):
    """Give a history entry to each record that has none, so reloading adds nothing."""
    history_model = model.history.model
    recorded = set(history_model.objects.values_list("id", flat=True).distinct())
    missing = [instance for instance in model._default_manager.all() if instance.pk not in recorded]
    if missing:
        model.history.bulk_history_create(missing, default_change_reason="Loaded from fixtures")


class Command(BaseCommand):
    help = (
        "Load every fixture in fixtures/ (in name order) into a database that has no content yet, and give each "
        "loaded record its first history entry. With --force, load over existing content (editors' changes to "
        "records in the fixtures are replaced)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Load even if there is content already, replacing editors' changes."
        )

    def handle(self, *args, **options):
        if TreatmentOption.objects.exists() and not options["force"]:
            # Running the set-up again must never undo what editors have done.
            self.stdout.write("Content is already loaded; nothing to do (use --force to reload the fixtures).")
            return
        fixtures = sorted(str(path) for path in FIXTURE_DIR.glob("*.json"))
        if not fixtures:
            raise CommandError(f"No fixtures found in {FIXTURE_DIR}.")
        # Loading is not an edit: history is switched off during it (relations would
        # otherwise add a history entry on every load) and first entries added after.
        with override_settings(SIMPLE_HISTORY_ENABLED=False):
            call_command("loaddata", *fixtures, verbosity=options["verbosity"])
        # loaddata saves raw, which records no history; without a first entry an
        # editor's first change could not be reverted to the published text.
        for model in apps.get_models():
            if is_content_model(model):
                record_first_history(model)
        self.stdout.write(self.style.SUCCESS(f"Loaded {len(fixtures)} fixture files."))
