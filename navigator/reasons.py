"""Levels of care, and the reasons a result gives, each citing the sources behind it."""
from __future__ import annotations

from functools import cache
from types import MappingProxyType
from typing import NamedTuple


# Levels of care, least to most intensive. Their index is the "level".
# Residential treatment (source 004): living at the centre, with medical and mental health care
# on hand, while still going out to work or school. Inpatient rehab: care around the clock.
LEVELS = (
    "standard-outpatient", "intensive-outpatient", "partial-hospitalization", "residential-treatment",
    "inpatient-rehab",
)
STANDARD_OUTPATIENT, INTENSIVE_OUTPATIENT, PARTIAL_HOSPITALIZATION, RESIDENTIAL, INPATIENT = range(5)
# Detox choices, least to most supervised.
DETOX_CHOICES = (None, "outpatient-detox", "medical-detox")
NEVER_RECOMMENDED = frozenset({"rapid-detox", "anesthesia-assisted-rapid-detox", "ibogaine"})
# Every option slug a recommendation can name. Editors may not rename these (see
# TreatmentOption.clean), or results would point at options that no longer exist.
RECOMMENDABLE_SLUGS = frozenset(
    LEVELS
    + ("outpatient-detox", "medical-detox", "sober-living", "support-groups", "long-term-management")
    + ("cognitive-behavioral-therapy", "family-therapy", "dual-diagnosis-treatment")
    + ("naloxone", "methadone", "buprenorphine", "naltrexone", "clonidine")
)


# Where each reason comes from: (source key, section heading), as in fixtures/01_sources.json.
CITES = MappingProxyType(
    {
        "inpatient_for_severe": ("webmd", "Inpatient Heroin Treatment"),
        "outpatient_needs_safe_home": ("webmd", "Outpatient Heroin Treatment"),
        "outpatient_environment": ("passages-malibu", "Outpatient Treatment"),
        "inpatient_removes_environment": ("passages-malibu", "Inpatient Rehab"),
        "long_term_use_inpatient": ("heroin-treatment-and-rehab", "Outpatient Addiction Treatment Programme"),
        "faq": ("heroin-treatment-and-rehab", "Frequently Asked Questions"),
        "remove_influences": ("heroin-treatment-and-rehab", "Inpatient Rehab for Heroin Abuse"),
        "php": ("treating-heroin-addiction", "Partial hospitalization programs (PHP)"),
        "iop": ("treating-heroin-addiction", "Intensive outpatient programs (IOP)"),
        "standard_outpatient": ("treating-heroin-addiction", "Standard outpatient treatment"),
        "outpatient_after_inpatient": ("treating-heroin-addiction", "Outpatient heroin rehab"),
        "detox_types": ("heroin-treatment-and-rehab", "Detoxification: The First Step of Heroin Addiction Treatment"),
        "medical_detox": ("heroin-detox", "Medical Detox"),
        "treatment_after_detox": ("heroin-detox", "Addiction Treatment after Detox"),
        "stay_in_treatment": ("heroin-detox", "Why is treatment needed?"),
        "medication_replacement": (
            "heroin-treatment-and-rehab",
            "Medication Replacement: Programmes for Heroin Treatment Options",
        ),
        "medications_work": ("heroin-detox", "How Well Do These Medications Work?"),
        "first_choices": ("samhsa-tip-63", "Overview of Medications for Opioid Use Disorder"),
        "first_choices_uk": ("nice-ta114-2007", "1 Guidance"),
        "medications_used": ("heroin-treatment-and-rehab", "Medications Used for Heroin Treatment"),
        "medications_list": ("treating-heroin-addiction", "Medications for recovery from heroin addiction"),
        "medication_pros_cons": ("heroin-treatment-and-rehab", "Pros and cons of using medication in heroin treatment"),
        "dual_diagnosis": ("heroin-treatment-and-rehab", "Paired Dual Diagnosis-Heroin Addiction Treatment"),
        "dual_diagnosis_defined": ("heroin-treatment-and-rehab", "Dual Diagnosis Treatments"),
        "sober_living": ("passages-malibu", "Post Rehab"),
        "long_term": ("passages-malibu", "Long Term Management"),
        "support_groups": ("treating-heroin-addiction", "Support groups for heroin recovery"),
        "twelve_step_cost": ("heroin-treatment-and-rehab", "12-Step Programme for Heroin Addiction Treatment: Pros and Cons"),
        "insurance": ("heroin-treatment-and-rehab", "Heroin Addiction and Health Insurance"),
        "confidentiality": ("heroin-treatment-and-rehab", "Private Heroin Rehabs and Confidentiality"),
        "treatment_away": ("heroin-treatment-and-rehab", "Treatment Near Home vs. Different City or State"),
        "residential_defined": ("heroin-treatment-and-rehab", "Types of Rehab for Heroin Addiction"),
        "loss_of_tolerance": ("samhsa-overdose-toolkit", "Overdose risk factors"),
        "overdose_response": ("samhsa-overdose-toolkit", "Responding to an overdose"),
        "behavioural_therapy": ("heroin-treatment-and-rehab", "How is Heroin Addiction Treated?"),
        "licensed_professional": ("treating-heroin-addiction", "Treating heroin addiction"),
        # Each number cited to its operator's own page.
        "line_911": ("us-911", "Calling 911"),
        "line_988": ("988-lifeline", "Call, text or chat 988"),
        "samhsa_helpline": ("samhsa-national-helpline", "Frequently asked questions"),
        "line_999": ("nhs-999", "When to call 999"),
        "nhs_111": ("nhs-111", "When to use NHS 111"),
        "samaritans": ("samaritans", "Call us on 116 123"),
        "line_112": ("eu-112", "112 in the EU"),
        "nhs_drug_services": ("nhs-drug-addiction-help", "Where to get help"),
        "emergency_symptoms": ("nhs-when-to-go-to-ae", "When to go to A&E"),
        "sedative_withdrawal": ("samhsa-tip-45", "Sedative-Hypnotics"),
        "opioids_with_benzodiazepines": ("fda-opioid-benzodiazepine-2017", "Safety Announcement"),
        "pregnancy_treatment": ("samhsa-pregnancy-guidance-2018", "Prenatal Care"),
        "after_overdose": ("samhsa-tip-63", "Overview of Medications for Opioid Use Disorder"),
        "adolescent_treatment": ("nida-adolescent-principles-2014", "Principles of Adolescent Substance Use Disorder Treatment"),
        "injection_infections": ("cdc-injection-drug-use", "Testing"),
    }
)


