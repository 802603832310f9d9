"""Vignettes for issue 12's principles 2 to 5: how much care and where to live are two
questions; five levels; a return to use raises support, not medical intensity; the current
state decides whether a step down applies. The first four are the cases the issue found wrong."""
from .vignettes import INP, IOP, LTM, MED, OUT, PHP, RES, SG, SO, SOBER, Vignette, answers  # noqa: F401

STEP_DOWN_SOURCES = ("treating-heroin-addiction: Outpatient heroin rehab",)
RESIDENTIAL_SOURCES = ("heroin-treatment-and-rehab: Types of Rehab for Heroin Addiction",)

VIGNETTES = [
    Vignette(
        "heavy-relapse-after-iop-not-capped",
        "Finished an intensive outpatient programme, then went back to using several times a day; 3 years of "
        "use, days built around it, two overdoses, someone at home uses. The step down does not apply: "
        "assessed as starting, after treatment that has not yet helped.",
        answers(use_duration="1_to_5_years", use_frequency="several_times_daily", life_impact="most",
                withdrawal="severe", home_environment="drug_use_at_home")
        | {"treatment_stage": "finished_iop", "overdose": "more_than_once", "last_use": "today_or_yesterday"},
        primary=INP,
        detox=MED,
        pathway=(MED, INP, IOP, SO, SOBER, SG, LTM),
        flags=("overdose-risk",),
        no_flags=("step-down-check",),
        medications=("naloxone", "methadone", "buprenorphine"),
        no_medications=("naltrexone",),
        where_to_live=INP,
        sources=("webmd: Inpatient Heroin Treatment", "heroin-detox: Why is treatment needed?"),
    ),
    Vignette(
        "occasional-use-drugs-at-home",
        "Less than weekly for under 3 months, no withdrawal, little impact, never tried to stop; someone at "
        "home uses drugs. A safer place to live beside outpatient care, not inpatient rehab; no methadone "
        "without physical dependence; naloxone still.",
        answers(home_environment="drug_use_at_home"),
        primary=IOP,
        detox=None,
        pathway=(IOP, SO, SOBER, SG, LTM),
        no_pathway=(PHP, RES, INP),
        medications=("naloxone",),
        no_medications=("methadone", "buprenorphine", "naltrexone"),
        where_to_live=SOBER,
        sources=("webmd: Outpatient Heroin Treatment", "passages-malibu: Post Rehab"),
    ),
    Vignette(
        "one-relapse-after-treatment-otherwise-mild",
        "Weekly for 6 months, little impact, mild withdrawal, safe home; had treatment once and went back to "
        "use. One step more support than the answers alone (IOP), and no medical detox for the relapse alone.",
        answers(use_duration="3_to_12_months", use_frequency="weekly", withdrawal="mild",
                relapse_history="treatment_then_relapse"),
        primary=IOP,
        detox=OUT,
        pathway=(OUT, IOP, SO, SG, LTM),
        no_pathway=(PHP, RES, INP, MED),
        where_to_live="home",
        sources=("treating-heroin-addiction: Intensive outpatient programs (IOP)",
                 "heroin-treatment-and-rehab: Detoxification: The First Step of Heroin Addiction Treatment"),
    ),
    Vignette(
        "finished-php-using-daily-again",
        "Finished a partial hospitalization programme but uses every day again (last used yesterday); 3 years "
        "of use, days built around it, safe home. Assessed as starting, with a return to use after treatment: "
        "one step above PHP.",
        answers(use_duration="1_to_5_years", use_frequency="daily", life_impact="most", withdrawal="mild")
        | {"treatment_stage": "finished_php", "last_use": "today_or_yesterday"},
        primary=RES,
        detox=MED,
        pathway=(MED, RES, IOP, SO, SOBER, SG, LTM),
        no_flags=("step-down-check",),
        no_medications=("naltrexone",),
        where_to_live=RES,
        sources=RESIDENTIAL_SOURCES + ("heroin-detox: Why is treatment needed?",),
    ),
    Vignette(
        "finished-iop-weekly-use-last-use-unknown",
        "Finished an intensive outpatient programme; answers weekly use and skips when they last used. An "
        "unknown last use does not on its own stop the step down to standard outpatient care.",
        answers(use_duration="1_to_5_years", use_frequency="weekly", life_impact="some")
        | {"treatment_stage": "finished_iop"},
        primary=SO,
        detox=None,
        pathway=(SO, SG, LTM),
        no_medications=("naltrexone",),  # unknown last use never allows it
        sources=STEP_DOWN_SOURCES,
    ),
    Vignette(
        "finished-iop-weekly-use-last-week",
        "Finished an intensive outpatient programme, but used in the last few days and uses weekly again; "
        "safe home. Assessed afresh with a return to use after treatment: more than standard outpatient care.",
        answers(use_duration="1_to_5_years", use_frequency="weekly", life_impact="some")
        | {"treatment_stage": "finished_iop", "last_use": "2_to_7_days"},
        primary=PHP,
        detox=None,
        pathway=(PHP, IOP, SO, SG, LTM),
        no_flags=("step-down-check",),
        sources=("heroin-detox: Why is treatment needed?",),
    ),
    Vignette(
        "under-18-unsafe-home-residential",
        "A 16-year-old using less than weekly for a few months, no withdrawal; someone at home uses drugs. No "
        "adult sober living home: residential care for young people, with the family involved.",
        answers(home_environment="drug_use_at_home") | {"age_group": "under_18"},
        primary=RES,
        detox=None,
        pathway=(RES, IOP, SO, SG, LTM),
        no_pathway=(SOBER, INP),
        flags=("adolescent-services",),
        support=("family-therapy",),
        where_to_live=RES,
        sources=RESIDENTIAL_SOURCES,
    ),
    Vignette(
        "serious-illness-and-strong-withdrawal-inpatient",
        "Daily for 2 years, some impact, strong withdrawal and a serious heart condition; safe home. Care "
        "around the clock for medical reasons: inpatient rehab with a medical detox.",
        answers(use_duration="1_to_5_years", use_frequency="daily", life_impact="some", withdrawal="severe")
        | {"physical_health": "serious_conditions"},
        primary=INP,
        detox=MED,
        pathway=(MED, INP, IOP, SO, SG, LTM),
        where_to_live=INP,
        sources=("heroin-detox: Medical Detox", "webmd: Inpatient Heroin Treatment"),
    ),
    Vignette(
        "php-level-care-unstable-housing-residential",
        "Daily for 3 years, some impact, mild withdrawal, no steady place to live. Care on most days, but no "
        "home to go back to each night: residential treatment.",
        answers(use_duration="1_to_5_years", use_frequency="daily", life_impact="some", withdrawal="mild",
                home_environment="unstable_housing"),
        primary=RES,
        detox=MED,
        pathway=(MED, RES, IOP, SO, SOBER, SG, LTM),
        no_pathway=(INP,),
        where_to_live=RES,
        sources=RESIDENTIAL_SOURCES,
    ),
]
