"""Content corrections (issue 15): claims attributed to the source that makes them, the ibogaine
study put right, and ibogaine's safety facts, in a database that still has the old text. An
editor's own change to a fact is left as it is. New records (sources, the note, the new fact)
come from the fixtures through load_content."""
from django.db import migrations

from content.fixture_sources import source_from_fixture

REWORDED = [
    ("Group therapy, behavioural therapies and 12-step groups greatly improve how well medicine treatment works over the long term.",
     "One source (Heroin Detox) says that group therapy, behavioural therapies and 12-step groups make medicine treatment work much better over time."),
    ("Taking part in 12-step groups, along with other outpatient support, greatly improves how well medicine treatment works over the long term.",
     "One source (Heroin Detox) says that taking part in 12-step groups, with other outpatient support, makes medicine treatment work much better over time."),
    ("Group therapy, behavioural therapies and 12-step groups can greatly increase how well this kind of medicine works in the long run.",
     "One source (Heroin Detox) says that group therapy, behavioural therapies and 12-step groups make this kind of medicine work much better over time."),
    ("Group therapy and other outpatient support can greatly increase how well medicine for opioid use works in the long run.",
     "One source (Heroin Detox) says that group therapy and other outpatient support make medicine for opioid use work much better over time."),
    ("Taking part in 12-step groups can greatly increase how well medicine for opioid use works in the long run.",
     "One source (Heroin Detox) says that taking part in 12-step groups makes medicine for opioid use work much better over time."),
    ("It is less easily misused than methadone, but one source says it is still an opiate.",
     "One source says Suboxone (buprenorphine with naloxone) is less easily misused than methadone. Buprenorphine is itself an opioid, as the same source says, so it can still be misused."),
    ("Both studies were small. The source says ibogaine has not been proven, only that the studies 'show promise'. It does not present it as an established treatment.",
     "Both studies were small. The source says they “show promise” and that ibogaine has “much potential”, while saying it is not yet proven."),
    ("In a study in Brazil, ibogaine was combined with psychotherapy (talking therapy). After a single treatment, 61% of people stayed drug-free for an average of 8.4 months.",
     "One source reports a study in Brazil in which 61% of people stayed drug-free after ibogaine with psychotherapy. That study was not about opioids: see the note on the sources."),
]

OLD_IBOGAINE_RISK = "The source does not describe its safety risks, so it cannot tell you how safe it is."
NEW_IBOGAINE_RISK = "Serious heart-rhythm problems, and deaths, have been reported after people took ibogaine."


def correct(apps, schema_editor):
    Fact = apps.get_model("options", "Fact")
    for old, new in REWORDED:
        Fact.objects.filter(text=old).update(text=new)
    risk = Fact.objects.filter(option__slug="ibogaine", text=OLD_IBOGAINE_RISK).first()
    if risk is not None:
        source = source_from_fixture(apps, "koenig-hilber-2015")
        risk.text = NEW_IBOGAINE_RISK
        risk.save()
        risk.citations.set(apps.get_model("content", "Citation").objects.filter(source=source))


class Migration(migrations.Migration):
    dependencies = [("options", "0003_source_note_options"), ("content", "0004_source_needs_editor_check")]
    operations = [migrations.RunPython(correct, migrations.RunPython.noop)]
