"""An editor signs in, edits an option's summary, sees it live, and reverts it from the history."""
import re

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from options.models import TreatmentOption

pytestmark = pytest.mark.browser

PASSWORD = "a-long-test-password-for-the-browser"
NEW_SUMMARY = "An edited methadone summary, typed in a real browser."


def test_editor_edits_and_reverts_an_option_in_the_admin(make_site, screenshots):
    User.objects.create_superuser("editor-admin", "editor@example.org", PASSWORD)
    option = TreatmentOption.objects.get(slug="methadone")
    original = option.summary
    editor = make_site()
    visitor = make_site()  # a separate browser context: no editor's cookie, so cached pages
    public = visitor.new_page()
    public.goto(visitor.url(option.get_absolute_url()))
    expect(public.locator(".at-a-glance")).to_contain_text(original)

    page = editor.new_page()
    page.goto(editor.url("/admin/"))
    expect(page).to_have_url(re.compile(r"/admin/login/\?next=/admin/$"))
    page.get_by_label("Username").fill("editor-admin")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Site administration")).to_be_visible()

    # Find the option through the change list's search, then open its change page.
    page.goto(editor.url("/admin/options/treatmentoption/"))
    page.locator("#searchbar").fill("methadone")
    page.locator("#searchbar").press("Enter")
    page.locator("#result_list").get_by_role("link", name="Methadone", exact=True).click()
    expect(page).to_have_url(re.compile(rf"/admin/options/treatmentoption/{option.pk}/change/(\?.*)?$"))
    summary = page.locator("#id_summary")
    expect(summary).to_have_value(original)
    summary.fill(NEW_SUMMARY)
    page.screenshot(path=str(screenshots / "admin-01-edit.png"), full_page=False)
    page.locator("input[name=_save]").first.click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    # The public page shows the edit on the next request (the page cache moved on).
    public.reload()
    expect(public.locator(".at-a-glance")).to_contain_text(NEW_SUMMARY)
    expect(public.locator(".at-a-glance")).not_to_contain_text(original)

    # History: open the entry loaded from the fixtures and revert to it.
    page.goto(editor.url(f"/admin/options/treatmentoption/{option.pk}/change/"))
    page.get_by_role("link", name="History").click()
    expect(page).to_have_url(re.compile(r"/history/$"))
    rows = page.locator("#change-history tbody tr")
    expect(rows).to_have_count(2)
    original_row = rows.filter(has_text="Loaded from fixtures")
    expect(original_row).to_have_count(1)
    page.screenshot(path=str(screenshots / "admin-02-history.png"), full_page=True)
    original_row.get_by_role("link").first.click()
    expect(page).to_have_url(re.compile(r"/history/\d+/$"))
    expect(page.locator("#id_summary")).to_have_value(original)
    with page.expect_navigation() as reverted:
        page.get_by_role("button", name="Revert").first.click()
    # On PostgreSQL the revert view runs outside a transaction, and the stale-edit check's
    # select_for_update() then fails with a 500 (SQLite ignores FOR UPDATE, so it passes).
    assert reverted.value.status < 500, f"reverting from the history failed: HTTP {reverted.value.status}"
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    public.reload()
    expect(public.locator(".at-a-glance")).to_contain_text(original)
    expect(public.locator(".at-a-glance")).not_to_contain_text(NEW_SUMMARY)
    option.refresh_from_db()
    assert option.summary == original
    assert option.history.count() == 3

    # The visitor's context never got a cookie; the editor's holds only session and CSRF.
    assert visitor.context.cookies() == []
    assert {cookie["name"] for cookie in editor.context.cookies()} <= {"sessionid", "csrftoken"}
