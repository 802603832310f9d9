"""The browser's Back and Forward buttons in the questionnaire (issue 13): back to the last
question with its answer still chosen, no "Confirm Form Resubmission", later answers kept,
and still nothing in the address, a cookie or storage."""
import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def choose(page, code, value):
    page.locator(f"input[name={code}][value='{value}']").check()


def continue_to(page, number):
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_title(re.compile(rf"^Question {number} of"))


def test_back_and_forward_move_between_questions_with_the_answers_kept(site):
    page = site.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(site.url("/questionnaire/"))
    continue_to(page, 2)
    choose(page, "use_duration", "1_to_5_years")
    continue_to(page, 3)
    choose(page, "use_frequency", "daily")
    continue_to(page, 4)
    choose(page, "withdrawal", "mild")

    # The browser's Back button: the last question, its answer still chosen.
    page.go_back()
    expect(page).to_have_title(re.compile(r"^Question 3 of"))
    expect(page.locator("input[name=use_frequency][value='daily']")).to_be_checked()
    page.go_back()
    expect(page).to_have_title(re.compile(r"^Question 2 of"))
    expect(page.locator("input[name=use_duration][value='1_to_5_years']")).to_be_checked()
    # Forward again, then on with Continue: the answers given later are kept.
    page.go_forward()
    expect(page).to_have_title(re.compile(r"^Question 3 of"))
    page.go_back()
    expect(page).to_have_title(re.compile(r"^Question 2 of"))
    continue_to(page, 3)
    expect(page.locator("input[name=use_frequency][value='daily']")).to_be_checked()
    assert page.locator("input[name=withdrawal]").get_attribute("value") == "mild"  # a hidden copy, kept

    assert dialogs == [], f"the browser asked: {dialogs}"
    assert page.url == site.url("/questionnaire/")
    assert site.context.cookies() == []
    assert page.evaluate("() => localStorage.length + sessionStorage.length") == 0
    for _, url in site.requests:
        assert "use_frequency" not in url and "daily" not in url.split("?")[-1]


def test_the_back_link_at_the_top_left_goes_back_one_question(site):
    page = site.new_page()
    page.goto(site.url("/questionnaire/"))
    back = page.locator(".back-link")
    assert back.bounding_box()["y"] < page.locator("h1, legend").first.bounding_box()["y"]  # above the question
    continue_to(page, 2)
    choose(page, "use_duration", "under_3_months")
    continue_to(page, 3)
    box = page.locator(".back-link").bounding_box()
    assert box["height"] >= 44 and box["x"] < 100
    page.locator(".back-link").click()
    expect(page).to_have_title(re.compile(r"^Question 2 of"))
    expect(page.locator("input[name=use_duration][value='under_3_months']")).to_be_checked()
