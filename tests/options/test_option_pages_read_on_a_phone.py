"""Option pages a frightened family can read (issue 13, items 1 to 4): the answer first,
numbered references instead of citation labels in the reading flow, no dead ends, the notes
on the sources at the end, and a "Compare" link that always opens a valid comparison."""
import re

import pytest
from django.urls import reverse

from content.models import Page
from options.models import TreatmentOption

pytestmark = pytest.mark.django_db


def page_of(client, slug):
    response = client.get(reverse("options:detail", args=[slug]))
    assert response.status_code == 200
    return response, response.content.decode()


def test_at_a_glance_comes_first_and_the_sources_disagreeing_comes_last(client):
    response, html = page_of(client, "inpatient-rehab")
    glance = html.index("At a glance")
    assert glance < html.index("What it is and what happens")
    assert html.index("Where the sources disagree or are wrong") > html.index("How long it lasts")
    assert "<details>" in html.split("Where the sources disagree or are wrong")[1][:200]  # collapsed
    labels = [row.label for row in response.context["glance"]]
    assert labels[:6] == ["What it is", "Who it suits", "How intense", "How long", "Where the person lives", "Cost"]


def test_a_risky_option_keeps_its_warning_before_anything_else(client):
    _, html = page_of(client, "anesthesia-assisted-rapid-detox")
    assert html.index("Warning: serious risks") < html.index("At a glance")


def test_every_fact_is_traceable_through_a_numbered_reference_and_no_label_interrupts_the_text(client):
    for option in TreatmentOption.objects.all():
        response, html = page_of(client, option.slug)
        body, _, reference_list = html.partition('id="references-heading"')
        assert 'class="cite"' not in body, option.slug  # no "Sources: …" labels in the reading flow
        markers = set(re.findall(r'href="#ref-(\d+)"', body))
        listed = set(re.findall(r'<li id="ref-(\d+)"', reference_list))
        assert markers and markers == listed, option.slug
        references = response.context["references"]
        for citation in references:
            assert reverse("content:source-detail", args=[citation.source.key]) in reference_list
        cited = {c.pk for fact in option.facts.all() for c in fact.citations.all()}
        cited |= {c.pk for c in option.summary_citations.all()}
        assert cited <= {c.pk for c in references}, option.slug  # every fact's sources are listed


def test_where_the_sources_are_silent_the_page_says_what_to_do(client):
    for option in TreatmentOption.objects.all():
        response, _ = page_of(client, option.slug)
        rows = {row.label: row for row in response.context["glance"]}
        assert rows["Cost"].text != "The sources do not say.", option.slug
        if not option.facts_about("cost"):
            assert rows["Cost"].next_step == ("Paying for treatment", "paying-for-treatment")
    for slug in ("paying-for-treatment", "choosing-a-treatment-centre", "find-a-service"):
        assert client.get(reverse("content:page", args=[slug])).status_code == 200


def test_every_compare_link_on_an_option_page_opens_a_valid_comparison(client):
    for option in TreatmentOption.objects.all():
        _, html = page_of(client, option.slug)
        links = re.findall(r'href="(/compare/\?[^"]+)"', html)
        assert links, option.slug
        for link in links:
            response = client.get(link.replace("&amp;", "&"))
            assert response.status_code == 200, (option.slug, link)
            assert len(response.context["options"]) >= 2


def test_the_new_pages_are_in_the_navigation_and_on_the_home_page(client):
    home = client.get("/").content.decode()
    header = home.split('aria-label="Main"')[1].split("</nav>")[0]
    for slug in ("find-a-service", "for-families"):
        assert f'href="/{slug}/"' in header
    for slug in ("find-a-service", "choosing-a-treatment-centre", "paying-for-treatment", "for-families"):
        assert f'href="/{slug}/"' in home
        page = Page.objects.get(slug=slug)
        assert all(section.citations.exists() for section in page.sections.all()), slug


def test_find_a_service_links_to_services_and_embeds_nothing(client):
    html = client.get("/find-a-service/").content.decode()
    for href in ('href="https://findtreatment.gov"', 'href="tel:18006624357"', 'href="tel:988"',
                 'href="tel:03001236600"', 'href="https://www.talktofrank.com"'):
        assert href in html
    assert "<iframe" not in html and "<script src=\"http" not in html
    assert "To be checked by an editor" in client.get("/sources/").content.decode()


def test_choosing_a_centre_can_be_printed_as_a_checklist(client):
    html = client.get("/choosing-a-treatment-centre/").content.decode()
    assert "data-print" in html and 'class="page-choosing-a-treatment-centre"' in html
    assert "methadone or buprenorphine" in html  # sober living homes: ask first


def test_compare_offers_grouped_choices_and_ready_made_sets_that_work(client):
    response = client.get(reverse("options:compare"))
    html = response.content.decode()
    for group in ("Detox", "Levels of care", "Medications"):
        assert f'<legend class="h6">{group}</legend>' in html
    links = re.findall(r'href="(/compare/\?options=[^"]+)"', html)
    assert len(links) == 4 and "Methadone, buprenorphine and naltrexone" in html
    for link in links:
        result = client.get(link.replace("&amp;", "&"))
        assert result.status_code == 200 and len(result.context["options"]) >= 2


def test_compare_cells_are_short_with_the_rest_on_demand_and_no_dead_end_on_cost(client):
    response = client.get(reverse("options:compare"), {"options": ["methadone", "buprenorphine", "naltrexone"]})
    for label, cells in response.context["rows"]:
        for cell in cells:
            assert len(cell["row"].text.split()) <= 60, (label, cell["option"].slug)  # a sentence or two
            assert cell["row"].text not in {fact.text for fact in cell["more"]}  # not said twice
            if label == "Cost":
                assert cell["row"].text != "The sources do not say."
    html = response.content.decode()
    assert "<table" not in html  # nothing to scroll sideways on a phone
    assert 'id="references-heading"' in html and 'class="cite"' not in html.split('id="references-heading"')[0]
