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
from functools import cache
from operator import itemgetter
from types import MappingProxyType
from typing import NamedTuple

# Levels of care, least to most intensive. Their index is the "level".
LEVELS = ("standard-outpatient", "intensive-outpatient", "partial-hospitalization", "inpatient-rehab")
STANDARD_OUTPATIENT, INTENSIVE_OUTPATIENT, PARTIAL_HOSPITALIZATION, INPATIENT = range(4)
# Detox choices, least to most supervised.
DETOX_CHOICES = (None, "outpatient-detox", "medical-detox")
NEVER_RECOMMENDED = frozenset({"rapid-detox", "anesthesia-assisted-rapid-detox", "ibogaine"})
# Every option slug a recommendation can name. Editors may not rename these (see
# TreatmentOption.clean), or results would point at options that no longer exist.
RECOMMENDABLE_SLUGS = frozenset(
    LEVELS
    + ("outpatient-detox", "medical-detox", "sober-living", "support-groups", "long-term-management")
    + ("cognitive-behavioral-therapy", "family-therapy", "dual-diagnosis-treatment")
    + ("naloxone", "methadone", "buprenorphine", "naltrexone", "clonidine")
)


@dataclass(frozen=True)
class QuestionSpec:
    code: str
    choices: tuple[str, ...]
    required: bool
    default: str | None = None


QUESTIONS = (
    QuestionSpec("who", ("self", "family", "counsellor"), False, "self"),
    QuestionSpec("use_duration", ("under_3_months", "3_to_12_months", "1_to_5_years", "over_5_years"), True),
    QuestionSpec("use_frequency", ("less_than_weekly", "weekly", "daily", "several_times_daily"), True),
    QuestionSpec("withdrawal", ("none", "mild", "severe"), True),
    QuestionSpec("life_impact", ("little", "some", "most"), True),
    QuestionSpec(
        "relapse_history",
        ("no_attempts", "quit_alone_relapsed", "treatment_then_relapse", "repeated_treatment_relapses"),
        True,
    ),
    QuestionSpec(
        "home_environment", ("safe_supportive", "stressful", "drug_use_at_home", "unstable_housing"), True
    ),
    QuestionSpec(
        "treatment_stage",
        ("not_started", "finished_detox", "finished_inpatient", "finished_php", "finished_iop", "stable_recovery"),
        False,
        "not_started",
    ),
    QuestionSpec("overdose", ("never", "once", "more_than_once"), False, "never"),
    QuestionSpec("mental_health", ("none", "diagnosed_or_suspected", "unsure"), False, "none"),
    QuestionSpec("physical_health", ("none", "serious_conditions"), False, "none"),
    QuestionSpec("obligations", ("none", "work_or_school", "caregiving"), False, "none"),
    QuestionSpec("budget", ("very_limited", "insured", "flexible"), False, "insured"),
    QuestionSpec("privacy", ("normal", "high"), False, "normal"),
    QuestionSpec("medication_openness", ("open", "unsure", "prefer_not"), False, "unsure"),
)
QUESTIONS_BY_CODE = MappingProxyType({question.code: question for question in QUESTIONS})
QUESTION_CODES = tuple(QUESTIONS_BY_CODE)
REQUIRED_CODES = tuple(question.code for question in QUESTIONS if question.required)

