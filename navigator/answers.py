"""The questionnaire's questions and a person's answers, checked. Plain Python, no Django."""
from __future__ import annotations

from dataclasses import dataclass
from operator import itemgetter
from types import MappingProxyType
from typing import NamedTuple


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
    # Danger first: asked straight after the required questions, and help is shown as soon
    # as either answer calls for it.
    QuestionSpec("suicidal_thoughts", ("no", "past", "now"), False, "no"),
    QuestionSpec("urgent_symptoms", ("none", "present"), False, "none"),
    QuestionSpec(
        "alcohol_or_sedatives", ("none", "alcohol_daily", "benzodiazepines_or_sedatives", "both"), False, "none"
    ),
    QuestionSpec("pregnant", ("no", "yes", "unsure"), False, "no"),  # "unsure" counts as "yes" for safety
    QuestionSpec("recent_overdose", ("no", "last_3_months"), False, "no"),
    QuestionSpec("age_group", ("under_18", "18_to_25", "over_25"), False, "over_25"),
    QuestionSpec("injecting", ("never", "past", "current"), False, "never"),
    QuestionSpec("chronic_pain", ("no", "yes"), False, "no"),
    QuestionSpec(
        "treatment_stage",
        ("not_started", "finished_detox", "finished_inpatient", "finished_php", "finished_iop", "stable_recovery"),
        False,
        "not_started",
    ),
    QuestionSpec("current_medication", ("none", "methadone", "buprenorphine", "naltrexone"), False, "none"),
    # Heroin or opioids not prescribed to the person. No default: unknown when not given,
    # and unknown never counts as opioid-free.
    QuestionSpec("last_use", ("today_or_yesterday", "2_to_7_days", "8_to_30_days", "over_30_days"), False, None),
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
    suicidal_thoughts: str = "no"
    urgent_symptoms: str = "none"
    alcohol_or_sedatives: str = "none"
    pregnant: str = "no"
    recent_overdose: str = "no"
    age_group: str = "over_25"
    injecting: str = "never"
    chronic_pain: str = "no"
    treatment_stage: str = "not_started"
    current_medication: str = "none"
    last_use: str | None = None
    overdose: str = "never"
    mental_health: str = "none"
    physical_health: str = "none"
    obligations: str = "none"
    budget: str = "insured"
    privacy: str = "normal"
    medication_openness: str = "unsure"

    def as_dict(self) -> dict[str, str]:
        """The answers in the questionnaire's order, leaving out those not given that have no default."""
        return {code: value for code, value in zip(QUESTION_CODES, _in_question_order(self)) if value is not None}


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


DETOX_DONE_STAGES = frozenset(
    {"finished_detox", "finished_inpatient", "finished_php", "finished_iop", "stable_recovery"}
)
RELAPSE_AFTER_TREATMENT = frozenset({"treatment_then_relapse", "repeated_treatment_relapses"})
# Medicines that hold opioid receptors: never stopped for a detox, never beside naltrexone.
MAINTENANCE_MEDICATIONS = frozenset({"methadone", "buprenorphine"})
# Long enough without opioids to start naltrexone without bringing on withdrawal (8 days or more).
OPIOID_FREE_FOR_NALTREXONE = frozenset({"8_to_30_days", "over_30_days"})


def in_danger_now(answers: Answers) -> bool:
    return answers.suicidal_thoughts == "now" or answers.urgent_symptoms == "present"


def uses_sedatives_daily(answers: Answers) -> bool:
    return answers.alcohol_or_sedatives != "none"


def may_be_pregnant(answers: Answers) -> bool:
    return answers.pregnant in ("yes", "unsure")


def on_maintenance(answers: Answers) -> bool:
    return answers.current_medication in MAINTENANCE_MEDICATIONS


RECENT_USE = frozenset({"today_or_yesterday", "2_to_7_days"})


def uses_regularly_now(answers: Answers) -> bool:
    """Using now: daily use, unless 8 or more opioid-free days are given, or weekly use with a
    last use in the past week. An unknown last use never counts as opioid-free, and never on
    its own means "using now"."""
    if answers.use_frequency in ("daily", "several_times_daily"):
        return answers.last_use not in OPIOID_FREE_FOR_NALTREXONE
    return answers.use_frequency == "weekly" and answers.last_use in RECENT_USE


def is_physically_dependent(answers: Answers) -> bool:
    """Daily use or withdrawal now, or a detox behind them: methadone or buprenorphine can help."""
    return (
        answers.use_frequency in ("daily", "several_times_daily")
        or answers.withdrawal != "none"
        or answers.treatment_stage in DETOX_DONE_STAGES
    )


def is_heavy_habit(answers: Answers) -> bool:
    return answers.use_frequency == "several_times_daily" or (
        answers.use_frequency == "daily" and answers.use_duration == "over_5_years"
    )
