"""SAMHSA's overdose toolkit was retitled in 2023 (issue 15, item 3). In a database that still has
the old title, the source takes the fixture's title and notes, and its citations take the
toolkit's current section headings; every fact or page citing them keeps its citation. The about
page no longer says there are three reference sources."""
from django.db import migrations
from django.db.models import F

from content.fixture_sources import source_records

OLD_TITLE = "Opioid Overdose Prevention Toolkit"
RENAMED_SECTIONS = {
    "Recognizing opioid overdose": "Signs of an opioid overdose",
    "Responding to opioid overdose": "Responding to an overdose",
    "Risk of overdose after a period without opioids": "Overdose risk factors",
}

THREE_REFERENCES = (
    "To correct one of them and to give safety and crisis facts they leave out, we also use three reference sources: "
    "a product label, a public-health toolkit on overdose, and the emergency and helpline numbers."
)
ALL_REFERENCES = (
    "Where they are wrong, out of date or silent on safety, we also use public reference sources: government "
    "guidance, product labels, studies and the helplines' own pages. The sources page names each one, and says which "
    "ones an editor has still to check."
)


def bring_up_to_date(apps, schema_editor):
    Source = apps.get_model("content", "Source")
    Citation = apps.get_model("content", "Citation")
    PageSection = apps.get_model("content", "PageSection")
    for section in PageSection.objects.filter(page__slug="about", body__contains=THREE_REFERENCES):
        PageSection.objects.filter(pk=section.pk).update(
            body=section.body.replace(THREE_REFERENCES, ALL_REFERENCES), edit_version=F("edit_version") + 1
        )
    toolkit = Source.objects.filter(key="samhsa-overdose-toolkit", title=OLD_TITLE).first()
    if toolkit is None:  # a new database, or an editor has already retitled it
        return
    sources, _ = source_records()
    fields = {name: sources["samhsa-overdose-toolkit"][name] for name in ("title", "covers", "caution",
                                                                         "needs_editor_check")}
    # A new edit_version: an editor's form opened before this change cannot save over it.
    Source.objects.filter(pk=toolkit.pk).update(edit_version=F("edit_version") + 1, **fields)
    for old, new in RENAMED_SECTIONS.items():
        Citation.objects.filter(source=toolkit, section=old).update(section=new, edit_version=F("edit_version") + 1)


class Migration(migrations.Migration):
    dependencies = [("content", "0005_crisis_lines_by_operator")]
    operations = [migrations.RunPython(bring_up_to_date, migrations.RunPython.noop)]
