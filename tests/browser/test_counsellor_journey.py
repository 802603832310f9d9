"""A counsellor walks a client through the questionnaire with the keyboard alone, then prints."""
import re
from urllib.parse import urlencode, urlsplit

import pytest
from playwright.sync_api import expect

from .conftest import focused, tab_to

pytestmark = pytest.mark.browser

RADIO = "input[type=radio]"
NEXT = "button[name=action][value=next]"
BACK = "button.back-link[name=action][value=back]"
FINISH = "button[name=action][value=finish]"

# The heaviest result the rules give: every flag raised, detox first, medications, notes.
HEAVY_ANSWERS = {
    "who": "family",
    "use_duration": "over_5_years",
    "use_frequency": "several_times_daily",
    "withdrawal": "severe",
    "life_impact": "most",
    "relapse_history": "repeated_treatment_relapses",
    "home_environment": "unstable_housing",
    "treatment_stage": "not_started",
    "overdose": "more_than_once",
    "mental_health": "diagnosed_or_suspected",
    "physical_health": "serious_conditions",
    "obligations": "caregiving",
    "budget": "very_limited",
    "privacy": "high",
    "medication_openness": "prefer_not",
}


def pdf_page_count(pdf):
    """Page objects in a PDF: "/Type /Page" but not the "/Type /Pages" tree nodes."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def question_heading(page):
    return page.locator("legend h1").inner_text()


def checked_value(page):
    return page.evaluate("() => { const r = document.querySelector('input[type=radio]:checked'); return r && r.value; }")


def choose(page, position):
    """Tab into the radio group and pick the choice at `position` (0-based) with Space and arrows."""
    where = tab_to(page, RADIO)
    radios = page.locator(RADIO)
    if not where["checked"]:
        page.keyboard.press("Space")  # selects the focused (first) radio
    current = radios.evaluate_all("rs => rs.findIndex(r => r.checked)")
    key = "ArrowDown" if position >= current else "ArrowUp"
    for _ in range(abs(position - current)):
        page.keyboard.press(key)
    value = radios.nth(position).get_attribute("value")
    assert focused(page)["value"] == value and checked_value(page) == value
    return value


def submit(page, button, *, backwards=False):
    """Tab to a button and press Enter; wait for the next step to be shown (with JavaScript it
    replaces the page's body in place, without a navigation)."""
    tab_to(page, button, backwards=backwards)
    page.evaluate("document.body.dataset.shown = 'before'")
    page.keyboard.press("Enter")
    page.wait_for_function("() => !document.body || document.body.dataset.shown !== 'before'")


def assert_answers_not_in_url(page, answers):
    query = urlsplit(page.url).query
    assert query == "", f"the questionnaire URL carries a query: {page.url}"
    for value in answers.values():
        assert value not in page.url


def test_counsellor_uses_the_questionnaire_with_the_keyboard_alone(site, screenshots):
    page = site.new_page()
    page.goto(site.url("/"))

    # From the home page's "I'm a counsellor" way in, by keyboard.
    # It is a button that posts "who", so not even that answer goes into a URL.
    tab_to(page, "form:has(input[name=who][value=counsellor]) button.way-in")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page).to_have_title(re.compile(r"^Question 1 of \d+"))
    total = int(re.search(r"of (\d+)", page.title()).group(1))
    # The way in pre-selects "counsellor"; Tab lands on the selected radio.
    assert tab_to(page, RADIO)["value"] == "counsellor"
    answers = {"who": "counsellor"}
    submit(page, NEXT)

    # Question 2 is required: try to go on without an answer.
    expect(page).to_have_title(re.compile(r"^Question 2 of"))
    assert_answers_not_in_url(page, answers)
    assert checked_value(page) is None
    submit(page, NEXT)
    expect(page).to_have_title(re.compile(r"^Error: Question 2 of"))
    alert = page.get_by_role("alert")
    expect(alert).to_be_visible()
    expect(alert).to_contain_text("Please choose an answer to go on.")
    # Announced: the alert takes focus on load (so screen readers read it first), the
    # question is marked invalid and the message is part of its accessible description.
    assert focused(page)["id"] == "error-summary"
    fieldset = page.locator("fieldset")
    expect(fieldset).to_have_attribute("aria-invalid", "true")
    described_by = fieldset.get_attribute("aria-describedby").split()
    messages = [page.locator(f"#{ident}").inner_text() for ident in described_by]
    assert any("Please choose an answer" in message for message in messages), messages
    page.screenshot(path=str(screenshots / "counsellor-01-error.png"), full_page=True)

    # From the error summary, Tab goes straight to the answers.
    answers["use_duration"] = choose(page, 2)
    submit(page, NEXT)
    expect(page).to_have_title(re.compile(r"^Question 3 of"))
    answers["use_frequency"] = choose(page, 2)
    submit(page, NEXT)
    expect(page).to_have_title(re.compile(r"^Question 4 of"))
    answers["withdrawal"] = choose(page, 2)

    # Back (the link at the top left): the earlier answer is still selected, and Shift+Tab from
    # the Continue button reaches it.
    submit(page, BACK, backwards=True)
    expect(page).to_have_title(re.compile(r"^Question 3 of"))
    assert checked_value(page) == answers["use_frequency"]
    tab_to(page, NEXT)
    where = tab_to(page, RADIO, backwards=True)
    assert where["value"] == answers["use_frequency"] and where["checked"]
    # Forward again: the answer given before going back is kept too.
    submit(page, NEXT)
    expect(page).to_have_title(re.compile(r"^Question 4 of"))
    assert checked_value(page) == answers["withdrawal"]
    submit(page, NEXT)

    # The rest of the required questions, then skip the optional ones.
    for code, position in (("life_impact", 1), ("relapse_history", 2), ("home_environment", 0)):
        answers[code] = choose(page, position)
        submit(page, NEXT)
        assert_answers_not_in_url(page, answers)
    for number in range(8, total):
        expect(page).to_have_title(re.compile(rf"^Question {number} of"))
        expect(page.locator(".questionnaire-progress")).to_contain_text("(optional)")
        submit(page, NEXT)
    expect(page).to_have_title(re.compile(rf"^Question {total} of"))
    submit(page, FINISH)

    # Check your answers: every answer with a Change button, then the result.
    expect(page).to_have_title(re.compile(r"^Check your answers"))
    expect(page.locator(".answers-list")).to_contain_text("Not answered")
    assert page.locator("button.change-answer").count() == len(page.locator(".answers-list dt").all())
    submit(page, "button[name=action][value=result]")

    # The result: levels of care, with reasons and the sources they come from.
    expect(page).to_have_title(re.compile(r"^Your result"))
    assert_answers_not_in_url(page, answers)
    expect(page.get_by_role("heading", level=1)).to_have_text("Levels of care that may fit your client")
    reasons = page.locator(".reasons > li")
    assert reasons.count() >= 3
    expect(page.locator(".because").first).to_have_text(re.compile(r"^Because you said your client .+\.$"))
    # Each reason's sources are numbered markers leading to the list at the end, and from
    # there to the source itself.
    markers = page.locator(".reasons a.ref")
    assert markers.count() >= 3
    listed = page.locator(markers.first.get_attribute("href"))
    source_link = listed.get_by_role("link").first
    assert re.search(r"/sources/[\w-]+/#citation-\d+$", source_link.get_attribute("href"))
    expect(page.locator(".answers-list")).to_contain_text("I am a counsellor with a client")
    page.screenshot(path=str(screenshots / "counsellor-02-result.png"), full_page=True)

    # The print button prints (window.print stubbed: headless Chromium has no dialog).
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    tab_to(page, "[data-print]", limit=200)  # past a Change button for each answer
    page.keyboard.press("Enter")
    assert page.evaluate("window.__printed") == 1

    # Printed: no site chrome or buttons, and it fits on one A4 page.
    page.emulate_media(media="print")
    for hidden in (".safety-bar", ".site-header nav", ".site-footer", "[data-print]", ".share-link"):
        expect(page.locator(hidden).first).to_be_hidden()
    expect(page.locator(".reasons").first).to_be_visible()
    page.screenshot(path=str(screenshots / "counsellor-03-print-media.png"), full_page=True)
    pdf = page.pdf(format="A4", print_background=True)
    (screenshots / "counsellor-result.pdf").write_bytes(pdf)
    assert pdf_page_count(pdf) == 1, f"the printed result takes {pdf_page_count(pdf)} A4 pages"


