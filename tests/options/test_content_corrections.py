"""Content corrections from an editor's review (issue 15, in part)."""
import pytest

from content.models import Source
from options.models import Fact, SourceNote

pytestmark = pytest.mark.django_db


def test_the_ibogaine_figure_is_a_source_note_and_the_page_gives_its_safety_facts(client):
    note = SourceNote.objects.get(key="ibogaine-brazil-study")
    assert note.kind == SourceNote.Kind.ERROR
    assert "Schenberg" in note.what_is_correct and "5.5 months" in note.what_is_correct
    assert "none of them used opioids" in note.what_is_correct
    html = client.get("/options/ibogaine/").content.decode()
    for fact in ("heart-rhythm problems", "deaths", "not an approved treatment", "Schedule I"):
        assert fact in html
    cited = {c.source.key for f in Fact.objects.filter(option__slug="ibogaine", topic="risk") for c in f.citations.all()}
    assert {"koenig-hilber-2015", "dea-drug-scheduling"} <= cited
    assert "stayed drug-free for an average of 8.4 months" not in html  # no longer stated as fact


def test_claims_are_attributed_to_the_source_that_makes_them():
    for fact in Fact.objects.filter(text__icontains="greatly"):
        assert "source" in fact.text.lower(), fact.text  # "one source says …", never our own voice
    risk = Fact.objects.get(option__slug="buprenorphine", topic="risk", order=1)
    assert "Suboxone" in risk.text  # the line it cites is about Suboxone
    assert "only" not in Fact.objects.get(option__slug="ibogaine", topic="risk", order=1).text


def test_every_reference_source_has_a_publisher_and_title_and_says_whether_it_is_checked(client):
    references = Source.objects.filter(kind="reference")
    assert references.count() >= 20
    for source in references:
        assert source.publisher.strip() and source.title.strip(), source.key
        html = client.get(source.get_absolute_url()).content.decode()
        assert ("To be checked by an editor" in html) == source.needs_editor_check, source.key


def test_every_crisis_number_is_cited_to_its_operators_own_page(client):
    from content.models import PageSection

    assert not Source.objects.filter(key="crisis-lines").exists()  # not a document
    operators = {"us-911": "911", "988-lifeline": "988", "samhsa-national-helpline": "1-800-662-4357",
                 "nhs-999": "999", "nhs-111": "111", "samaritans": "116 123", "eu-112": "112",
                 "talk-to-frank": "0300 123 6600"}
    for key in operators:
        source = Source.objects.get(key=key)
        assert source.publisher and source.title and source.needs_editor_check
    for section in PageSection.objects.prefetch_related("citations__source"):
        cited = {citation.source.key for citation in section.citations.all()}
        for key, number in operators.items():
            if number in section.body:  # a number a section gives is cited to its operator
                assert key in cited, (section.page.slug, section.heading, number)
    html = client.get("/crisis/").content.decode()
    assert 'href="tel:03001236600"' in html  # FRANK, the UK drugs helpline
