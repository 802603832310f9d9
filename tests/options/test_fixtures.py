import re

import pytest
from django.core import serializers
from django.core.exceptions import ValidationError
from django.core.management import call_command

from content.models import Citation, Page, PageSection, Source
from options.models import Category, Fact, SourceNote, TreatmentOption

REQUIRED_SLUGS = {
    "detox": ["medical-detox", "outpatient-detox", "rapid-detox", "anesthesia-assisted-rapid-detox"],
    "level-of-care": ["inpatient-rehab", "partial-hospitalization", "intensive-outpatient", "standard-outpatient"],
    "aftercare": ["sober-living", "support-groups", "long-term-management", "dual-diagnosis-treatment"],
    "medication": [
        "methadone", "buprenorphine", "suboxone", "naltrexone", "naloxone", "clonidine",
        "heroin-assisted-treatment", "ibogaine",
    ],
    "therapy": ["cognitive-behavioral-therapy", "contingency-management", "twelve-step-facilitation"],
}
STIGMA = re.compile(r"\b(addicts?|junkies?|clean|dirty|abusers?)\b", re.IGNORECASE)
pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("category,slug", [(c, s) for c, slugs in REQUIRED_SLUGS.items() for s in slugs])
def test_every_required_slug_is_present_in_its_category(category, slug):
    option = TreatmentOption.objects.get(slug=slug)
    assert option.category == category


def test_every_category_has_options():
    assert {value for value, _ in Category.choices} == set(TreatmentOption.objects.values_list("category", flat=True))


def test_every_option_has_a_cited_summary_and_cited_facts():
    for option in TreatmentOption.objects.prefetch_related("summary_citations", "facts__citations"):
        assert option.summary_citations.exists(), option.slug
        facts = list(option.facts.all())
        assert facts, f"{option.slug} has no facts"
        for fact in facts:
            assert fact.citations.exists(), f"{fact} has no citation"


def test_every_source_note_and_page_section_is_cited():
    assert SourceNote.objects.exists()
    for note in SourceNote.objects.all():
        assert note.citations.exists(), note.key
    for section in PageSection.objects.all():
        assert section.citations.exists(), str(section)


def test_the_five_seed_sources_are_recorded():
    assert Source.objects.filter(kind=Source.Kind.SEED).count() == 5


def test_levels_of_care_carry_the_main_figures():
    inpatient = TreatmentOption.objects.get(slug="inpatient-rehab")
    assert inpatient.round_the_clock
    assert (inpatient.duration_min, inpatient.duration_max, inpatient.duration_unit) == (30, 90, "days")
    assert TreatmentOption.objects.get(slug="sober-living").duration_label == "6 to 18 months"
    assert TreatmentOption.objects.get(slug="rapid-detox").duration_label == "4 to 8 hours"


def test_risky_detox_methods_are_marked_and_give_their_figures():
    for slug in ("rapid-detox", "anesthesia-assisted-rapid-detox"):
        option = TreatmentOption.objects.get(slug=slug)
        assert option.is_risky
        assert option.facts.filter(topic="risk").exists()
    aard_risks = " ".join(TreatmentOption.objects.get(slug="anesthesia-assisted-rapid-detox").facts.values_list("text", flat=True))
    assert "8.6%" in aard_risks


def test_suboxone_records_the_ingredient_error_with_the_label():
    note = SourceNote.objects.get(options__slug="suboxone", key="suboxone-ingredients")
    assert "naloxone" in note.what_is_correct.lower()
    cited_sources = set(note.citations.values_list("source__key", flat=True))
    assert {"suboxone-label", "treating-heroin-addiction", "heroin-treatment-and-rehab"} <= cited_sources


def test_known_disagreements_are_recorded():
    keys = set(SourceNote.objects.values_list("key", flat=True))
    assert "inpatient-stay-length" in keys
    assert SourceNote.objects.filter(options__slug="residential-treatment").exists()


