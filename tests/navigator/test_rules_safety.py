"""Exhaustive property tests for the safety answers: every combination of the required answers
crossed with what the person takes now and when they last used, with the danger answers, and
with alcohol or sedatives, pregnancy and a recent overdose. Pure: no database."""
import itertools

import pytest

from .test_rules_properties import ALL_PROPERTIES, CHOICES, DEFAULTS, REPORT, REQUIRED, recommend

# Every required combination crossed with what the person takes now and when they last used
# (or not said): 46,080 people, for the medication properties.
MEDICATION_PROPERTIES = ("naltrexone_only_when_safe", "current_medication_kept", "naloxone_for_everyone",
                         "agonists_only_with_dependence", "naltrexone_not_with_pending_detox", "never_recommended")
EXHAUSTIVE_MEDICATION = [
    {**DEFAULTS, **dict(zip((q.code for q in REQUIRED), combo)), "current_medication": current, "last_use": last_use}
    for combo in itertools.product(*(q.choices for q in REQUIRED))
    for current in CHOICES["current_medication"]
    for last_use in (*CHOICES["last_use"], None)
]

# Every required combination crossed with the two danger answers: 13,824 people.
EXHAUSTIVE_DANGER = [
    {**DEFAULTS, **dict(zip((q.code for q in REQUIRED), combo)), "suicidal_thoughts": thoughts, "urgent_symptoms": urgent}
    for combo in itertools.product(*(q.choices for q in REQUIRED))
    for thoughts in CHOICES["suicidal_thoughts"]
    for urgent in CHOICES["urgent_symptoms"]
]

# Every required combination crossed with alcohol or sedatives, pregnancy and a recent overdose: 55,296 people.
EXHAUSTIVE_SAFETY = [
    {**DEFAULTS, **dict(zip((q.code for q in REQUIRED), combo)), "alcohol_or_sedatives": alcohol, "pregnant": pregnant,
     "recent_overdose": overdose, "last_use": "over_30_days", "medication_openness": "open"}
    for combo in itertools.product(*(q.choices for q in REQUIRED))
    for alcohol in CHOICES["alcohol_or_sedatives"]
    for pregnant in CHOICES["pregnant"]
    for overdose in CHOICES["recent_overdose"]
]
# And with age, injecting and chronic pain, the home at its worst (sober living would be offered): 36,864 people.
EXHAUSTIVE_AGE_INJECTING_PAIN = [
    {**DEFAULTS, **dict(zip((q.code for q in REQUIRED), combo)), "age_group": age, "injecting": injecting,
     "chronic_pain": pain}
    for combo in itertools.product(*(q.choices for q in REQUIRED))
    for age in ("under_18", "over_25")
    for injecting in CHOICES["injecting"]
    for pain in CHOICES["chronic_pain"]
]


@pytest.mark.parametrize("name", MEDICATION_PROPERTIES)
def test_exhaustive_medication(name):
    prop = ALL_PROPERTIES[name]
    failures, count = [], 0
    for a in EXHAUSTIVE_MEDICATION:
        problems = prop(a, recommend(a))
        if problems:
            count += 1
            if len(failures) < REPORT:
                failures.append(f"{a}: {problems}")
    assert not failures, f"{name}: {count} failing combinations, e.g.\n" + "\n".join(failures)


@pytest.mark.parametrize("name", ["danger_first", "monotonicity", "naloxone_for_everyone", "reasons_cited"])
def test_exhaustive_danger(name):
    prop = ALL_PROPERTIES[name]
    failures = [f"{a}: {problems}" for a in EXHAUSTIVE_DANGER for problems in [prop(a, recommend(a))] if problems]
    assert not failures, f"{name}: {len(failures)} failing combinations, e.g.\n" + "\n".join(failures[:REPORT])


@pytest.mark.parametrize("name", ["safety_answers", "naltrexone_only_when_safe", "reasons_cited", "monotonicity"])
def test_exhaustive_safety_answers(name):
    prop = ALL_PROPERTIES[name]
    failures = [f"{a}: {problems}" for a in EXHAUSTIVE_SAFETY for problems in [prop(a, recommend(a))] if problems]
    assert not failures, f"{name}: {len(failures)} failing combinations, e.g.\n" + "\n".join(failures[:REPORT])


@pytest.mark.parametrize("name", ["safety_answers", "monotonicity", "outcome"])
def test_exhaustive_age_injecting_and_pain(name):
    prop = ALL_PROPERTIES[name]
    failures = [
        f"{a}: {problems}" for a in EXHAUSTIVE_AGE_INJECTING_PAIN for problems in [prop(a, recommend(a))] if problems
    ]
    assert not failures, f"{name}: {len(failures)} failing combinations, e.g.\n" + "\n".join(failures[:REPORT])