# Every safety answer at its worst as well: the longest result there is.
HEAVIEST_ANSWERS = {
    **HEAVY_ANSWERS, "suicidal_thoughts": "now", "urgent_symptoms": "present", "alcohol_or_sedatives": "both",
    "pregnant": "unsure", "recent_overdose": "last_3_months", "age_group": "18_to_25", "injecting": "current",
    "chronic_pain": "yes", "current_medication": "none", "last_use": "today_or_yesterday",
}
SMALLEST_PRINTED_TEXT = """() => {
  let smallest = 1000;
  for (const el of document.querySelectorAll("body *")) {
    const style = getComputedStyle(el);
    const hasText = [...el.childNodes].some((node) => node.nodeType === 3 && node.textContent.trim());
    if (hasText && el.getClientRects().length && style.visibility !== "hidden") {
      smallest = Math.min(smallest, parseFloat(style.fontSize));
    }
  }
  return smallest;
}"""


@pytest.mark.parametrize("answers", [HEAVY_ANSWERS, HEAVIEST_ANSWERS], ids=["heavy", "every-safety-answer"])
def test_the_heaviest_result_prints_on_one_readable_page_with_the_date_and_room_for_notes(site, screenshots, answers):
    page = site.new_page()
    page.goto(site.url("/questionnaire/result/?" + urlencode(answers)))
    expect(page.get_by_role("heading", level=1)).to_have_text("Levels of care that may fit them")
    expect(page.get_by_role("heading", name="Things to weigh up")).to_be_visible()
    page.emulate_media(media="print")
    assert page.evaluate(SMALLEST_PRINTED_TEXT) >= 10 * 96 / 72 - 0.01  # body text of at least 10 pt
    expect(page.locator(".print-date")).to_be_visible()
    expect(page.locator(".print-date")).to_contain_text(re.compile(r"Printed \d{1,2} \w+ 20\d\d"))
    expect(page.locator(".notes-box")).to_be_visible()
    assert page.locator(".notes-box").bounding_box()["height"] >= 70  # about 2 cm to write in
    for paper in ("A4", "Letter"):
        pdf = page.pdf(format=paper, print_background=True)
        (screenshots / f"counsellor-heaviest-result-{paper}.pdf").write_bytes(pdf)
        assert pdf_page_count(pdf) == 1, f"the printed result takes {pdf_page_count(pdf)} {paper} pages"
