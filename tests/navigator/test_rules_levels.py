"""Properties for issue 12's principles 2 to 5, over every combination of the required answers
crossed with the treatment stage and the last use (69,120 people), and over Hypothesis draws of
full answer sets. Pure: no database.

2. How much care and where to live are two questions: an unsafe home on its own never leads to
   inpatient rehab, and always to a safer place to live. Inpatient rehab is only for care around
   the clock (suicidal thoughts now, serious illness with strong withdrawal or daily sedatives) or
   very severe use that treatment has not yet helped.
3. Five levels, monotone (see test_rules_properties' monotonicity, which covers every risk answer).
4. A return to use raises support by one step (two when repeated), never the detox, and never on
   its own to inpatient rehab.
5. The current state decides: after a programme, someone using now is assessed as starting,
   with a return to use after treatment.
"""
import itertools

import pytest
from hypothesis import given

from navigator import rules

from .test_rules_properties import CHOICES, DEFAULTS, HYPOTHESIS, REPORT, REQUIRED, full_answers, level, recommend

UNSAFE_HOMES = ("drug_use_at_home", "unstable_housing")
AFTER_TREATMENT = ("treatment_then_relapse", "repeated_treatment_relapses")
RELAPSE_STEPS = {"no_attempts": 0, "quit_alone_relapsed": 1, "treatment_then_relapse": 1, "repeated_treatment_relapses": 2}
IOP, RES, INP = (rules.LEVELS.index(slug) for slug in ("intensive-outpatient", "residential-treatment", "inpatient-rehab"))

EXHAUSTIVE = [
    {**DEFAULTS, **dict(zip((q.code for q in REQUIRED), combo)), "treatment_stage": stage, "last_use": last_use}
    for combo in itertools.product(*(q.choices for q in REQUIRED))
    for stage in CHOICES["treatment_stage"]
    for last_use in (*CHOICES["last_use"], None)
]


def using_now(a: dict) -> bool:
    """Written out from the issue rather than taken from the rules: daily use unless 8+ opioid-free
    days are given; weekly use with a last use in the past week."""
    if a["use_frequency"] in ("daily", "several_times_daily"):
        return a["last_use"] not in ("8_to_30_days", "over_30_days")
    return a["use_frequency"] == "weekly" and a["last_use"] in ("today_or_yesterday", "2_to_7_days")


def after_treatment(a: dict) -> bool:
    returned = a["treatment_stage"] != "not_started" and using_now(a)
    return a["relapse_history"] in AFTER_TREATMENT or returned


def inpatient_problems(a: dict, r: rules.Recommendation) -> list[str]:
    if level(r) != INP:
        return []
    around_the_clock = a["suicidal_thoughts"] == "now" or (
        a["physical_health"] == "serious_conditions"
        and (a["withdrawal"] == "severe" or a["alcohol_or_sedatives"] != "none")
    )
    very_severe = rules.severity_points(rules.Answers(**a)) >= rules.VERY_SEVERE_POINTS and after_treatment(a)
    return [] if around_the_clock or very_severe else ["inpatient rehab without a need for care around the clock"]


def home_problems(a: dict, r: rules.Recommendation) -> list[str]:
    problems = []
    if a["home_environment"] in UNSAFE_HOMES:
        safe = recommend({**a, "home_environment": "safe_supportive"})
        if level(r) == INP and level(safe) != INP:
            problems.append("an unsafe home on its own leads to inpatient rehab")
        if r.where_to_live == "home":
            problems.append("an unsafe home, and still 'live at home'")
    if r.where_to_live == "sober-living" and a["age_group"] == "under_18":
        problems.append("an adult sober living home for someone under 18")
    if level(r) >= RES and r.where_to_live != r.primary:
        problems.append(f"{r.primary}, but where to live is {r.where_to_live}")
    if level(r) < RES and r.where_to_live not in ("home", "sober-living"):
        problems.append(f"{r.primary}, but where to live is {r.where_to_live}")
    return problems


def relapse_problems(a: dict, r: rules.Recommendation) -> list[str]:
    if a["relapse_history"] == "no_attempts":
        return []
    first = recommend({**a, "relapse_history": "no_attempts"})
    problems = []
    if r.detox != first.detox:
        problems.append(f"a return to use changes the detox {first.detox} -> {r.detox}")
    # An unsafe home can add one more: care on most days with no safe home to go back to is residential.
    allowed = level(first) + RELAPSE_STEPS[a["relapse_history"]] + (a["home_environment"] in UNSAFE_HOMES)
    if level(r) > max(allowed, IOP):
        problems.append(f"a return to use raises {first.primary} -> {r.primary}")
    very_severe = rules.severity_points(rules.Answers(**a)) >= rules.VERY_SEVERE_POINTS
    if level(r) == INP and level(first) != INP and not very_severe:
        problems.append("a return to use on its own leads to inpatient rehab")
    return problems


def current_state_problems(a: dict, r: rules.Recommendation) -> list[str]:
    if a["treatment_stage"] not in ("finished_inpatient", "finished_php", "finished_iop", "stable_recovery"):
        return []
    if not using_now(a):
        return []
    relapse = a["relapse_history"] if a["relapse_history"] in AFTER_TREATMENT else "treatment_then_relapse"
    fresh = recommend({**a, "treatment_stage": "not_started", "relapse_history": relapse})
    problems = []
    if (r.primary, r.detox) != (fresh.primary, fresh.detox):
        problems.append(f"using now after a programme gives {(r.primary, r.detox)}, starting {(fresh.primary, fresh.detox)}")
    if "step-down-check" in r.flags:
        problems.append("a step down applied while using now")
    return problems


PROPERTIES = {
    "inpatient_only_for_care_around_the_clock": inpatient_problems,
    "unsafe_home_changes_where_to_live": home_problems,
    "relapse_raises_support_not_intensity": relapse_problems,
    "current_state_decides": current_state_problems,
}


@pytest.mark.parametrize("name", PROPERTIES)
def test_exhaustive(name):
    prop = PROPERTIES[name]
    failures = [f"{a}: {problems}" for a in EXHAUSTIVE for problems in [prop(a, recommend(a))] if problems]
    assert not failures, f"{name}: {len(failures)} failing combinations, e.g.\n" + "\n".join(failures[:REPORT])


@HYPOTHESIS
@given(a=full_answers)
def test_any_combination(a):
    r = recommend(a)
    problems = {name: found for name, prop in PROPERTIES.items() if (found := prop(a, r))}
    assert not problems, f"{a}: {problems}"


def test_the_exhaustive_set_reaches_every_level_and_place():
    """Guard: the properties above mean something only if every level and place occurs."""
    results = [recommend(a) for a in EXHAUSTIVE[::7]]
    assert {r.primary for r in results} == set(rules.LEVELS)
    assert {r.where_to_live for r in results} == {"home", "sober-living", "residential-treatment", "inpatient-rehab"}
