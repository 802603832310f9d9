"""Three facts repeated eight words of a source once the own-words check stopped counting
punctuation as part of a word (issue 15): give them the fixture's new wording, in a database
that still has the old one. An editor's own change to them is left as it is."""
from django.db import migrations

REWORDED = [
    ("The person goes to treatment on most, if not all, days of the week.",
     "Treatment happens on nearly every day of the week."),
    ("One source says methadone and buprenorphine are not generally available in hospitals and pharmacies. It says "
     "they come from special centres and from doctors with special training.",
     "One source says that ordinary hospitals and pharmacies do not usually have methadone or buprenorphine, and "
     "that people get them from special centres or from doctors trained to prescribe them."),
]


def reword(apps, schema_editor):
    Fact = apps.get_model("options", "Fact")
    for old, new in REWORDED:
        Fact.objects.filter(text=old).update(text=new)


class Migration(migrations.Migration):
    dependencies = [("options", "0001_initial")]
    operations = [migrations.RunPython(reword, migrations.RunPython.noop)]
