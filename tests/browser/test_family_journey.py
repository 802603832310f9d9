"""A family member on a phone: home, an option, the steps of care, compare, crisis help."""
import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def _shot(page, screenshots, name):
    page.screenshot(path=str(screenshots / f"family-{name}.png"), full_page=True)


def _no_sideways_scroll(page):
    """At 390 px nothing may be wider than the screen."""
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1, f"the page scrolls sideways by {overflow}px at {page.viewport_size['width']}px"


def test_family_member_finds_their_way_on_a_phone(mobile_site, screenshots):
    page = mobile_site.new_page()
    page.goto(mobile_site.url("/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Find your way through treatment for heroin and opioid use")
    _no_sideways_scroll(page)
    _shot(page, screenshots, "01-home")

    # Through to an option page from the home page's cards.
    page.locator(".option-cards").get_by_role("link", name="Inpatient rehab").click()
    expect(page).to_have_url(mobile_site.url("/options/inpatient-rehab/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Inpatient rehab")
    # The answer first: "At a glance" on the first screen, each fact with a numbered source
    # that leads to the list at the end.
    glance = page.get_by_role("heading", name="At a glance")
    expect(glance).to_be_in_viewport()
    marker = page.locator(".at-a-glance a.ref").first
    target = marker.get_attribute("href")
    marker.click()
    expect(page.locator(target)).to_be_in_viewport()
    expect(page.locator(target)).to_contain_text("section")
    _no_sideways_scroll(page)
    _shot(page, screenshots, "02-option")

    # The continuum ("Steps of care") from the main navigation.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Steps of care").click()
    expect(page).to_have_url(mobile_site.url("/continuum/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("The steps of care")
    steps = page.locator(".continuum-step")
    assert steps.count() >= 4
    assert steps.first.locator("h2").inner_text().startswith("1. ")
    assert steps.last.locator("h2").inner_text().startswith(f"{steps.count()}. ")
    _no_sideways_scroll(page)
    _shot(page, screenshots, "03-continuum")

    # Compare three options with the form's checkboxes.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Compare").click()
    expect(page).to_have_url(mobile_site.url("/compare/"))
    chosen = ["Inpatient rehab", "Intensive outpatient programme (IOP)", "Methadone"]
    for name in chosen:
        box = page.get_by_role("checkbox", name=name, exact=True)
        box.check()
        expect(box).to_be_checked()
    _shot(page, screenshots, "04-compare-form")
    page.get_by_role("button", name="Compare").click()
    expect(page).to_have_url(mobile_site.url("/compare/?options=inpatient-rehab&options=intensive-outpatient&options=methadone"))
    # On a phone each row stacks the options as cards, each with the option's name, and the
    # longer facts wait behind "More".
    rows = page.locator(".compare-row")
    expect(rows.first.get_by_role("heading", level=2)).to_have_text("What it is")
    for index in range(rows.count()):
        names = rows.nth(index).locator(".compare-option").all_inner_texts()
        assert names == chosen, names
    cost = rows.filter(has=page.get_by_role("heading", name="Cost", exact=True))
    expect(cost).not_to_contain_text("The sources do not say.")
    more = page.locator(".compare-cell details").first
    expect(more.locator("ul")).to_be_hidden()
    more.locator("summary").click()
    expect(more.locator("ul")).to_be_visible()
    # The boxes stay ticked so the family member can change the choice.
    for name in chosen:
        expect(page.get_by_role("checkbox", name=name, exact=True)).to_be_checked()
    _no_sideways_scroll(page)
    _shot(page, screenshots, "05-compare-result")

    # Crisis help from the safety bar, from several different pages.
    for number, path in enumerate(["/", "/options/methadone/", "/continuum/", "/sources/"], start=6):
        page.goto(mobile_site.url(path))
        bar = page.get_by_role("complementary", name="Urgent help")
        expect(bar).to_be_visible()
        # The bar is sticky: still on screen after scrolling down.
        page.mouse.wheel(0, 2000)
        expect(bar.get_by_role("link", name="Crisis help")).to_be_in_viewport()
        bar.get_by_role("link", name="Crisis help").click()
        expect(page).to_have_url(mobile_site.url("/crisis/"))
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        expect(page.locator("main")).to_contain_text("naloxone")
        _no_sideways_scroll(page)
        _shot(page, screenshots, f"{number:02d}-crisis-from-{path.strip('/').replace('/', '-') or 'home'}")
