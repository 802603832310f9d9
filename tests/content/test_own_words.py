"""Our content is written in our own words: no run of 8 words copied from a source.

Text inside quotation marks is exempt: a source note may quote a source to show
exactly what it gets wrong.
"""
from pathlib import Path

import pytest

from content.models import Page, PageSection
from options.models import Fact, SourceNote, TreatmentOption
from tests.own_words import shingle_hashes

pytestmark = pytest.mark.django_db
SOURCE_SHINGLES = set((Path(__file__).resolve().parent.parent / "data" / "source_shingles.txt").read_text().split())


def our_texts():
    for option in TreatmentOption.objects.all():
        yield f"option {option.slug} summary", option.summary
    for fact in Fact.objects.select_related("option"):
        yield f"fact {fact}", fact.text
    for note in SourceNote.objects.all():
        yield f"note {note.key}", f"{note.title}. {note.what_sources_say} {note.what_is_correct}"
    for page in Page.objects.all():
        yield f"page {page.slug}", page.intro
    for section in PageSection.objects.select_related("page"):
        yield f"section {section}", section.body


def test_the_source_hashes_are_there():
    assert len(SOURCE_SHINGLES) > 8000


def test_no_sentence_copies_a_source():
    copied = [where for where, text in our_texts() if shingle_hashes(text, skip_quotes=True) & SOURCE_SHINGLES]
    assert copied == []


def test_the_check_would_catch_a_copied_sentence():
    copied = "Outpatient treatment clinics are available in or near most metropolitan areas."
    assert shingle_hashes(copied) & SOURCE_SHINGLES
    assert not shingle_hashes(f"One source says “{copied}”", skip_quotes=True) & SOURCE_SHINGLES


def test_the_check_catches_a_copied_run_that_ends_our_sentence():
    """Punctuation is not part of a word: a copied run that ends one of our sentences ("factors.")
    matches the source, where the same words run on ("factors, such as")."""
    planted = "Which option fits depends on your history of usage and other factors."
    assert shingle_hashes(planted) & SOURCE_SHINGLES
