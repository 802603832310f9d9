"""Vignettes: severity, home environment and relapse history."""
from .vignettes import INP, IOP, LTM, MED, OUT, PHP, RES, SG, SO, SOBER, Vignette, answers  # noqa: F401

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
        primary=RES,  # issue 12, principle 2: inpatient rehab is for care around the clock or when lower levels have not helped
        detox=MED,
        pathway=(MED, RES, IOP, SO, SOBER, SG, LTM),
        where_to_live=RES,
        flags=("overdose-risk",),
        medications=("naloxone", "methadone", "buprenorphine", "clonidine"),
        no_medications=("naltrexone",),  # detox not done yet
        medication_order=("buprenorphine", "methadone"),  # issue 15: first-line whatever the severity
        sources=("webmd: Inpatient Heroin Treatment", "heroin-treatment-and-rehab: Types of Rehab for Heroin Addiction", "heroin-detox: How Well Do These Medications Work?"),
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
        medication_order=("buprenorphine", "methadone"),  # issue 15: first-line whatever the severity
        sources=("heroin-detox: How Well Do These Medications Work?", "nice-ta114-2007: 1 Guidance"),
    ),
    Vignette(
        "daily-two-years-not-heavy",
        "Once a day for 2 years, some impact, mild withdrawal, safe home, never tried to stop; open to "
        "medication.",
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
        primary=IOP,  # issue 12, principle 2: an unsafe home changes where to live, not the medical care
        detox=MED,
        pathway=(MED, IOP, SO, SOBER, SG, LTM),
        no_pathway=(INP, RES, PHP),
        where_to_live=SOBER,
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
        medication_order=("buprenorphine", "methadone"),  # issue 15: heavy use does not demote buprenorphine
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
        primary=IOP,  # issue 12, principle 2: a safer place to live, beside outpatient care
        detox=MED,
        pathway=(MED, IOP, SO, SOBER, SG, LTM),
        no_pathway=(INP, RES),
        where_to_live=SOBER,
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
        primary=RES,  # issue 12, principle 4: two steps up from PHP, never on its own to inpatient
        detox=MED,
        pathway=(MED, RES, IOP, SO, SOBER, SG, LTM),
        no_pathway=(INP,),
        flags=("overdose-risk",),
        medications=("naloxone", "methadone", "buprenorphine"),
        sources=("webmd: Inpatient Heroin Treatment",
                 "heroin-treatment-and-rehab: Medication Replacement: Programmes for Heroin Treatment Options"),
    ),
]
