"""From a person's answers to the levels of care the sources describe, with reasons.

Plain Python: no requests, no ORM. The web form, the `recommend` command and the
tests all call `recommend()`.

How the rules work (each principle cites the sources behind it in REASONS below):
- Severity, withdrawal, relapse history and home environment each set a minimum safe
  level of care. The highest minimum wins: risks are never averaged away. Within what
  is safe, the least intensive level is preferred.
- Where a person is in treatment (`treatment_stage`) steps them down the continuum.
- Preferences and circumstances (obligations, budget, privacy, medication openness)
  change what is shown and explained, never the safe minimum. Conflicts are said out loud.
- Safety always shows: naloxone and the loss-of-tolerance warning where overdose is a
  risk; rapid detox methods are never recommended; naltrexone only after detox.
"""
from __future__ import annotations

from dataclasses import dataclass, field

# The questions, answers and reasons live in their own modules; callers use them from here.
from .advice import choose_medications, explain_circumstances
from .safety import explain_danger, explain_safety_answers
from .answers import (  # noqa: F401
    DETOX_DONE_STAGES, QUESTION_CODES, QUESTIONS, QUESTIONS_BY_CODE, RELAPSE_AFTER_TREATMENT, REQUIRED_CODES,
    MAINTENANCE_MEDICATIONS, OPIOID_FREE_FOR_NALTREXONE, AnswerError, Answers, QuestionSpec, allowed_values,
    in_danger_now, is_heavy_habit, is_physically_dependent, may_be_pregnant, on_maintenance, parse_answers,
    uses_sedatives_daily,
)
from .reasons import (  # noqa: F401
    CITES, DETOX_CHOICES, INPATIENT, INTENSIVE_OUTPATIENT, LEVELS, NEVER_RECOMMENDED, PARTIAL_HOSPITALIZATION,
    LEVEL_LABELS, LEVEL_REASONS, RECOMMENDABLE_SLUGS, STAGE_TEXT, STANDARD_OUTPATIENT, Draft, Reason, reason,
)


@dataclass
class Recommendation:
    primary: str
    detox: str | None
    pathway: list[str]
    medications: list[str]
    support: list[str]
    flags: list[str]
    reasons: list[Reason] = field(default_factory=list)
    minimums: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {
            "primary": self.primary,
            "detox": self.detox,
            "pathway": list(self.pathway),
            "medications": list(self.medications),
            "support": list(self.support),
            "flags": list(self.flags),
            "reasons": [given.as_dict() for given in self.reasons],
        }

    def reasons_about(self, slug: str) -> list[Reason]:
        return [given for given in self.reasons if given.about == slug]


# --- Minimum safe levels -----------------------------------------------------------

DURATION_POINTS = {"under_3_months": 0, "3_to_12_months": 1, "1_to_5_years": 2, "over_5_years": 3}
FREQUENCY_POINTS = {"less_than_weekly": 0, "weekly": 1, "daily": 2, "several_times_daily": 3}
IMPACT_POINTS = {"little": 0, "some": 1, "most": 2}


def severity_points(answers: Answers) -> int:
    return (
        DURATION_POINTS[answers.use_duration]
        + FREQUENCY_POINTS[answers.use_frequency]
        + IMPACT_POINTS[answers.life_impact]
    )


def severity_minimum(answers: Answers) -> int:
    points = severity_points(answers)  # 0 to 8
    if points >= 7:
        return INPATIENT
    if points >= 5:
        return PARTIAL_HOSPITALIZATION
    if points >= 3:
        return INTENSIVE_OUTPATIENT
    return STANDARD_OUTPATIENT


