"""Advice beside the level of care: medications to discuss, and what circumstances change.

These steps change what is shown and explained, never the safe minimum level.
"""
from __future__ import annotations

from .answers import (
    DETOX_DONE_STAGES, MAINTENANCE_MEDICATIONS, OPIOID_FREE_FOR_NALTREXONE, RELAPSE_AFTER_TREATMENT, Answers,
    is_heavy_habit, is_physically_dependent, may_be_pregnant,
)
from .reasons import PARTIAL_HOSPITALIZATION, Draft, reason


def choose_medications(draft: Draft, *, answers: Answers, detox: str | None) -> list[str]:
    """Medications to discuss with a doctor: naloxone for everyone, what the person already
    takes kept, and nothing started where it would harm."""
    medications = ["naloxone"] + offer_naloxone(draft, answers=answers, detox=detox)
    if answers.current_medication != "none":
        medications += keep_current_medication(draft, answers=answers, detox=detox)
    elif answers.medication_openness in ("open", "unsure"):
        medications += offer_medications(draft, answers=answers, detox=detox)
    else:
        medication_conflict(draft, answers=answers)
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


def medication_conflict(draft: Draft, *, answers: Answers) -> None:
    """Medication is declined where it protects most: say so kindly, and flag it."""
    protects = {
        "use_frequency": is_heavy_habit(answers),
        "relapse_history": answers.relapse_history == "repeated_treatment_relapses",
        "pregnant": may_be_pregnant(answers),
        "recent_overdose": answers.recent_overdose == "last_3_months",
    }
    because = tuple(code for code, applies in protects.items() if applies)
    if not because:
        return
    cites = ("medication_replacement", "medications_work")
    if protects["pregnant"]:
        cites += ("pregnancy_treatment",)
    if protects["recent_overdose"]:
        cites += ("after_overdose",)
    draft.flags.append("medication-conflict")
    draft.reasons.append(
        reason(
            "You prefer not to use medication, and that is your choice to make with a doctor. Methadone or "
            "buprenorphine is linked to fewer returns to use for heavy use and after repeated treatment, and after "
            "an overdose or in pregnancy it is what protects most, so it may be worth talking through with one.",
            ("medication_openness", *because),
            cites,
            about="medications",
        )
    )


def offer_naloxone(draft: Draft, *, answers: Answers, detox: str | None) -> list[str]:
    """Naloxone is for everyone: anyone who uses opioids, or has stopped, can overdose, and
    the people near them can give it. Returns no further medications."""
    # The answers that raise the risk: a past overdose, heavy use, or tolerance lost to a break.
    risk_because = tuple(
        code
        for code, risky in (
            ("overdose", answers.overdose != "never"),
            ("use_frequency", answers.use_frequency in ("daily", "several_times_daily")),
            ("withdrawal", detox is not None),
            ("treatment_stage", answers.treatment_stage in DETOX_DONE_STAGES),
            ("relapse_history", answers.relapse_history in RELAPSE_AFTER_TREATMENT),
        )
        if risky
    )
    text = (
        "Keep naloxone at hand, and make sure the people nearby know where it is and how to use it: it reverses an "
        "opioid overdose, and anyone who uses opioids can overdose."
    )
    cites = ("medications_list", "overdose_response")
    if risk_because:
        draft.flags.append("overdose-risk")
        text += (
            " After detox or any break, the body can no longer handle the old amount, so a return to use carries a "
            "high risk of overdose."
        )
        cites += ("loss_of_tolerance",)
    draft.reasons.append(reason(text, risk_because, cites, about="naloxone"))
    return []


def keep_current_medication(draft: Draft, *, answers: Answers, detox: str | None) -> list[str]:
    """What the person already takes stays: no detox off it, nothing started beside it."""
    current = answers.current_medication
    if current == "naltrexone" and detox is not None:
        # Withdrawal now means opioids are back in the body: naltrexone waits until detox is over.
        draft.reasons.append(
            reason(
                "Tell the doctor who prescribes naltrexone about the withdrawal before anything else. Naltrexone "
                "can be taken again only once detox is over and the body is free of opioids.",
                ("current_medication", "withdrawal"),
                ("medications_used",),
                about="medications",
            )
        )
        return []
    draft.flags.append("continue-current-medication")
    if current in MAINTENANCE_MEDICATIONS:
        text = (
            f"Keep taking {current} as prescribed. Stopping it, or a detox off it, lowers the body's tolerance and "
            "raises the risk of overdose; any change is for the prescriber to plan with you."
        )
        cites = ("medications_work", "loss_of_tolerance")
    else:
        text = "Keep taking naltrexone as prescribed, and tell the doctor who prescribes it about any return to use."
        cites = ("medications_used",)
    draft.reasons.append(reason(text, ("current_medication",), cites, about=current))
    return [current]


def offer_medications(draft: Draft, *, answers: Answers, detox: str | None) -> list[str]:
    """For someone taking none yet and open to it (or unsure)."""
    medications: list[str] = []
    if is_physically_dependent(answers):
        # Both are first-line whatever the severity; Heroin Detox's claim that Suboxone cannot help a
        # heavy habit is corrected, never acted on (issue 15).
        medications += ["buprenorphine", "methadone"]
        if is_heavy_habit(answers):
            draft.reasons.append(
                reason(
                    "Heavy daily use is no reason to rule out buprenorphine: guidance treats it and methadone as "
                    "first choices however severe the use. One source says Suboxone may not be enough for heavy use. "
                    "If one medicine is not enough, a doctor can change the dose or try the other.",
                    ("use_frequency", "use_duration"),
                    ("first_choices", "first_choices_uk", "medications_work"),
                    about="buprenorphine",
                )
            )
        draft.reasons.append(
            reason(
                "Methadone and buprenorphine ease withdrawal and cravings, help people stay in treatment, and lower "
                "the risk of overdose. They work best with therapy and support.",
                ("use_frequency", "withdrawal", "medication_openness"),
                ("medications_work", "medications_used", "medication_pros_cons"),
                about="buprenorphine",
            )
        )
    if answers.last_use in OPIOID_FREE_FOR_NALTREXONE and detox is None and not may_be_pregnant(answers):
        medications.append("naltrexone")
        draft.reasons.append(
            reason(
                "Naltrexone blocks the effect of opioids and can help prevent a return to use. It can be started "
                "only once detox is over and the body is free of opioids, and it does not ease withdrawal.",
                ("last_use", "medication_openness"),
                ("medications_used",),
                about="naltrexone",
            )
        )
    elif answers.treatment_stage in DETOX_DONE_STAGES or answers.last_use in OPIOID_FREE_FOR_NALTREXONE:
        draft.reasons.append(
            reason(
                "Naltrexone is an option only once the person has gone at least 8 days without opioids. Started "
                "sooner, a medicine that blocks opioids brings on sudden, severe withdrawal.",
                ("last_use", "treatment_stage"),
                ("medications_used", "detox_types"),
                about="medications",
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
