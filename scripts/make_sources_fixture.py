"""One-off author's aid kept for the record: writes fixtures/01_sources.json."""
import json

SOURCES = [
    dict(key="passages-malibu", order=1, publisher="Passages Malibu", author="",
         title="Heroin addiction treatment options",
         covers="A short overview from a private rehab provider: outpatient clinics, inpatient (residential) rehab, "
                "medications, sober living homes and long-term support.",
         caution="Written by a private treatment centre that sells inpatient care. It gives few figures.",
         sections=["Introduction", "Outpatient Treatment", "Inpatient Rehab", "Post Rehab", "Long Term Management"]),
    dict(key="heroin-detox", order=2, publisher="Heroin Detox (website, 2001 to 2007)", author="",
         title="Heroin Treatment Options",
         covers="Medical detox and the treatment that should follow it, and medication management with methadone "
                "or buprenorphine.",
         caution="An old website (copyright 2001 to 2007) that carries advertising and a phone line.",
         sections=["Heroin Treatment Options",
                   "Option #1 - Medical Detox Followed by Residential or Outpatient Addiction Treatment",
                   "Medical Detox", "Addiction Treatment after Detox", "Why is treatment needed?",
                   "Option # 2 - Medication Management (Methadone or Suboxone)",
                   "How Long Does This Treatment Take?", "How Well Do These Medications Work?"]),
    dict(key="treating-heroin-addiction", order=3, publisher="Unnamed publisher (US treatment guide)", author="",
         title="Treating heroin addiction",
         covers="The levels of care (inpatient, partial hospitalization, intensive outpatient and standard "
                "outpatient), the common medications and peer support groups.",
         caution="The document does not name its publisher. It contains a known error about Suboxone.",
         sections=["Introduction", "Treating heroin addiction", "Inpatient heroin rehab", "Outpatient heroin rehab",
                   "Partial hospitalization programs (PHP)", "Intensive outpatient programs (IOP)",
                   "Standard outpatient treatment", "Medications for recovery from heroin addiction",
                   "Support groups for heroin recovery", "Get help with heroin addiction today"]),
    dict(key="webmd", order=4, publisher="WebMD Connect to Care", author="Zawn Villines",
         title="Heroin Addiction Treatment: Know Your Options",
         covers="Who inpatient and outpatient treatment suit, the outpatient options the National Institute on Drug "
                "Abuse lists, and a clinician's view on medication with family therapy.",
         caution="WebMD says it may receive a fee when readers buy services through this page.",
         sections=["Heroin Addiction Treatment: Know Your Options", "Inpatient Heroin Treatment",
                   "Outpatient Heroin Treatment", "Get Help Now"]),
    dict(key="heroin-treatment-and-rehab", order=5, publisher="Unnamed publisher (UK rehab guide)",
         author="", title="Heroin Treatment and Rehab",
         covers="The longest source: detox types and their risks, medications, heroin-assisted treatment, ibogaine, "
                "therapies, the 12-step programme, dual diagnosis, rehab length, cost, confidentiality and success rates.",
         caution="Written for readers in the UK (it mentions the NHS). It contains several errors, noted on the pages "
                 "where they matter.",
         sections=["Heroin Info", "How is Heroin Addiction Treated?", "Medications Used for Heroin Treatment",
                   "Heroin Rehabilitation: How Long?", "Types of Rehab for Heroin Addiction",
                   "Inpatient Rehab for Heroin Abuse", "Outpatient Rehab for Heroin Abuse", "Dual Diagnosis Treatments",
                   "Advantages of Inpatient Heroin Treatment Centres", "Heroin Addiction - Rehab Success Rate",
                   "Types of Therapies to Expect During Rehab", "Group Therapy", "Individual Therapy",
                   "12-Step Programme for Heroin Addiction Treatment: Pros and Cons",
                   "Detoxification: The First Step of Heroin Addiction Treatment",
                   "Medication Replacement: Programmes for Heroin Treatment Options",
                   "A look at Ibogaine treatment for heroin addiction",
                   "Other Pharmacological Approaches to Heroin Addiction Treatment",
                   "Paired Dual Diagnosis-Heroin Addiction Treatment",
                   "Pros and cons of using medication in heroin treatment",
                   "Behavioural Therapy for Heroin Addiction Treatment", "Inpatient Addiction Treatment Programme",
                   "Outpatient Addiction Treatment Programme", "Heroin Addiction and Health Insurance",
                   "The Role of Counselling in Heroin Addiction Treatment", "Heroin Rehabilitation: Average Time",
                   "Rehab and Treatment Statistics", "Residential Treatment Centres vs. Outpatient Services",
                   "Private Heroin Rehabs and Confidentiality", "Treatment Near Home vs. Different City or State",
                   "Staying Clean and Sober", "Frequently Asked Questions"]),
    dict(key="suboxone-label", order=6, kind="reference", publisher="Indivior (manufacturer)", author="",
         title="SUBOXONE (buprenorphine and naloxone) sublingual film: US prescribing information",
         covers="The product label. We use it only to correct what two sources say Suboxone contains.",
         caution="", sections=["Description"]),
    dict(key="samhsa-overdose-toolkit", order=7, kind="reference",
         publisher="Substance Abuse and Mental Health Services Administration (SAMHSA)", author="",
         title="Opioid Overdose Prevention Toolkit",
         covers="US public-health guidance on the signs of an opioid overdose, giving naloxone, and why the risk is "
                "higher after a break from opioids. We use it for the crisis page and overdose warnings, which the "
                "five source documents do not cover.",
         caution="", sections=["Recognizing opioid overdose", "Responding to opioid overdose",
                               "Risk of overdose after a period without opioids"]),
    dict(key="crisis-lines", order=8, kind="reference", publisher="National emergency and helpline services",
         author="", title="Emergency numbers and helplines (US and UK)",
         covers="Emergency numbers (911 in the US, 999 in the UK, 112 across Europe), the 988 Suicide & Crisis "
                "Lifeline, the SAMHSA National Helpline, NHS 111 and Samaritans (116 123). Checked by the site's editors.",
         caution="", sections=["United States", "United Kingdom", "Europe"]),
]

objects = []
for source in SOURCES:
    sections = source.pop("sections")
    fields = {"kind": "seed", **source}
    objects.append({"model": "content.source", "fields": fields})
    for section in sections:
        objects.append({"model": "content.citation", "fields": {"source": [source["key"]], "section": section}})

with open("fixtures/01_sources.json", "w") as handle:
    json.dump(objects, handle, indent=2, ensure_ascii=False)
    handle.write("\n")