WITHDRAWAL_MINIMUM = {"none": STANDARD_OUTPATIENT, "mild": STANDARD_OUTPATIENT, "severe": INTENSIVE_OUTPATIENT}
RELAPSE_MINIMUM = {
    "no_attempts": STANDARD_OUTPATIENT,
    "quit_alone_relapsed": INTENSIVE_OUTPATIENT,
    "treatment_then_relapse": PARTIAL_HOSPITALIZATION,
    "repeated_treatment_relapses": INPATIENT,
}
HOME_MINIMUM = {
    "safe_supportive": STANDARD_OUTPATIENT,
    "stressful": INTENSIVE_OUTPATIENT,
    "drug_use_at_home": INPATIENT,
    "unstable_housing": INPATIENT,
}
PHYSICAL_MINIMUM = {"none": STANDARD_OUTPATIENT, "serious_conditions": INTENSIVE_OUTPATIENT}

# Where someone already is in treatment: the step down the sources describe.
# (floor, cap): the next step is at least `floor` and at most `cap`.
STAGE_BOUNDS = {
    "not_started": (STANDARD_OUTPATIENT, INPATIENT),
    "finished_detox": (STANDARD_OUTPATIENT, INPATIENT),
    "finished_inpatient": (INTENSIVE_OUTPATIENT, PARTIAL_HOSPITALIZATION),
    "finished_php": (INTENSIVE_OUTPATIENT, INTENSIVE_OUTPATIENT),
    "finished_iop": (STANDARD_OUTPATIENT, STANDARD_OUTPATIENT),
    "stable_recovery": (STANDARD_OUTPATIENT, STANDARD_OUTPATIENT),
}

STEP_DOWN_STAGES = frozenset({"finished_inpatient", "finished_php", "finished_iop", "stable_recovery"})


def minimum_levels(answers: Answers) -> dict[str, int]:
    return {
        "severity": severity_minimum(answers),
        "withdrawal": WITHDRAWAL_MINIMUM[answers.withdrawal],
        "relapse_history": RELAPSE_MINIMUM[answers.relapse_history],
        "home_environment": HOME_MINIMUM[answers.home_environment],
        "physical_health": PHYSICAL_MINIMUM[answers.physical_health],
    }


def primary_level(answers: Answers, minimums: dict[str, int]) -> int:
    safe_minimum = max(minimums.values())
    floor, cap = STAGE_BOUNDS[answers.treatment_stage]
    return max(floor, min(safe_minimum, cap))


def detox_choice(answers: Answers, level: int) -> str | None:
    """None, outpatient or medical detox; never rapid or anaesthesia-assisted, never off
    methadone or buprenorphine the person already takes (tolerance would be lost), and never
    outpatient with daily alcohol or sedatives."""
    if on_maintenance(answers):
        return None
    # Daily alcohol or sedatives: their withdrawal can cause seizures, so it is always medical.
    if uses_sedatives_daily(answers):
        return "medical-detox"
    if answers.treatment_stage in DETOX_DONE_STAGES or answers.withdrawal == "none":
        return None
    # In pregnancy, methadone or buprenorphine rather than a detox.
    if may_be_pregnant(answers) and is_physically_dependent(answers):
        return None
    needs_supervision = (
        answers.withdrawal == "severe"
        or level >= PARTIAL_HOSPITALIZATION
        or answers.home_environment in ("drug_use_at_home", "unstable_housing")
        or answers.physical_health == "serious_conditions"
        or answers.mental_health == "diagnosed_or_suspected"
        or answers.relapse_history in ("treatment_then_relapse", "repeated_treatment_relapses")
        or answers.use_duration in ("1_to_5_years", "over_5_years")
    )
    return "medical-detox" if needs_supervision else "outpatient-detox"


# --- The recommendation --------------------------------------------------------------

STEP_DOWNS = {
    INPATIENT: ("intensive-outpatient", "standard-outpatient"),
    PARTIAL_HOSPITALIZATION: ("intensive-outpatient", "standard-outpatient"),
    INTENSIVE_OUTPATIENT: ("standard-outpatient",),
    STANDARD_OUTPATIENT: (),
}
SEVERITY_CODES = ("use_duration", "use_frequency", "life_impact")


