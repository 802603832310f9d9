"""The Redis cache backend's fast read (navigator.cache_backends), against a real Redis.

Needs Redis: NAVIGATOR_TEST_REDIS_URL, or redis://127.0.0.1:6379/15. CI sets
NAVIGATOR_TEST_REDIS_URL, and then an unreachable server is a failure, not a skip.
"""
import os

import pytest
import redis

from navigator.cache_backends import RedisCache

REQUIRED_URL = os.environ.get("NAVIGATOR_TEST_REDIS_URL")
URL = REQUIRED_URL or "redis://127.0.0.1:6379/15"


@pytest.fixture
def redis_cache():
    backend = RedisCache(URL, {"KEY_PREFIX": "navigator-test"})
    try:
        redis.Redis.from_url(URL).ping()
    except redis.ConnectionError:
        if REQUIRED_URL:
            raise
        pytest.skip(f"no Redis at {URL} (set NAVIGATOR_TEST_REDIS_URL to require one)")
    yield backend
    backend.clear()


def test_reads_what_was_written_and_the_default_for_a_missing_key(redis_cache):
    redis_cache.set("version", "abc123", timeout=None)
    redis_cache.set("entry", ("v", 200, [("Content-Type", "text/html")], b"<p>page</p>"))
    assert redis_cache.get("version") == "abc123"
    assert redis_cache.get("entry") == ("v", 200, [("Content-Type", "text/html")], b"<p>page</p>")
    assert redis_cache.get("missing") is None
    assert redis_cache.get("missing", "fallback") == "fallback"
    assert redis_cache.get_many(["version", "missing"]) == {"version": "abc123"}


def drop_reading_connection(redis_cache):
    """Has the server close the connection the backend reads on, as a Redis restart would."""
    reader = redis_cache._cache._reader
    reader.send_command("CLIENT", "ID")
    reader_id = reader.read_response()
    assert redis.Redis.from_url(URL).client_kill_filter(_id=reader_id) == 1


def test_a_read_after_the_server_dropped_the_connection_still_succeeds(redis_cache):
    redis_cache.set("version", "before", timeout=None)
    assert redis_cache.get("version") == "before"
    drop_reading_connection(redis_cache)

    redis_cache.set("version", "after", timeout=None)
    assert redis_cache.get("version") == "after"  # falls back to the ordinary client
    assert redis_cache.get("version") == "after"  # and reads on a fresh connection again
    assert redis_cache._cache._reader is not None


def test_a_forked_worker_opens_its_own_connection(redis_cache, monkeypatch):
    redis_cache.set("version", "v1", timeout=None)
    assert redis_cache.get("version") == "v1"
    parents = redis_cache._cache._reader
    monkeypatch.setattr(os, "getpid", lambda: -1)
    assert redis_cache.get("version") == "v1"
    assert redis_cache._cache._reader is not parents


def test_a_read_sent_early_is_collected_later_and_other_reads_in_between_stay_correct(redis_cache):
    redis_cache.set("version", "v1", timeout=None)
    redis_cache.set("other", "o1", timeout=None)
    pending = redis_cache.get_later("version")
    assert redis_cache.get("other") == "o1"  # the pending reply is read first, not mistaken for this one
    assert pending.value() == "v1"
    assert pending.value() == "v1"  # collected once, kept
    assert redis_cache.get_later("missing", "fallback").value() == "fallback"


def test_a_read_never_collected_does_not_confuse_the_next_one(redis_cache):
    redis_cache.set("version", "v1", timeout=None)
    redis_cache.set("other", "o1", timeout=None)
    redis_cache.get_later("version")  # e.g. the request failed before it asked for the answer
    assert redis_cache.get("other") == "o1"
    assert redis_cache.get("version") == "v1"


def test_a_read_whose_connection_dies_before_collection_still_answers(redis_cache):
    redis_cache.set("version", "v2", timeout=None)
    assert redis_cache.get("version") == "v2"
    drop_reading_connection(redis_cache)
    assert redis_cache.get_later("version").value() == "v2"
