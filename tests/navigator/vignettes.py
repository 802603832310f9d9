"""Client vignettes written from the five seed sources, checked against navigator.rules
(tests/navigator/test_vignettes.py). This module holds their shape and shared names.

Pure tests: no database, no requests. Each vignette is a short description of a person,
their answers, and what a clinician reading the sources would expect:

- the primary level of care and the detox choice (or None);
- pathway items that must appear in this order (a subsequence of the pathway);
- flags, medications and supports that must (or must not) appear;
- medications that must appear in a given relative order.

Each vignette keeps the expectation a clinician reading the sources would have; when
the rules disagree, the test fails (two rule bugs were found and fixed this way).

Sources (fixtures/01_sources.json keys):
  passages-malibu, heroin-detox, treating-heroin-addiction, webmd, heroin-treatment-and-rehab.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from navigator import rules


@dataclass(frozen=True)
class Vignette:
    id: str
    description: str
    answers: dict
    primary: str | None  # None: the vignette is about something else (medication), not the level
    detox: str | None
    pathway: tuple[str, ...]  # must appear in this order (not necessarily adjacent)
    flags: tuple[str, ...] = ()
    no_flags: tuple[str, ...] = ()
    medications: tuple[str, ...] = ()
    no_medications: tuple[str, ...] = ()
    medication_order: tuple[str, ...] = ()  # must appear in this relative order
    support: tuple[str, ...] = ()
    no_support: tuple[str, ...] = ()
    no_pathway: tuple[str, ...] = ()
    sources: tuple[str, ...] = field(default=())  # where the expectation comes from
    where_to_live: str | None = None  # None: not checked


def answers(**overrides) -> dict:
    """Required answers at their mildest, overridden per vignette."""
    base = {
        "use_duration": "under_3_months",
        "use_frequency": "less_than_weekly",
        "withdrawal": "none",
        "life_impact": "little",
        "relapse_history": "no_attempts",
        "home_environment": "safe_supportive",
    }
    base.update(overrides)
    return base


SO, IOP, PHP, RES, INP = rules.LEVELS
MED, OUT = "medical-detox", "outpatient-detox"
SG, LTM, SOBER = "support-groups", "long-term-management", "sober-living"
