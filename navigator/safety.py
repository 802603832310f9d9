"""Safety answers: danger first, then what alcohol or sedatives, pregnancy, a recent
overdose, age, injecting and chronic pain change. Each adds flags and reasons; the level of care is set elsewhere."""
from __future__ import annotations

from .answers import Answers, is_physically_dependent, may_be_pregnant, uses_sedatives_daily
from .reasons import Draft, reason


def explain_danger(draft: Draft, *, answers: Answers) -> None:
    """Danger first: what to do now comes before anything else on the result."""
    if answers.suicidal_thoughts == "now":
        draft.flags.append("crisis-now")
        draft.reasons.append(
            reason(
                "Thoughts of ending one's life, now: talk to someone today. In the US, call or text 988; in the UK, "
                "call Samaritans on 116 123. If there is a risk of acting on them, call 911 (US), 999 (UK) or 112 "
                "(Europe) now. The rest of this page can wait.",
                ("suicidal_thoughts",),
                ("line_988", "samaritans", "line_911", "line_999", "line_112"),
                about="crisis",
            )
        )
    if answers.urgent_symptoms == "present":
        draft.flags.append("seek-medical-care-now")
        draft.reasons.append(
            reason(
                "A fever, chest pain, trouble breathing or a red, hot, swelling wound needs a doctor today. Chest "
                "pain or trouble breathing is an emergency: call 911 (US), 999 (UK) or 112 now. For the others, go "
                "to an emergency department (A&E), or in the UK call NHS 111 (not in Northern Ireland).",
                ("urgent_symptoms",),
                ("emergency_symptoms", "line_911", "line_999", "line_112", "nhs_111"),
                about="medical-now",
            )
        )
    if answers.suicidal_thoughts != "no":  # the dual-diagnosis flag and support come with the supports
        draft.reasons.append(
            reason(
                "Thoughts of ending one's life are a reason for mental health care alongside treatment for opioid "
                "use, and for a plan, made with the care team, for what to do if they come back.",
                ("suicidal_thoughts",),
                ("dual_diagnosis", "line_988", "samaritans"),
                about="dual-diagnosis",
            )
        )


def explain_safety_answers(draft: Draft, *, answers: Answers, detox: str | None) -> None:
    if uses_sedatives_daily(answers):
        draft.flags.append("sedative-withdrawal-risk")
        draft.reasons.append(
            reason(
                "Daily alcohol or sedatives such as benzodiazepines must not be stopped suddenly: their withdrawal "
                "can cause seizures, so detox from them is medical, with a doctor watching. Taken with opioids they "
                "also make an overdose much more likely, because together they slow breathing.",
                ("alcohol_or_sedatives",),
                ("sedative_withdrawal", "opioids_with_benzodiazepines"),
                about="sedatives",
            )
        )
    if may_be_pregnant(answers):
        draft.flags.append("pregnancy-priority")
        text = (
            "In pregnancy, treatment comes first: many services see pregnant women sooner. Tell every doctor and "
            "service about the pregnancy."
        )
        if is_physically_dependent(answers):
            text += (
                " Methadone or buprenorphine is the usual treatment rather than a detox, which is not usually "
                "advised in pregnancy; naltrexone is not started."
            )
        draft.reasons.append(reason(text, ("pregnant",), ("pregnancy_treatment",), about="pregnancy"))
    if answers.recent_overdose == "last_3_months":
        draft.flags.append("post-overdose-urgent")
        if "overdose-risk" not in draft.flags:
            draft.flags.append("overdose-risk")
        draft.reasons.append(
            reason(
                "After an overdose, the risk of another is high. Keep naloxone close, do not use alone, and see a "
                "doctor soon about starting methadone or buprenorphine: starting it quickly lowers that risk.",
                ("recent_overdose",),
                ("overdose_response", "after_overdose"),
                about="overdose",
            )
        )
    if answers.age_group == "under_18":
        draft.flags.append("adolescent-services")
        draft.reasons.append(
            reason(
                "Under 18: look for a service for young people. It will involve the family, and adult sober-living "
                "homes are not for under-18s.",
                ("age_group",),
                ("adolescent_treatment",),
                about="young-people",
            )
        )
    if answers.injecting != "never":
        draft.flags.append("infection-screening")
        draft.reasons.append(
            reason(
                "Injecting, now or in the past: ask for tests for HIV and hepatitis B and C. Keep any wound clean, "
                "see a doctor if it turns red, hot or swollen, and never use alone.",
                ("injecting",),
                ("injection_infections",),
                about="infections",
            )
        )
    if answers.chronic_pain == "yes":
        draft.flags.append("pain-care-coordination")
        draft.reasons.append(
            reason(
                "Ongoing pain needs pain care planned together with treatment for opioid use: tell both the pain "
                "doctor and the treatment team, so that neither changes a medicine without the other.",
                ("chronic_pain",),
                ("after_overdose",),
                about="pain",
            )
        )
