"""How much care, and where to live: the minimum safe level each answer sets, the step down
after a programme, and the detox. Plain Python, no Django; navigator.rules puts it together."""
from __future__ import annotations

from .answers import (
    DETOX_DONE_STAGES, RELAPSE_AFTER_TREATMENT, Answers, is_physically_dependent, may_be_pregnant, on_maintenance,
    uses_regularly_now, uses_sedatives_daily,
)
from .reasons import INPATIENT, INTENSIVE_OUTPATIENT, LEVELS, PARTIAL_HOSPITALIZATION, RESIDENTIAL, STANDARD_OUTPATIENT

# --- How much care, and where to live ----------------------------------------------------
#
# Two questions, not one scale. How much care is needed is set by the use itself and by
# withdrawal, alcohol or sedatives, physical and mental health and pregnancy. Where to live is
# set by the home: an unsafe home points to a safer place to live (sober living beside
# outpatient care, or residential treatment), never on its own to inpatient rehab.

DURATION_POINTS = {"under_3_months": 0, "3_to_12_months": 1, "1_to_5_years": 2, "over_5_years": 3}
FREQUENCY_POINTS = {"less_than_weekly": 0, "weekly": 1, "daily": 2, "several_times_daily": 3}
IMPACT_POINTS = {"little": 0, "some": 1, "most": 2}
VERY_SEVERE_POINTS = 7  # of 8: use that is long, heavy and at the centre of life


def severity_points(answers: Answers) -> int:
    return (
        DURATION_POINTS[answers.use_duration]
        + FREQUENCY_POINTS[answers.use_frequency]
        + IMPACT_POINTS[answers.life_impact]
    )


def severity_minimum(answers: Answers) -> int:
    points = severity_points(answers)  # 0 to 8
    if points >= VERY_SEVERE_POINTS:
        return RESIDENTIAL
    if points >= 5:
        return PARTIAL_HOSPITALIZATION
    if points >= 3:
        return INTENSIVE_OUTPATIENT
    return STANDARD_OUTPATIENT


# Medical and mental health needs: answer -> the least care that is safe with it.
MEDICAL_MINIMUMS = {
    "withdrawal": {"severe": INTENSIVE_OUTPATIENT},
    "alcohol_or_sedatives": {
        "alcohol_daily": INTENSIVE_OUTPATIENT, "benzodiazepines_or_sedatives": INTENSIVE_OUTPATIENT,
        "both": INTENSIVE_OUTPATIENT,
    },
    "physical_health": {"serious_conditions": INTENSIVE_OUTPATIENT},
    "mental_health": {"diagnosed_or_suspected": INTENSIVE_OUTPATIENT},
    "pregnant": {"yes": INTENSIVE_OUTPATIENT, "unsure": INTENSIVE_OUTPATIENT},  # "not sure" counts as yes
    "suicidal_thoughts": {"now": INPATIENT},  # care around the clock for psychiatric reasons
}
UNSAFE_HOMES = frozenset({"drug_use_at_home", "unstable_housing"})
HOME_MINIMUM = {
    "safe_supportive": STANDARD_OUTPATIENT,
    "stressful": INTENSIVE_OUTPATIENT,
    "drug_use_at_home": INTENSIVE_OUTPATIENT,  # with a safer place to live: see where_to_live
    "unstable_housing": INTENSIVE_OUTPATIENT,
}
# A return to use raises support by steps, never on its own to inpatient rehab.
RELAPSE_STEPS = {"no_attempts": 0, "quit_alone_relapsed": 0, "treatment_then_relapse": 1, "repeated_treatment_relapses": 2}
# The question codes behind each named minimum that is not one question.
COMBINED_MINIMUMS = {
    "severity": ("use_duration", "use_frequency", "life_impact"),
    "lower_levels_not_helped": ("use_duration", "use_frequency", "life_impact", "relapse_history"),
    "medical_care_around_the_clock": ("physical_health", "withdrawal", "alcohol_or_sedatives"),
    "live_at_the_centre": ("home_environment", "age_group"),
}

# Where someone already is in treatment: the step down the sources describe.
# (floor, cap): the next step is at least `floor` and at most `cap`.
STAGE_BOUNDS = {
    "finished_inpatient": (INTENSIVE_OUTPATIENT, PARTIAL_HOSPITALIZATION),
    "finished_php": (INTENSIVE_OUTPATIENT, INTENSIVE_OUTPATIENT),
    "finished_iop": (STANDARD_OUTPATIENT, STANDARD_OUTPATIENT),
    "stable_recovery": (STANDARD_OUTPATIENT, STANDARD_OUTPATIENT),
}
STEP_DOWN_STAGES = frozenset(STAGE_BOUNDS)


def steps_down(answers: Answers) -> bool:
    """The current state decides: a step down after a programme applies only when the person
    is not using now, or uses rarely. Otherwise they are assessed as someone starting."""
    return answers.treatment_stage in STEP_DOWN_STAGES and not uses_regularly_now(answers)


