"""Every page type, on a phone and on a desktop: axe finds nothing, headings are in order,
the landmarks are there, and keyboard focus can be seen."""
import re
from urllib.parse import urlencode

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .conftest import DESKTOP, MOBILE, heading_levels
from .test_counsellor_journey import HEAVY_ANSWERS

pytestmark = pytest.mark.browser

AXE = Axe()


def _questionnaire_error(page, site):
    page.goto(site.url("/questionnaire/"))
    page.get_by_role("button", name="Continue").click()  # "who" is optional
    expect(page).to_have_title(re.compile(r"^Question 2 of"))
    page.get_by_role("button", name="Continue").click()  # the first required one, unanswered
    expect(page.get_by_role("alert")).to_be_visible()


def _post_questionnaire(page, site, fields):
    """Posts the questionnaire as its own form would, from a page of the site."""
    page.goto(site.url("/questionnaire/"))
    with page.expect_navigation():
        page.evaluate(
            """fields => { const form = document.querySelector("form.question-form");
                for (const [name, value] of Object.entries(fields)) {
                    const input = document.createElement("input");
                    input.type = "hidden"; input.name = name; input.value = value; form.append(input); }
                form.querySelector("[name=step]").value = fields.step; form.submit(); }""",
            fields,
        )


def _safety_step():
    from navigator.questionnaire import QuestionnaireForm, Wording

    return QuestionnaireForm(wording=Wording()).screen_of("suicidal_thoughts")


REQUIRED_ANSWERS = {key: HEAVY_ANSWERS[key] for key in (
    "use_duration", "use_frequency", "withdrawal", "life_impact", "relapse_history", "home_environment")}


def _safety_screen(page, site):
    _post_questionnaire(page, site, {**REQUIRED_ANSWERS, "step": _safety_step() - 1, "action": "next"})
    expect(page.get_by_role("heading", level=1)).to_have_text("Does any of this apply right now?")


def _after_a_danger_answer(page, site):
    _post_questionnaire(page, site, {**REQUIRED_ANSWERS, "suicidal_thoughts": "now", "step": _safety_step(),
                                     "action": "next"})
    expect(page.get_by_text("Get help now")).to_be_visible()


def _check_your_answers(page, site):
    _post_questionnaire(page, site, {**REQUIRED_ANSWERS, "step": _safety_step(), "action": "finish"})
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your answers")


PAGES = {
    "home": "/",
    "options index": "/options/",
    "option (risky)": "/options/anesthesia-assisted-rapid-detox/",
    "option (normal)": "/options/methadone/",
    "option (with source notes)": "/options/buprenorphine/",
    "continuum": "/continuum/",
    "compare (empty)": "/compare/",
    "compare (results)": "/compare/?options=methadone&options=buprenorphine&options=naltrexone",
    "compare (error)": "/compare/?options=methadone",
    "sources": "/sources/",
    "source detail": "/sources/passages-malibu/",
    "crisis": "/crisis/",
    "about": "/about/",
    "disclaimer": "/disclaimer/",
    "privacy": "/privacy/",
    "find a service": "/find-a-service/",
    "search (results)": "/search/?q=methadone",
    "search (nothing matched)": "/search/?q=zebra",
    "for families": "/for-families/",
    "choosing a treatment centre": "/choosing-a-treatment-centre/",
    "paying for treatment": "/paying-for-treatment/",
    "questionnaire first question": "/questionnaire/",
    "questionnaire error": _questionnaire_error,
    "questionnaire safety screen": _safety_screen,
    "questionnaire after a danger answer": _after_a_danger_answer,
    "check your answers": _check_your_answers,
    "result (urgent)": "/questionnaire/result/?" + urlencode({**HEAVY_ANSWERS, "suicidal_thoughts": "now",
                                                              "urgent_symptoms": "present"}),
    "result": "/questionnaire/result/?" + urlencode(HEAVY_ANSWERS),
    "result (light)": "/questionnaire/result/?" + urlencode(
        {"who": "self", "use_duration": "under_3_months", "use_frequency": "weekly", "withdrawal": "mild",
         "life_impact": "little", "relapse_history": "no_attempts", "home_environment": "safe_supportive"}
    ),
}

FOCUS_STYLE = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow && style.boxShadow !== "none";
    return {what: el.outerHTML.slice(0, 100), visible: outline || shadow,
            outline: style.outlineStyle + " " + style.outlineWidth, shadow: style.boxShadow};
}"""


def heading_problems(levels, first_outside_alert):
    """Exactly one h1, no level skipped going down, and the page's first heading is the h1."""
    problems = []
    if levels.count(1) != 1:
        problems.append(f"{levels.count(1)} h1 headings (want exactly one)")
    if levels and levels[0] != 1:
        problems.append(f"the first heading is h{levels[0]}")
    if first_outside_alert not in (None, 1):
        problems.append(f"the first heading (outside an error summary) is h{first_outside_alert}, not h1")
    for before, after in zip(levels, levels[1:]):
        if after > before + 1:
            problems.append(f"h{before} is followed by h{after}")
    return problems


def landmark_problems(page):
    problems = []
    for role, name in (("banner", None), ("navigation", "Main"), ("main", None), ("contentinfo", None)):
        count = page.get_by_role(role, name=name).count() if name else page.get_by_role(role).count()
        if count != 1:
            problems.append(f"{count} {role} landmarks" + (f" named {name!r}" if name else ""))
    return problems


def focus_problems(page, presses=6):
    """Tab from the top of the page: every element that takes focus must show it."""
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }")
    problems = []
    seen = 0
    for _ in range(presses):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STYLE)
        if state is None:
            continue
        seen += 1
        if not state["visible"]:
            problems.append(f"focus not visible on {state['what']} (outline {state['outline']}, shadow {state['shadow']})")
    if not seen:
        problems.append("Tab focused nothing")
    return problems


@pytest.mark.parametrize("viewport", [MOBILE, DESKTOP], ids=["390px", "1280px"])
def test_every_page_type_is_accessible(make_site, viewport):
    site = make_site(viewport)
    page = site.new_page()
    failures = {}
    for name, target in PAGES.items():
        if callable(target):
            target(page, site)
        else:
            page.goto(site.url(target))
        problems = []
        results = AXE.run(page)
        if results.violations_count:
            problems.append(results.generate_report())
        first_outside_alert = page.evaluate(
            "() => { const h = [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].find(h => !h.closest('[role=alert]'));"
            " return h ? Number(h.tagName[1]) : null; }"
        )
        problems += heading_problems(heading_levels(page), first_outside_alert)
        problems += landmark_problems(page)
        overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if overflow > 1:
            problems.append(f"the page scrolls sideways by {overflow}px")
        # Last, as it moves focus: a fresh load so Tab starts at the top of the page.
        if not callable(target):
            page.reload()
        problems += focus_problems(page)
        if problems:
            failures[name] = problems
    assert not failures, "\n\n".join(f"== {name} ({viewport['width']}px)\n" + "\n".join(p) for name, p in failures.items())

    # The skip link comes first, shows when focused, and takes focus to the main content.
    page.goto(site.url("/options/methadone/"))
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
