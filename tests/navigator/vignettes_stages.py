"""Vignettes: treatment stage, safety, health, and circumstances and preferences."""
from .vignettes import INP, IOP, LTM, MED, OUT, PHP, RES, SG, SO, SOBER, Vignette, answers  # noqa: F401

VIGNETTES = [
    # --- Treatment stage: the step-downs -------------------------------------------------------
    Vignette(
        "finished-inpatient-step-down-to-php",
        "Several times a day for 7 years, repeated relapses; has just finished a 60-day inpatient stay "
        "(detox done there), no opioids since, no withdrawal now, safe home, open to medication.",
        answers(use_duration="over_5_years", use_frequency="several_times_daily", life_impact="most",
                relapse_history="repeated_treatment_relapses")
        | {"treatment_stage": "finished_inpatient", "medication_openness": "open", "last_use": "over_30_days"},
        primary=PHP,
        detox=None,
        pathway=(PHP, IOP, SO, SG, LTM),
        no_pathway=(INP, MED, OUT),
        flags=("step-down-check", "overdose-risk"),  # loss of tolerance after a stay
        medications=("naloxone", "naltrexone", "methadone", "buprenorphine"),
        medication_order=("buprenorphine", "methadone"),  # issue 15: first-line whatever the severity
        sources=("treating-heroin-addiction: Partial hospitalization programs (PHP)",
                 "treating-heroin-addiction: Outpatient heroin rehab"),
    ),
    Vignette(
        "finished-inpatient-step-down-to-iop",
        "A few months of occasional use, finished a short inpatient stay two weeks ago and has not used since, "
        "no withdrawal, safe home.",
        answers(use_duration="3_to_12_months") | {"treatment_stage": "finished_inpatient", "last_use": "8_to_30_days"},
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
        "a partial hospitalization programme and last used more than 30 days ago; no withdrawal; safe home. "
        "(Issue 12, principle 5: last_use added, since the step down applies only when not using now.)",
        answers(use_duration="1_to_5_years", use_frequency="daily", life_impact="most",
                relapse_history="treatment_then_relapse") | {"treatment_stage": "finished_php", "last_use": "over_30_days"},
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
        "programme and has not used for two months; no withdrawal; safe home.",
        answers(use_duration="1_to_5_years", use_frequency="weekly", life_impact="some",
                relapse_history="quit_alone_relapsed") | {"treatment_stage": "finished_iop", "last_use": "over_30_days"},
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
        # Changed by the rule that naltrexone needs 8 or more opioid-free days given in last_use: here they
        # are not given (and "just finished detox" suggests fewer), so naltrexone is not offered yet.
        medications=("naloxone", "buprenorphine", "methadone"),
        no_medications=("naltrexone",),
        sources=("heroin-detox: Addiction Treatment after Detox",
                 "heroin-treatment-and-rehab: Medications Used for Heroin Treatment"),
    ),
    Vignette(
        "finished-inpatient-severe-withdrawal-answer",
        "Several times a day for 6 years; has finished inpatient rehab (detoxed there, last used 8 to 30 days "
        "ago) and answers the withdrawal question with how bad it was: severe. Safe home. (Issue 12, principle 5: "
        "last_use added, since the step down applies only when not using now.)",
        answers(use_duration="over_5_years", use_frequency="several_times_daily", life_impact="most",
                withdrawal="severe") | {"treatment_stage": "finished_inpatient", "last_use": "8_to_30_days"},
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
        primary=RES,  # issue 12, principle 2: inpatient rehab is for care around the clock or when lower levels have not helped
        detox=MED,
        pathway=(MED, RES, IOP, SO, SOBER, SG, LTM),
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
        primary=IOP,  # issue 12, principle 2: mental health is part of the medical need
        detox=MED,
        pathway=(MED, IOP, SO, SG, LTM),
        where_to_live="home",
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
        "caregiver-needs-residential",
        "Several times a day for 6 years, most of life, severe withdrawal; single parent caring for two children.",
        answers(use_duration="over_5_years", use_frequency="several_times_daily", life_impact="most",
                withdrawal="severe") | {"obligations": "caregiving"},
        primary=RES,  # issue 12, principle 2: inpatient rehab is for care around the clock or when lower levels have not helped
        detox=MED,
        pathway=(MED, RES, IOP, SO),
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
        "very-limited-budget-needs-residential",
        "Daily for 3 years, some impact, mild withdrawal, lives with someone who uses; no money for "
        "treatment.",
        answers(use_duration="1_to_5_years", use_frequency="daily", life_impact="some", withdrawal="mild",
                home_environment="drug_use_at_home") | {"budget": "very_limited"},
        primary=RES,  # cost must not lower the safe level; PHP-level care without a safe home (issue 12, principle 2)
        detox=MED,
        pathway=(MED, RES, IOP, SO, SOBER, SG, LTM),
        where_to_live=RES,
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
        primary=RES,  # issue 12, principle 4: two steps up from IOP, never on its own to inpatient
        detox=MED,
        pathway=(MED, RES, IOP, SO, SOBER, SG, LTM),
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
