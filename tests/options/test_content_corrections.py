"""Content corrections from an editor's review (issue 15)."""
import importlib
import re

import pytest
from django.apps import apps

from content.models import Citation, PageSection, Source
from options.models import Fact, SourceNote, TreatmentOption

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


# Item 3: the toolkit's current title and headings.


def test_the_overdose_toolkit_is_cited_by_its_current_title_and_marked_to_check(client):
    toolkit = Source.objects.get(key="samhsa-overdose-toolkit")
    assert toolkit.title.startswith("SAMHSA Overdose Prevention and Response Toolkit")
    assert "PEP23-03-00-001" in toolkit.title and toolkit.needs_editor_check
    assert "Opioid Overdose Prevention Toolkit" in toolkit.caution  # its old name, for anyone who knows it by that
    sections = set(toolkit.citations.values_list("section", flat=True))
    assert "Overdoses in the United States" in sections
    assert not sections & {"Recognizing opioid overdose", "Responding to opioid overdose",
                           "Risk of overdose after a period without opioids"}
    assert "Prevention and Response Toolkit" in client.get(toolkit.get_absolute_url()).content.decode()


# Item 4: out-of-date facts, each corrected with a dated reference source marked to be checked.

CORRECTING_SOURCES = {
    "us-42-cfr-8-2024", "uk-clinical-guidelines-2017", "samhsa-mat-act-2023", "fda-orange-book", "nice-ta114-2007",
    "nida-opioid-overdose-crisis", "nida-drugs-brains-behavior-2020",
}


def option_text(slug):
    facts = Fact.objects.filter(option__slug=slug)
    notes = SourceNote.objects.filter(options__slug=slug)
    return " ".join([f.text for f in facts] + [n.what_is_correct for n in notes])


def cited_by(slug, words):
    """The source keys cited by `slug`'s facts that contain `words`."""
    return {c.source.key for f in Fact.objects.filter(option__slug=slug, text__contains=words)
            for c in f.citations.all()}


def test_each_correcting_source_is_dated_and_marked_to_be_checked():
    for source in Source.objects.filter(key__in=CORRECTING_SOURCES):
        assert re.search(r"\b20\d\d\b", source.title), source.title  # a dated source
        assert source.needs_editor_check, source.key
    assert Source.objects.filter(key__in=CORRECTING_SOURCES).count() == len(CORRECTING_SOURCES)


def test_methadone_is_not_said_to_be_taken_under_supervision_every_day(client):
    for fact in Fact.objects.filter(text__icontains="supervision every day"):
        raise AssertionError(f"still says 'under supervision every day': {fact.option.slug}: {fact.text}")
    assert "take-home" in option_text("methadone") and "at home" in option_text("methadone")
    assert {"us-42-cfr-8-2024", "uk-clinical-guidelines-2017"} <= cited_by("methadone", "at home")
    assert "under supervision" not in client.get("/options/methadone/").content.decode().split("At a glance")[1][:2000]


def test_where_the_medicines_come_from_is_up_to_date():
    note = SourceNote.objects.get(key="where-replacement-medicines-come-from")
    assert note.kind == SourceNote.Kind.ERROR
    assert {"methadone", "buprenorphine", "suboxone"} <= set(note.options.values_list("slug", flat=True))
    assert "community pharmacies" in note.what_is_correct and "Since 2023" in note.what_is_correct
    assert "samhsa-mat-act-2023" in cited_by("buprenorphine", "Since 2023")
    assert "uk-clinical-guidelines-2017" in cited_by("methadone", "local pharmacies")


def test_the_implant_is_said_to_be_no_longer_sold(client):
    assert "implant" not in TreatmentOption.objects.get(slug="buprenorphine").intensity_short
    assert "fda-orange-book" in cited_by("buprenorphine", "implant")
    for fact in Fact.objects.filter(text__icontains="implant"):
        assert "no longer sold" in fact.text, fact.text


def test_the_daily_figures_are_dated_deaths_with_a_current_figure():
    note = SourceNote.objects.get(key="daily-overdose-figures")
    assert note.kind == SourceNote.Kind.ERROR
    assert "count deaths, not overdoses" in note.what_is_correct and "2017 and 2018" in note.what_is_correct
    assert "105,000" in note.what_is_correct and "2023" in note.what_is_correct
    assert {"nida-opioid-overdose-crisis", "samhsa-overdose-toolkit"} <= {c.source.key for c in note.citations.all()}
    assert "105,000" in option_text("long-term-management")


def test_the_relapse_figure_is_for_addiction_in_general():
    note = SourceNote.objects.get(key="relapse-rate-is-not-recovery-rate")
    assert "drug addiction in general" in note.what_is_correct
    assert "nida-drugs-brains-behavior-2020" in cited_by("long-term-management", "40 to 60%")


def test_buprenorphine_is_first_line_whatever_the_severity():
    note = SourceNote.objects.get(key="buprenorphine-heavy-use")
    assert note.kind == SourceNote.Kind.ERROR
    assert {"methadone", "buprenorphine", "suboxone"} <= set(note.options.values_list("slug", flat=True))
    # The source's claim appears only as a claim, never in our own voice.
    for fact in Fact.objects.filter(text__icontains="heavy opioid use"):
        if "cannot" in fact.text:
            assert "One source says" in fact.text and "first choice" in fact.text, fact.text
        assert "nice-ta114-2007" in {c.source.key for c in fact.citations.all()}, fact.text


