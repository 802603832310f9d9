import pytest
from django.urls import reverse

from content.models import Source

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("slug", ["about", "disclaimer", "crisis", "privacy"])
def test_site_pages_render_with_citations(client, slug):
    response = client.get(reverse("content:page", args=[slug]))
    assert response.status_code == 200
    assert "Source" in response.content.decode()


def test_crisis_page_gives_emergency_numbers_and_naloxone(client):
    html = client.get(reverse("content:page", args=["crisis"])).content.decode()
    for text in ("911", "999", "naloxone", "988"):
        assert text in html


def test_home_has_the_three_ways_in_and_says_it_is_not_advice(client):
    html = client.get(reverse("home")).content.decode()
    for text in ("looking for myself", "family member", "counsellor", "not medical advice", "Crisis help"):
        assert text.lower() in html.lower()


def test_crisis_help_and_quick_exit_are_on_every_page(client, settings):
    settings.QUICK_EXIT_URL = "https://weather.example/today"
    result = reverse("navigator:shared-result") + (
        "?use_duration=1_to_5_years&use_frequency=daily&withdrawal=severe&life_impact=most"
        "&relapse_history=treatment_then_relapse&home_environment=stressful"
    )
    for url in [reverse("home"), reverse("options:index"), reverse("content:sources"),
                reverse("navigator:questionnaire"), reverse("options:detail", args=["methadone"]), result]:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert reverse("content:page", args=["crisis"]) in html, url
        assert 'href="https://weather.example/today" rel="noreferrer noopener" data-quick-exit' in html, url


def test_sources_page_lists_every_source_and_what_it_supports(client):
    html = client.get(reverse("content:sources")).content.decode()
    for source in Source.objects.all():
        assert source.get_absolute_url() in html
    detail = client.get(reverse("content:source-detail", args=["heroin-treatment-and-rehab"])).content.decode()
    assert reverse("options:detail", args=["anesthesia-assisted-rapid-detox"]) in detail


def test_unknown_page_is_a_404(client):
    assert client.get("/no-such-page/").status_code == 404
    assert client.get(reverse("content:source-detail", args=["nope"])).status_code == 404


def test_a_reference_source_not_yet_checked_says_so_on_the_sources_pages(client):
    unchecked = Source.objects.get(key="nhs-when-to-go-to-ae")
    assert unchecked.needs_editor_check and unchecked.kind == Source.Kind.REFERENCE
    assert "To be checked by an editor" in client.get(unchecked.get_absolute_url()).content.decode()
    listing = client.get(reverse("content:sources")).content.decode()
    assert listing.count("To be checked by an editor") == Source.objects.filter(needs_editor_check=True).count()
