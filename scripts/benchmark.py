#!/usr/bin/env python
"""Benchmark the real site against the bare framework, on this machine, in one run.

For each database (SQLite, PostgreSQL) the script builds a fresh database, runs
`migrate` and `load_content` with production settings, serves the site under gunicorn
(2 sync workers, loopback only, Redis as the shared cache) and drives each page with
wrk. It serves the bare Django view in benchmarks/bare/ under the same gunicorn flags,
measures it between the site's pages, and reports every page's requests/s as a ratio
to the bare runs just before and after it. Each page is measured in several rounds
(--rounds) and reported as the median. It also counts each page's
database queries (Django test client, cold and warm cache) and weighs each page
(HTML plus the CSS and JS it links, gzip-compressed as served).

Results go to stdout as Markdown and to benchmark-results/benchmark-<timestamp>.json.

    .venv/bin/python scripts/benchmark.py              # 3 rounds of 5 s per page, both databases
    .venv/bin/python scripts/benchmark.py --quick      # 1 round of 2 s per page: a smoke test
    .venv/bin/python scripts/benchmark.py --databases sqlite --pages "questionnaire result"

Needs: wrk, psql (for PostgreSQL) and a PostgreSQL server on 127.0.0.1:5432 with trust
auth for user postgres, Redis on 127.0.0.1:6379. Everything listens on 127.0.0.1 only.
Note: the Redis database in --redis-url is flushed (cache.clear()) before each database's
run, so that the first request really is a cold cache, and again at the end.

Standard library only (Django runs in the subprocesses).
"""
from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

# The pure parts live beside this script; put its folder on the path so they import however it is run.
sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchmark_processes import (  # noqa: E402
    LIVE, WRK_THREADS, Gunicorn, gunicorn_flags, load_test, log, python_bin, run,
)
from benchmark_report import (  # noqa: E402
    BROWSER_ACCEPT_ENCODING, PAGE_WEIGHT_BUDGET, STATIC_PAGE, WARMUP_SECONDS, fetch, hashed_static_url,
    markdown_report, page_weight, summarise_rounds,
)

ROOT = Path(__file__).resolve().parent.parent
BARE_DIR = ROOT / "benchmarks" / "bare"
RESULTS_DIR = ROOT / "benchmark-results"
STATIC_ROOT = ROOT / "staticfiles"
LOOPBACK = "127.0.0.1"

PG_ADMIN_URL = "postgres://postgres@127.0.0.1:5432"
PG_BENCH_DB = "navigator_bench"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/1"


# Answers to every required question (navigator.rules.REQUIRED_CODES): the shared-result link.
RESULT_QUERY = (
    "use_duration=1_to_5_years&use_frequency=daily&withdrawal=severe&life_impact=most"
    "&relapse_history=treatment_then_relapse&home_environment=stressful"
)
STATIC_ASSET = "css/site.css"
PAGES = [
    ("home", "/"),
    ("options index", "/options/"),
    ("option page", "/options/inpatient-rehab/"),
    ("continuum", "/continuum/"),
    ("compare (3 options)", "/compare/?options=medical-detox&options=inpatient-rehab&options=intensive-outpatient"),
    ("questionnaire result", "/questionnaire/result/?" + RESULT_QUERY),
    # The hashed URL of STATIC_ASSET, filled in from staticfiles.json at run time.
    (STATIC_PAGE, None),
]


# --------------------------------------------------------------------------- in-process measurements