def answer_codes_for(minimum_names) -> tuple[str, ...]:
    """The question codes behind the named minimums ("severity" is three questions)."""
    codes: list[str] = []
    for name in minimum_names:
        codes += SEVERITY_CODES if name == "severity" else (name,)
    return tuple(codes)


def explain_level(draft: Draft, *, answers: Answers, minimums: dict[str, int], level: int) -> None:
    """Why this level: every answer that set the winning minimum, and any step-down."""
    primary = LEVELS[level]
    safe_minimum = max(minimums.values())
    for code, minimum in minimums.items():
        if minimum == safe_minimum == level and minimum in LEVEL_REASONS[code]:
            text, cites = LEVEL_REASONS[code][minimum]
            because = answer_codes_for([code])
            draft.reasons.append(reason(text, because, cites, about=primary))
    if answers.treatment_stage in STEP_DOWN_STAGES:
        cites = ("php", "iop", "outpatient_after_inpatient", "standard_outpatient")
        draft.reasons.append(
            reason(STAGE_TEXT[answers.treatment_stage], ("treatment_stage",), cites, about=primary)
        )
        if safe_minimum > level:
            draft.reasons.append(
                reason(
                    f"Other answers point to {LEVEL_LABELS[safe_minimum]}. Stepping down is usual after finishing a "
                    "programme, but if use has started again or things feel unsafe, ask the treatment team whether "
                    "a more intensive level is needed.",
                    ("treatment_stage",) + answer_codes_for([code for code, m in minimums.items() if m > level]),
                    ("licensed_professional", "stay_in_treatment"),
                    about=primary,
                )
            )
            draft.flags.append("step-down-check")
    if not any(given.about == primary for given in draft.reasons):
        text, cites = LEVEL_REASONS["severity"][STANDARD_OUTPATIENT]
        draft.reasons.append(reason(text, SEVERITY_CODES, cites, about=primary))


def choose_detox(draft: Draft, *, answers: Answers, level: int) -> str | None:
    detox = detox_choice(answers, level)
    if detox == "medical-detox":
        draft.reasons.append(
            reason(
                "Detox with a medical team watching is safer and more comfortable than stopping alone. It is the "
                "usual advice for people who have used for a long time or have strong withdrawal.",
                ("withdrawal", "use_duration"),
                ("medical_detox", "detox_types"),
                about="medical-detox",
            )
        )
    elif detox == "outpatient-detox":
        draft.reasons.append(
            reason(
                "With mild withdrawal and a short history of use, detox at home with regular check-ins at a clinic "
                "is an option the sources describe for people who are new to heroin.",
                ("withdrawal", "use_duration", "home_environment"),
                ("detox_types",),
                about="outpatient-detox",
            )
        )
    if detox is not None:
        draft.reasons.append(
            reason(
                "Rapid detox and anaesthesia-assisted rapid detox are not recommended: they carry risks to the heart "
                "and lungs, and in one study up to 8.6% of people who had the anaesthesia method died or had a "
                "cardiac arrest.",
                ("withdrawal",),
                ("detox_types",),
                about="rapid-detox",
            )
        )
        draft.reasons.append(
            reason(
                "Detox alone is not treatment. Stopping care after detox almost always leads back to use.",
                ("withdrawal",),
                ("treatment_after_detox",),
                about=detox,
            )
        )

    return detox


