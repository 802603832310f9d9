"""Random and hostile input at every form and query string: never a 500, no stray writes."""
import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from content.models import Citation, Page, PageSection, Source
from navigator import rules
from navigator.models import AnswerChoice, Question
from options.models import Fact, SourceNote, TreatmentOption
from tests.factories import admin_form_data

pytestmark = pytest.mark.django_db
FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
# Each admin example renders and posts the whole change form (about a second on SQLite).
ADMIN_FUZZ = settings(FUZZ, max_examples=30)
HOSTILE = st.sampled_from(
    ["", " ", "'; DROP TABLE options_treatmentoption; --", "<script>alert(1)</script>", "\u0000", "../../etc/passwd",
     "%00", "9" * 400, "-1", "1e309", "NaN", "☃", "\ud7ff", "null", "[]", "{}"]
)
TEXT = st.one_of(HOSTILE, st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=60))
KEYS = st.one_of(st.sampled_from([q.code for q in rules.QUESTIONS] + ["step", "action", "options", "who"]), TEXT)
CONTENT_MODELS = [Source, Citation, Page, PageSection, TreatmentOption, Fact, SourceNote, Question, AnswerChoice]


def fingerprint():
    return [(model.__name__, model.objects.count(), model.history.count()) for model in CONTENT_MODELS]


def _payload(pairs):
    data = {}
    for key, value in pairs:
        data.setdefault(key.replace("\x00", ""), []).append(value.replace("\x00", ""))
    return data


@FUZZ
@given(st.lists(st.tuples(KEYS, TEXT), max_size=12))
def test_questionnaire_posts(client, pairs):
    before = fingerprint()
    response = client.post(reverse("navigator:questionnaire"), _payload(pairs))
    assert response.status_code in (200, 400)
    assert fingerprint() == before


@FUZZ
@given(st.lists(st.tuples(KEYS, TEXT), max_size=12))
def test_query_strings_on_every_public_page(client, pairs):
    before = fingerprint()
    data = _payload(pairs)
    for url in ["/", "/options/", "/options/methadone/", "/continuum/", "/compare/", "/sources/", "/crisis/",
                reverse("navigator:questionnaire"), reverse("navigator:shared-result"), reverse("options:search"),
                "/find-a-service/"]:
        response = client.get(url, data)
        assert response.status_code in (200, 400), (url, data)
    assert fingerprint() == before


@FUZZ
@given(st.text(max_size=120))
def test_search_with_any_text(client, query):
    response = client.get(reverse("options:search"), {"q": query})
    assert response.status_code in (200, 400)


@FUZZ
@given(st.lists(st.one_of(st.sampled_from(["methadone", "inpatient-rehab", "naloxone", "ibogaine"]), TEXT), max_size=12))
def test_compare_with_any_list_of_options(client, slugs):
    response = client.get(reverse("options:compare"), {"options": [s.replace("\x00", "") for s in slugs]})
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert "Please fix this" in response.content.decode()


@ADMIN_FUZZ
@given(
    field=st.sampled_from(["summary", "name", "duration_min", "duration_max", "hours_per_week_min", "duration_unit",
                           "category", "setting", "continuum_step", "last_reviewed", "slug", "summary_citations",
                           "seen_edit_version", "facts-0-citations", "facts-0-topic", "facts-TOTAL_FORMS"]),
    value=TEXT,
)
def test_admin_option_form(client, field, value):
    if not User.objects.filter(username="fuzz").exists():
        User.objects.create_superuser("fuzz", "f@example.org", "a-long-fuzz-password")
    client.force_login(User.objects.get(username="fuzz"))
    option = TreatmentOption.objects.order_by("pk").first()  # a valid save may change its slug
    url = reverse("admin:options_treatmentoption_change", args=[option.pk])
    page = client.get(url)
    before = fingerprint()
    response = client.post(url, admin_form_data(page, **{field: value.replace("\x00", "")}))
    assert response.status_code in (200, 302, 400)
    if response.status_code != 302:  # refused: nothing changed
        assert fingerprint() == before