def relapse_history_now(answers: Answers) -> str:
    """Regular use again after treatment (detox or a programme) is a return to use after treatment."""
    if answers.treatment_stage in DETOX_DONE_STAGES and uses_regularly_now(answers):
        if answers.relapse_history not in RELAPSE_AFTER_TREATMENT:
            return "treatment_then_relapse"
    return answers.relapse_history


MEDICAL_NAMES = (*MEDICAL_MINIMUMS, "medical_care_around_the_clock")  # the minimums a step down cannot lower


def medical_minimums(answers: Answers) -> dict[str, int]:
    found = {code: levels.get(getattr(answers, code), STANDARD_OUTPATIENT) for code, levels in MEDICAL_MINIMUMS.items()}
    around_the_clock = answers.physical_health == "serious_conditions" and (
        answers.withdrawal == "severe" or uses_sedatives_daily(answers)
    )
    found["medical_care_around_the_clock"] = INPATIENT if around_the_clock else STANDARD_OUTPATIENT
    return found


def relapse_minimum(relapse_history: str, others: int) -> int:
    """One step more support after a return to use after treatment, two after repeated returns;
    more than trying alone after quitting alone; never on its own up to inpatient rehab."""
    if relapse_history == "no_attempts" or others >= INPATIENT:
        return STANDARD_OUTPATIENT
    return max(INTENSIVE_OUTPATIENT, min(others + RELAPSE_STEPS[relapse_history], RESIDENTIAL))


def minimum_levels(answers: Answers) -> dict[str, int]:
    """Each named minimum: the least care that is safe given those answers. The highest sets the floor."""
    relapse_history = relapse_history_now(answers)
    minimums = {
        "severity": severity_minimum(answers),
        **medical_minimums(answers),
        "home_environment": HOME_MINIMUM[answers.home_environment],
    }
    minimums["relapse_history"] = relapse_minimum(relapse_history, max(minimums.values()))
    very_severe = severity_points(answers) >= VERY_SEVERE_POINTS and relapse_history in RELAPSE_AFTER_TREATMENT
    minimums["lower_levels_not_helped"] = INPATIENT if very_severe else STANDARD_OUTPATIENT
    return minimums


def live_at_the_centre(answers: Answers, level: int) -> int:
    """Care on most days means going home at night: without a safe home (or, for under-18s, with
    no adult sober living home to go to) that care is residential."""
    if answers.home_environment in UNSAFE_HOMES and (level >= PARTIAL_HOSPITALIZATION or answers.age_group == "under_18"):
        return RESIDENTIAL
    return STANDARD_OUTPATIENT


def primary_level(answers: Answers, minimums: dict[str, int]) -> int:
    """The least intensive level that is safe: the highest minimum, or after a programme the
    step down, which medical and mental health needs can still raise."""
    if steps_down(answers):
        floor, cap = STAGE_BOUNDS[answers.treatment_stage]
        medical = max(minimums[name] for name in MEDICAL_NAMES)
        level = max(floor, min(max(minimums.values()), cap), medical)
    else:
        level = max(minimums.values())
    return max(level, live_at_the_centre(answers, level))


def where_to_live(answers: Answers, level: int) -> str:
    """At the centre for residential and inpatient care; otherwise at home, or in a sober living
    home where home is not safe (adults only: under-18s go to residential care)."""
    if level >= RESIDENTIAL:
        return LEVELS[level]
    return "sober-living" if answers.home_environment in UNSAFE_HOMES else "home"


def detox_choice(answers: Answers) -> str | None:
    """None, outpatient or medical detox; never rapid or anaesthesia-assisted, never off
    methadone or buprenorphine the person already takes (tolerance would be lost), and never
    outpatient with daily alcohol or sedatives. A return to use raises support, not this."""
    if on_maintenance(answers):
        return None
    # Daily alcohol or sedatives: their withdrawal can cause seizures, so it is always medical.
    if uses_sedatives_daily(answers):
        return "medical-detox"
    detox_behind_them = answers.treatment_stage in DETOX_DONE_STAGES and not uses_regularly_now(answers)
    if detox_behind_them or answers.withdrawal == "none":
        return None
    # In pregnancy, methadone or buprenorphine rather than a detox.
    if may_be_pregnant(answers) and is_physically_dependent(answers):
        return None
    needs_supervision = (
        answers.withdrawal == "severe"
        or severity_minimum(answers) >= PARTIAL_HOSPITALIZATION
        or answers.home_environment in UNSAFE_HOMES
        or answers.physical_health == "serious_conditions"
        or answers.mental_health == "diagnosed_or_suspected"
        or answers.suicidal_thoughts == "now"
        or answers.use_duration in ("1_to_5_years", "over_5_years")
    )
    return "medical-detox" if needs_supervision else "outpatient-detox"
