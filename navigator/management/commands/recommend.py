import json
import sys

from django.core.management import BaseCommand, CommandError

from navigator import rules


class Command(BaseCommand):
    help = (
        "Read one JSON object of questionnaire answers (from standard input or --answers FILE) "
        "and print the recommendation as one JSON object."
    )
    requires_system_checks = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("--answers", metavar="FILE", help="Read the answers from FILE instead of standard input.")

    def handle(self, *args, **options):
        text = self._read(options.get("answers"))
        try:
            raw = json.loads(text)
        except json.JSONDecodeError as error:
            raise CommandError(f"The answers are not valid JSON: {error.msg} (line {error.lineno}, column {error.colno}).")
        try:
            recommendation = rules.recommend_from_raw(raw)
        except rules.AnswerError as error:
            lines = [f"  {key}: {message}" for key, message in error.problems.items()]
            raise CommandError("The answers have problems:\n" + "\n".join(lines))
        self.stdout.write(json.dumps(recommendation.as_dict(), indent=2, ensure_ascii=False))

    def _read(self, path):
        if path:
            try:
                with open(path, encoding="utf-8") as handle:
                    return handle.read()
            except OSError as error:
                raise CommandError(f"Cannot read {path}: {error.strerror}.")
        if sys.stdin is None or sys.stdin.closed:
            raise CommandError("No answers given: pipe a JSON object to standard input or use --answers FILE.")
        return sys.stdin.read()
