"""Client vignettes written from the five seed sources, checked against navigator.rules.

Pure tests: no database, no requests. Each vignette is a short description of a person,
their answers, and what a clinician reading the sources would expect:

- the primary level of care and the detox choice (or None);
- pathway items that must appear in this order (a subsequence of the pathway);
- flags, medications and supports that must (or must not) appear;
- medications that must appear in a given relative order.

Each vignette keeps the expectation a clinician reading the sources would have; when
the rules disagree, the test fails (two rule bugs were found and fixed this way).

Sources (fixtures/01_sources.json keys):
  passages-malibu, heroin-detox, treating-heroin-addiction, webmd, heroin-treatment-and-rehab.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from navigator import rules


@dataclass(frozen=True)
class Vignette:
    id: str
    description: str
    answers: dict
    primary: str
    detox: str | None
    pathway: tuple[str, ...]  # must appear in this order (not necessarily adjacent)
    flags: tuple[str, ...] = ()
    no_flags: tuple[str, ...] = ()
    medications: tuple[str, ...] = ()
    no_medications: tuple[str, ...] = ()
    medication_order: tuple[str, ...] = ()  # must appear in this relative order
    support: tuple[str, ...] = ()
    no_support: tuple[str, ...] = ()
    no_pathway: tuple[str, ...] = ()
    sources: tuple[str, ...] = field(default=())  # where the expectation comes from


def answers(**overrides) -> dict:
    """Required answers at their mildest, overridden per vignette."""
    base = {
        "use_duration": "under_3_months",
        "use_frequency": "less_than_weekly",
        "withdrawal": "none",
        "life_impact": "little",
        "relapse_history": "no_attempts",
        "home_environment": "safe_supportive",
    }
    base.update(overrides)
    return base


SO, IOP, PHP, INP = rules.LEVELS
MED, OUT = "medical-detox", "outpatient-detox"
SG, LTM, SOBER = "support-groups", "long-term-management", "sober-living"

VIGNETTES = [
    # --- Severity: how long, how often, how much of life -------------------------------
    Vignette(
        "mild-recent-safe-home",
        "Started using a few weeks ago, less than weekly, no withdrawal, life carries on, lives with a "
        "supportive family. Never tried to stop.",
        answers(),
        primary=SO,
        detox=None,
        pathway=(SO, SG, LTM),
        no_pathway=(IOP, PHP, INP, SOBER),
        no_flags=("overdose-risk", "dual-diagnosis", "step-down-check", "medication-conflict"),
        no_medications=("naltrexone", "clonidine"),
        sources=("heroin-treatment-and-rehab: Frequently Asked Questions", "treating-heroin-addiction: Standard outpatient treatment"),
    ),
    Vignette(
        "newly-addicted-mild-withdrawal-outpatient-detox",
        "Weekly use for 8 months, it gets in the way of some things, mild withdrawal when stopping, "
        "safe home, first attempt to stop.",
        answers(use_duration="3_to_12_months", use_frequency="weekly", life_impact="some", withdrawal="mild"),
        primary=IOP,
        detox=OUT,
        pathway=(OUT, IOP, SO, SG, LTM),
        no_pathway=(SOBER,),
        flags=("overdose-risk",),
        medications=("naloxone", "clonidine"),
        no_medications=("naltrexone",),
        sources=("heroin-treatment-and-rehab: Detoxification: The First Step of Heroin Addiction Treatment",),
    ),
    Vignette(
        "long-heavy-use",
        "Several times a day for over 5 years, days built around heroin, severe withdrawal; stopped alone "
        "once and went back. Safe home. Open to medication.",
        answers(
            use_duration="over_5_years", use_frequency="several_times_daily", life_impact="most",
            withdrawal="severe", relapse_history="quit_alone_relapsed",
        ) | {"medication_openness": "open"},
        primary=INP,
        detox=MED,
        pathway=(MED, INP, IOP, SO, SOBER, SG, LTM),
        flags=("overdose-risk",),
        medications=("naloxone", "methadone", "buprenorphine", "clonidine"),
        no_medications=("naltrexone",),  # detox not done yet
        medication_order=("methadone", "buprenorphine"),  # Suboxone cannot relieve heavy habits
        sources=("webmd: Inpatient Heroin Treatment", "heroin-detox: How Well Do These Medications Work?"),
    ),
    Vignette(
        "heavy-habit-unsure-about-medication",
        "Several times a day for 8 months, some impact, severe withdrawal, never tried to stop, safe home; "
        "not sure about medication.",
        answers(use_duration="3_to_12_months", use_frequency="several_times_daily", life_impact="some",
                withdrawal="severe") | {"medication_openness": "unsure"},
        primary=PHP,
        detox=MED,
        pathway=(MED, PHP, IOP, SO, SG, LTM),
        medications=("methadone", "buprenorphine"),
        medication_order=("methadone", "buprenorphine"),
        sources=("heroin-detox: How Well Do These Medications Work?",),
    ),
    Vignette(
        "daily-two-years-not-heavy",
        "Once a day for 2 years, some impact, mild withdrawal, safe home, never tried to stop; open to "
        "medication. Not a heavy habit, so buprenorphine can be discussed first.",
        answers(use_duration="1_to_5_years", use_frequency="daily", life_impact="some", withdrawal="mild")
        | {"medication_openness": "open"},
        primary=PHP,
        detox=MED,
        pathway=(MED, PHP, IOP, SO, SG, LTM),
        medications=("buprenorphine", "methadone"),
        medication_order=("buprenorphine", "methadone"),
        sources=("heroin-treatment-and-rehab: Outpatient Addiction Treatment Programme",),
    ),
    # --- Home environment ------------------------------------------------------------------
    Vignette(
        "drug-use-at-home-moderate-use",
        "Weekly use for 2 years with some impact, mild withdrawal, never tried to stop, but the flatmate "
        "uses heroin at home.",
        answers(use_duration="1_to_5_years", use_frequency="weekly", life_impact="some", withdrawal="mild",
                home_environment="drug_use_at_home"),
        primary=INP,  # outpatient needs a safe, drug-free home
        detox=MED,
        pathway=(MED, INP, IOP, SO, SOBER, SG, LTM),
        flags=("overdose-risk",),
        sources=("webmd: Outpatient Heroin Treatment", "passages-malibu: Inpatient Rehab",
                 "heroin-treatment-and-rehab: Inpatient Rehab for Heroin Abuse"),
    ),
    Vignette(
        "partner-uses-two-relapses-after-rehab",
        "Daily use for 6 years, lives with a partner who uses, two relapses after rehab, severe withdrawal; "
        "open to medication.",
        answers(use_duration="over_5_years", use_frequency="daily", life_impact="most", withdrawal="severe",
                relapse_history="repeated_treatment_relapses", home_environment="drug_use_at_home")
        | {"medication_openness": "open"},
        primary=INP,
        detox=MED,
        pathway=(MED, INP, IOP, SO, SOBER, SG, LTM),
        flags=("overdose-risk",),
        medications=("naloxone", "methadone", "buprenorphine"),
        medication_order=("methadone", "buprenorphine"),  # daily for over 5 years is a heavy habit
        no_medications=("naltrexone",),
        sources=("webmd: Inpatient Heroin Treatment", "heroin-treatment-and-rehab: Medication Replacement: "
                 "Programmes for Heroin Treatment Options"),
    ),
    Vignette(
        "unstable-housing",
        "Weekly use for 6 months, little impact, mild withdrawal, never tried to stop, sofa-surfing with no "
        "steady place to live.",
        answers(use_duration="3_to_12_months", use_frequency="weekly", withdrawal="mild",
                home_environment="unstable_housing"),
        primary=INP,
        detox=MED,
        pathway=(MED, INP, IOP, SO, SOBER, SG, LTM),
        sources=("webmd: Outpatient Heroin Treatment", "passages-malibu: Post Rehab"),
    ),
    Vignette(
        "stressful-home",
        "Weekly use for a few weeks, little impact, no withdrawal, never tried to stop; home is tense and "
        "full of arguments but nobody else uses.",
        answers(use_frequency="weekly", home_environment="stressful"),
        primary=IOP,
        detox=None,
        pathway=(IOP, SO, SOBER, SG, LTM),
        no_pathway=(PHP, INP),
        support=("family-therapy",),
        sources=("passages-malibu: Outpatient Treatment", "treating-heroin-addiction: Intensive outpatient programs (IOP)"),
    ),
    # --- Relapse history ---------------------------------------------------------------------
    Vignette(
        "quit-alone-relapsed",
        "Less than weekly for 6 months, little impact, no withdrawal, stopped alone and started again; safe home.",
        answers(use_duration="3_to_12_months", relapse_history="quit_alone_relapsed"),
        primary=IOP,
        detox=None,
        pathway=(IOP, SO, SG, LTM),
        no_pathway=(SOBER,),
        sources=("heroin-detox: Why is treatment needed?",),
    ),
    Vignette(
        "treatment-then-relapse",
        "Weekly for 3 years, little impact, mild withdrawal, had treatment once then used again; safe home.",
        answers(use_duration="1_to_5_years", use_frequency="weekly", withdrawal="mild",
                relapse_history="treatment_then_relapse"),
        primary=PHP,
        detox=MED,
        pathway=(MED, PHP, IOP, SO, SG, LTM),
        flags=("overdose-risk",),
        medications=("naloxone",),
        sources=("webmd: Inpatient Heroin Treatment", "treating-heroin-addiction: Partial hospitalization programs (PHP)"),
    ),
    Vignette(
        "repeated-treatment-relapses",
        "Daily for 3 years, some impact, mild withdrawal, has been through treatment several times and went "
        "back each time; safe home.",
        answers(use_duration="1_to_5_years", use_frequency="daily", life_impact="some", withdrawal="mild",
                relapse_history="repeated_treatment_relapses"),
        primary=INP,
        detox=MED,
        pathway=(MED, INP, IOP, SO, SOBER, SG, LTM),
        flags=("overdose-risk",),
        medications=("naloxone", "methadone", "buprenorphine"),
        sources=("webmd: Inpatient Heroin Treatment",
                 "heroin-treatment-and-rehab: Medication Replacement: Programmes for Heroin Treatment Options"),
    ),
    # --- Treatment stage: the step-downs -------------------------------------------------------
    Vignette(
        "finished-inpatient-step-down-to-php",
        "Several times a day for 7 years, repeated relapses; has just finished a 60-day inpatient stay "
        "(detox done there), no withdrawal now, safe home, open to medication.",
        answers(use_duration="over_5_years", use_frequency="several_times_daily", life_impact="most",
                relapse_history="repeated_treatment_relapses")
        | {"treatment_stage": "finished_inpatient", "medication_openness": "open"},
        primary=PHP,
        detox=None,
        pathway=(PHP, IOP, SO, SG, LTM),
        no_pathway=(INP, MED, OUT),
        flags=("step-down-check", "overdose-risk"),  # loss of tolerance after a stay
        medications=("naloxone", "naltrexone", "methadone", "buprenorphine"),
        medication_order=("methadone", "buprenorphine"),
        sources=("treating-heroin-addiction: Partial hospitalization programs (PHP)",
                 "treating-heroin-addiction: Outpatient heroin rehab"),
    ),
    Vignette(
        "finished-inpatient-step-down-to-iop",
        "A few months of occasional use, finished a short inpatient stay, no withdrawal, safe home.",
        answers(use_duration="3_to_12_months") | {"treatment_stage": "finished_inpatient"},
        primary=IOP,
        detox=None,
        pathway=(IOP, SO, SG, LTM),
        no_pathway=(INP, PHP, MED, OUT),
        flags=("overdose-risk",),
        no_flags=("step-down-check",),
        medications=("naloxone", "naltrexone"),
        sources=("treating-heroin-addiction: Outpatient heroin rehab",),
    ),
    Vignette(
        "finished-php-step-down-to-iop",
        "Daily for 3 years with most of life built around it, one relapse after treatment; has now finished "
        "a partial hospitalization programme; no withdrawal; safe home.",
        answers(use_duration="1_to_5_years", use_frequency="daily", life_impact="most",
                relapse_history="treatment_then_relapse") | {"treatment_stage": "finished_php"},
        primary=IOP,
        detox=None,
        pathway=(IOP, SO, SG, LTM),
        no_pathway=(PHP, INP),
        flags=("step-down-check",),
        sources=("treating-heroin-addiction: Intensive outpatient programs (IOP)",),
    ),
    Vignette(
        "finished-iop-step-down-to-standard",
        "Weekly for 2 years, some impact, stopped alone once before; has finished an intensive outpatient "
        "programme; no withdrawal; safe home.",
        answers(use_duration="1_to_5_years", use_frequency="weekly", life_impact="some",
                relapse_history="quit_alone_relapsed") | {"treatment_stage": "finished_iop"},
        primary=SO,
        detox=None,
        pathway=(SO, SG, LTM),
        no_pathway=(IOP, PHP, INP),
        medications=("naltrexone",),
        sources=("treating-heroin-addiction: Standard outpatient treatment",),
    ),
    Vignette(
        "stable-recovery",
        "In recovery for over a year after treatment; used for 2 years before; wants to stay on track; "
        "safe home; no withdrawal.",
        answers(use_duration="1_to_5_years", relapse_history="treatment_then_relapse")
        | {"treatment_stage": "stable_recovery"},
        primary=SO,
        detox=None,
        pathway=(SO, SG, LTM),
        no_pathway=(IOP, PHP, INP),
        sources=("treating-heroin-addiction: Standard outpatient treatment", "passages-malibu: Long Term Management"),
    ),
    Vignette(
        "finished-detox-mild-withdrawal",
        "Weekly for 8 months, some impact; has just finished detox and still notices mild withdrawal signs "
        "when cravings hit; stopped alone once before; safe home; open to medication.",
        answers(use_duration="3_to_12_months", use_frequency="weekly", life_impact="some", withdrawal="mild",
                relapse_history="quit_alone_relapsed")
        | {"treatment_stage": "finished_detox", "medication_openness": "open"},
        primary=IOP,
        detox=None,  # detox is done; treatment after detox is the next step
        pathway=(IOP, SO, SG, LTM),
        no_pathway=(MED, OUT),
        flags=("overdose-risk",),
        medications=("naloxone", "naltrexone"),
        sources=("heroin-detox: Addiction Treatment after Detox",
                 "heroin-treatment-and-rehab: Medications Used for Heroin Treatment"),
    ),
    Vignette(
        "finished-inpatient-severe-withdrawal-answer",
        "Several times a day for 6 years; has finished inpatient rehab (detoxed there) and answers the "
        "withdrawal question with how bad it was: severe. Safe home.",
        answers(use_duration="over_5_years", use_frequency="several_times_daily", life_impact="most",
                withdrawal="severe") | {"treatment_stage": "finished_inpatient"},
        primary=PHP,
        detox=None,
        pathway=(PHP, IOP, SO, SG, LTM),
        no_pathway=(MED, OUT, INP),
        sources=("heroin-treatment-and-rehab: Types of Rehab for Heroin Addiction",
                 "treating-heroin-addiction: Outpatient heroin rehab"),
    ),
    # --- Safety ------------------------------------------------------------------------------
    Vignette(
        "overdose-once",
        "Weekly for 2 years, some impact, no withdrawal, never tried to stop, safe home; overdosed once last year.",
        answers(use_duration="1_to_5_years", use_frequency="weekly", life_impact="some")
        | {"overdose": "once"},
        primary=IOP,  # overdose history adds safety information; it does not change the level
        detox=None,
        pathway=(IOP, SO, SG, LTM),
        flags=("overdose-risk",),
        medications=("naloxone",),
        sources=("treating-heroin-addiction: Medications for recovery from heroin addiction",),
    ),
    Vignette(
        "overdose-repeated-prefers-no-medication",
        "Several times a day for over 5 years, severe withdrawal, stopped alone and relapsed, overdosed "
        "more than once; would rather not take medicine.",
        answers(use_duration="over_5_years", use_frequency="several_times_daily", life_impact="most",
                withdrawal="severe", relapse_history="quit_alone_relapsed")
        | {"overdose": "more_than_once", "medication_openness": "prefer_not"},
        primary=INP,
        detox=MED,
        pathway=(MED, INP, IOP, SO, SOBER, SG, LTM),
        flags=("overdose-risk", "medication-conflict"),
        medications=("naloxone",),  # naloxone is for whoever is nearby; still shown
        no_medications=("methadone", "buprenorphine", "naltrexone"),
        sources=("treating-heroin-addiction: Medications for recovery from heroin addiction",
                 "heroin-detox: How Well Do These Medications Work?"),
    ),
    # --- Mental and physical health ---------------------------------------------------------------
    Vignette(
        "mental-health-diagnosed",
        "Weekly for 6 months, little impact, mild withdrawal, never tried to stop, safe home; has a "
        "diagnosis of depression.",
        answers(use_duration="3_to_12_months", use_frequency="weekly", withdrawal="mild")
        | {"mental_health": "diagnosed_or_suspected"},
        primary=SO,
        detox=MED,
        pathway=(MED, SO, SG, LTM),
        flags=("dual-diagnosis",),
        support=("dual-diagnosis-treatment",),
        sources=("heroin-treatment-and-rehab: Paired Dual Diagnosis-Heroin Addiction Treatment",),
    ),
    Vignette(
        "mental-health-unsure",
        "Weekly for 6 months, little impact, mild withdrawal, never tried to stop, safe home; not sure "
        "whether anxiety is a condition.",
        answers(use_duration="3_to_12_months", use_frequency="weekly", withdrawal="mild")
        | {"mental_health": "unsure"},
        primary=SO,
        detox=OUT,
        pathway=(OUT, SO, SG, LTM),
        flags=("dual-diagnosis",),
        support=("dual-diagnosis-treatment",),
        sources=("heroin-treatment-and-rehab: Dual Diagnosis Treatments",),
    ),
    Vignette(
        "serious-physical-conditions",
        "Weekly for a few weeks, little impact, mild withdrawal, safe home; has liver disease and a "
        "serious infection.",
        answers(use_frequency="weekly", withdrawal="mild") | {"physical_health": "serious_conditions"},
        primary=IOP,
        detox=MED,
        pathway=(MED, IOP, SO, SG, LTM),
        sources=("webmd: Outpatient Heroin Treatment", "heroin-detox: Medical Detox"),
    ),
    # --- Circumstances and preferences: explained, never lowering the level ----------------------------
    Vignette(
        "caregiver-needs-inpatient",
        "Several times a day for 6 years, most of life, severe withdrawal; single parent caring for two children.",
        answers(use_duration="over_5_years", use_frequency="several_times_daily", life_impact="most",
                withdrawal="severe") | {"obligations": "caregiving"},
        primary=INP,
        detox=MED,
        pathway=(MED, INP, IOP, SO),
        flags=("obligations-conflict",),
        sources=("heroin-treatment-and-rehab: Types of Rehab for Heroin Addiction",),
    ),
    Vignette(
        "student-fits-outpatient",
        "Weekly for 2 years, some impact, no withdrawal, never tried to stop, safe home; a full-time student.",
        answers(use_duration="1_to_5_years", use_frequency="weekly", life_impact="some")
        | {"obligations": "work_or_school"},
        primary=IOP,
        detox=None,
        pathway=(IOP, SO, SG, LTM),
        no_flags=("obligations-conflict",),
        sources=("webmd: Outpatient Heroin Treatment",),
    ),
    Vignette(
        "very-limited-budget-needs-inpatient",
        "Daily for 3 years, some impact, mild withdrawal, lives with someone who uses; no money for "
        "treatment.",
        answers(use_duration="1_to_5_years", use_frequency="daily", life_impact="some", withdrawal="mild",
                home_environment="drug_use_at_home") | {"budget": "very_limited"},
        primary=INP,  # cost must not lower the safe level
        detox=MED,
        pathway=(MED, INP, IOP, SO, SOBER, SG, LTM),
        flags=("cost-concern",),
        sources=("heroin-treatment-and-rehab: 12-Step Programme for Heroin Addiction Treatment: Pros and Cons",
                 "heroin-treatment-and-rehab: Heroin Addiction and Health Insurance"),
    ),
    Vignette(
        "high-privacy-teacher",
        "Daily for 2 years, most of life, mild withdrawal, never tried to stop, safe home; a teacher who "
        "must keep treatment very private.",
        answers(use_duration="1_to_5_years", use_frequency="daily", life_impact="most", withdrawal="mild")
        | {"privacy": "high"},
        primary=PHP,
        detox=MED,
        pathway=(MED, PHP, IOP, SO, SG, LTM),
        flags=("privacy",),
        sources=("heroin-treatment-and-rehab: Private Heroin Rehabs and Confidentiality",),
    ),
    Vignette(
        "prefers-no-medication-repeated-relapses",
        "Weekly for 3 years, some impact, mild withdrawal, several rounds of treatment each followed by a "
        "return to use; safe home; would rather not take medicine.",
        answers(use_duration="1_to_5_years", use_frequency="weekly", life_impact="some", withdrawal="mild",
                relapse_history="repeated_treatment_relapses") | {"medication_openness": "prefer_not"},
        primary=INP,
        detox=MED,
        pathway=(MED, INP, IOP, SO, SOBER, SG, LTM),
        flags=("medication-conflict", "overdose-risk"),
        medications=("naloxone",),
        no_medications=("methadone", "buprenorphine", "naltrexone", "clonidine"),
        sources=("heroin-treatment-and-rehab: Medication Replacement: Programmes for Heroin Treatment Options",
                 "heroin-treatment-and-rehab: Pros and cons of using medication in heroin treatment"),
    ),
    Vignette(
        "family-member-answering",
        "A mother answering for her son: daily for 2 years, some impact, mild withdrawal, stopped alone and "
        "relapsed, lives at home with family.",
        answers(use_duration="1_to_5_years", use_frequency="daily", life_impact="some", withdrawal="mild",
                relapse_history="quit_alone_relapsed") | {"who": "family"},
        primary=PHP,
        detox=MED,
        pathway=(MED, PHP, IOP, SO, SG, LTM),
        support=("family-therapy",),
        sources=("webmd: Inpatient Heroin Treatment",),
    ),
    Vignette(
        "counsellor-answering-safe-home",
        "A counsellor answering with a client: weekly for 6 months, little impact, no withdrawal, safe home.",
        answers(use_duration="3_to_12_months", use_frequency="weekly") | {"who": "counsellor"},
        primary=SO,
        detox=None,
        pathway=(SO, SG, LTM),
        no_support=("family-therapy",),
        sources=("treating-heroin-addiction: Standard outpatient treatment",),
    ),
]


def is_subsequence(wanted, seq) -> bool:
    it = iter(seq)
    return all(item in it for item in wanted)


def test_enough_vignettes_with_unique_ids():
    ids = [v.id for v in VIGNETTES]
    assert len(ids) >= 24
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("vignette", VIGNETTES, ids=[v.id for v in VIGNETTES])
def test_vignette(vignette: Vignette):
    result = rules.recommend(rules.parse_answers(vignette.answers))
    context = f"{vignette.description}\n-> {result.as_dict() | {'reasons': '...'}}"

    assert result.primary == vignette.primary, context
    assert result.detox == vignette.detox, context
    assert is_subsequence(vignette.pathway, result.pathway), context
    assert not set(vignette.no_pathway) & set(result.pathway), context
    assert set(vignette.flags) <= set(result.flags), context
    assert not set(vignette.no_flags) & set(result.flags), context
    assert set(vignette.medications) <= set(result.medications), context
    assert not set(vignette.no_medications) & set(result.medications), context
    assert is_subsequence(vignette.medication_order, result.medications), context
    assert set(vignette.support) <= set(result.support), context
    assert not set(vignette.no_support) & set(result.support), context

    # Always true, whoever the person is.
    assert result.pathway[-1] == "long-term-management", context
    shown = {result.primary, result.detox, *result.pathway, *result.medications, *result.support}
    assert not shown & rules.NEVER_RECOMMENDED, context
    assert result.reasons_about(result.primary), context  # the level is explained


@pytest.mark.parametrize(
    "vignette",
    [v for v in VIGNETTES if v.answers.get("budget") or v.answers.get("obligations") or v.answers.get("privacy")],
    ids=lambda v: v.id,
)
def test_circumstances_do_not_move_the_level(vignette: Vignette):
    """Budget, obligations and privacy are explained; the safe level and detox stay the same without them."""
    plain = {k: v for k, v in vignette.answers.items() if k not in ("budget", "obligations", "privacy")}
    with_circumstances = rules.recommend(rules.parse_answers(vignette.answers))
    without = rules.recommend(rules.parse_answers(plain))
    assert (with_circumstances.primary, with_circumstances.detox) == (without.primary, without.detox)
