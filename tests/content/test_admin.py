import pytest
from django.contrib.auth.models import Group, Permission, User
from django.test import Client
from django.urls import reverse

from navigator.editors import EDITORS_GROUP
from options.models import TreatmentOption
from tests.factories import admin_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = User.objects.create_superuser("admin", "admin@example.org", "a-long-test-password")
    client.force_login(user)
    return client


def _change_url(option):
    return reverse("admin:options_treatmentoption_change", args=[option.pk])


def _edit_summary(admin_client, option, summary, **extra):
    page = admin_client.get(_change_url(option))
    assert page.status_code == 200
    data = admin_form_data(page, summary=summary, **extra)
    return admin_client.post(_change_url(option), data)


def test_an_admin_edit_shows_on_the_next_request_and_can_be_reverted(admin_client, client):
    visitor = Client()  # a visitor without a session: served through the page cache
    option = TreatmentOption.objects.get(slug="methadone")
    original = option.summary
    url = option.get_absolute_url()
    assert original in visitor.get(url).content.decode()  # now cached

    response = _edit_summary(admin_client, option, "An edited summary for the test.")
    assert response.status_code == 302, response.content.decode()[:2000]
    assert "An edited summary for the test." in visitor.get(url).content.decode()

    # Revert from the history: the entry before the edit holds the original text.
    history = option.history.order_by("history_date")
    first = history.first()
    assert first.summary == original
    revert_url = reverse("admin:options_treatmentoption_simple_history", args=[option.pk, first.history_id])
    page = admin_client.get(revert_url)
    assert page.status_code == 200
    response = admin_client.post(revert_url, admin_form_data(page))
    assert response.status_code == 302, response.content.decode()[:2000]
    option.refresh_from_db()
    assert option.summary == original
    assert original in visitor.get(url).content.decode()
    assert option.history.count() == 3


def test_a_save_from_a_stale_form_is_refused_not_lost(admin_client):
    option = TreatmentOption.objects.get(slug="naloxone")
    first_tab = admin_client.get(_change_url(option))
    second_tab = admin_client.get(_change_url(option))
    assert admin_client.post(_change_url(option), admin_form_data(first_tab, summary="First editor.")).status_code == 302
    response = admin_client.post(_change_url(option), admin_form_data(second_tab, summary="Second editor."))
    assert response.status_code == 200
    assert "Someone else saved this" in response.content.decode()
    option.refresh_from_db()
    assert option.summary == "First editor."


def test_minimum_duration_above_maximum_is_refused_with_a_message(admin_client):
    option = TreatmentOption.objects.get(slug="inpatient-rehab")
    response = _edit_summary(admin_client, option, option.summary, duration_min="120", duration_max="30")
    assert response.status_code == 200
    assert "cannot be shorter than the shortest" in response.content.decode()
    option.refresh_from_db()
    assert option.duration_min == 30


@pytest.mark.parametrize("citations_field", ["summary_citations", "facts-0-citations"])
def test_an_option_or_fact_without_a_citation_is_refused(admin_client, citations_field):
    option = TreatmentOption.objects.get(slug="clonidine")
    page = admin_client.get(_change_url(option))
    data = admin_form_data(page)
    data.pop(citations_field)
    response = admin_client.post(_change_url(option), data)
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    assert option.summary_citations.exists() and all(fact.citations.exists() for fact in option.facts.all())


def test_admin_has_search_filters_and_view_on_site(admin_client):
    response = admin_client.get(reverse("admin:options_treatmentoption_changelist"), {"q": "methadone"})
    assert response.status_code == 200
    assert "Methadone" in response.content.decode()
    option = TreatmentOption.objects.get(slug="methadone")
    assert "View on site" in admin_client.get(_change_url(option)).content.decode()


def test_editors_group_can_edit_content_but_not_manage_users(client):
    group = Group.objects.get(name=EDITORS_GROUP)
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"change_treatmentoption", "change_fact", "change_source", "change_citation", "change_page",
            "change_question"} <= codenames
    assert not group.permissions.filter(content_type__app_label="auth").exists()

    editor = User.objects.create_user("editor", password="a-long-test-password", is_staff=True)
    editor.groups.add(group)
    client.force_login(editor)
    option = TreatmentOption.objects.get(slug="methadone")
    assert client.get(_change_url(option)).status_code == 200
    refused = client.get(reverse("admin:auth_user_changelist"))
    assert refused.status_code == 403
    assert "You cannot open this page" in refused.content.decode() and 'href="tel:911"' in refused.content.decode()
    assert client.get(reverse("admin:auth_user_add")).status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(reverse("admin:options_treatmentoption_changelist"))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_editors_permissions_cover_every_content_model():
    perms = Permission.objects.filter(group__name=EDITORS_GROUP, codename__startswith="change_")
    models = set(perms.values_list("content_type__model", flat=True))
    assert {"treatmentoption", "fact", "sourcenote", "source", "citation", "page", "pagesection",
            "question", "answerchoice"} <= models


def test_revert_works_without_a_surrounding_transaction(content_loaded, client):
    """As in production: each request commits on its own (PostgreSQL refused the revert's row lock)."""
    user = User.objects.create_superuser("admin2", "admin2@example.org", "a-long-test-password")
    client.force_login(user)
    option = TreatmentOption.objects.get(slug="naltrexone")
    original = option.summary
    assert _edit_summary(client, option, "Changed for the revert test.").status_code == 302
    first = option.history.order_by("history_date").first()
    revert_url = reverse("admin:options_treatmentoption_simple_history", args=[option.pk, first.history_id])
    page = client.get(revert_url)
    assert client.post(revert_url, admin_form_data(page)).status_code == 302
    option.refresh_from_db()
    assert option.summary == original


def test_options_and_sections_the_questionnaire_names_cannot_be_renamed(admin_client):
    from content.models import Citation

    option = TreatmentOption.objects.get(slug="methadone")
    response = _edit_summary(admin_client, option, option.summary, slug="methadone-renamed")
    assert response.status_code == 200
    assert "cannot be renamed" in response.content.decode()
    assert TreatmentOption.objects.filter(slug="methadone").exists()

    citation = Citation.objects.get(source__key="webmd", section="Inpatient Heroin Treatment")
    citation.section = "Renamed"
    with pytest.raises(Exception) as error:
        citation.full_clean()
    assert "cite this section" in str(error.value)
    other = TreatmentOption.objects.get(slug="ibogaine")  # not named by the rules: may be renamed
    other.slug = "ibogaine-treatment"
    other.full_clean()