class Reason(NamedTuple):
    """One reason on a result. A named tuple rather than a frozen dataclass: a result page
    builds about sixteen and looks each one up, and tuples do both in C."""

    text: str
    because: tuple[str, ...]
    sources: tuple[tuple[str, str], ...]
    about: str = ""  # the slug or flag this reason explains; "" for the whole result

    def as_dict(self) -> dict:
        return {
            "text": self.text,
            "because": list(self.because),
            "sources": [f"{key}: {section}" for key, section in self.sources],
        }


@cache  # nearly every reason on a result is one of a few dozen: each is built once and reused
def reason(text: str, because: tuple[str, ...], cites: tuple[str, ...], about: str = "") -> Reason:
    """A Reason citing the sources named in CITES."""
    return Reason(text, because, tuple(CITES[name] for name in cites), about)


class Draft:
    """What the rule steps below add up to: flags, and the reasons for every item."""

    def __init__(self):
        self.reasons: list[Reason] = []
        self.flags: list[str] = []


# Why a level was chosen: the text and the CITES names behind it, per minimum and level.
LEVEL_REASONS = {
    "severity": {
        STANDARD_OUTPATIENT: (
            "Use that is recent, not daily and not at the centre of life can often be treated with outpatient care.",
            ("faq", "standard_outpatient"),
        ),
        INTENSIVE_OUTPATIENT: (
            "The length, frequency and impact of use point to more support than a weekly session.",
            ("long_term_use_inpatient", "iop"),
        ),
        PARTIAL_HOSPITALIZATION: (
            "Long or frequent use that shapes daily life calls for a high level of care, most days of the week.",
            ("php", "long_term_use_inpatient"),
        ),
        RESIDENTIAL: (
            "Long, heavy use that much of life revolves around is what the sources call the most severe. Living "
            "at a treatment centre, with medical and mental health care on hand, suits it.",
            ("inpatient_for_severe", "long_term_use_inpatient", "residential_defined"),
        ),
    },
    "withdrawal": {
        INTENSIVE_OUTPATIENT: (
            "Severe withdrawal needs supervised detox and then structured care while the body adjusts.",
            ("detox_types", "treatment_after_detox"),
        ),
    },
    "alcohol_or_sedatives": {
        INTENSIVE_OUTPATIENT: (
            "Daily alcohol or sedatives beside opioids need closer care than a weekly session, with a doctor "
            "overseeing how they are stopped.",
            ("sedative_withdrawal", "opioids_with_benzodiazepines"),
        ),
    },
    "physical_health": {
        INTENSIVE_OUTPATIENT: (
            "Serious physical health problems need medical care alongside treatment for opioid use.",
            ("outpatient_needs_safe_home", "remove_influences"),
        ),
    },
    "mental_health": {
        INTENSIVE_OUTPATIENT: (
            "A mental health condition beside opioid use needs care for both at once, more than a weekly session.",
            ("dual_diagnosis", "dual_diagnosis_defined"),
        ),
    },
    "pregnant": {
        INTENSIVE_OUTPATIENT: (
            "In pregnancy, care is closer: treatment for opioid use goes together with care for the pregnancy.",
            ("pregnancy_treatment",),
        ),
    },
    "suicidal_thoughts": {
        INPATIENT: (
            "Thoughts of suicide now come first: get the help above today. After that, care around the clock, "
            "where mental health and opioid use are treated together, is the safe place to start.",
            ("dual_diagnosis", "inpatient_for_severe", "line_988"),
        ),
    },
    "home_environment": {
        INTENSIVE_OUTPATIENT: (
            "A home that is stressful or not safe keeps up the pressures behind use, so care should be more than "
            "a weekly session.",
            ("outpatient_environment", "iop"),
        ),
    },
    # The combinations: each needs all of its answers (see rules.COMBINED_MINIMUMS).
    "lower_levels_not_helped": {
        INPATIENT: (
            "Very long, heavy use that treatment has not yet helped is what the sources describe as needing "
            "inpatient rehab: living at the centre, with care around the clock.",
            ("inpatient_for_severe", "long_term_use_inpatient", "faq"),
        ),
    },
    "medical_care_around_the_clock": {
        INPATIENT: (
            "Serious health problems together with strong withdrawal, or with daily alcohol or sedatives, need "
            "medical care around the clock at first.",
            ("medical_detox", "inpatient_for_severe", "sedative_withdrawal"),
        ),
    },
    "live_at_the_centre": {
        RESIDENTIAL: (
            "Care on most days normally means going home each night. Without a safe home to go back to, or for a "
            "young person who cannot use an adult sober living home, residential treatment fits instead: living "
            "at the centre with medical and mental health care on hand, while still going out to work or school.",
            ("residential_defined", "remove_influences", "sober_living"),
        ),
    },
}
# A return to use raises support, not medical intensity (see rules.relapse_minimum).
RELAPSE_REASONS = {
    "quit_alone_relapsed": (
        "Going back to use after quitting alone suggests more support is needed than trying alone again.",
        ("stay_in_treatment", "iop"),
    ),
    "treatment_then_relapse": (
        "A return to use after treatment calls for one step more support than the other answers alone suggest. "
        "It does not change how much medical care is needed.",
        ("inpatient_for_severe", "stay_in_treatment"),
    ),
    "repeated_treatment_relapses": (
        "Repeated returns to use after treatment call for two steps more support than the other answers alone "
        "suggest, and for medication to be talked through again.",
        ("inpatient_for_severe", "medication_replacement"),
    ),
}
LEVEL_LABELS = {
    STANDARD_OUTPATIENT: "standard outpatient care",
    INTENSIVE_OUTPATIENT: "an intensive outpatient programme",
    PARTIAL_HOSPITALIZATION: "a partial hospitalization programme",
    RESIDENTIAL: "residential treatment",
    INPATIENT: "inpatient rehab",
}
# Where to live during treatment: why, per place (see rules.where_to_live).
WHERE_TO_LIVE_REASONS = {
    "home": (
        "Living at home during treatment works when home is safe and free of drugs.",
        ("outpatient_needs_safe_home", "outpatient_environment"),
    ),
    "sober-living": (
        "Where someone at home uses drugs, or there is no steady home, living in a sober living home (a shared, "
        "drug-free home) during outpatient care makes recovery more likely. If no place is free, residential "
        "treatment is the other choice.",
        ("outpatient_needs_safe_home", "sober_living", "residential_defined"),
    ),
    "residential-treatment": (
        "Living at the treatment centre during treatment, with medical and mental health care on hand, while "
        "still able to go out to work, school or other duties.",
        ("residential_defined",),
    ),
    "inpatient-rehab": (
        "Living at the treatment centre, with care and supervision around the clock.",
        ("inpatient_for_severe", "inpatient_removes_environment"),
    ),
}
STAGE_TEXT = {
    "finished_inpatient": "After inpatient rehab, the usual next step is a partial hospitalization or intensive "
    "outpatient programme.",
    "finished_php": "After a partial hospitalization programme, the usual next step is an intensive outpatient "
    "programme.",
    "finished_iop": "After an intensive outpatient programme, the usual next step is standard outpatient care.",
    "stable_recovery": "With recovery established, standard outpatient care and ongoing support usually fit.",
}
