"""Queries per page are a small constant: ten times the content makes no more queries."""
import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from content.models import Citation, Source
from navigator.result_page import snapshot_at
from options.models import Fact, SourceNote, TreatmentOption

pytestmark = pytest.mark.django_db
RESULT = (
    "/questionnaire/result/?use_duration=1_to_5_years&use_frequency=daily&withdrawal=severe&life_impact=most"
    "&relapse_history=treatment_then_relapse&home_environment=stressful"
)
PAGES = [
    "/",
    "/options/",
    "/options/inpatient-rehab/",
    "/continuum/",
    "/compare/?options=medical-detox&options=inpatient-rehab&options=intensive-outpatient",
    "/sources/",
    "/sources/heroin-treatment-and-rehab/",
    "/crisis/",
    RESULT,
]


def query_counts(client):
    counts = {}
    for url in PAGES:
        cache.clear()  # count the cold render, the expensive case
        snapshot_at.cache_clear()  # and the result page's first read of this content version
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200, url
        counts[url] = len(captured)
    return counts


def multiply_content(times):
    """Copies of every option, fact, note and citation under new names."""
    options = list(TreatmentOption.objects.prefetch_related("summary_citations", "facts__citations", "source_notes"))
    citations = list(Citation.objects.select_related("source"))
    for copy in range(1, times):
        new_citations = {
            citation.pk: Citation.objects.create(source=citation.source, section=f"{citation.section} (copy {copy})")
            for citation in citations
        }
        for option in options:
            clone = TreatmentOption.objects.create(
                slug=f"{option.slug}-copy-{copy}", name=f"{option.name} (copy {copy})", category=option.category,
                summary=option.summary, last_reviewed=option.last_reviewed, order=option.order,
            )
            clone.summary_citations.set([new_citations[c.pk] for c in option.summary_citations.all()])
            clone.related.add(option)
            for fact in option.facts.all():
                new_fact = Fact.objects.create(option=clone, topic=fact.topic, order=fact.order, text=fact.text)
                new_fact.citations.set([new_citations[c.pk] for c in fact.citations.all()])
            for note in option.source_notes.all():
                new_note, _ = SourceNote.objects.get_or_create(  # a note shown on two options is copied once
                    key=f"{note.key}-copy-{copy}",
                    defaults={"kind": note.kind, "title": note.title, "what_sources_say": note.what_sources_say,
                              "what_is_correct": note.what_is_correct},
                )
                new_note.options.add(clone)
                new_note.citations.set(list(new_citations.values())[:2])
            # The page under test gains relations too, not only the table.
        TreatmentOption.objects.get(slug="inpatient-rehab").related.add(
            TreatmentOption.objects.get(slug=f"inpatient-rehab-copy-{copy}")
        )


def test_queries_per_page_do_not_grow_with_ten_times_the_content(client):
    before = query_counts(client)
    options, facts, sources = TreatmentOption.objects.count(), Fact.objects.count(), Source.objects.count()
    multiply_content(10)
    assert TreatmentOption.objects.count() == 10 * options and Fact.objects.count() == 10 * facts
    assert Source.objects.count() == sources  # options and facts grow; the sources they cite do not
    after = query_counts(client)
    assert after == before
    assert max(before.values()) <= 15, before
