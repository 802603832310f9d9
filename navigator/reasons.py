"""Levels of care, and the reasons a result gives, each citing the sources behind it."""
from __future__ import annotations

from functools import cache
from types import MappingProxyType
from typing import NamedTuple


# Levels of care, least to most intensive. Their index is the "level".
LEVELS = ("standard-outpatient", "intensive-outpatient", "partial-hospitalization", "inpatient-rehab")
STANDARD_OUTPATIENT, INTENSIVE_OUTPATIENT, PARTIAL_HOSPITALIZATION, INPATIENT = range(4)
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
        "loss_of_tolerance": ("samhsa-overdose-toolkit", "Risk of overdose after a period without opioids"),
        "overdose_response": ("samhsa-overdose-toolkit", "Responding to opioid overdose"),
        "behavioural_therapy": ("heroin-treatment-and-rehab", "How is Heroin Addiction Treated?"),
        "licensed_professional": ("treating-heroin-addiction", "Treating heroin addiction"),
        "crisis_us": ("crisis-lines", "United States"),
        "crisis_uk": ("crisis-lines", "United Kingdom"),
        "crisis_europe": ("crisis-lines", "Europe"),
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
        INPATIENT: (
            "Long, heavy use that much of life revolves around is what the sources call the most severe; "
            "inpatient care suits it best.",
            ("inpatient_for_severe", "long_term_use_inpatient", "faq"),
        ),
    },
    "withdrawal": {
        INTENSIVE_OUTPATIENT: (
            "Severe withdrawal needs supervised detox and then structured care while the body adjusts.",
            ("detox_types", "treatment_after_detox"),
        ),
    },
    "relapse_history": {
        INTENSIVE_OUTPATIENT: (
            "Going back to use after quitting alone suggests more support is needed than trying alone again.",
            ("stay_in_treatment", "iop"),
        ),
        PARTIAL_HOSPITALIZATION: (
            "A return to use after treatment suggests a step up in care from last time.",
            ("inpatient_for_severe", "php"),
        ),
        INPATIENT: (
            "Repeated returns to use after treatment are a reason the sources give for inpatient care.",
            ("inpatient_for_severe", "medication_replacement"),
        ),
    },
    "home_environment": {
        INTENSIVE_OUTPATIENT: (
            "A stressful home keeps up the pressures behind use, so care should be more than a weekly session.",
            ("outpatient_environment", "iop"),
        ),
        INPATIENT: (
            "Outpatient care works best with a safe, drug-free home. Without one, living at the treatment centre "
            "removes the person from what keeps use going.",
            ("outpatient_needs_safe_home", "inpatient_removes_environment", "remove_influences"),
        ),
    },
    "physical_health": {
        INTENSIVE_OUTPATIENT: (
            "Serious physical health problems need medical care alongside treatment for opioid use.",
            ("outpatient_needs_safe_home", "remove_influences"),
        ),
    },
}
LEVEL_LABELS = {
    STANDARD_OUTPATIENT: "standard outpatient care",
    INTENSIVE_OUTPATIENT: "an intensive outpatient programme",
    PARTIAL_HOSPITALIZATION: "a partial hospitalization programme",
    INPATIENT: "inpatient rehab",
}
STAGE_TEXT = {
    "finished_inpatient": "After inpatient rehab, the usual next step is a partial hospitalization or intensive "
    "outpatient programme.",
    "finished_php": "After a partial hospitalization programme, the usual next step is an intensive outpatient "
    "programme.",
    "finished_iop": "After an intensive outpatient programme, the usual next step is standard outpatient care.",
    "stable_recovery": "With recovery established, standard outpatient care and ongoing support usually fit.",
}
