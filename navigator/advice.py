"""Advice beside the level of care: medications to discuss, and what circumstances change.

These steps change what is shown and explained, never the safe minimum level.
"""
from __future__ import annotations

from .answers import DETOX_DONE_STAGES, RELAPSE_AFTER_TREATMENT, Answers, is_heavy_habit
from .reasons import PARTIAL_HOSPITALIZATION, Draft, reason


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
