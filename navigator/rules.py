"""From a person's answers to the levels of care the sources describe, with reasons.

Plain Python: no requests, no ORM. The web form, the `recommend` command and the
tests all call `recommend()`.

How the rules work (each reason cites the sources behind it; see reasons.py):
- Danger first: suicidal thoughts now or urgent symptoms open the result with what to do now.
- Two questions, not one scale. How much care: the use itself, withdrawal, alcohol or
  sedatives, physical and mental health and pregnancy each set a minimum; the highest wins
  (risks are never averaged away), and within what is safe the least intensive level is
  preferred. Where to live: the home. An unsafe home points to sober living beside outpatient
  care, or to residential treatment when care is needed on most days; never on its own to
  inpatient rehab, which is for care around the clock.
- Five levels: standard outpatient < IOP < PHP < residential < inpatient. A worse answer never
  gives a less intensive level (property-tested).
- A return to use after treatment raises support by one step (two when repeated), never on
  its own to inpatient rehab.
- The current state decides: a step down after a programme applies only when the person is not
  using now or uses rarely; otherwise they are assessed afresh, with a return to use after treatment.
- Preferences and circumstances (obligations, budget, privacy, medication openness)
  change what is shown and explained, never the safe minimum. Conflicts are said out loud.
- Medicines: naloxone for everyone; methadone or buprenorphine kept when already taken and
  offered where there is physical dependence; naltrexone only after 8+ opioid-free days and
  never beside them; never rapid detox, anaesthesia-assisted detox or ibogaine.
"""
from __future__ import annotations

from dataclasses import dataclass, field

# The questions, answers and reasons live in their own modules; callers use them from here.
from .advice import choose_medications, explain_circumstances
from .first_steps import plan_first_steps
from .safety import explain_danger, explain_safety_answers
from .answers import (  # noqa: F401
    DETOX_DONE_STAGES, QUESTION_CODES, QUESTIONS, QUESTIONS_BY_CODE, RELAPSE_AFTER_TREATMENT, REQUIRED_CODES,
    MAINTENANCE_MEDICATIONS, OPIOID_FREE_FOR_NALTREXONE, AnswerError, Answers, QuestionSpec, allowed_values,
    in_danger_now, is_heavy_habit, is_physically_dependent, may_be_pregnant, on_maintenance, parse_answers,
    uses_regularly_now, uses_sedatives_daily,
)
from .levels import (  # noqa: F401
    COMBINED_MINIMUMS, HOME_MINIMUM, MEDICAL_MINIMUMS, RELAPSE_STEPS, STAGE_BOUNDS, STEP_DOWN_STAGES, UNSAFE_HOMES,
    VERY_SEVERE_POINTS, detox_choice, live_at_the_centre, minimum_levels, primary_level, relapse_history_now,
    severity_minimum, severity_points, steps_down, where_to_live,
)
from .reasons import (  # noqa: F401
    CITES, DETOX_CHOICES, INPATIENT, INTENSIVE_OUTPATIENT, LEVELS, NEVER_RECOMMENDED, PARTIAL_HOSPITALIZATION,
    LEVEL_LABELS, LEVEL_REASONS, RECOMMENDABLE_SLUGS, RELAPSE_REASONS, RESIDENTIAL, STAGE_TEXT, STANDARD_OUTPATIENT,
    WHERE_TO_LIVE_REASONS, Draft, Reason, reason,
)


@dataclass
class Recommendation:
    primary: str
    where_to_live: str  # "home", "sober-living", or the level itself when the person lives at the centre
    detox: str | None
    pathway: list[str]
    medications: list[str]
    support: list[str]
    flags: list[str]
    reasons: list[Reason] = field(default_factory=list)
    minimums: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict:
        """The `recommend` contract (README). Where to live is not a key of it: its reason says it."""
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


# --- The recommendation --------------------------------------------------------------

