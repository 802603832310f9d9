"""Django's RedisCache, made cheaper for the one read every request makes.

Every request reads the content version from Redis (content.cache), so that an edit
shows on the very next request everywhere. That read is most of what a cached page
costs, so this backend trims what surrounds the network round trip:

- Django 5.2 builds a new redis.Redis object on every cache call; here each client
  keeps one per connection pool (the client is thread-safe and the pool is shared).
- get_later() sends GET and returns at once; the reply is read when the caller asks for
  it. The questionnaire result sends the content version read, renders, then collects
  the answer: the round trip overlaps work instead of leaving the worker idle.
- get() sends GET on a connection this client keeps checked out of the pool, instead
  of going through redis-py's command pipeline (pool checkout, retry wrapper, metrics
  hooks), which costs about as much again as the round trip itself. It skips the
  connection health check (a PING when a connection has been idle, and only if
  health_check_interval is set): a dead connection fails the read, which falls back. Django makes one
  backend instance per thread, so the connection is never shared between threads. On
  any connection error it falls back to the ordinary client, which reconnects and
  retries as usual.

Measured with scripts/benchmark.py (README, "Performance").
"""
import os

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


from .built_once import BuiltOnce

# Keys read through get() include per-address ones (the sign-in throttle), so the memos
# below are bounded.
MEMO_LIMIT = 1000


class PendingGet:
    """A GET already sent; value() reads its reply (at once if it has already arrived)."""

    def __init__(self, client, key, default):
        self.client = client
        self.key = key
        self.default = default
        self.done = False
        self.result = None

    def value(self):
        if not self.done:
            self.client._finish(self)
        return self.result


class ReusingRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}
        self._reader = None
        self._reader_pid = None
        self._pending = None  # a PendingGet whose reply is still on the reading connection
        # The same few keys are read on every request; their GET is packed once.
        self._packed_gets = BuiltOnce(self._pack_get, limit=MEMO_LIMIT)  # [key,]

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._clients[index] = self._client(connection_pool=self._get_connection_pool(write))
        return client

    def get(self, key, default):
        return self.get_later(key, default).value()

    def get_later(self, key, default):
        """Sends GET now and returns a PendingGet, so the caller can work while Redis answers."""
        if self._pending is not None:  # one reply at a time on the reading connection
            self._finish(self._pending)
        pending = PendingGet(self, key, default)
        try:
            connection = self._reading_connection()
            connection.send_packed_command(self._packed_gets[key,], check_health=False)
        except (self._lib.ConnectionError, self._lib.TimeoutError, OSError):
            self._drop_reader()
        else:
            self._pending = pending
        return pending

    def _finish(self, pending):
        if pending is self._pending:
            self._pending = None
            try:
                value = self._reader.read_response()
            except (self._lib.ConnectionError, self._lib.TimeoutError, OSError):
                self._drop_reader()
            else:
                pending.result = pending.default if value is None else self._serializer.loads(value)
                pending.done = True
                return
        # The send or the read failed: ask through the ordinary client, which reconnects and retries.
        pending.result, pending.done = super().get(pending.key, pending.default), True

    def _pack_get(self, key):
        return self._reading_connection().pack_command("GET", key)

    def _reading_connection(self):
        # A forked child (a gunicorn worker under --preload) must not share its parent's socket.
        if self._reader is None or self._reader_pid != os.getpid():
            self._reader = self._get_connection_pool(write=False).make_connection()
            self._reader_pid = os.getpid()
            self._pending = None
        return self._reader

    def _drop_reader(self):
        self._pending = None
        if self._reader is not None:
            try:
                self._reader.disconnect()
            finally:
                self._reader = None


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient
        # The prefix, version and key function are fixed for a backend's life, so a key
        # read on every request is made (and validated) once.
        self._made_keys = BuiltOnce(self.make_and_validate_key, limit=MEMO_LIMIT)  # [key, version]

    def get_later(self, key, default=None, version=None):
        """Like get(), in two halves: the request goes now, value() collects the answer."""
        return self._cache.get_later(self._made_keys[key, version], default)
