"""Privacy in the browser: nothing goes to other hosts, no cookies, no answers in URLs,
and "Leave this site quickly" leaves without a way Back."""
import re
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.conf import settings
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PUBLIC_PAGES = [
    "/",
    "/options/",
    "/options/methadone/",
    "/options/rapid-detox/",
    "/continuum/",
    "/compare/?options=methadone&options=buprenorphine",
    "/sources/",
    "/sources/passages-malibu/",
    "/crisis/",
    "/about/",
    "/disclaimer/",
    "/privacy/",
]

# Answers chosen by their label on each page (mouse this time); distinctive values so
# they can be looked for in every URL.
ANSWERS = {
    "who": "family",
    "use_duration": "over_5_years",
    "use_frequency": "several_times_daily",
    "withdrawal": "severe",
    "life_impact": "most",
    "relapse_history": "treatment_then_relapse",
    "home_environment": "drug_use_at_home",
    "overdose": "more_than_once",
    "mental_health": "diagnosed_or_suspected",
    "privacy": "high",
}


def test_browsing_and_the_whole_questionnaire_set_no_cookies_and_keep_answers_out_of_urls(site):
    page = site.new_page()
    for path in PUBLIC_PAGES:
        response = page.goto(site.url(path))
        assert response.status == 200, path
        assert "set-cookie" not in response.headers, path
        assert "default-src 'self'" in response.headers.get("content-security-policy", "").split("; ")

    posts = []
    page.on("request", lambda request: request.method == "POST" and posts.append(request.post_data or ""))
    page.goto(site.url("/questionnaire/"))
    total = int(re.search(r"of (\d+)", page.title()).group(1))
    for number in range(1, total + 1):
        expect(page).to_have_title(re.compile(rf"Question {number} of {total}"))
        code = page.locator("fieldset input[type=radio]").first.get_attribute("name")
        if code in ANSWERS:
            page.locator(f"input[name={code}][value={ANSWERS[code]}]").check()
        button = "Check your answers" if number == total else "Continue"
        page.get_by_role("button", name=button).click()
        if number < total:
            expect(page).to_have_title(re.compile(rf"Question {number + 1} of {total}"))
        # The answers travel in the POST body, never in the address.
        assert page.url == site.url("/questionnaire/"), page.url
    expect(page).to_have_title(re.compile(r"^Check your answers"))
    page.get_by_role("button", name="See the result").click()
    expect(page).to_have_title(re.compile(r"^Your result"))
    assert page.url == site.url("/questionnaire/"), page.url

    # Every answer went in a POST body; no request URL of the whole visit carried one.
    assert len(posts) == total + 1
    last_post = dict(parse_qsl(posts[-1]))
    for code, value in ANSWERS.items():
        assert last_post[code] == value
    for method, url in site.requests:
        for code, value in ANSWERS.items():
            assert f"{code}=" not in urlsplit(url).query, f"an answer in a URL: {method} {url}"
    assert not any(value in url for _, url in site.requests for value in ANSWERS.values() if "_" in value)

    # The share link is the one place answers go into a URL: it sits inside a closed
    # <details> behind a privacy warning, and is only visible together with it.
    details = page.locator("details.share-link")
    link = details.get_by_role("link", name="Link to this result")
    expect(link).to_be_hidden()
    details.locator("summary").click()
    expect(link).to_be_visible()
    warning = details.locator("p", has_text="Privacy:")
    expect(warning).to_be_visible()
    expect(warning).to_contain_text("this link contains all the answers")
    shared = dict(parse_qsl(urlsplit(link.get_attribute("href")).query))
    assert {code: shared[code] for code in ANSWERS} == ANSWERS
    assert link.get_attribute("rel") == "nofollow"
    # The link does show the same result.
    link.click()
    expect(page).to_have_url(re.compile(r"/questionnaire/result/\?"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Levels of care that may fit them")

    # No cookies at all (no session, no CSRF, no tracking), and nothing kept in storage.
    assert site.context.cookies() == []
    assert page.evaluate("() => localStorage.length + sessionStorage.length") == 0


def _exit_link(page):
    link = page.locator("[data-quick-exit]")
    assert link.get_attribute("href") == settings.QUICK_EXIT_URL
    return link


def test_quick_exit_leaves_and_back_does_not_return_to_the_page(make_site, screenshots):
    # Requests to the exit URL are answered here with a stub page: nothing leaves the machine.
    site = make_site(allow_foreign=True)
    exit_url = settings.QUICK_EXIT_URL

    # Opened straight on a page (a new tab: only about:blank before it): after leaving,
    # Back cannot reach the site.
    page = site.new_page()
    page.goto(site.url("/options/methadone/"))
    length = page.evaluate("history.length")
    _exit_link(page).click()
    page.wait_for_url(exit_url)
    expect(page.locator("body")).to_have_text("Stub page.")
    assert page.evaluate("history.length") == length, "the exit added a history entry instead of replacing"
    page.go_back()
    assert page.url in (exit_url, "about:blank"), f"Back returned to {page.url}"
    page.screenshot(path=str(screenshots / "privacy-quick-exit-stub.png"))

    # After some browsing: the page the exit was pressed on is gone from the history.
    page = site.new_page()
    page.goto(site.url("/"))
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Steps of care").click()
    expect(page).to_have_url(site.url("/continuum/"))
    length = page.evaluate("history.length")
    _exit_link(page).click()
    page.wait_for_url(exit_url)
    assert page.evaluate("history.length") == length
    page.go_back()
    assert page.url != site.url("/continuum/"), "Back returned to the page the visitor left"

    # Escape three times leaves the same way.
    page = site.new_page()
    page.goto(site.url("/crisis/"))
    length = page.evaluate("history.length")
    for _ in range(3):
        page.keyboard.press("Escape")
    page.wait_for_url(exit_url)
    assert page.evaluate("history.length") == length
    page.go_back()
    assert page.url in (exit_url, "about:blank")

    # Nothing but the exit page itself was asked of another host (and it was stubbed).
    assert site.foreign and set(site.foreign) <= {exit_url}, site.foreign
