"""Print, per page type on a 390 px phone, how the page reads: its height, where the first
plain-language sentence starts, where an option page's answer starts ("At a glance", or before
it the "What it is" section), how many citation labels sit in the reading flow, and the widest
element (wider than 390 means sideways scrolling).

It builds a throwaway SQLite database with the site's content, serves it with Django's
development server on a free port, and measures each page in Debian's Chromium:

    .venv/bin/python scripts/page_metrics.py            # or --url http://127.0.0.1:8000 for a running site
"""
from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = {
    "home": "/",
    "options index": "/options/",
    "option: inpatient rehab": "/options/inpatient-rehab/",
    "option: buprenorphine": "/options/buprenorphine/",
    "option: rapid detox (risky)": "/options/rapid-detox/",
    "continuum": "/continuum/",
    "compare: three medicines": "/compare/?options=methadone&options=buprenorphine&options=naltrexone",
    "crisis": "/crisis/",
    "questionnaire": "/questionnaire/",
    "result": "/questionnaire/result/?use_duration=1_to_5_years&use_frequency=daily&withdrawal=mild"
    "&life_impact=some&relapse_history=no_attempts&home_environment=safe_supportive",
}
PHONE = {"width": 390, "height": 844}
MEASURE = """() => {
  const main = document.querySelector("main");
  const visible = el => el.getClientRects().length && getComputedStyle(el).visibility !== "hidden";
  const words = el => (el.innerText || "").trim().split(/\\s+/).filter(Boolean).length;
  const first = [...main.querySelectorAll("p, li, dd")].find(el => visible(el) && words(el) >= 8
      && !el.closest("nav, .also-called, .questionnaire-progress"));
  let widest = 0, widestWhat = "";
  for (const el of document.querySelectorAll("body *")) {
    const right = el.getBoundingClientRect().right;
    if (visible(el) && right > widest) { widest = right; widestWhat = el.tagName.toLowerCase() + (el.className ? "." + String(el.className).split(" ")[0] : ""); }
  }
  const answer = document.querySelector(".at-a-glance, #heading-what");
  return {
    height: document.documentElement.scrollHeight,
    answerAt: answer ? Math.round(answer.getBoundingClientRect().top + window.scrollY) : null,
    firstText: first ? Math.round(first.getBoundingClientRect().top + window.scrollY) : null,
    citationLabels: [...main.querySelectorAll(".cite")].filter(visible).length,
    widest: Math.round(widest), widestWhat,
  };
}"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve() -> tuple[str, subprocess.Popen, tempfile.TemporaryDirectory]:
    folder = tempfile.TemporaryDirectory()
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{folder.name}/metrics.sqlite3",
           "DJANGO_SETTINGS_MODULE": "navigator.settings.dev"}
    manage = [sys.executable, str(ROOT / "manage.py")]
    for command in (["migrate", "--verbosity", "0"], ["load_content"]):
        subprocess.run(manage + command, env=env, check=True, stdout=subprocess.DEVNULL)
    port = free_port()
    server = subprocess.Popen(manage + ["runserver", f"127.0.0.1:{port}", "--noreload"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(url + "/", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    return url, server, folder


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="measure a site that is already running")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    server = folder = None
    url = args.url.rstrip("/") if args.url else None
    if url is None:
        url, server, folder = serve()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
            page = browser.new_page(viewport=PHONE, is_mobile=True, has_touch=True)
            print(f"{'page (390 px)':32} {'height':>7} {'first text':>10} {'answer at':>9} {'cite labels':>11} "
                  f"{'widest':>7}  widest element")
            for name, path in PAGES.items():
                page.goto(url + path)
                m = page.evaluate(MEASURE)
                print(f"{name:32} {m['height']:>7} {str(m['firstText']):>10} {str(m['answerAt'] or '-'):>9} "
                      f"{m['citationLabels']:>11} {m['widest']:>7}  {m['widestWhat']}")
            browser.close()
    finally:
        if server:
            server.terminate()
            server.wait()
        if folder:
            folder.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