def test_our_own_text_uses_no_stigmatising_words():
    texts = [(f"option {o.slug}", f"{o.name} {o.summary} {o.other_names}") for o in TreatmentOption.objects.all()]
    texts += [(str(f), f.text) for f in Fact.objects.select_related("option")]
    texts += [(n.key, f"{n.title} {n.what_sources_say} {n.what_is_correct}") for n in SourceNote.objects.all()]
    texts += [(str(s), f"{s.heading} {s.body}") for s in PageSection.objects.select_related("page")]
    texts += [(p.slug, f"{p.title} {p.intro}") for p in Page.objects.all()]
    offenders = [(where, STIGMA.search(text).group(0)) for where, text in texts if STIGMA.search(text)]
    assert offenders == []


def test_pages_the_site_links_to_exist():
    assert set(Page.objects.values_list("slug", flat=True)) >= {"about", "disclaimer", "crisis", "privacy"}


def _dump():
    models = [Source, Citation, Page, PageSection, TreatmentOption, Fact, SourceNote]
    dumped = []
    for model in models:
        dumped.append(
            serializers.serialize(
                "json", model.objects.order_by("pk"), use_natural_foreign_keys=True, use_natural_primary_keys=True
            )
        )
    history = [model.history.count() for model in models]
    return dumped, history


def test_loading_the_content_twice_changes_nothing():
    before = _dump()
    call_command("load_content", force=True, verbosity=0)
    assert _dump() == before


def test_running_the_set_up_again_keeps_editors_changes():
    option = TreatmentOption.objects.get(slug="methadone")
    option.summary = "An editor's change."
    option.save()
    call_command("load_content", verbosity=0)
    option.refresh_from_db()
    assert option.summary == "An editor's change."


def test_fixtures_use_natural_keys_only():
    import json
    from pathlib import Path

    for path in sorted(Path("fixtures").glob("*.json")):
        for record in json.loads(path.read_text()):
            assert "pk" not in record, f"{path.name}: {record['model']} has a hard-coded pk"


def test_minimum_duration_above_maximum_is_refused():
    option = TreatmentOption.objects.get(slug="inpatient-rehab")
    option.duration_min, option.duration_max = 100, 30
    with pytest.raises(ValidationError) as error:
        option.full_clean()
    assert "duration_max" in error.value.message_dict


def test_every_loaded_record_passes_model_validation():
    """SQLite does not enforce lengths or choices; PostgreSQL and the admin do."""
    from navigator.models import AnswerChoice, Question

    for model in (Source, Citation, Page, PageSection, TreatmentOption, Fact, SourceNote, Question, AnswerChoice):
        for record in model.objects.all():
            record.full_clean()


def test_running_the_set_up_again_adds_what_the_fixtures_have_and_the_database_lacks():
    from content.models import Citation as CitationModel
    from navigator.models import Question

    Question.objects.filter(code="last_use").delete()
    CitationModel.objects.filter(source__key="eu-112").delete()
    Source.objects.filter(key="eu-112").delete()
    option = TreatmentOption.objects.get(slug="naloxone")
    option.summary = "An editor's change, kept."
    option.save()
    call_command("load_content", verbosity=0)
    assert Question.objects.get(code="last_use").choices.count() == 4
    assert Source.objects.get(key="eu-112").citations.count() == 1
    assert Source.objects.get(key="eu-112").history.exists()  # a first history entry
    option.refresh_from_db()
    assert option.summary == "An editor's change, kept."


def test_no_source_note_is_duplicated_and_one_note_can_serve_several_options(client):
    corrections = list(SourceNote.objects.values_list("kind", "what_is_correct"))
    assert len(corrections) == len(set(corrections))
    note = SourceNote.objects.get(key="residential-vs-inpatient")
    assert set(note.options.values_list("slug", flat=True)) == {"residential-treatment", "inpatient-rehab"}
    for slug in ("residential-treatment", "inpatient-rehab"):
        assert 'id="note-residential-vs-inpatient"' in client.get(f"/options/{slug}/").content.decode()
