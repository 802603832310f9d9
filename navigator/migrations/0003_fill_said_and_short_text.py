"""Fill the new wording fields of a database that already has content, from the fixture
(fixtures/05_questions.json). Only empty fields are filled: an editor's text is never replaced.
A new database gets them from load_content, and this finds nothing to do."""
import json

from django.conf import settings
from django.db import migrations


def fill(apps, schema_editor):
    Question = apps.get_model("navigator", "Question")
    AnswerChoice = apps.get_model("navigator", "AnswerChoice")
    fixture = settings.BASE_DIR / "fixtures" / "05_questions.json"
    if not fixture.exists():
        return
    for obj in json.loads(fixture.read_text(encoding="utf-8")):
        fields = obj["fields"]
        if obj["model"] == "navigator.question" and fields.get("short_text"):
            Question.objects.filter(code=fields["code"], short_text="").update(short_text=fields["short_text"])
        elif obj["model"] == "navigator.answerchoice" and fields.get("said"):
            AnswerChoice.objects.filter(
                question__code=fields["question"][0], code=fields["code"], said=""
            ).update(said=fields["said"])


class Migration(migrations.Migration):
    dependencies = [("navigator", "0002_said_and_short_text")]
    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