# Where each reason comes from: (source key, section heading), as in fixtures/01_sources.json.
CITES = MappingProxyType(
    {
        "inpatient_for_severe": ("webmd", "Inpatient Heroin Treatment"),
        "outpatient_needs_safe_home": ("webmd", "Outpatient Heroin Treatment"),
        "outpatient_environment": ("passages-malibu", "Outpatient Treatment"),
        "inpatient_removes_environment": ("passages-malibu", "Inpatient Rehab"),
        "long_term_use_inpatient": ("heroin-treatment-and-rehab", "Outpatient Addiction Treatment Programme"),
        "faq": ("heroin-treatment-and-rehab", "Frequently Asked Questions"),
        "remove_influences": ("heroin-treatment-and-rehab", "Inpatient Rehab for Heroin Abuse"),
        "php": ("treating-heroin-addiction", "Partial hospitalization programs (PHP)"),
        "iop": ("treating-heroin-addiction", "Intensive outpatient programs (IOP)"),
        "standard_outpatient": ("treating-heroin-addiction", "Standard outpatient treatment"),
        "outpatient_after_inpatient": ("treating-heroin-addiction", "Outpatient heroin rehab"),
        "detox_types": ("heroin-treatment-and-rehab", "Detoxification: The First Step of Heroin Addiction Treatment"),
        "medical_detox": ("heroin-detox", "Medical Detox"),
        "treatment_after_detox": ("heroin-detox", "Addiction Treatment after Detox"),
        "stay_in_treatment": ("heroin-detox", "Why is treatment needed?"),
        "medication_replacement": (
            "heroin-treatment-and-rehab",
            "Medication Replacement: Programmes for Heroin Treatment Options",
        ),
        "medications_work": ("heroin-detox", "How Well Do These Medications Work?"),
        "medications_used": ("heroin-treatment-and-rehab", "Medications Used for Heroin Treatment"),
        "medications_list": ("treating-heroin-addiction", "Medications for recovery from heroin addiction"),
        "medication_pros_cons": ("heroin-treatment-and-rehab", "Pros and cons of using medication in heroin treatment"),
        "dual_diagnosis": ("heroin-treatment-and-rehab", "Paired Dual Diagnosis-Heroin Addiction Treatment"),
        "dual_diagnosis_defined": ("heroin-treatment-and-rehab", "Dual Diagnosis Treatments"),
        "sober_living": ("passages-malibu", "Post Rehab"),
        "long_term": ("passages-malibu", "Long Term Management"),
        "support_groups": ("treating-heroin-addiction", "Support groups for heroin recovery"),
        "twelve_step_cost": ("heroin-treatment-and-rehab", "12-Step Programme for Heroin Addiction Treatment: Pros and Cons"),
        "insurance": ("heroin-treatment-and-rehab", "Heroin Addiction and Health Insurance"),
        "confidentiality": ("heroin-treatment-and-rehab", "Private Heroin Rehabs and Confidentiality"),
        "treatment_away": ("heroin-treatment-and-rehab", "Treatment Near Home vs. Different City or State"),
        "residential_defined": ("heroin-treatment-and-rehab", "Types of Rehab for Heroin Addiction"),
        "loss_of_tolerance": ("samhsa-overdose-toolkit", "Risk of overdose after a period without opioids"),
        "overdose_response": ("samhsa-overdose-toolkit", "Responding to opioid overdose"),
        "behavioural_therapy": ("heroin-treatment-and-rehab", "How is Heroin Addiction Treated?"),
        "licensed_professional": ("treating-heroin-addiction", "Treating heroin addiction"),
    }
)


class AnswerError(ValueError):
    """Answers that cannot be used. `problems` maps each bad key to a message."""

    def __init__(self, problems: dict[str, str]):
        self.problems = problems
        super().__init__("; ".join(f"{key}: {message}" for key, message in problems.items()))


class Answers(NamedTuple):
    """One person's answers, checked (parse_answers). A named tuple, like Reason: built
    and read on every result page, and a tuple does that in C."""

    use_duration: str
    use_frequency: str
    withdrawal: str
    life_impact: str
    relapse_history: str
    home_environment: str
    who: str = "self"
    treatment_stage: str = "not_started"
    overdose: str = "never"
    mental_health: str = "none"
    physical_health: str = "none"
    obligations: str = "none"
    budget: str = "insured"
    privacy: str = "normal"
    medication_openness: str = "unsure"

    def as_dict(self) -> dict[str, str]:
        return dict(zip(QUESTION_CODES, _in_question_order(self)))  # in the questionnaire's order


# The fields of Answers in the questionnaire's order ("who" comes first there), read in C.
_in_question_order = itemgetter(*[Answers._fields.index(code) for code in QUESTION_CODES])


def allowed_values(code: str) -> str:
    return ", ".join(QUESTIONS_BY_CODE[code].choices)


