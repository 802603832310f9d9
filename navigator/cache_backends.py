"""Django's RedisCache, made cheaper for the one read every request makes.

Every request reads the content version from Redis (content.cache), so that an edit
shows on the very next request everywhere. That read is most of what a cached page
costs, so this backend trims what surrounds the network round trip:

- Django 5.2 builds a new redis.Redis object on every cache call; here each client
  keeps one per connection pool (the client is thread-safe and the pool is shared).
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


PACKED_COMMAND_LIMIT = 1000


class ReusingRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}
        self._reader = None
        self._reader_pid = None
        # The same few keys are read on every request; their GET is packed once.
        self._packed_gets = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._clients[index] = self._client(connection_pool=self._get_connection_pool(write))
        return client

    def get(self, key, default):
        try:
            connection = self._reading_connection()
            packed = self._packed_gets.get(key)
            if packed is None:
                if len(self._packed_gets) >= PACKED_COMMAND_LIMIT:
                    self._packed_gets.clear()
                packed = self._packed_gets[key] = connection.pack_command("GET", key)
            connection.send_packed_command(packed, check_health=False)
            value = connection.read_response()
        except (self._lib.ConnectionError, self._lib.TimeoutError, OSError):
            self._drop_reader()
            return super().get(key, default)
        return default if value is None else self._serializer.loads(value)

    def _reading_connection(self):
        # A forked child (a gunicorn worker under --preload) must not share its parent's socket.
        if self._reader is None or self._reader_pid != os.getpid():
            self._reader = self._get_connection_pool(write=False).make_connection()
            self._reader_pid = os.getpid()
        return self._reader

    def _drop_reader(self):
        if self._reader is not None:
            try:
                self._reader.disconnect()
            finally:
                self._reader = None


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient
