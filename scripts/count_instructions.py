#!/usr/bin/env python
"""Instructions per request, counted by valgrind: a figure that does not drift with the machine.

Wall-clock figures on a shared VM vary by 20% or more between runs; instruction counts
are the same every time. The script runs the WSGI application in-process under
`valgrind --tool=callgrind` twice, with 0 and with N requests after a warm-up, and
prints the difference divided by N.

    .venv/bin/python scripts/count_instructions.py site /questionnaire/result/ "use_duration=..."
    .venv/bin/python scripts/count_instructions.py empty-view      # site middleware, view returns 2 bytes
    .venv/bin/python scripts/count_instructions.py bare            # benchmarks/bare

Needs valgrind, Redis (REDIS_URL, default redis://127.0.0.1:6379/1) and a database
with the content loaded (DATABASE_URL, default the dev SQLite file: run ./scripts/run.sh once).
"""
import io
import os
import re
import subprocess
import sys
from pathlib import Path

from benchmark import RESULT_QUERY  # the answers the benchmark's result page uses

ROOT = Path(__file__).resolve().parent.parent
WARM_UP = 50
REQUESTS = 200


def application(kind):
    if kind == "bare":
        sys.path.insert(0, str(ROOT / "benchmarks" / "bare"))
        os.environ["DJANGO_SETTINGS_MODULE"] = "bare_settings"
        from bare_wsgi import application as app

        return app
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "navigator.settings.production")
    if kind == "empty-view":
        import django
        from django.conf import settings

        sys.path.insert(0, str(ROOT / "benchmarks"))
        django.setup()
        settings.ROOT_URLCONF = "empty_view_urls"
    from navigator.wsgi import application as app

    return app


def run_requests(kind, path, query, count):
    app = application(kind)
    environ = {
        "REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": query, "SCRIPT_NAME": "",
        "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "80", "SERVER_PROTOCOL": "HTTP/1.1", "HTTP_HOST": "127.0.0.1",
        "HTTP_ACCEPT_ENCODING": "gzip, deflate, br", "HTTP_X_FORWARDED_PROTO": "https", "wsgi.url_scheme": "http",
        "wsgi.errors": sys.stderr, "wsgi.version": (1, 0), "wsgi.multithread": False,
        "wsgi.multiprocess": True, "wsgi.run_once": False,
    }
    statuses = []
    for _ in range(WARM_UP + count):
        result = app({**environ, "wsgi.input": io.BytesIO()}, lambda status, headers, exc_info=None: statuses.append(status))
        b"".join(result)
        if hasattr(result, "close"):
            result.close()
    if not statuses[-1].startswith("200"):
        sys.exit(f"{path} answered {statuses[-1]}")


def warm_shared_cache(args):
    """One run without valgrind first, so that both counted runs find cached pages in Redis.

    Otherwise the first counted run would render a content page once more than the
    other, and that one cold render (templates compiled, queries made) would be shared
    out over every request counted.
    """
    env = {**os.environ, "COUNT_INSTRUCTIONS_CHILD": "0"}
    proc = subprocess.run([sys.executable, __file__, *args], env=env, capture_output=True, text=True)
    if proc.returncode:
        sys.exit(f"warm-up run failed:\n{proc.stderr[-2000:]}")


def instructions(args, count):
    env = {**os.environ, "COUNT_INSTRUCTIONS_CHILD": str(count)}
    proc = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, __file__, *args],
        env=env, capture_output=True, text=True,
    )
    match = re.search(r"refs:\s*([\d,]+)", proc.stderr)
    if proc.returncode or not match:
        sys.exit(f"valgrind run failed:\n{proc.stderr[-2000:]}")
    return int(match.group(1).replace(",", ""))


def main():
    args = sys.argv[1:]
    if not args or args[0] not in ("site", "empty-view", "bare"):
        sys.exit(__doc__)
    kind = args[0]
    path = args[1] if len(args) > 1 else ("/" if kind == "bare" else "/questionnaire/result/")
    query = args[2] if len(args) > 2 else (RESULT_QUERY if path == "/questionnaire/result/" else "")
    if "COUNT_INSTRUCTIONS_CHILD" in os.environ:
        run_requests(kind, path, query, int(os.environ["COUNT_INSTRUCTIONS_CHILD"]))
        return
    os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/1")
    os.environ.setdefault("DJANGO_SECRET_KEY", "instruction-count-only-" + "x" * 40)
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'db.sqlite3'}")
    warm_shared_cache(args)
    per_request = (instructions(args, REQUESTS) - instructions(args, 0)) / REQUESTS
    print(f"{kind} {path}: {per_request:,.0f} instructions per request ({REQUESTS} requests after {WARM_UP} warm-up)")


if __name__ == "__main__":
    main()