# The migrations bring an older database to the fixtures' text, and leave editors' changes alone.


def run_migration(app, name):
    module = importlib.import_module(f"{app}.migrations.{name}")
    module.Migration.operations[0].code(apps, None)
    return module


def test_the_migrations_correct_an_older_database_and_leave_an_editors_change_alone():
    facts = importlib.import_module("options.migrations.0005_out_of_date_facts")
    toolkit = importlib.import_module("content.migrations.0006_overdose_toolkit_retitled")
    published = {f.pk: f.text for f in Fact.objects.all()}
    # Put the old text back, as a database from before issue 15 has it.
    def citations(pairs):
        return [Citation.objects.get(source__key=key, section=section) for key, section in pairs]

    added = {}  # fact pk -> the citations the correction added
    for slug, old, new, cites in facts.FACTS:
        for fact in Fact.objects.filter(option__slug=slug, text=new):
            fact.citations.remove(*citations(cites))
            added[fact.pk] = set(citations(cites))
        Fact.objects.filter(option__slug=slug, text=new).update(text=old)
    for slug, field, old, new in facts.OPTION_FIELDS:
        TreatmentOption.objects.filter(slug=slug).update(**{field: old})
    for key, change in facts.NOTES.items():
        SourceNote.objects.filter(key=key).update(what_is_correct=change["old"], kind="disagree")
        SourceNote.objects.get(key=key).options.remove(*TreatmentOption.objects.filter(slug__in=change["options"]))
    Source.objects.filter(key="samhsa-overdose-toolkit").update(title=toolkit.OLD_TITLE)
    for old, new in toolkit.RENAMED_SECTIONS.items():
        Citation.objects.filter(source__key="samhsa-overdose-toolkit", section=new).update(section=old)
    about = PageSection.objects.get(page__slug="about", body__contains=toolkit.ALL_REFERENCES)
    PageSection.objects.filter(pk=about.pk).update(body=about.body.replace(toolkit.ALL_REFERENCES,
                                                                           toolkit.THREE_REFERENCES))
    # An editor has already rewritten one of the old facts in their own way.
    edited = Fact.objects.get(option__slug="methadone", text="It is taken every day, under supervision.")
    edited.text = "An editor's own wording."
    edited.save()
    versions = {f.pk: f.edit_version for f in Fact.objects.all()}

    run_migration("content", "0006_overdose_toolkit_retitled")
    run_migration("options", "0005_out_of_date_facts")

    for fact in Fact.objects.exclude(pk=edited.pk):
        assert fact.text == published[fact.pk], fact.text
        if fact.text in {new for _, _, new, _ in facts.FACTS}:
            assert fact.edit_version == versions[fact.pk] + 1  # a stale form cannot save the old text back
            assert added[fact.pk] <= set(fact.citations.all()), fact.text
    assert Fact.objects.get(pk=edited.pk).text == "An editor's own wording."
    assert "implant" not in TreatmentOption.objects.get(slug="buprenorphine").intensity_short
    assert SourceNote.objects.get(key="daily-overdose-figures").kind == SourceNote.Kind.ERROR
    assert set(SourceNote.objects.get(key="buprenorphine-heavy-use").options.values_list("slug", flat=True)) >= {
        "methadone", "suboxone"}
    assert Source.objects.get(key="samhsa-overdose-toolkit").title.startswith("SAMHSA Overdose Prevention")
    assert Citation.objects.filter(source__key="samhsa-overdose-toolkit", section="Responding to an overdose").exists()
    assert toolkit.ALL_REFERENCES in PageSection.objects.get(pk=about.pk).body


def test_the_earlier_corrections_still_apply_to_an_older_database():
    """Migrations 0004 (ibogaine) and content 0005 (crisis lines) read their sources through
    content.fixture_sources too."""
    ibogaine = importlib.import_module("options.migrations.0004_content_corrections")
    risk = Fact.objects.get(option__slug="ibogaine", text=ibogaine.NEW_IBOGAINE_RISK)
    Fact.objects.filter(pk=risk.pk).update(text=ibogaine.OLD_IBOGAINE_RISK)
    risk.citations.clear()
    old_lines = Source.objects.create(key="crisis-lines", title="Crisis lines", publisher="Various", covers="-")
    united_states = Citation.objects.create(source=old_lines, section="United States")
    helplines = PageSection.objects.get(page__slug="crisis", heading="Helplines you can call")
    helplines.citations.add(united_states)

    run_migration("options", "0004_content_corrections")
    run_migration("content", "0005_crisis_lines_by_operator")

    risk.refresh_from_db()
    assert risk.text == ibogaine.NEW_IBOGAINE_RISK
    assert {c.source.key for c in risk.citations.all()} == {"koenig-hilber-2015"}
    assert not Source.objects.filter(key="crisis-lines").exists()
    cited = {c.source.key for c in helplines.citations.all()}
    assert {"us-911", "988-lifeline", "samhsa-national-helpline"} <= cited
