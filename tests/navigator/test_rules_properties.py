"""Property tests for navigator.rules over answer combinations. Pure: no database.

(a) Exhaustive: every combination of the six required questions (2304) crossed with
    treatment_stage (6), optional questions at their defaults: 13,824 people (the safety
    answers are crossed with the required ones in test_rules_safety.py).
(b) Hypothesis: any full combination of all 15 questions.

Each property is its own test so that one failure does not hide another. Failures list a
few counterexamples.
"""
from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from navigator import rules

ROOT = Path(__file__).resolve().parents[2]
QUESTION_CODES = frozenset(rules.QUESTIONS_BY_CODE)
CHOICES = {q.code: q.choices for q in rules.QUESTIONS}
DEFAULTS = {q.code: q.default for q in rules.QUESTIONS if not q.required}

# "Worse" pairs (better, worse) for each ordered answer. For the ordinal answers, consecutive
# steps are enough (the level and detox indexes are compared, and <= is transitive).
ORDINAL = ("use_duration", "use_frequency", "life_impact", "withdrawal", "relapse_history")
WORSE_PAIRS = {code: list(zip(CHOICES[code], CHOICES[code][1:])) for code in ORDINAL}
WORSE_PAIRS["home_environment"] = [
    ("safe_supportive", "stressful"),
    ("stressful", "drug_use_at_home"),
    ("stressful", "unstable_housing"),
]
# Every other risk question: a worse answer never gives a less intensive level.
WORSE_PAIRS |= {
    code: list(zip(CHOICES[code], CHOICES[code][1:]))
    for code in ("suicidal_thoughts", "urgent_symptoms", "recent_overdose", "injecting", "chronic_pain",
                 "overdose", "physical_health")
}
WORSE_PAIRS |= {
    "alcohol_or_sedatives": [("none", "alcohol_daily"), ("none", "benzodiazepines_or_sedatives"),
                             ("alcohol_daily", "both"), ("benzodiazepines_or_sedatives", "both")],
    "pregnant": [("no", "unsure"), ("no", "yes"), ("unsure", "yes"), ("yes", "unsure")],  # "not sure" counts as yes
    "mental_health": [("none", "unsure"), ("unsure", "diagnosed_or_suspected")],
    "age_group": [("over_25", "18_to_25"), ("18_to_25", "under_18")],
    "last_use": [("over_30_days", "8_to_30_days"), ("8_to_30_days", "2_to_7_days"), ("2_to_7_days", "today_or_yesterday")],
}
# In pregnancy, methadone or buprenorphine replaces a detox: the one risk answer that may remove one.
DETOX_MAY_FALL = frozenset({"pregnant"})
PREFERENCES = ("obligations", "budget", "privacy", "medication_openness", "who")
REPORT = 5  # counterexamples shown per failure


def load_citations() -> set[tuple[str, str]]:
    objects = json.loads((ROOT / "fixtures" / "01_sources.json").read_text(encoding="utf-8"))
    return {
        (obj["fields"]["source"][0], obj["fields"]["section"])
        for obj in objects
        if obj["model"] == "content.citation"
    }


CITATIONS = load_citations()
CITATION_STRINGS = {f"{key}: {section}" for key, section in CITATIONS}


def recommend(answers: dict) -> rules.Recommendation:
    """Answers are already valid here (drawn from rules.QUESTIONS), so build them directly."""
    return rules.recommend(rules.Answers(**{**DEFAULTS, **answers}))


def level(result: rules.Recommendation) -> int:
    return rules.LEVELS.index(result.primary)


def detox_index(result: rules.Recommendation) -> int:
    return rules.DETOX_CHOICES.index(result.detox)


REQUIRED = [q for q in rules.QUESTIONS if q.required]
EXHAUSTIVE = [
    {**DEFAULTS, **dict(zip((q.code for q in REQUIRED), combo)), "treatment_stage": stage}
    for combo in itertools.product(*(q.choices for q in REQUIRED))
    for stage in CHOICES["treatment_stage"]
]


EXHAUSTIVE_RESULTS: list[rules.Recommendation] = []


def exhaustive_results() -> list[rules.Recommendation]:
    if not EXHAUSTIVE_RESULTS:
        EXHAUSTIVE_RESULTS.extend(recommend(a) for a in EXHAUSTIVE)
    return EXHAUSTIVE_RESULTS


