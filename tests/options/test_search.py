"""Site search (issue 13, item 5): options and pages by name, other names and text, on both
databases; a clear message when nothing matched; bad input is a 400, never a 500."""
import pytest
from django.db import connection
from django.urls import reverse

pytestmark = pytest.mark.django_db
URL = reverse("options:search")


def titles(client, query):
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    return [hit.title for hit in response.context["hits"]]


def test_finds_an_option_by_its_name_first(client):
    assert titles(client, "methadone")[0] == "Methadone"


def test_finds_an_option_by_another_name(client):
    assert titles(client, "AARD")[0] == "Anaesthesia-assisted rapid detox"  # "AARD" is only in its other names
    assert "Partial hospitalisation programme (PHP)" in titles(client, "partial hospitalization")


def test_finds_options_and_pages_by_their_text(client):
    found = titles(client, "naloxone")
    assert "Naloxone" in found and "Get help now: overdose and crisis" in found
    assert "Find a service near you" in titles(client, "FRANK")


def test_says_when_nothing_matched_and_offers_ways_on(client):
    response = client.get(URL, {"q": "zebra crossing"})
    html = response.content.decode()
    assert response.context["hits"] == [] and "Nothing matched “zebra crossing”" in html
    assert reverse("content:page", args=["find-a-service"]) in html


@pytest.mark.parametrize("query", ["x" * 101, ""])
def test_too_long_is_a_400_with_a_message_and_empty_shows_the_form(client, query):
    response = client.get(URL, {"q": query})
    if query:
        assert response.status_code == 400 and "fewer than 100 characters" in response.content.decode()
    else:
        assert response.status_code == 200 and response.context["hits"] == []


@pytest.mark.parametrize("query", ["'; DROP TABLE x; --", "<script>", "%", "a & b | !c", "\\", "\"unclosed", "0\x00"])
def test_odd_queries_are_safe(client, query):
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("<main")[1]


def test_every_page_has_the_search_box_in_its_header(client):
    html = client.get("/options/methadone/").content.decode()
    header = html.split("<header")[1].split("</header>")[0]
    assert 'role="search"' in header and 'name="q"' in header and 'for="site-search"' in header


def test_uses_full_text_search_on_postgresql(client):
    found = titles(client, "medicines")  # stemmed: "medicine" and "medicines" both match
    assert found, connection.vendor
    if connection.vendor == "postgresql":
        assert "Naltrexone" in titles(client, "blocking")  # "blocks" in its text, by stem


def test_a_page_with_many_matching_sections_is_listed_once(client):
    found = titles(client, "call")  # in several sections of the crisis page
    assert found.count("Get help now: overdose and crisis") == 1