def _django_main(mode):
    """Runs in a subprocess with the site's settings: query counts (JSON on stdout) or a cache clear."""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.core.cache import cache

    if mode == "clear-cache":
        cache.clear()
        return
    from django.db import connection
    from django.test import Client
    from django.test.signals import template_rendered
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    setup_test_environment()  # sends template_rendered for every template Django renders

    # A warm request that renders no template was served from the page cache.
    rendered = []
    template_rendered.connect(lambda sender, **kwargs: rendered.append(1), weak=False)
    client = Client(HTTP_HOST=LOOPBACK, HTTP_ACCEPT_ENCODING=BROWSER_ACCEPT_ENCODING)
    paths = json.loads(sys.stdin.read())
    counts = {}
    for path in paths:
        cache.clear()
        row = {}
        for state in ("cold", "warm"):
            rendered.clear()
            with CaptureQueriesContext(connection) as queries:
                status = client.get(path).status_code
            row[state] = len(queries)
            row[f"{state}_status"] = status
            row[f"{state}_rendered"] = bool(rendered)
        row["page_cached"] = row["cold_rendered"] and not row["warm_rendered"]
        counts[path] = row
    cache_conf = settings.CACHES["default"]
    location = str(cache_conf.get("LOCATION", ""))
    location = re.sub(r"//[^@/]*@", "//", location)  # never print credentials
    print(
        json.dumps(
            {
                "queries": counts,
                "cache_backend": cache_conf["BACKEND"],
                "cache_location": location,
                "database_vendor": connection.vendor,
                "django_version": django.get_version(),
                "middleware": list(settings.MIDDLEWARE),
            }
        )
    )


def django_subprocess(mode, env, stdin=""):
    proc = subprocess.run(
        [python_bin(), str(Path(__file__).resolve()), f"--internal-{mode}"],
        env=env, cwd=ROOT, input=stdin, capture_output=True, text=True, timeout=300,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"{mode} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1]) if mode == "query-counts" else None


# --------------------------------------------------------------------------- the run


def site_env(database_url, redis_url):
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_URL"))}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "navigator.settings.production",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DJANGO_SECURE_SSL_REDIRECT": "false",
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "PYTHONDONTWRITEBYTECODE": "1",
        }
    )
    return env


def bare_env():
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update({"DJANGO_SETTINGS_MODULE": "bare_settings", "DJANGO_SECRET_KEY": secrets.token_urlsafe(64)})
    return env


def psql(sql, timeout=60):
    env = dict(os.environ, PGCONNECT_TIMEOUT="5")
    subprocess.run(
        ["psql", "-h", LOOPBACK, "-U", "postgres", "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-qc", sql],
        env=env, check=True, capture_output=True, text=True, timeout=timeout,
    )


def drop_pg_database():
    psql(f'DROP DATABASE IF EXISTS "{PG_BENCH_DB}" WITH (FORCE)')


