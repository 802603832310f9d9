"""Phone and keyboard details (issue 13, item 7), on a 390 px phone: tap targets of at least
44 px, a focus ring of at least 3:1 on every control, tap-to-call numbers, a one-line safety
bar, and a site icon of our own (no 404 in the console)."""
import re
from urllib.parse import urlencode

import pytest
from playwright.sync_api import expect

from .test_counsellor_journey import HEAVY_ANSWERS

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}
PAGES = ["/", "/options/methadone/", "/crisis/", "/questionnaire/", "/questionnaire/result/?" + urlencode(HEAVY_ANSWERS)]
TARGETS = (".btn, .form-check-label, .nav-list a, .footer-links a, .back-link, .change-answer, .way-in, "
           ".crisis-help a[href^='tel:'], .safety-bar a")

SMALL_TARGETS = """selector => [...document.querySelectorAll(selector)]
  .filter(el => el.getClientRects().length && getComputedStyle(el).visibility !== "hidden")
  .map(el => ({what: el.outerHTML.slice(0, 80), height: el.getBoundingClientRect().height}))
  .filter(target => target.height < 44)"""

# The better of the outline's and the box-shadow's contrast with what is behind the control.
FOCUS_CONTRAST = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const rgb = text => (text.match(/rgba?\\(([^)]+)\\)/) || [null, "0,0,0,0"])[1].split(",").map(Number);
  const lum = ([r, g, b]) => {
    const c = [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  let behind = el.parentElement, background = [255, 255, 255];
  while (behind) {
    const colour = rgb(getComputedStyle(behind).backgroundColor);
    if (colour.length < 4 || colour[3] > 0) { background = colour.slice(0, 3); break; }
    behind = behind.parentElement;
  }
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2 ? ratio(rgb(style.outlineColor), background) : 0;
  const shadow = style.boxShadow && style.boxShadow !== "none" ? ratio(rgb(style.boxShadow), background) : 0;
  return {what: el.outerHTML.slice(0, 80), contrast: Math.max(outline, shadow)};
}"""


@pytest.fixture
def phone(make_site):
    return make_site(PHONE, is_mobile=True, has_touch=True)


@pytest.mark.parametrize("path", PAGES)
def test_tap_targets_are_at_least_44_px(phone, path):
    page = phone.new_page()
    page.goto(phone.url(path))
    if path == "/questionnaire/":
        page.get_by_role("button", name="Continue").click()
        expect(page).to_have_title(re.compile(r"^Question 2 of"))  # answers to choose
    assert page.evaluate(SMALL_TARGETS, TARGETS) == []


@pytest.mark.parametrize("path", ["/", "/questionnaire/", "/questionnaire/result/?" + urlencode(HEAVY_ANSWERS)])
def test_every_control_has_a_focus_ring_of_at_least_3_to_1(phone, path):
    page = phone.new_page()
    page.goto(phone.url(path))
    if path == "/questionnaire/":
        page.get_by_role("button", name="Continue").click()
        expect(page).to_have_title(re.compile(r"^Question 2 of"))
    weak, seen = [], 0
    for _ in range(60):
        page.keyboard.press("Tab")
        found = page.evaluate(FOCUS_CONTRAST)
        if found is None:
            continue
        seen += 1
        if found["contrast"] < 3:
            weak.append(found)
    assert seen >= 10
    assert weak == [], weak[:5]


def test_the_safety_bar_is_one_line_on_a_phone(phone):
    page = phone.new_page()
    page.goto(phone.url("/options/methadone/"))
    bar = page.locator(".safety-bar")
    assert bar.bounding_box()["height"] <= 60
    tops = page.eval_on_selector_all(".safety-bar .container > *", "els => els.map(e => e.getBoundingClientRect().top)")
    assert max(tops) - min(tops) < 12, tops  # side by side, not wrapped
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    expect(bar.get_by_role("link", name="Leave quickly")).to_be_visible()


def test_every_phone_number_on_the_crisis_page_can_be_tapped(phone):
    page = phone.new_page()
    page.goto(phone.url("/crisis/"))
    bare = page.evaluate(
        r"""() => {
          const walker = document.createTreeWalker(document.querySelector("main"), NodeFilter.SHOW_TEXT);
          const found = [];
          while (walker.nextNode()) {
            const node = walker.currentNode;
            if (node.parentElement.closest("a")) continue;
            const numbers = node.textContent.match(/1-800-\d{3}-\d{4}|0\d{3} \d{3} \d{4}|116 123|\b(911|988|999|111|112)\b/g);
            if (numbers) found.push(...numbers);
          }
          return found;
        }"""
    )
    assert bare == []
    assert page.locator("main a[href='tel:18006624357']").count() >= 1


def test_the_site_icon_is_ours_and_no_page_load_ends_in_a_404(phone):
    page = phone.new_page()
    failures = []
    page.on("response", lambda response: response.status >= 400 and failures.append((response.status, response.url)))
    page.on("console", lambda message: message.type == "error" and failures.append(("console", message.text)))
    for path in PAGES:
        page.goto(phone.url(path))
    icon = page.request.get(phone.url("/favicon.ico"))
    assert icon.status == 200 and icon.headers["content-type"] == "image/x-icon"
    touch = page.request.get(phone.url("/apple-touch-icon.png"))
    assert touch.status == 200 and touch.body()[:8] == b"\x89PNG\r\n\x1a\n"
    assert failures == []
