"""Sources and citations for data migrations, read from fixtures/01_sources.json.

A migration that corrects published text may need to cite a reference source the database does
not have yet; it takes the source's fields from the same fixture a new site loads, so the two
never differ. Migrations pass their historical `apps`.
"""
import json

from django.conf import settings


def source_records():
    """The fixture's sources by key, and its (source key, section) citations."""
    records = json.loads((settings.BASE_DIR / "fixtures" / "01_sources.json").read_text(encoding="utf-8"))
    sources = {r["fields"]["key"]: r["fields"] for r in records if r["model"] == "content.source"}
    citations = [
        (r["fields"]["source"][0], r["fields"]["section"]) for r in records if r["model"] == "content.citation"
    ]
    return sources, citations


def citation_from_fixture(apps, source_key, section):
    """The citation (source_key, section), creating it and its source from the fixture if missing."""
    Source = apps.get_model("content", "Source")
    Citation = apps.get_model("content", "Citation")
    sources, _ = source_records()
    fields = {name: value for name, value in sources[source_key].items() if name != "key"}
    source, _ = Source.objects.get_or_create(key=source_key, defaults=fields)
    return Citation.objects.get_or_create(source=source, section=section)[0]


def source_from_fixture(apps, source_key):
    """The source `source_key` with all the fixture's citations of it."""
    _, citations = source_records()
    cited = [citation_from_fixture(apps, key, section) for key, section in citations if key == source_key]
    return cited[0].source