def benchmark_database(database, args, tmp, static_path, cleanups):
    log(f"== {database}")
    load_before = os.getloadavg()
    if database == "sqlite":
        database_url = f"sqlite:///{tmp / 'bench.sqlite3'}"
    else:
        drop_pg_database()
        psql(f'CREATE DATABASE "{PG_BENCH_DB}"')
        cleanups.append(drop_pg_database)
        database_url = f"{PG_ADMIN_URL}/{PG_BENCH_DB}"
    env = site_env(database_url, args.redis_url)
    manage = [python_bin(), "manage.py"]
    run(manage + ["migrate", "--noinput", "-v0"], env, 600, "migrate")
    run(manage + ["load_content", "-v0"], env, 600, "load_content")

    django_subprocess("clear-cache", env)  # pages cached by an earlier run must not count as warm
    pages_to_run = [(name, path) for name, path in PAGES if name in args.pages]
    paths = [path if path else static_path for _, path in pages_to_run]
    inproc = django_subprocess("query-counts", env, json.dumps(paths))
    log(f"  query counts: ok (cache: {inproc['cache_backend']})")

    results = {"database": database, "database_vendor": inproc["database_vendor"], "cache_backend": inproc["cache_backend"],
               "cache_location": inproc["cache_location"], "django_version": inproc["django_version"],
               "middleware": inproc["middleware"]}

    # The bare view is measured between the site's pages, so each page is compared with
    # the bare runs just before and just after it: this VM's speed drifts over minutes,
    # and a page should not pass or fail because of when it ran. Every page is measured
    # in several rounds, and its figures are the medians over the rounds. The spread
    # between all bare runs shows how steady the machine was.
    django_subprocess("clear-cache", env)  # the site's own warm-up run fills the cache
    bare = Gunicorn("bare_wsgi:application", bare_env(), tmp / "gunicorn-bare.log", pythonpath=BARE_DIR).start()
    site = Gunicorn("navigator.wsgi:application", env, tmp / f"gunicorn-{database}.log").start()
    bare_runs = [measure_bare(bare, args)]
    runs_by_path = {path: [] for path in paths}
    pages = []
    try:
        statuses = {path: fetch(site.url + path)["status"] for path in paths}
        for round_number in range(1, args.rounds + 1):
            for (name, _), path in zip(pages_to_run, paths):
                figures = load_test(site.url + path, args.duration, args.connections)
                bare_runs.append(measure_bare(bare, args))
                adjacent = (bare_runs[-2]["requests_per_sec"] + bare_runs[-1]["requests_per_sec"]) / 2
                figures["bare_adjacent_rps"] = adjacent
                figures["ratio_to_bare"] = figures["requests_per_sec"] / adjacent
                runs_by_path[path].append(figures)
                log(f"  round {round_number}, {name}: {figures['requests_per_sec']:.0f} req/s, "
                    f"{figures['errors']} errors, {figures['ratio_to_bare']:.2f} × bare")
        for (name, _), path in zip(pages_to_run, paths):
            figures = summarise_rounds(runs_by_path[path])
            figures.update(
                name=name,
                path=path,
                status=statuses[path],
                queries_cold=inproc["queries"][path]["cold"],
                queries_warm=inproc["queries"][path]["warm"],
                page_cached=inproc["queries"][path]["page_cached"],
                weight=page_weight(site.url, path),
            )
            pages.append(figures)
    finally:
        site.stop()
        bare.stop()
    bare_rps = [run["requests_per_sec"] for run in bare_runs]
    results["bare_runs"] = bare_runs
    results["bare"] = {
        "requests_per_sec": sum(bare_rps) / len(bare_rps),
        "p50_ms": sum(run["p50_ms"] or 0 for run in bare_runs) / len(bare_runs),
        "p99_ms": max(run["p99_ms"] or 0 for run in bare_runs),
        "errors": sum(run["errors"] for run in bare_runs),
        "spread": (max(bare_rps) - min(bare_rps)) / max(bare_rps),
    }
    results["pages"] = pages
    # Other work on the machine skews every figure; the load average shows whether there was any.
    results["loadavg_before"] = [round(x, 2) for x in load_before]
    results["loadavg_after"] = [round(x, 2) for x in os.getloadavg()]
    gunicorn_log = (tmp / f"gunicorn-{database}.log").read_text(errors="replace").strip()
    results["gunicorn_log_tail"] = gunicorn_log[-2000:]
    return results


def measure_bare(bare, args):
    figures = load_test(bare.url + "/", args.duration, args.connections)
    log(f"  bare view: {figures['requests_per_sec']:.0f} req/s")
    return figures


def collect_static(args, tmp):
    env = site_env(f"sqlite:///{tmp / 'collectstatic.sqlite3'}", args.redis_url)
    run([python_bin(), "manage.py", "collectstatic", "--noinput", "-v0"], env, 300, "collectstatic")
    manifest = json.loads((STATIC_ROOT / "staticfiles.json").read_text())
    return hashed_static_url(manifest, STATIC_ASSET, "/static/")


