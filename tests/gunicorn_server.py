"""gunicorn on loopback serving the test database, for the tests that need a real server
(tests/test_faults.py, tests/test_hardening.py)."""
import os
import socket
import subprocess
import sys
import time
from urllib.request import urlopen

import pytest
from django.conf import settings
from django.db import connection


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_database_url():
    db = connection.settings_dict
    if connection.vendor == "postgresql":
        return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    return f"sqlite:///{db['NAME']}"


def start_gunicorn(arguments, *, port, stdout, stderr, env=None):
    """Start gunicorn (`arguments` before "navigator.wsgi") on the test database and wait until it
    serves a page; fail the test with its error output if it does not start within 20 s."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "navigator.settings.test", "DATABASE_URL": test_database_url(),
           **(env or {})}
    server = subprocess.Popen([sys.executable, "-m", "gunicorn", *arguments, "navigator.wsgi"], env=env,
                              cwd=settings.BASE_DIR, stdout=stdout, stderr=stderr)
    base_url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            urlopen(base_url + "/crisis/", timeout=2)
            return server, base_url
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                errors = server.stderr.read().decode()[-2000:] if server.stderr else ""
                pytest.fail("gunicorn did not start: " + errors)
            time.sleep(0.2)
