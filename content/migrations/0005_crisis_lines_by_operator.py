"""Crisis numbers cited to each operator's own page (issue 15): "crisis-lines" was not a
document. In a database that still has it, each page section's crisis-lines citation is replaced
by the operators' pages (created from fixtures/01_sources.json), and crisis-lines goes."""
from django.db import migrations

from content.fixture_sources import citation_from_fixture

OPERATORS = {
    "United States": [("us-911", "Calling 911"), ("988-lifeline", "Call, text or chat 988"),
                      ("samhsa-national-helpline", "Frequently asked questions")],
    "United Kingdom": [("nhs-999", "When to call 999"), ("nhs-111", "When to use NHS 111"),
                       ("samaritans", "Call us on 116 123")],
    "Europe": [("eu-112", "112 in the EU")],
}


def cite_operators(apps, schema_editor):
    Source = apps.get_model("content", "Source")
    Citation = apps.get_model("content", "Citation")
    old = Source.objects.filter(key="crisis-lines").first()
    if old is None:
        return
    for old_citation in Citation.objects.filter(source=old):
        new = [citation_from_fixture(apps, key, section) for key, section in OPERATORS.get(old_citation.section, [])]
        for related, field in (("page_sections", "citations"), ("facts", "citations"), ("source_notes", "citations"),
                               ("option_summaries", "summary_citations")):
            for record in getattr(old_citation, related).all():
                getattr(record, field).remove(old_citation)
                getattr(record, field).add(*new)
        old_citation.delete()
    old.delete()


class Migration(migrations.Migration):
    dependencies = [("content", "0004_source_needs_editor_check"), ("options", "0004_content_corrections")]
    operations = [migrations.RunPython(cite_operators, migrations.RunPython.noop)]
