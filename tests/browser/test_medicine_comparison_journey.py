"""A family member on a phone compares the medicines, then finds a service (issue 13)."""
import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
MEDICINES = ["Methadone", "Buprenorphine", "Naltrexone"]


def no_sideways_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


def test_comparing_the_medicines_and_finding_a_service_on_a_phone(mobile_site, screenshots):
    page = mobile_site.new_page()
    page.goto(mobile_site.url("/options/methadone/"))
    # The answer first, on the first screen.
    expect(page.get_by_role("heading", name="At a glance")).to_be_in_viewport()

    # The page's Compare link opens a valid comparison, not an error.
    page.get_by_role("link", name=re.compile(r"^Compare Methadone with ")).click()
    expect(page).to_have_title(re.compile(r"^Compare options"))
    expect(page.locator(".compare-row").first).to_be_visible()
    expect(page.get_by_role("alert")).to_have_count(0)

    # A ready-made set: the three medicines.
    page.get_by_role("link", name="Methadone, buprenorphine and naltrexone").click()
    expect(page).to_have_url(re.compile(r"options=methadone&options=buprenorphine&options=naltrexone"))
    rows = page.locator(".compare-row")
    assert rows.count() >= 7
    for index in range(rows.count()):
        row = rows.nth(index)
        assert row.locator(".compare-option").all_inner_texts() == MEDICINES
    no_sideways_scroll(page)
    page.screenshot(path=str(screenshots / "medicines-01-compare.png"), full_page=True)

    # Scrolled deep into the rows, the option's name is still right above each answer.
    cost = rows.filter(has=page.get_by_role("heading", name="Cost", exact=True))
    cost.scroll_into_view_if_needed()
    first_cell = cost.locator(".compare-cell").first
    expect(first_cell.locator(".compare-option")).to_be_in_viewport()
    expect(cost).not_to_contain_text("The sources do not say.")

    # Details on demand, and each number leads to its source.
    details = page.locator(".compare-cell details").first
    details.locator("summary").click()
    expect(details.locator("li").first).to_be_visible()
    marker = page.locator(".compare-cell a.ref").first
    marker.click()
    target = page.locator(marker.get_attribute("href"))
    expect(target).to_be_in_viewport()
    expect(target.get_by_role("link", name=re.compile("About this source"))).to_be_visible()

    # Then whom to call: from the main navigation, with numbers to tap.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Find a service").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Find a service near you")
    expect(page.locator("main a[href='tel:18006624357']")).to_be_visible()
    expect(page.locator("main a[href='https://findtreatment.gov']")).to_be_visible()
    no_sideways_scroll(page)
    page.screenshot(path=str(screenshots / "medicines-02-find-a-service.png"), full_page=True)


def test_the_search_box_finds_a_medicine_by_another_name(mobile_site):
    page = mobile_site.new_page()
    page.goto(mobile_site.url("/"))
    page.get_by_role("searchbox", name="Search the site").fill("Suboxone")
    page.get_by_role("searchbox", name="Search the site").press("Enter")
    expect(page).to_have_title(re.compile(r"^Search: Suboxone"))
    expect(page.locator(".search-results")).to_contain_text("Buprenorphine")
    page.get_by_role("searchbox", name="Search options and pages").fill("zebra")
    page.get_by_role("button", name="Search", exact=True).last.click()
    expect(page.locator("main")).to_contain_text("Nothing matched “zebra”")
