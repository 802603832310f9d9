"""First steps for this week: what to do before any treatment starts. Plain, short and the
same for every reader (each step speaks to whoever reads the result)."""
from __future__ import annotations

from .answers import Answers, on_maintenance, uses_sedatives_daily
from .reasons import LEVEL_LABELS, Draft, reason


def plan_first_steps(draft: Draft, *, answers: Answers, level: int, detox: str | None, medications: list[str],
                     place: str) -> None:
    def step(text, because, cites):
        draft.reasons.append(reason(text, because, cites, about="first-steps"))

    step(
        "Get naloxone this week from a pharmacy, doctor or drug service. Keep it where others can find it, and "
        "show the people nearby how to use it.",
        (),
        ("overdose_response",),
    )
    if on_maintenance(answers):
        step(
            f"Keep taking {answers.current_medication} with no missed doses, and tell every service you contact "
            "about it.",
            ("current_medication",),
            ("medications_work", "loss_of_tolerance"),
        )
    elif {"methadone", "buprenorphine"} & set(medications):
        after_overdose = answers.recent_overdose != "no"
        soon = "in the next few days, because of the recent overdose" if after_overdose else "this week"
        step(
            f"Ask a doctor {soon} about starting buprenorphine or methadone. Medicine is a first-line treatment, "
            "and it can start before a detox or instead of one.",
            ("recent_overdose",) if after_overdose else ("use_frequency", "withdrawal"),
            ("medications_list", "medications_work") + (("after_overdose",) if after_overdose else ()),
        )
    elif "naltrexone" in medications:
        step(
            "Ask a doctor about naltrexone, which can help prevent a return to use after a week or more without opioids.",
            ("last_use",),
            ("medications_used",),
        )
    step(
        f"Call a service to arrange an assessment for {LEVEL_LABELS[level]}: in the US, the SAMHSA National Helpline "
        "on 1-800-662-4357 (free, day and night); in the UK, a GP or the local drug service.",
        (),
        ("samhsa_helpline", "nhs_drug_services", "licensed_professional"),
    )
    if uses_sedatives_daily(answers):
        step(
            "Do not stop alcohol or sedatives suddenly: ask the service to arrange a medical detox.",
            ("alcohol_or_sedatives",),
            ("sedative_withdrawal", "medical_detox"),
        )
    elif detox is not None:
        step(
            "Do not try to stop suddenly alone: ask the service to arrange the detox.",
            ("withdrawal",),
            ("medical_detox", "detox_types"),
        )
    if place == "sober-living":
        step(
            "Ask the service about a place in a sober living home, or about residential treatment if none is free.",
            ("home_environment",),
            ("sober_living", "residential_defined"),
        )