def parse_answers(raw: object) -> Answers:
    """Check raw answers (e.g. parsed JSON) and fill defaults. Raises AnswerError naming every bad key."""
    if not isinstance(raw, dict):
        raise AnswerError({"answers": "expected a JSON object mapping question codes to answer codes"})
    problems: dict[str, str] = {}
    for key in raw:
        if key not in QUESTIONS_BY_CODE:
            problems[str(key)] = f"unknown question; known questions are: {', '.join(QUESTIONS_BY_CODE)}"
    values: dict[str, str] = {}
    for question in QUESTIONS:
        if question.code not in raw or raw[question.code] in (None, ""):
            if question.required:
                problems[question.code] = f"required; allowed values: {allowed_values(question.code)}"
            continue
        value = raw[question.code]
        if not isinstance(value, str) or value not in question.choices:
            problems[question.code] = f"unknown value {value!r}; allowed values: {allowed_values(question.code)}"
            continue
        values[question.code] = value
    if problems:
        raise AnswerError(problems)
    return Answers(**values)


class Reason(NamedTuple):
    """One reason on a result. A named tuple rather than a frozen dataclass: a result page
    builds about sixteen and looks each one up, and tuples do both in C."""

    text: str
    because: tuple[str, ...]
    sources: tuple[tuple[str, str], ...]
    about: str = ""  # the slug or flag this reason explains; "" for the whole result

    def as_dict(self) -> dict:
        return {
            "text": self.text,
            "because": list(self.because),
            "sources": [f"{key}: {section}" for key, section in self.sources],
        }


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


@cache  # nearly every reason on a result is one of a few dozen: each is built once and reused
def reason(text: str, because: tuple[str, ...], cites: tuple[str, ...], about: str = "") -> Reason:
    """A Reason citing the sources named in CITES."""
    return Reason(text, because, tuple(CITES[name] for name in cites), about)


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
DETOX_DONE_STAGES = frozenset(
    {"finished_detox", "finished_inpatient", "finished_php", "finished_iop", "stable_recovery"}
)
RELAPSE_AFTER_TREATMENT = frozenset({"treatment_then_relapse", "repeated_treatment_relapses"})
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


def is_heavy_habit(answers: Answers) -> bool:
    return answers.use_frequency == "several_times_daily" or (
        answers.use_frequency == "daily" and answers.use_duration == "over_5_years"
    )


def detox_choice(answers: Answers, level: int) -> str | None:
    """None, outpatient or medical detox; never rapid or anaesthesia-assisted."""
    if answers.treatment_stage in DETOX_DONE_STAGES or answers.withdrawal == "none":
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

LEVEL_REASONS = {
    "severity": {
        STANDARD_OUTPATIENT: (
            "Use that is recent, not daily and not at the centre of life can often be treated with outpatient care.",
            ("faq", "standard_outpatient"),
        ),
        INTENSIVE_OUTPATIENT: (
            "The length, frequency and impact of use point to more support than a weekly session.",
            ("long_term_use_inpatient", "iop"),
        ),
        PARTIAL_HOSPITALIZATION: (
            "Long or frequent use that shapes daily life calls for a high level of care, most days of the week.",
            ("php", "long_term_use_inpatient"),
        ),
        INPATIENT: (
            "Long, heavy use that much of life revolves around is what the sources call the most severe; "
            "inpatient care suits it best.",
            ("inpatient_for_severe", "long_term_use_inpatient", "faq"),
        ),
    },
    "withdrawal": {
        INTENSIVE_OUTPATIENT: (
            "Severe withdrawal needs supervised detox and then structured care while the body adjusts.",
            ("detox_types", "treatment_after_detox"),
        ),
    },
    "relapse_history": {
        INTENSIVE_OUTPATIENT: (
            "Going back to use after quitting alone suggests more support is needed than trying alone again.",
            ("stay_in_treatment", "iop"),
        ),
        PARTIAL_HOSPITALIZATION: (
            "A return to use after treatment suggests a step up in care from last time.",
            ("inpatient_for_severe", "php"),
        ),
        INPATIENT: (
            "Repeated returns to use after treatment are a reason the sources give for inpatient care.",
            ("inpatient_for_severe", "medication_replacement"),
        ),
    },
    "home_environment": {
        INTENSIVE_OUTPATIENT: (
            "A stressful home keeps up the pressures behind use, so care should be more than a weekly session.",
            ("outpatient_environment", "iop"),
        ),
        INPATIENT: (
            "Outpatient care works best with a safe, drug-free home. Without one, living at the treatment centre "
            "removes the person from what keeps use going.",
            ("outpatient_needs_safe_home", "inpatient_removes_environment", "remove_influences"),
        ),
    },
    "physical_health": {
        INTENSIVE_OUTPATIENT: (
            "Serious physical health problems need medical care alongside treatment for opioid use.",
            ("outpatient_needs_safe_home", "remove_influences"),
        ),
    },
}
LEVEL_LABELS = {
    STANDARD_OUTPATIENT: "standard outpatient care",
    INTENSIVE_OUTPATIENT: "an intensive outpatient programme",
    PARTIAL_HOSPITALIZATION: "a partial hospitalization programme",
    INPATIENT: "inpatient rehab",
}
STEP_DOWNS = {
    INPATIENT: ("intensive-outpatient", "standard-outpatient"),
    PARTIAL_HOSPITALIZATION: ("intensive-outpatient", "standard-outpatient"),
    INTENSIVE_OUTPATIENT: ("standard-outpatient",),
    STANDARD_OUTPATIENT: (),
}
STAGE_TEXT = {
    "finished_inpatient": "After inpatient rehab, the usual next step is a partial hospitalization or intensive "
    "outpatient programme.",
    "finished_php": "After a partial hospitalization programme, the usual next step is an intensive outpatient "
    "programme.",
    "finished_iop": "After an intensive outpatient programme, the usual next step is standard outpatient care.",
    "stable_recovery": "With recovery established, standard outpatient care and ongoing support usually fit.",
}


