"""A dict that builds each missing value from its key, once."""


class BuiltOnce(dict):
    """A dict that builds a missing value from its key, once.

    Every later lookup is a plain subscript, done in C: hot paths (the result page, the
    Redis reads every request makes) look things up dozens of times a request, and a
    method call for each cost more than the work around it. Keys are tuples, passed to
    `build` as its arguments. With a `limit`, the dict empties itself when full, for keys
    that are not bounded by the content (cache keys of any request).
    """

    def __init__(self, build, limit=None):
        super().__init__()
        self.build = build
        self.limit = limit

    def __missing__(self, key):
        if self.limit is not None and len(self) >= self.limit:
            self.clear()
        value = self[key] = self.build(*key)
        return value