def test_exhaustive_set_size():
    assert len(EXHAUSTIVE) == 4 * 4 * 3 * 3 * 4 * 4 * 6 == 13824


# --- Properties: each returns a list of problems (empty when the property holds) -----------


def outcome_problems(a: dict, r: rules.Recommendation) -> list[str]:
    problems = []
    if r.primary not in rules.LEVELS:
        problems.append(f"primary {r.primary!r} not a level")
    if r.detox not in rules.DETOX_CHOICES:
        problems.append(f"detox {r.detox!r} not a detox choice")
    if r.primary not in r.pathway:
        problems.append("pathway lacks primary")
    if not r.pathway or r.pathway[-1] != "long-term-management":
        problems.append("pathway does not end with long-term-management")
    return problems


def pathway_order_problems(a: dict, r: rules.Recommendation) -> list[str]:
    problems = []
    if r.detox is not None and (not r.pathway or r.pathway[0] != r.detox):
        problems.append("detox given but pathway does not start with it")
    if r.detox is None and set(r.pathway) & {"medical-detox", "outpatient-detox"}:
        problems.append("detox in pathway but detox is None")
    levels = [rules.LEVELS.index(item) for item in r.pathway if item in rules.LEVELS]
    if not levels or levels[0] != rules.LEVELS.index(r.primary):
        problems.append("first level in pathway is not primary")
    if any(later >= earlier for earlier, later in zip(levels, levels[1:])):
        problems.append(f"levels go up or repeat after primary: {levels}")
    return problems


def never_recommended_problems(a: dict, r: rules.Recommendation) -> list[str]:
    shown = {r.primary, r.detox, *r.pathway, *r.medications, *r.support}
    bad = shown & rules.NEVER_RECOMMENDED
    return [f"never-recommended shown: {sorted(bad)}"] if bad else []


def naltrexone_problems(a: dict, r: rules.Recommendation) -> list[str]:
    """Naltrexone started only after 8+ opioid-free days given in last_use, never beside methadone or
    buprenorphine; someone already on it keeps it."""
    if "naltrexone" not in r.medications or a["current_medication"] == "naltrexone":
        return []
    problems = []
    if a.get("last_use") not in rules.OPIOID_FREE_FOR_NALTREXONE:
        problems.append(f"naltrexone started with last_use {a.get('last_use')!r}")
    if a["current_medication"] in rules.MAINTENANCE_MEDICATIONS:
        problems.append(f"naltrexone beside {a['current_medication']}")
    return problems


def current_medication_problems(a: dict, r: rules.Recommendation) -> list[str]:
    current = a["current_medication"]
    if current == "none":
        return []
    problems = []
    waits_for_detox = current == "naltrexone" and r.detox is not None  # restarted only after detox
    if not waits_for_detox and (current not in r.medications or "continue-current-medication" not in r.flags):
        problems.append(f"current {current} not kept")
    if current in rules.MAINTENANCE_MEDICATIONS and r.detox is not None:
        problems.append(f"{r.detox} off current {current}")
    return problems


def danger_first_problems(a: dict, r: rules.Recommendation) -> list[str]:
    """crisis-now and seek-medical-care-now exactly when their answers say so, and what to do now comes first."""
    problems = []
    if (a["suicidal_thoughts"] == "now") != ("crisis-now" in r.flags):
        problems.append(f"suicidal_thoughts {a['suicidal_thoughts']} with flags {r.flags}")
    if (a["urgent_symptoms"] == "present") != ("seek-medical-care-now" in r.flags):
        problems.append(f"urgent_symptoms {a['urgent_symptoms']} with flags {r.flags}")
    if rules.in_danger_now(rules.Answers(**a)) and r.reasons[0].about not in ("crisis", "medical-now"):
        problems.append(f"the first reason is about {r.reasons[0].about!r}, not what to do now")
    return problems


