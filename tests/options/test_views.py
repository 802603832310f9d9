import pytest
from django.urls import reverse

from options.models import TreatmentOption
from tests.factories import make_citation, make_fact, make_option

pytestmark = pytest.mark.django_db


def test_every_option_page_renders_with_its_citations(client):
    for option in TreatmentOption.objects.prefetch_related("summary_citations__source"):
        response = client.get(option.get_absolute_url())
        assert response.status_code == 200, option.slug
        html = response.content.decode()
        assert option.name in html
        citation = option.summary_citations.all()[0]
        assert reverse("content:source-detail", args=[citation.source.key]) in html
        assert "Not a diagnosis" in html


def test_option_page_shows_source_notes_and_the_correction(client):
    html = client.get(reverse("options:detail", args=["suboxone"])).content.decode()
    assert "Where the sources disagree or are wrong" in html
    assert "naloxone" in html


def test_risky_option_shows_its_warning_first(client):
    html = client.get(reverse("options:detail", args=["anesthesia-assisted-rapid-detox"])).content.decode()
    assert html.index("Warning: serious risks") < html.index("What it is and what happens")
    assert "8.6%" in html


def test_unknown_option_is_a_404(client):
    assert client.get(reverse("options:detail", args=["no-such-option"])).status_code == 404


def test_index_lists_every_option_by_category(client):
    html = client.get(reverse("options:index")).content.decode()
    for option in TreatmentOption.objects.all():
        assert option.get_absolute_url() in html


def test_continuum_links_each_step_in_order_with_intensity_and_duration(client):
    html = client.get(reverse("options:continuum")).content.decode()
    slugs = ["medical-detox", "inpatient-rehab", "partial-hospitalization", "intensive-outpatient",
             "standard-outpatient", "sober-living", "support-groups", "long-term-management"]
    positions = [html.index(reverse("options:detail", args=[slug])) for slug in slugs]
    assert positions == sorted(positions)
    assert "<svg" in html and "Typical length" in html and "Intensity" in html


def test_compare_three_options_side_by_side(client):
    response = client.get(
        reverse("options:compare"),
        {"options": ["medical-detox", "inpatient-rehab", "intensive-outpatient"]},
    )
    assert response.status_code == 200
    html = response.content.decode()
    rows = [label for label, _ in response.context["rows"]]
    assert rows == ["What it is", "Who it suits", "How intense", "How long", "Where the person lives", "Cost",
                    "Privacy", "Benefits", "Main risk"]
    for label, cells in response.context["rows"]:
        assert [cell["option"].slug for cell in cells] == ["medical-detox", "inpatient-rehab", "intensive-outpatient"]
        assert html.count(f">{label}</h2>") == 1
    # Every cell names its option, so the name is in view on a phone whatever the row.
    assert html.count('<h3 class="compare-option">Inpatient rehab</h3>') == len(rows)


@pytest.mark.parametrize(
    "query,message",
    [
        ({"options": ["medical-detox", "no-such-thing"]}, "We don’t have an option called “no-such-thing”"),
        ({"options": ["medical-detox"]}, "Choose at least 2 options"),
        ({"options": ["medical-detox", "medical-detox"]}, "Choose at least 2 options"),
        ({"other": "x"}, "Choose 2 to 4 options"),
    ],
)
def test_compare_bad_input_gets_a_clear_message(client, query, message):
    response = client.get(reverse("options:compare"), query)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_compare_ten_options_is_refused_clearly(client):
    slugs = list(TreatmentOption.objects.values_list("slug", flat=True)[:10])
    response = client.get(reverse("options:compare"), {"options": slugs})
    assert response.status_code == 400
    assert "Choose at most 4 options" in response.content.decode()


def test_compare_without_input_shows_the_form(client):
    response = client.get(reverse("options:compare"))
    assert response.status_code == 200
    assert "Choose two to four options" in response.content.decode()


def _queries_for(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_option_page_queries_do_not_grow_with_facts_or_citations(client):
    option = make_option()
    make_fact(option)
    few = _queries_for(client, option.get_absolute_url())
    for _ in range(20):
        make_fact(option, citations=[make_citation(), make_citation()])
    related = [make_option() for _ in range(5)]
    option.related.add(*related)
    many = _queries_for(client, option.get_absolute_url())
    assert many == few


def test_index_queries_do_not_grow_with_options(client):
    few = _queries_for(client, reverse("options:index"))
    for _ in range(30):
        make_option()
    assert _queries_for(client, reverse("options:index")) == few
