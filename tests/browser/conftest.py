"""Real-browser tests: Playwright (sync API) driving Debian's Chromium against the live server.

Playwright's sync API keeps an asyncio event loop running in this thread while it is
started, and Django refuses ORM calls from a thread with a running loop. The tests only
call the ORM between browser steps (never concurrently with them), so allowing it is
safe here: DJANGO_ALLOW_ASYNC_UNSAFE is set for each browser test module, before its
first fixture, and Playwright is started and stopped per module inside that window.

It is deliberately not left set for the whole session: it would leak into other tests
(tests/navigator/test_security.py runs `manage.py check --deploy` in a subprocess, which
reports the variable as a deployment problem), and with Playwright stopped after each
module no other test needs it.
"""
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "artifacts" / "screenshots"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
MOBILE = {"width": 390, "height": 844}  # a common phone (issue 13 measures at 390 px)
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="module", autouse=True)
def _allow_orm_while_playwright_runs():
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(ASYNC_UNSAFE, "true")
        yield


@pytest.fixture(scope="module")
def _playwright(_allow_orm_while_playwright_runs):
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="module")
def chromium(_playwright):
    browser = _playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def screenshots():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


class Site:
    """The live server as seen from one browser context, with a log of every request made.

    Any request to another host is recorded as foreign and answered locally with a stub
    page, so nothing ever leaves the machine, whatever the page tries to do.
    """

    STUB = "<!doctype html><html lang='en'><head><title>Stub</title></head><body><p>Stub page.</p></body></html>"

    def __init__(self, context, base_url):
        self.context = context
        self.base_url = base_url.rstrip("/")
        self.origin = urlsplit(self.base_url)
        self.requests = []  # (method, url) of every request, in order
        self.foreign = []  # the URLs of requests to anywhere but the live server
        context.on("request", self._record)
        context.route("**/*", self._route)

    def is_ours(self, url):
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about"):
            return True
        return parts.scheme == self.origin.scheme and parts.netloc == self.origin.netloc

    def _record(self, request):
        self.requests.append((request.method, request.url))
        if not self.is_ours(request.url):
            self.foreign.append(request.url)

    def _route(self, route):
        if self.is_ours(route.request.url):
            route.continue_()
        else:
            route.fulfill(status=200, content_type="text/html", body=self.STUB)

    def url(self, path="/"):
        return self.base_url + path

    def new_page(self):
        return self.context.new_page()


@pytest.fixture
def make_site(chromium, live_server, content_loaded):
    """Open browser contexts on the live server (with the real content loaded).

    After the test, no page in any of them may have asked another host for anything.
    """
    sites = []

    def make(viewport=DESKTOP, *, allow_foreign=False, **options):
        context = chromium.new_context(viewport=viewport, **options)
        context.set_default_timeout(10_000)
        site = Site(context, live_server.url)
        site.allow_foreign = allow_foreign
        sites.append(site)
        return site

    yield make
    try:
        for site in sites:
            if not site.allow_foreign:
                assert site.foreign == [], f"requests left the live server: {site.foreign}"
    finally:
        for site in sites:
            site.context.close()


@pytest.fixture
def site(make_site):
    return make_site()


@pytest.fixture
def mobile_site(make_site):
    return make_site(MOBILE, is_mobile=True, has_touch=True)


# Helpers shared by the journeys ------------------------------------------------------


def focused(page):
    """A short description of the focused element, for assertions and messages."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            if (!el || el === document.body) return null;
            return {tag: el.tagName.toLowerCase(), type: el.type || null, name: el.name || null,
                    value: el.value || null, id: el.id || null, checked: !!el.checked,
                    text: (el.innerText || el.value || '').trim().slice(0, 80)};
        }"""
    )


def tab_to(page, selector, *, backwards=False, limit=80):
    """Press Tab (or Shift+Tab) until the element matching `selector` has focus."""
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(limit):
        page.keyboard.press(key)
        if page.evaluate("s => { const el = document.activeElement; return !!el && el.matches(s); }", selector):
            return focused(page)
    raise AssertionError(f"{key} never reached {selector!r}; focus ended on {focused(page)}")


def heading_levels(page):
    return page.eval_on_selector_all(
        "h1, h2, h3, h4, h5, h6",
        "els => els.filter(e => e.getClientRects().length > 0).map(e => Number(e.tagName[1]))",
    )


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
