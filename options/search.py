"""Site search: options and pages by name, other names and text. PostgreSQL's full-text
search where the database is PostgreSQL (stemmed English, ranked); a plain match of every word
elsewhere (SQLite). Queries are never cached or logged."""
from __future__ import annotations

from dataclasses import dataclass

from django.db import connection
from django.db.models import Q

from content.models import Page

from .models import TreatmentOption

MAX_QUERY_LENGTH = 100


@dataclass
class Hit:
    title: str
    url: str
    summary: str
    kind: str  # "Option" or "Page"


def cleaned(query: str) -> str:
    """The query without control characters (a NUL cannot go into a PostgreSQL query)."""
    return "".join(character for character in query if character.isprintable() or character == " ").strip()


def words_of(query: str) -> list[str]:
    return [word for word in query.split() if len(word) >= 2][:8]


def search(query: str) -> list[Hit]:
    words = words_of(query)
    if not words:
        return []
    if connection.vendor == "postgresql":
        options, pages = full_text(query)
    else:
        options, pages = every_word(words)
    return [Hit(option.name, option.get_absolute_url(), option.summary, "Option") for option in options] + [
        Hit(page.title, page.get_absolute_url(), page.intro, "Page") for page in pages
    ]


def full_text(query: str):
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

    wanted = SearchQuery(query, search_type="websearch", config="english")

    def vector(*fields, weight=None):
        return SearchVector(*fields, weight=weight, config="english")

    def ranked(queryset, own_fields, related_text, order_by):
        """Rows whose own fields (field, weight) match, ranked by them, or whose related rows' text matches."""
        own = None
        for name, weight in own_fields:
            own = vector(name, weight=weight) if own is None else own + vector(name, weight=weight)
        by_text = queryset.annotate(text=vector(*related_text)).filter(text=wanted).values("pk")
        matches = queryset.annotate(rank=SearchRank(own, wanted), own=own).filter(Q(own=wanted) | Q(pk__in=by_text))
        return list(matches.order_by("-rank", order_by))

    options = ranked(TreatmentOption.objects.all(), (("name", "A"), ("other_names", "A"), ("summary", "B")),
                     ("facts__text",), "name")
    pages = ranked(Page.objects.all(), (("title", "A"), ("intro", "B")), ("sections__heading", "sections__body"), "title")
    return options, pages


def every_word(words: list[str]):
    options, pages = TreatmentOption.objects.all(), Page.objects.all()
    for word in words:
        options = options.filter(
            Q(name__icontains=word) | Q(other_names__icontains=word) | Q(summary__icontains=word)
            | Q(facts__text__icontains=word)
        )
        pages = pages.filter(
            Q(title__icontains=word) | Q(intro__icontains=word) | Q(sections__body__icontains=word)
            | Q(sections__heading__icontains=word)
        )

    def names_first(name):  # a name that holds the first word comes first
        return (words[0].lower() not in name.lower(), name)

    return (
        sorted(options.distinct(), key=lambda option: names_first(option.name)),
        sorted(pages.distinct(), key=lambda page: names_first(page.title)),
    )