SEVERITY_CODES = ("use_duration", "use_frequency", "life_impact")


def answer_codes_for(minimum_names) -> tuple[str, ...]:
    """The question codes behind the named minimums ("severity" is three questions)."""
    codes: list[str] = []
    for name in minimum_names:
        codes += SEVERITY_CODES if name == "severity" else (name,)
    return tuple(codes)


class Draft:
    """What the rule steps below add up to: flags, and the reasons for every item."""

    def __init__(self):
        self.reasons: list[Reason] = []
        self.flags: list[str] = []


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
    needs_sober_home = answers.home_environment != "safe_supportive" or level == INPATIENT
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
    if answers.who == "family" or answers.home_environment == "stressful":  # "family": the person answering
        support.append("family-therapy")
        draft.reasons.append(
            reason(
                "Opioid use affects the whole family. Family therapy gives relatives support and tools too.",
                ("who", "home_environment"),
                ("inpatient_for_severe",),
                about="family-therapy",
            )
        )
    if answers.mental_health in ("diagnosed_or_suspected", "unsure"):
        draft.flags.append("dual-diagnosis")
        support.append("dual-diagnosis-treatment")
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


def choose_medications(draft: Draft, *, answers: Answers, detox: str | None) -> list[str]:
    # Medications to discuss with a doctor.
    medications: list[str] = []
    # The answers that carry an overdose risk (a past overdose, or tolerance lost to detox).
    overdose_because = tuple(
        code
        for code, risky in (
            ("overdose", answers.overdose != "never"),
            ("withdrawal", detox is not None),
            ("treatment_stage", answers.treatment_stage in DETOX_DONE_STAGES),
            ("relapse_history", answers.relapse_history in RELAPSE_AFTER_TREATMENT),
        )
        if risky
    )
    if overdose_because:
        draft.flags.append("overdose-risk")
        medications.append("naloxone")
        draft.reasons.append(
            reason(
                "Keep naloxone at hand and learn how to use it: it reverses an opioid overdose. After detox or any "
                "break, the body can no longer handle the old amount, so a return to use carries a high risk of "
                "overdose.",
                overdose_because,
                ("medications_list", "loss_of_tolerance", "overdose_response"),
                about="naloxone",
            )
        )
    heavy = is_heavy_habit(answers)
    if answers.medication_openness in ("open", "unsure"):
        replacement = ["methadone", "buprenorphine"] if heavy else ["buprenorphine", "methadone"]
        medications += replacement
        if heavy:
            draft.reasons.append(
                reason(
                    "With heavy daily use, methadone is the one to ask about first: the sources say buprenorphine "
                    "(as in Suboxone) may not relieve withdrawal for a heavy habit, while methadone can.",
                    ("use_frequency", "use_duration"),
                    ("medications_work",),
                    about="methadone",
                )
            )
        draft.reasons.append(
            reason(
                "Methadone and buprenorphine ease withdrawal and cravings, help people stay in treatment, and lower "
                "the risk of overdose. They work best with therapy and support.",
                ("medication_openness",),
                ("medications_work", "medications_used", "medication_pros_cons"),
                about="buprenorphine",
            )
        )
        if answers.treatment_stage in DETOX_DONE_STAGES:
            medications.append("naltrexone")
            draft.reasons.append(
                reason(
                    "Naltrexone blocks the effect of opioids and can help prevent a return to use. It can only be "
                    "started once detox is complete, and it does not ease withdrawal.",
                    ("treatment_stage", "medication_openness"),
                    ("medications_used",),
                    about="naltrexone",
                )
            )
        if answers.medication_openness == "unsure":
            draft.reasons.append(
                reason(
                    "Medication has benefits (fewer cravings, less withdrawal, staying in treatment) and drawbacks "
                    "(side effects, depending on a medicine). It is a personal choice to make with a doctor.",
                    ("medication_openness",),
                    ("medication_pros_cons",),
                    about="medications",
                )
            )
    elif heavy or answers.relapse_history == "repeated_treatment_relapses":
        draft.flags.append("medication-conflict")
        draft.reasons.append(
            reason(
                "You prefer not to use medication, and that is your choice. The sources link medication such as "
                "methadone or buprenorphine to fewer returns to use after repeated treatment and for heavy use, so "
                "it may be worth discussing with a doctor.",
                ("medication_openness", "relapse_history", "use_frequency"),
                ("medication_replacement", "medications_work"),
                about="medications",
            )
        )
    if detox is not None and answers.medication_openness != "prefer_not":
        medications.append("clonidine")
        draft.reasons.append(
            reason(
                "During detox, a doctor may use clonidine to ease physical withdrawal symptoms and help with sleep.",
                ("withdrawal",),
                ("medical_detox", "medications_used"),
                about="clonidine",
            )
        )
    return medications


