"""Vignettes: medication safety, danger first, and alcohol or sedatives, pregnancy and a recent overdose."""
from .vignettes import LTM, MED, OUT, SO, Vignette, answers

VIGNETTES = [
    # --- Medication safety: what the person takes now, and how long since they last used ----------
    Vignette(
        "finished-detox-but-using-again-no-naltrexone",
        "Finished detox last month but uses several times a day again, last used today; open to medication.",
        answers(use_duration="1_to_5_years", use_frequency="several_times_daily", life_impact="most",
                relapse_history="treatment_then_relapse")
        | {"treatment_stage": "finished_detox", "last_use": "today_or_yesterday", "medication_openness": "open"},
        primary=None,  # the level is not what this vignette checks
        detox=None,
        pathway=(LTM,),
        flags=("overdose-risk",),
        medications=("naloxone", "methadone", "buprenorphine"),
        no_medications=("naltrexone",),  # naltrexone now would bring on withdrawal
        sources=("heroin-treatment-and-rehab: Medications Used for Heroin Treatment",),
    ),
    Vignette(
        "stable-on-methadone-keeps-it",
        "Has taken methadone for two years and is stable; uses heroin now and then; mild withdrawal if a dose "
        "is late; long history; no treatment stage given.",
        answers(use_duration="over_5_years", use_frequency="weekly", withdrawal="mild", life_impact="some")
        | {"current_medication": "methadone"},
        primary=None,  # the level is not what this vignette checks
        detox=None,  # never a detox off methadone: tolerance would be lost
        pathway=(LTM,),
        no_pathway=(MED, OUT),
        flags=("continue-current-medication",),
        medications=("naloxone", "methadone"),
        no_medications=("naltrexone", "buprenorphine", "clonidine"),
        sources=("heroin-detox: How Well Do These Medications Work?",),
    ),
    Vignette(
        "on-buprenorphine-opioid-free-no-naltrexone",
        "On buprenorphine after an intensive outpatient programme, no heroin for two months; open to medication.",
        answers(use_duration="1_to_5_years", use_frequency="daily", life_impact="some")
        | {"treatment_stage": "finished_iop", "current_medication": "buprenorphine", "last_use": "over_30_days",
           "medication_openness": "open"},
        primary=None,  # the level is not what this vignette checks
        detox=None,
        pathway=(LTM,),
        flags=("continue-current-medication",),
        medications=("naloxone", "buprenorphine"),
        no_medications=("naltrexone", "methadone"),  # never naltrexone beside buprenorphine
        sources=("heroin-treatment-and-rehab: Medications Used for Heroin Treatment",),
    ),
    Vignette(
        "several-times-daily-never-overdosed-gets-naloxone",
        "Uses several times a day for a year; has never overdosed; not sure about medication.",
        answers(use_duration="3_to_12_months", use_frequency="several_times_daily", withdrawal="mild"),
        primary=None,  # the level is not what this vignette checks
        detox=OUT,
        pathway=(OUT, LTM),
        flags=("overdose-risk",),
        medications=("naloxone", "methadone", "buprenorphine"),
        medication_order=("buprenorphine", "methadone"),  # issue 15: first-line whatever the severity
        sources=("samhsa-overdose-toolkit: Responding to an overdose",),
    ),
    Vignette(
        "occasional-use-no-dependence-no-methadone",
        "A few weeks of use, less than weekly, no withdrawal; open to medication.",
        answers() | {"medication_openness": "open"},
        primary=None,  # the level is not what this vignette checks
        detox=None,
        pathway=(LTM,),
        medications=("naloxone",),  # naloxone is for everyone
        no_medications=("methadone", "buprenorphine", "naltrexone"),
        sources=("heroin-detox: How Well Do These Medications Work?",),
    ),
    Vignette(
        "stopped-alone-a-month-ago-naltrexone-possible",
        "Used daily for two years, stopped alone and has not used for five weeks; no withdrawal now; open.",
        answers(use_duration="1_to_5_years", use_frequency="daily", life_impact="some",
                relapse_history="quit_alone_relapsed") | {"last_use": "over_30_days", "medication_openness": "open"},
        primary=None,  # the level is not what this vignette checks
        detox=None,
        pathway=(LTM,),
        medications=("naloxone", "naltrexone", "buprenorphine", "methadone"),
        sources=("heroin-treatment-and-rehab: Medications Used for Heroin Treatment",),
    ),
    # --- Danger first ----------------------------------------------------------------------------
    Vignette(
        "suicidal-thoughts-now-crisis-first",
        "Uses daily, severe withdrawal, and says the thoughts of ending their life are there now.",
        answers(use_duration="1_to_5_years", use_frequency="daily", withdrawal="severe", life_impact="some")
        | {"suicidal_thoughts": "now"},
        primary=None,  # the level is not what this vignette checks
        detox=MED,
        pathway=(MED, LTM),
        flags=("crisis-now", "dual-diagnosis"),
        no_flags=("seek-medical-care-now",),
        support=("dual-diagnosis-treatment",),
        sources=("988-lifeline: Call, text or chat 988",),
    ),
    Vignette(
        "red-swollen-wound-sees-a-doctor-today",
        "Injects several times a day; has a fever and a red, hot, swelling arm.",
        answers(use_duration="1_to_5_years", use_frequency="several_times_daily", withdrawal="mild")
        | {"urgent_symptoms": "present"},
        primary=None,  # the level is not what this vignette checks
        detox=MED,
        pathway=(MED, LTM),
        flags=("seek-medical-care-now", "overdose-risk"),
        no_flags=("crisis-now",),
        medications=("naloxone",),
        sources=("nhs-when-to-go-to-ae: When to go to A&E",),
    ),
    Vignette(
        "suicidal-thoughts-in-the-past-mental-health-care",
        "Mild, recent use; had thoughts of ending their life last year, not now.",
        answers() | {"suicidal_thoughts": "past"},
        primary=SO,
        detox=None,
        pathway=(SO, LTM),
        flags=("dual-diagnosis",),
        no_flags=("crisis-now",),
        support=("dual-diagnosis-treatment",),
        sources=("heroin-treatment-and-rehab: Paired Dual Diagnosis-Heroin Addiction Treatment",),
    ),
    # --- Alcohol or sedatives, pregnancy, a recent overdose ----------------------------------------
    Vignette(
        "daily-benzodiazepines-medical-detox",
        "Weekly heroin for a few months, no opioid withdrawal, but takes diazepam every day.",
        answers(use_duration="3_to_12_months", use_frequency="weekly") | {"alcohol_or_sedatives": "benzodiazepines_or_sedatives"},
        primary=None,  # the level is not what this vignette checks
        detox=MED,  # never outpatient: sedative withdrawal can cause seizures
        pathway=(MED, LTM),
        flags=("sedative-withdrawal-risk",),
        sources=("samhsa-tip-45: Sedative-Hypnotics",),
    ),
    Vignette(
        "pregnant-and-dependent-medication-not-detox",
        "Pregnant, uses daily for two years with withdrawal, last used yesterday; open to medication.",
        answers(use_duration="1_to_5_years", use_frequency="daily", withdrawal="severe", life_impact="some")
        | {"pregnant": "yes", "last_use": "today_or_yesterday", "medication_openness": "open"},
        primary=None,  # the level is not what this vignette checks
        detox=None,  # methadone or buprenorphine rather than a detox
        pathway=(LTM,),
        no_pathway=(MED, OUT),
        flags=("pregnancy-priority",),
        medications=("naloxone", "methadone", "buprenorphine"),
        no_medications=("naltrexone",),
        sources=("samhsa-pregnancy-guidance-2018: Prenatal Care",),
    ),
    Vignette(
        "recent-overdose-prefers-no-medication",
        "Overdosed last month; uses daily; does not want medication.",
        answers(use_duration="1_to_5_years", use_frequency="daily", withdrawal="mild")
        | {"recent_overdose": "last_3_months", "medication_openness": "prefer_not"},
        primary=None,  # the level is not what this vignette checks
        detox=MED,
        pathway=(MED, LTM),
        flags=("post-overdose-urgent", "overdose-risk", "medication-conflict"),
        medications=("naloxone",),
        sources=("samhsa-tip-63: Overview of Medications for Opioid Use Disorder",),
    ),
    # --- Age, injecting, chronic pain --------------------------------------------------------------
    Vignette(
        "under-18-no-adult-sober-living",
        "Sixteen; uses weekly for a few months; drugs are used at home.",
        answers(use_duration="3_to_12_months", use_frequency="weekly", home_environment="drug_use_at_home")
        | {"age_group": "under_18"},
        primary=None,  # the level is not what this vignette checks
        detox=None,
        pathway=(LTM,),
        no_pathway=("sober-living",),  # adult sober-living homes are not for under-18s
        flags=("adolescent-services",),
        support=("family-therapy",),
        sources=("nida-adolescent-principles-2014: Principles of Adolescent Substance Use Disorder Treatment",),
    ),
    Vignette(
        "injects-now-infection-screening",
        "Injects daily; no wound problems now.",
        answers(use_duration="1_to_5_years", use_frequency="daily", withdrawal="mild") | {"injecting": "current"},
        primary=None,  # the level is not what this vignette checks
        detox=MED,
        pathway=(MED, LTM),
        flags=("infection-screening", "overdose-risk"),
        medications=("naloxone",),
        sources=("cdc-injection-drug-use: Testing",),
    ),
    Vignette(
        "chronic-pain-care-coordinated",
        "Started on prescribed painkillers for back pain, now buys opioids weekly; the pain goes on.",
        answers(use_duration="1_to_5_years", use_frequency="weekly") | {"chronic_pain": "yes"},
        primary=None,  # the level is not what this vignette checks
        detox=None,
        pathway=(LTM,),
        flags=("pain-care-coordination",),
        sources=("samhsa-tip-63: Overview of Medications for Opioid Use Disorder",),
    ),
    # --- Safety answers together -----------------------------------------------------------------
    Vignette(
        "on-methadone-with-daily-benzodiazepines",
        "Stable on methadone, but also takes benzodiazepines every day.",
        answers(use_duration="over_5_years", use_frequency="weekly", withdrawal="mild")
        | {"current_medication": "methadone", "alcohol_or_sedatives": "benzodiazepines_or_sedatives"},
        primary=None,  # the level is not what this vignette checks
        detox=None,  # never a detox off methadone; the sedatives are for the prescriber to manage
        pathway=(LTM,),
        flags=("sedative-withdrawal-risk", "continue-current-medication"),
        medications=("naloxone", "methadone"),
        no_medications=("naltrexone",),
        sources=("fda-opioid-benzodiazepine-2017: Safety Announcement",),
    ),
    Vignette(
        "maybe-pregnant-opioid-free-no-naltrexone",
        "Not sure whether she is pregnant; used weekly, not for five weeks now; open to medication.",
        answers(use_duration="3_to_12_months", use_frequency="weekly")
        | {"pregnant": "unsure", "last_use": "over_30_days", "medication_openness": "open"},
        primary=None,  # the level is not what this vignette checks
        detox=None,
        pathway=(LTM,),
        flags=("pregnancy-priority",),
        medications=("naloxone",),
        no_medications=("naltrexone",),  # "not sure" counts as pregnant: no naltrexone start
        sources=("samhsa-pregnancy-guidance-2018: Prenatal Care",),
    ),
    Vignette(
        "under-18-with-thoughts-of-suicide-now",
        "Fifteen, uses weekly, home is stressful, and has thoughts of ending their life now.",
        answers(use_duration="3_to_12_months", use_frequency="weekly", home_environment="stressful")
        | {"age_group": "under_18", "suicidal_thoughts": "now", "who": "family"},
        primary=None,  # the level is not what this vignette checks
        detox=None,
        pathway=(LTM,),
        no_pathway=("sober-living",),
        flags=("crisis-now", "adolescent-services", "dual-diagnosis"),
        support=("family-therapy", "dual-diagnosis-treatment"),
        sources=("988-lifeline: Call, text or chat 988", "nida-adolescent-principles-2014: Principles of Adolescent Substance "
                 "Use Disorder Treatment"),
    ),
    Vignette(
        "injected-in-the-past-stable-recovery",
        "In recovery for over a year; injected in the past.",
        answers(use_duration="1_to_5_years", relapse_history="treatment_then_relapse")
        | {"treatment_stage": "stable_recovery", "injecting": "past"},
        primary=SO,
        detox=None,
        pathway=(SO, LTM),
        flags=("infection-screening", "overdose-risk"),
        medications=("naloxone",),
        sources=("cdc-injection-drug-use: Testing",),
    ),
]