def safety_answer_problems(a: dict, r: rules.Recommendation) -> list[str]:
    """Alcohol or sedatives: never outpatient detox; pregnancy: priority and no naltrexone start;
    a recent overdose: urgent."""
    answers = rules.Answers(**a)
    problems = []
    if rules.uses_sedatives_daily(answers):
        if r.detox == "outpatient-detox":
            problems.append("outpatient detox with daily alcohol or sedatives")
        if "sedative-withdrawal-risk" not in r.flags:
            problems.append("no sedative-withdrawal-risk flag")
        if r.detox is None and not rules.on_maintenance(answers):
            problems.append("no medical detox with daily alcohol or sedatives")
    if rules.may_be_pregnant(answers):
        if "pregnancy-priority" not in r.flags:
            problems.append("no pregnancy-priority flag")
        if "naltrexone" in r.medications and a["current_medication"] != "naltrexone":
            problems.append("naltrexone started in pregnancy")
    if a["recent_overdose"] == "last_3_months" and not {"post-overdose-urgent", "overdose-risk"} <= set(r.flags):
        problems.append("a recent overdose without post-overdose-urgent and overdose-risk")
    declined = a["medication_openness"] == "prefer_not" and a["current_medication"] == "none"
    if declined and (rules.may_be_pregnant(answers) or a["recent_overdose"] == "last_3_months"):
        if "medication-conflict" not in r.flags:
            problems.append("medication declined in pregnancy or after an overdose, without medication-conflict")
    if a["age_group"] == "under_18" and ("adolescent-services" not in r.flags or "sober-living" in r.pathway):
        problems.append("under 18 without adolescent-services, or with an adult sober-living home")
    if (a["injecting"] != "never") != ("infection-screening" in r.flags):
        problems.append(f"injecting {a['injecting']} with flags {r.flags}")
    if (a["chronic_pain"] == "yes") != ("pain-care-coordination" in r.flags):
        problems.append(f"chronic_pain {a['chronic_pain']} with flags {r.flags}")
    return problems


def naloxone_problems(a: dict, r: rules.Recommendation) -> list[str]:
    return [] if "naloxone" in r.medications else ["no naloxone"]


def dependence_problems(a: dict, r: rules.Recommendation) -> list[str]:
    """Methadone or buprenorphine are started only where there is physical dependence."""
    started = {"methadone", "buprenorphine"} & set(r.medications)
    if a["current_medication"] == "none" and started and not rules.is_physically_dependent(rules.Answers(**a)):
        return [f"{sorted(started)} offered without physical dependence"]
    return []


def naltrexone_not_with_pending_detox_problems(a: dict, r: rules.Recommendation) -> list[str]:
    # Clinician's reading of "naltrexone only after detox": it is not shown while the plan still
    # starts with a detox.
    if "naltrexone" in r.medications and r.detox is not None:
        return [f"naltrexone listed while the pathway still starts with {r.detox}"]
    return []


def overdose_problems(a: dict, r: rules.Recommendation) -> list[str]:
    if a["overdose"] != "never" and ("overdose-risk" not in r.flags or "naloxone" not in r.medications):
        return ["overdose history without overdose-risk flag and naloxone"]
    return []


def dual_diagnosis_problems(a: dict, r: rules.Recommendation) -> list[str]:
    if a["mental_health"] != "none" and "dual-diagnosis" not in r.flags:
        return ["mental health answer without dual-diagnosis flag"]
    return []


def heavy_habit_problems(a: dict, r: rules.Recommendation) -> list[str]:
    answers = rules.parse_answers(a)
    if rules.is_heavy_habit(answers) and a["medication_openness"] == "open" and a["current_medication"] == "none":
        meds = r.medications
        if "methadone" not in meds or "buprenorphine" not in meds:
            return ["heavy habit, open to medication, but methadone/buprenorphine missing"]
        # Both are first-line whatever the severity (issue 15): heavy use never demotes buprenorphine,
        # and no reason says it cannot help.
        if meds.index("buprenorphine") > meds.index("methadone"):
            return ["heavy habit: buprenorphine put after methadone"]
        for reason in r.reasons:
            if "may not relieve" in reason.text or "cannot relieve" in reason.text:
                return [f"a reason repeats the source's error: {reason.text[:60]!r}"]
    return []


def reason_problems(a: dict, r: rules.Recommendation) -> list[str]:
    problems = []
    for reason in r.reasons:
        if not reason.text.strip():
            problems.append(f"empty reason text (about {reason.about!r})")
        if not reason.sources:
            problems.append(f"reason without sources: {reason.text[:50]!r}")
        for source in reason.as_dict()["sources"]:
            if source not in CITATION_STRINGS:
                problems.append(f"unknown source {source!r}")
        for pair in reason.sources:
            if tuple(pair) not in CITATIONS:
                problems.append(f"unknown citation {pair!r}")
    return problems