def build_pathway(draft: Draft, *, answers: Answers, level: int, detox: str | None) -> list[str]:
    primary = LEVELS[level]
    # The path: detox, the level, the steps down, then support for the long term.
    pathway: list[str] = ([detox] if detox else []) + [primary] + list(STEP_DOWNS[level])
    # Sober-living homes are for adults.
    needs_sober_home = (answers.home_environment != "safe_supportive" or level == INPATIENT) and (
        answers.age_group != "under_18"
    )
    if needs_sober_home:
        pathway.append("sober-living")
        draft.reasons.append(
            reason(
                "A sober living home after rehab eases the return to daily life; people who live in one are less "
                "likely to go back to use. Stays average 6 to 18 months.",
                ("home_environment",) if answers.home_environment != "safe_supportive" else ("use_duration",),
                ("sober_living",),
                about="sober-living",
            )
        )
    pathway += ["support-groups", "long-term-management"]
    draft.reasons.append(
        reason(
            "Recovery is lifelong: ongoing counselling, support groups and the support of family and friends help.",
            ("relapse_history",),
            ("long_term", "support_groups"),
            about="long-term-management",
        )
    )
    if level > STANDARD_OUTPATIENT:
        draft.reasons.append(
            reason(
                "People who stay in treatment longer, a year or more, do much better than those who stop sooner, so "
                "the plan steps down gradually rather than stopping.",
                ("relapse_history",),
                ("stay_in_treatment",),
                about="intensive-outpatient",
            )
        )
    return pathway


def choose_supports(draft: Draft, *, answers: Answers) -> list[str]:
    # Supports beside the path.
    support = ["support-groups", "cognitive-behavioral-therapy"]
    draft.reasons.append(
        reason(
            "Peer support groups and therapy such as CBT help people learn to cope with cravings and stress. "
            "Support groups are often free.",
            ("relapse_history",),
            ("support_groups", "behavioural_therapy"),
            about="support-groups",
        )
    )
    # "family": the person answering; young people are treated with their family involved.
    if answers.who == "family" or answers.home_environment == "stressful" or answers.age_group == "under_18":
        support.append("family-therapy")
        draft.reasons.append(
            reason(
                "Opioid use affects the whole family. Family therapy gives relatives support and tools too.",
                ("who", "home_environment", "age_group"),
                ("inpatient_for_severe",),
                about="family-therapy",
            )
        )
    if answers.mental_health in ("diagnosed_or_suspected", "unsure") or answers.suicidal_thoughts != "no":
        draft.flags.append("dual-diagnosis")
        support.append("dual-diagnosis-treatment")
    if answers.mental_health in ("diagnosed_or_suspected", "unsure"):
        text = (
            "A mental health condition alongside opioid use is called a dual diagnosis. Look for a centre that "
            "treats both at the same time."
            if answers.mental_health == "diagnosed_or_suspected"
            else "It is not clear whether there is a mental health condition too. An assessment can check, because "
            "treating both together matters."
        )
        draft.reasons.append(
            reason(text, ("mental_health",), ("dual_diagnosis", "dual_diagnosis_defined"), about="dual-diagnosis")
        )
    return support


def recommend(answers: Answers) -> Recommendation:
    draft = Draft()
    explain_danger(draft, answers=answers)  # first, so that what to do now leads the result
    minimums = minimum_levels(answers)
    level = primary_level(answers, minimums)
    explain_level(draft, answers=answers, minimums=minimums, level=level)
    detox = choose_detox(draft, answers=answers, level=level)
    pathway = build_pathway(draft, answers=answers, level=level, detox=detox)
    support = choose_supports(draft, answers=answers)
    medications = choose_medications(draft, answers=answers, detox=detox)
    explain_safety_answers(draft, answers=answers, detox=detox)
    explain_circumstances(draft, answers=answers, level=level)
    draft.reasons.append(
        reason(
            "This is not a diagnosis. A licensed addiction professional should confirm the right level of care.",
            (),
            ("licensed_professional",),
            about="",
        )
    )
    return Recommendation(
        primary=LEVELS[level],
        detox=detox,
        pathway=pathway,
        medications=medications,
        support=support,
        flags=draft.flags,
        reasons=draft.reasons,
        minimums=minimums,
    )


def recommend_from_raw(raw: object) -> Recommendation:
    return recommend(parse_answers(raw))