STEP_DOWNS = {
    INPATIENT: ("intensive-outpatient", "standard-outpatient"),
    RESIDENTIAL: ("intensive-outpatient", "standard-outpatient"),
    PARTIAL_HOSPITALIZATION: ("intensive-outpatient", "standard-outpatient"),
    INTENSIVE_OUTPATIENT: ("standard-outpatient",),
    STANDARD_OUTPATIENT: (),
}


def answer_codes_for(minimum_names) -> tuple[str, ...]:
    """The question codes behind the named minimums ("severity" is three questions)."""
    codes: list[str] = []
    for name in minimum_names:
        codes += [code for code in COMBINED_MINIMUMS.get(name, (name,)) if code not in codes]
    return tuple(codes)


def explain_level(draft: Draft, *, answers: Answers, minimums: dict[str, int], level: int, place: str) -> None:
    """Why this level: every answer that set it, any step down, and where to live."""
    primary = LEVELS[level]
    relapse_history = relapse_history_now(answers)
    for name, minimum in minimums.items():
        if minimum != level:
            continue
        if name == "relapse_history" and relapse_history in RELAPSE_REASONS:
            text, cites = RELAPSE_REASONS[relapse_history]
        elif minimum in LEVEL_REASONS.get(name, {}):
            text, cites = LEVEL_REASONS[name][minimum]
        else:
            continue
        because = answer_codes_for([name])
        if name == "relapse_history" and relapse_history != answers.relapse_history:
            because = ("treatment_stage", "use_frequency", "last_use")
        draft.reasons.append(reason(text, because, cites, about=primary))
    if live_at_the_centre(answers, level) == level and level not in minimums.values():
        text, cites = LEVEL_REASONS["live_at_the_centre"][RESIDENTIAL]
        draft.reasons.append(reason(text, answer_codes_for(["live_at_the_centre"]), cites, about=primary))
    if steps_down(answers):
        cites = ("php", "iop", "outpatient_after_inpatient", "standard_outpatient")
        draft.reasons.append(
            reason(STAGE_TEXT[answers.treatment_stage], ("treatment_stage",), cites, about=primary)
        )
        higher = [name for name, minimum in minimums.items() if minimum > level]
        if higher:
            draft.reasons.append(
                reason(
                    f"Other answers point to {LEVEL_LABELS[max(minimums.values())]}. Stepping down is usual after "
                    "finishing a programme, but if use has started again or things feel unsafe, ask the treatment "
                    "team whether a more intensive level is needed.",
                    ("treatment_stage",) + answer_codes_for(higher),
                    ("licensed_professional", "stay_in_treatment"),
                    about=primary,
                )
            )
            draft.flags.append("step-down-check")
    if not any(given.about == primary for given in draft.reasons):
        text, cites = LEVEL_REASONS["severity"][STANDARD_OUTPATIENT]
        draft.reasons.append(reason(text, COMBINED_MINIMUMS["severity"], cites, about=primary))
    text, cites = WHERE_TO_LIVE_REASONS[place]
    because = ("home_environment",) if place in ("home", "sober-living") else ()
    draft.reasons.append(reason(text, because, cites, about="where-to-live"))


def choose_detox(draft: Draft, *, answers: Answers, level: int) -> str | None:
    detox = detox_choice(answers)
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
    needs_sober_home = (answers.home_environment != "safe_supportive" or level >= RESIDENTIAL) and (
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
    place = where_to_live(answers, level)
    explain_level(draft, answers=answers, minimums=minimums, level=level, place=place)
    detox = choose_detox(draft, answers=answers, level=level)
    pathway = build_pathway(draft, answers=answers, level=level, detox=detox)
    support = choose_supports(draft, answers=answers)
    medications = choose_medications(draft, answers=answers, detox=detox)
    plan_first_steps(draft, answers=answers, level=level, detox=detox, medications=medications, place=place)
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
        where_to_live=place,
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
