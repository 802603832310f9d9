"""The shared link's fast reader agrees with Django's own decoding of request.GET."""
import random
import string

import pytest
from django.http import QueryDict

from navigator.views import link_query_values

LIMIT = 1000


def django_reads(query):
    # WSGIRequest hands QueryDict the raw string decoded as ISO-8859-1 bytes read as UTF-8.
    query_dict = QueryDict(query.encode("iso-8859-1").decode("utf-8", "replace"))
    return {key: query_dict[key] for key in query_dict}


@pytest.mark.parametrize(
    "query",
    [
        "",
        "use_duration=1_to_5_years&withdrawal=severe",
        "a=1&a=2",  # the last value counts, as QueryDict's [] gives it
        "a&b=&=c&&d=e=f",  # no "=", empty values, empty names, empty parts, "=" in a value
        "who=family%20member&x=a+b",  # percent-encoding and "+"
        "name=%C3%A9&other=%E9",  # UTF-8 and a lone invalid byte
        "caf\u00c3\u00a9=1",  # non-ASCII in the raw (ISO-8859-1) query string
        "a=%",
    ],
)
def test_reads_a_query_as_django_does(query):
    assert link_query_values(query, LIMIT) == django_reads(query)


def test_reads_random_queries_as_django_does():
    alphabet = string.ascii_letters + string.digits + "_=&%+-.~ \u00e9"
    generator = random.Random(6)
    for _ in range(3000):
        query = "".join(generator.choice(alphabet) for _ in range(generator.randrange(30)))
        assert link_query_values(query, LIMIT) == django_reads(query), query


def test_refuses_more_parts_than_django_accepts():
    assert len(link_query_values("&".join(["a=1"] * 10), 10)) == 1
    with pytest.raises(ValueError, match="more than 10 parts"):
        link_query_values("&".join(["a=1"] * 11), 10)