# --------------------------------------------------------------------------- main


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=5, help="seconds of load per run (default 5)")
    parser.add_argument("--rounds", type=int, default=3,
                        help="times each page is measured, each time beside the bare view (default 3)")
    parser.add_argument("--databases", default="sqlite,postgresql", help="comma-separated: sqlite,postgresql")
    parser.add_argument("--connections", type=int, default=32, help="wrk connections (default 32)")
    parser.add_argument("--quick", action="store_true", help="1 round of 2 s per page: a smoke test")
    parser.add_argument("--redis-url", default=os.environ.get("BENCHMARK_REDIS_URL", DEFAULT_REDIS_URL),
                        help=f"shared cache for the site (default {DEFAULT_REDIS_URL}); FLUSHED by the run")
    parser.add_argument("--pages", default=",".join(name for name, _ in PAGES),
                        help="comma-separated page names to measure (default: all of them: "
                        + ", ".join(name for name, _ in PAGES) + ")")
    args = parser.parse_args(argv)
    args.pages = [name.strip() for name in args.pages.split(",") if name.strip()]
    unknown_pages = set(args.pages) - {name for name, _ in PAGES}
    if unknown_pages or not args.pages:
        parser.error(f"unknown page(s): {', '.join(sorted(unknown_pages)) or '(none given)'}")
    if args.quick:
        args.duration, args.rounds = 2, 1
    args.databases = [name.strip() for name in args.databases.split(",") if name.strip()]
    unknown = set(args.databases) - {"sqlite", "postgresql"}
    if unknown:
        parser.error(f"unknown database(s): {', '.join(sorted(unknown))}")
    host = urlsplit(args.redis_url).hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        parser.error("--redis-url must be a loopback address")
    if args.duration < 1 or args.connections < 1 or args.rounds < 1:
        parser.error("--duration, --connections and --rounds must be positive")
    return args


def main(argv=None):
    args = parse_args(argv)
    if shutil.which("wrk") is None:
        sys.exit("wrk not found: apt-get install -y wrk")
    if "postgresql" in args.databases and shutil.which("psql") is None:
        sys.exit("psql not found")

    def on_signal(signum, frame):
        raise SystemExit(f"stopped by signal {signum}")

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGHUP, on_signal)

    timestamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    tmp = Path(tempfile.mkdtemp(prefix="navigator-bench-"))
    static_existed = STATIC_ROOT.exists()
    cleanups = []
    report = {
        "timestamp": timestamp,
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version(),
                    "wrk": subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.splitlines()[0]},
        "settings": {"duration": args.duration, "rounds": args.rounds, "warmup": WARMUP_SECONDS, "connections": args.connections,
                     "wrk_threads": min(WRK_THREADS, args.connections),
                     "gunicorn_flags": " ".join(gunicorn_flags("PORT")),
                     "page_weight_budget_bytes": PAGE_WEIGHT_BUDGET},
        "databases": [],
    }
    try:
        static_path = collect_static(args, tmp)
        report["static_asset"] = static_path
        for database in args.databases:
            report["databases"].append(benchmark_database(database, args, tmp, static_path, cleanups))
    finally:
        for server in list(LIVE):
            server.stop()
        for cleanup in reversed(cleanups):
            try:
                cleanup()
            except Exception as error:  # keep cleaning up
                log(f"cleanup {cleanup.__name__} failed: {error}")
        with contextlib.suppress(Exception):
            django_subprocess("clear-cache", site_env(f"sqlite:///{tmp / 'collectstatic.sqlite3'}", args.redis_url))
        shutil.rmtree(tmp, ignore_errors=True)
        if not static_existed:
            shutil.rmtree(STATIC_ROOT, ignore_errors=True)

    RESULTS_DIR.mkdir(exist_ok=True)
    json_path = RESULTS_DIR / f"benchmark-{timestamp}.json"
    report["json_path"] = str(json_path.relative_to(ROOT))
    json_path.write_text(json.dumps(report, indent=2) + "\n")
    print(markdown_report(report))
    return report


if __name__ == "__main__":
    if len(sys.argv) == 2 and sys.argv[1] in ("--internal-query-counts", "--internal-clear-cache"):
        _django_main(sys.argv[1].removeprefix("--internal-"))
    else:
        main()