def because_problems(a: dict, r: rules.Recommendation) -> list[str]:
    problems = []
    for reason in r.reasons:
        bad = [code for code in reason.because if code not in QUESTION_CODES]
        if bad:
            problems.append(f"because {bad} not question codes in reason {reason.text[:60]!r}")
    return problems


PER_RESULT_PROPERTIES = {
    "outcome": outcome_problems,
    "pathway_order": pathway_order_problems,
    "never_recommended": never_recommended_problems,
    "naltrexone_only_when_safe": naltrexone_problems,
    "current_medication_kept": current_medication_problems,
    "naloxone_for_everyone": naloxone_problems,
    "danger_first": danger_first_problems,
    "safety_answers": safety_answer_problems,
    "agonists_only_with_dependence": dependence_problems,
    "naltrexone_not_with_pending_detox": naltrexone_not_with_pending_detox_problems,
    "overdose": overdose_problems,
    "dual_diagnosis": dual_diagnosis_problems,
    "heavy_habit_methadone_first": heavy_habit_problems,
    "reasons_cited": reason_problems,
    "because_codes": because_problems,
}


def monotonicity_problems(a: dict, r: rules.Recommendation) -> list[str]:
    problems = []
    for code, pairs in WORSE_PAIRS.items():
        for better, worse in pairs:
            if a.get(code) != better:
                continue
            w = recommend({**a, code: worse})
            if level(w) < level(r):
                problems.append(f"{code} {better}->{worse} lowers primary {r.primary}->{w.primary}")
            if detox_index(w) < detox_index(r) and code not in DETOX_MAY_FALL:
                problems.append(f"{code} {better}->{worse} lowers detox {r.detox}->{w.detox}")
    return problems


def preference_problems(a: dict, r: rules.Recommendation) -> list[str]:
    problems = []
    for code in PREFERENCES:
        for value in CHOICES[code]:
            if value == a[code]:
                continue
            other = recommend({**a, code: value})
            if (other.primary, other.detox) != (r.primary, r.detox):
                problems.append(
                    f"{code} {a[code]}->{value} changes (primary, detox) "
                    f"{(r.primary, r.detox)}->{(other.primary, other.detox)}"
                )
    return problems


ALL_PROPERTIES = {**PER_RESULT_PROPERTIES, "monotonicity": monotonicity_problems, "preferences": preference_problems}

# --- (a) exhaustive ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(ALL_PROPERTIES))
def test_exhaustive(name):
    prop = ALL_PROPERTIES[name]
    failures, count = [], 0
    for a, r in zip(EXHAUSTIVE, exhaustive_results()):
        problems = prop(a, r)
        if problems:
            count += 1
            if len(failures) < REPORT:
                failures.append(f"{a}: {problems}")
    assert not failures, f"{name}: {count} failing combinations, e.g.\n" + "\n".join(failures)


# --- (b) hypothesis: any full combination --------------------------------------------------------

full_answers = st.fixed_dictionaries(
    {q.code: st.sampled_from(q.choices + ((None,) if q.default is None and not q.required else ())) for q in rules.QUESTIONS}
)
HYPOTHESIS = settings(
    max_examples=3000,
    deadline=None,
    derandomize=True,  # reproducible runs; no example database written
    suppress_health_check=[HealthCheck.too_slow],
    database=None,
)


@HYPOTHESIS
@given(a=full_answers)
def test_any_combination(a):
    """Every property, on one draw of any full set of answers."""
    r = recommend(a)
    problems = {name: ALL_PROPERTIES[name](a, r) for name in ALL_PROPERTIES}
    problems = {name: found for name, found in problems.items() if found}
    assert not problems, f"{a}: {problems}"


def test_sources_fixture_has_citations():
    # Guard: the source check above is only meaningful if the fixture loaded.
    assert len(CITATIONS) > 20
    assert ("samhsa-overdose-toolkit", "Responding to an overdose") in CITATIONS


def test_every_slug_a_result_names_is_protected_from_renaming():
    named = set()
    for r in exhaustive_results():
        named |= {r.primary, *r.pathway, *r.medications, *r.support} | ({r.detox} if r.detox else set())
    assert named <= rules.RECOMMENDABLE_SLUGS