def explain_circumstances(draft: Draft, *, answers: Answers, level: int) -> None:
    # Circumstances and preferences: explained, never lowering the level.
    if answers.obligations != "none" and level >= PARTIAL_HOSPITALIZATION:
        draft.flags.append("obligations-conflict")
        draft.reasons.append(
            reason(
                "This level of care takes most days (or living away), which clashes with work, school or caring for "
                "others. Do not step down below what is safe: ask about residential programmes that let people leave "
                "for work or school, and about help with caring duties.",
                ("obligations",),
                ("residential_defined", "php"),
                about="obligations",
            )
        )
    elif answers.obligations != "none":
        draft.reasons.append(
            reason(
                "Outpatient care lets people keep working, studying or caring for others while in treatment.",
                ("obligations",),
                ("outpatient_needs_safe_home",),
                about="obligations",
            )
        )
    if answers.budget == "very_limited":
        draft.flags.append("cost-concern")
        draft.reasons.append(
            reason(
                "Money is tight: support groups cost nothing, outpatient clinics are more affordable, and "
                "methadone and buprenorphine are fairly cheap. In the UK, NHS treatment is free."
                + (" Cost should not push care below the safe level: ask about public or free programmes." if level >= PARTIAL_HOSPITALIZATION else ""),
                ("budget",),
                ("twelve_step_cost", "outpatient_environment", "medications_work", "insurance"),
                about="budget",
            )
        )
    elif answers.budget == "insured":
        draft.reasons.append(
            reason(
                "Many insurers cover parts of rehab, but what is covered depends on the policy: check with the insurer.",
                ("budget",),
                ("insurance", "faq"),
                about="budget",
            )
        )
    if answers.privacy == "high":
        draft.flags.append("privacy")
        draft.reasons.append(
            reason(
                "For privacy: treatment centres have confidentiality rules you can ask to see; outpatient clinics are "
                "less private; treatment in another city adds privacy but means time away from family.",
                ("privacy",),
                ("confidentiality", "outpatient_environment", "treatment_away"),
                about="privacy",
            )
        )


def recommend(answers: Answers) -> Recommendation:
    draft = Draft()
    minimums = minimum_levels(answers)
    level = primary_level(answers, minimums)
    explain_level(draft, answers=answers, minimums=minimums, level=level)
    detox = choose_detox(draft, answers=answers, level=level)
    pathway = build_pathway(draft, answers=answers, level=level, detox=detox)
    support = choose_supports(draft, answers=answers)
    medications = choose_medications(draft, answers=answers, detox=detox)
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
