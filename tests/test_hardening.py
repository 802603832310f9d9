"""Hardening (issue 14): request size limits, gunicorn under slow clients, and no answer in
gunicorn's logs even for a malformed request. The server tests run on loopback only, bounded in
count and time."""
import socket
import time
import urllib.request
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from navigator.request_limits import PUBLIC_BODY_LIMIT
from tests.gunicorn_server import free_port, start_gunicorn

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("size, status, message", [(2_000, 400, "does not accept file uploads"),
                                                   (200_000, 413, "too much to send")])
def test_a_file_upload_to_the_questionnaire_is_refused_before_it_reaches_the_disk(client, tmp_path, settings, size,
                                                                                   status, message):
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path)
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1  # any file Django did take would be written to tmp_path
    upload = SimpleUploadedFile("answers.bin", b"x" * size)
    response = client.post(reverse("navigator:questionnaire"), {"step": "0", "file": upload})
    assert response.status_code == status
    assert message in response.content.decode()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("url", ["/questionnaire/", "/", "/search/", "/options/methadone/"])
def test_a_large_body_is_refused_with_413_on_public_pages(client, url):
    response = client.post(url, data="a=" + "x" * PUBLIC_BODY_LIMIT, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 413
    assert "too much to send" in response.content.decode() and 'href="tel:911"' in response.content.decode()


def test_an_ordinary_questionnaire_post_is_still_taken(client):
    assert client.post(reverse("navigator:questionnaire"), {"step": "0", "action": "next"}).status_code == 200


# --- gunicorn, with the site's own configuration ------------------------------------------------


@pytest.fixture
def gunicorn(content_loaded, tmp_path):
    """gunicorn with navigator/gunicorn.conf.py on the test database, its logs captured."""
    port = free_port()
    out, err = open(tmp_path / "out.log", "wb"), open(tmp_path / "err.log", "wb")
    server, url = start_gunicorn(["-c", str(ROOT / "navigator" / "gunicorn.conf.py")], port=port, stdout=out,
                                 stderr=err, env={"NAVIGATOR_BIND": f"127.0.0.1:{port}"})
    yield url, port, tmp_path
    server.terminate()
    server.wait(timeout=10)
    out.close()
    err.close()


def served_in(url, seconds):
    """Pages served one after another in `seconds`."""
    count, end = 0, time.monotonic() + seconds
    while time.monotonic() < end:
        with urllib.request.urlopen(url, timeout=5) as response:
            response.read()
        count += 1
    return count


def test_pages_still_serve_with_eight_slow_clients_connected(gunicorn):
    url, port, _ = gunicorn
    page = url + "/options/methadone/"
    served_in(page, 0.5)  # warm the cache
    usual = served_in(page, 2)
    slow = []
    try:
        for _ in range(8):  # each sends its request line a byte at a time and never finishes
            connection = socket.create_connection(("127.0.0.1", port), timeout=5)
            connection.sendall(b"GET / HT")
            slow.append(connection)
        time.sleep(0.3)
        under_load = served_in(page, 2)
        for connection in slow:
            connection.sendall(b"T")
    finally:
        for connection in slow:
            connection.close()
    print(f"pages in 2 s: {usual} alone, {under_load} with 8 slow clients")
    assert under_load >= usual / 2


MALFORMED = [
    b"GET /questionnaire/result/?use_duration=over_5_years&suicidal_thoughts=now\r\n\r\n",
    b"GET /questionnaire/result/?use_duration=over 5 years&pregnant=yes HTTP/1.1\r\n\r\n",
    b"GET /questionnaire/result/?a=\x01b&pregnant=yes HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET /questionnaire/result/?pregnant=yes HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n",
    b"GET /?" + b"a" * 5000 + b"&injecting=current HTTP/1.1\r\n\r\n",
]


def test_no_answer_reaches_gunicorns_logs_even_from_a_malformed_request(gunicorn):
    url, port, logs = gunicorn
    for request in MALFORMED:
        with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
            connection.sendall(request)
            assert connection.recv(100).split(b" ")[1] in (b"400", b"414")
    urllib.request.urlopen(url + "/questionnaire/result/?" + "use_duration=over_5_years&use_frequency=daily"
                           "&withdrawal=mild&life_impact=some&relapse_history=no_attempts"
                           "&home_environment=safe_supportive&pregnant=yes", timeout=5).read()
    time.sleep(0.5)
    written = (logs / "out.log").read_text() + (logs / "err.log").read_text()
    assert "Invalid request from ip=127.0.0.1: malformed request" in written  # logged, without its text
    for answer in ("over_5_years", "suicidal_thoughts", "pregnant", "injecting", "5 years", "use_duration"):
        assert answer not in written, written[-1500:]


def test_gunicorn_binds_only_to_loopback_unless_told_where_the_balancer_reaches_it(monkeypatch):
    """Reached only through the balancer, X-Forwarded-For cannot be forged to dodge the per-address
    lock (the per-username lock holds whatever the address: test_security)."""
    import runpy

    monkeypatch.delenv("NAVIGATOR_BIND", raising=False)
    config = runpy.run_path(str(ROOT / "navigator" / "gunicorn.conf.py"))
    assert config["bind"] == "127.0.0.1:8000"
    assert config["worker_class"] == "gthread" and config["threads"] >= 4
    assert config["accesslog"] is None and "%(U)s" in config["access_log_format"]
    assert "%(r)s" not in config["access_log_format"] and "%(q)s" not in config["access_log_format"]
    monkeypatch.setenv("NAVIGATOR_BIND", "10.0.0.5:8000")
    assert runpy.run_path(str(ROOT / "navigator" / "gunicorn.conf.py"))["bind"] == "10.0.0.5:8000"
