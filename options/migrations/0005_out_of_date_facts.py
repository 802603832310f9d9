"""Out-of-date facts corrected (issue 15, item 4), in a database that still has the old text:
methadone's take-home doses, where methadone and buprenorphine come from, the implant no longer
sold, the daily death figures, the 40 to 60% relapse figure, and buprenorphine for heavy use.
Each correction cites a dated reference source, marked for an editor to check. A record an
editor has changed is left as it is. The same lists corrected the fixtures, so a new site and
an old one end up with the same text."""
from django.db import migrations
from django.db.models import F

from content.fixture_sources import citation_from_fixture

TAKE_HOME = ("us-42-cfr-8-2024", "8.12(i) Take-home doses")
OTP_ONLY = ("us-42-cfr-8-2024", "8.11 Opioid treatment program certification")
UK_PHARMACIES = ("uk-clinical-guidelines-2017", "Supervised consumption")
ANY_PRESCRIBER = ("samhsa-mat-act-2023", "Waiver elimination (MAT Act)")
IMPLANT_DISCONTINUED = ("fda-orange-book", "Discontinued drug product list")
FIRST_CHOICES = [
    ("samhsa-tip-63", "Overview of Medications for Opioid Use Disorder"),
    ("nice-ta114-2007", "1 Guidance"),
]
NIDA_DAILY = ("nida-opioid-overdose-crisis", "Opioid Overdose Crisis")
CURRENT_DEATHS = ("samhsa-overdose-toolkit", "Overdoses in the United States")
NIDA_RELAPSE = ("nida-drugs-brains-behavior-2020", "Treatment and Recovery")

SAYS_PHARMACIES_DO_NOT = (
    "One source says that ordinary hospitals and pharmacies do not usually have methadone or buprenorphine, and that "
    "people get them from special centres or from doctors trained to prescribe them."
)

# (option slug, old text, new text, citations added)
FACTS = [
    ("methadone", "It is taken every day, under supervision.",
     "It is taken once a day. At first, doses are usually taken in front of staff at a clinic or pharmacy. Once "
     "treatment is going well, some doses can be taken at home.",
     [TAKE_HOME, UK_PHARMACIES]),
    ("methadone", "Methadone can be misused. It has to be taken under supervision every day.",
     "Methadone can be misused. This is one reason services often watch doses being taken at first, and allow "
     "take-home doses once treatment is stable.",
     [TAKE_HOME, UK_PHARMACIES]),
    ("methadone", SAYS_PHARMACIES_DO_NOT,
     "In the UK, local pharmacies give out methadone. In the US, methadone for opioid use disorder comes only from "
     "certified opioid treatment programmes. One source says pharmacies do not usually have it, which is out of "
     "date: see the note.",
     [UK_PHARMACIES, OTP_ONLY]),
    ("buprenorphine", SAYS_PHARMACIES_DO_NOT,
     "Since 2023, any US prescriber registered with the DEA to prescribe this kind of controlled medicine can "
     "prescribe buprenorphine, with no special waiver. In the UK, local pharmacies give it out. One source says "
     "pharmacies do not usually have it, which is out of date: see the note.",
     [ANY_PRESCRIBER, UK_PHARMACIES]),
    ("buprenorphine", "It says the FDA has also approved an implant, placed under the skin, that lasts six months.",
     "It also mentions a six-month implant placed under the skin. That implant (Probuphine) is no longer sold in the "
     "US: the FDA lists it as discontinued.",
     [IMPLANT_DISCONTINUED]),
    ("buprenorphine",
     "Suboxone, which contains buprenorphine, can be prescribed a month at a time. Methadone, by contrast, is taken "
     "under supervision every day.",
     "One source says Suboxone, which contains buprenorphine, can be prescribed a month at a time. Methadone doses, "
     "by contrast, are often taken in front of staff at first.",
     [TAKE_HOME, UK_PHARMACIES]),
    ("suboxone",
     "It can be prescribed a month at a time. Methadone, by contrast, is taken under supervision every day.",
     "One source says it can be prescribed a month at a time. Methadone doses, by contrast, are often taken in front "
     "of staff at first.",
     [TAKE_HOME, UK_PHARMACIES]),
    ("methadone", "Methadone can relieve withdrawal in people with heavy opioid use. One source says Suboxone cannot.",
     "Methadone can relieve withdrawal in people with heavy opioid use. So can buprenorphine: guidance treats both as "
     "first choices, however severe the use. One source says Suboxone cannot; see the note.",
     FIRST_CHOICES),
    ("buprenorphine",
     "One source says Suboxone, which contains buprenorphine, cannot relieve withdrawal in people with heavy opioid "
     "use, but methadone can.",
     "Buprenorphine is a first choice of medicine for opioid use disorder however severe the use, as methadone is. "
     "One source says Suboxone cannot help heavy use: see the note.",
     FIRST_CHOICES),
    ("suboxone", "One source says it cannot relieve withdrawal in people with heavy opioid use, but methadone can.",
     "One source says it cannot relieve withdrawal in people with heavy opioid use. Guidance says otherwise: "
     "buprenorphine, which it contains, is a first choice however severe the use. See the note.",
     FIRST_CHOICES),
    ("long-term-management",
     "One source quotes US research saying 40 to 60% of people who use heroin relapse. See the note below on what "
     "this figure does and does not mean.",
     "One source says 40 to 60% of people who use heroin relapse. The US research it quotes gives that figure for "
     "drug addiction in general, not for heroin alone. See the note below on what it does and does not mean.",
     [NIDA_RELAPSE]),
    ("long-term-management",
     "One source quotes US figures that more than 130 people in the US die each day after an opioid overdose.",
     "One source says more than 130 people in the US die of an opioid overdose each day. That was the figure for "
     "2017 and 2018. In 2023, more than 105,000 people in the US died of an overdose of any drug, most of them "
     "involving opioids.",
     [NIDA_DAILY, CURRENT_DEATHS]),
]

# (option slug, field, old value, new value)
OPTION_FIELDS = [
    ("methadone", "intensity_short", "A daily dose, taken under supervision",
     "A daily dose, at first taken in front of staff"),
    ("buprenorphine", "intensity_short", "A month’s supply at a time, a monthly injection, or a 6-month implant",
     "A month’s supply at a time, or a monthly injection"),
    # Its first setting fact is now about who prescribes it, which does not answer "where the person lives".
    ("buprenorphine", "setting", "", "home"),
]

# Source notes: key -> the old what_is_correct, the new fields, and the citations and options added.
NOTES = {
    "where-replacement-medicines-come-from": {
        "old": (
            "The two sources describe different set-ups. One is written for UK readers; the other is an old website "
            "from 2001 to 2007. Where and how these medicines are given depends on local rules, so neither may match a "
            "family's area. A local doctor or treatment service can say how it works there."
        ),
        "new": {
            "kind": "error",
            "what_is_correct": (
                "Both sources are out of date on this. In the UK, community pharmacies give out methadone and "
                "buprenorphine. At first a person often takes each dose there, watched by the pharmacist; once "
                "treatment is stable, they can take doses home. In the US, methadone for opioid use disorder comes "
                "only from certified opioid treatment programmes. Since 2024 their rules allow take-home doses early "
                "in treatment when staff judge it safe: up to 7 in the first two weeks, and up to 28 after the first "
                "month. Since 2023, any US prescriber registered with the DEA for this kind of medicine can prescribe "
                "buprenorphine, with no special waiver. Rules still differ from place to place, so a local doctor or "
                "treatment service can say how it works where the family lives."
            ),
        },
        "citations": [UK_PHARMACIES, TAKE_HOME, OTP_ONLY, ANY_PRESCRIBER],
        "options": ["methadone", "suboxone"],
    },
    "buprenorphine-heavy-use": {
        "old": (
            "These can both be true. Buprenorphine eases withdrawal for many people, but one source says it may not be "
            "enough for people with heavy opioid use, where methadone can help. Which medicine fits a person is a "
            "decision to make with a doctor."
        ),
        "new": {
            "kind": "error",
            "title": "Can buprenorphine help people with heavy opioid use?",
            "what_is_correct": (
                "Yes. 'Heroin Detox' is wrong to say it cannot. US and UK guidance treats buprenorphine and methadone "
                "as first choices of medicine for opioid use disorder, however severe the use, and says the choice "
                "between them is made person by person, with a doctor (SAMHSA TIP 63; NICE TA114). Some people do "
                "better on one than the other, and the dose often needs adjusting at first. So a person who finds one "
                "medicine is not enough can ask about a different dose or the other medicine. Heavy use is not a "
                "reason to go without buprenorphine."
            ),
        },
        "citations": FIRST_CHOICES,
        "options": ["methadone", "suboxone"],
    },
    "daily-overdose-figures": {
        "old": (
            "The two figures are close, but as written they count different things: WebMD says people \"overdose\", "
            "the other source says they \"die\". Not every overdose is fatal (an overdose can be reversed with "
            "naloxone), so the two words are not the same. What is safe to conclude from the sources: the figure "
            "quoted in Heroin Treatment and Rehab is that each day in the United States, more than 130 people die "
            "after an opioid overdose, and every use of heroin carries a risk of overdose."
        ),
        "new": {
            "kind": "error",
            "title": "How many people die of an overdose each day?",
            "what_is_correct": (
                "Both figures come from the US National Institute on Drug Abuse (NIDA), and both count deaths, not "
                "overdoses. They were its figures for 2017 and 2018. So WebMD is wrong to say that 128 people "
                "'overdose' each day: far more people overdose than die, because an overdose can be survived, for "
                "example when someone gives naloxone. The figures are also out of date. The CDC estimates that more "
                "than 105,000 people in the US died of an overdose of any drug in 2023, about 290 a day, most of them "
                "involving opioids. Early figures show deaths fell by nearly 27% in the year to December 2024. Every "
                "use of heroin carries a risk of overdose."
            ),
        },
        "citations": [NIDA_DAILY, CURRENT_DEATHS],
        "options": [],
    },
    "relapse-rate-is-not-recovery-rate": {
        "old": (
            "That does not follow. A relapse rate counts people who go back to using; it is not a recovery rate. If 40 "
            "to 60% relapse, the figure alone says nothing exact about how many recover. Even read as the share who "
            "did not relapse (which by chance is also 40 to 60%), not relapsing during a study is not the same as "
            "recovery. The sources describe recovery as lifelong, say people can recover with treatment and support, "
            "and link longer time in treatment to better results. So a relapse is a reason to seek support and "
            "treatment again, not proof that recovery cannot happen."
        ),
        "new": {
            "what_is_correct": (
                "Two things are wrong. First, the figure is NIDA's, and it is for drug addiction in general, not "
                "heroin in particular. NIDA gives it to show that relapse is about as common as in other long-term illnesses, "
                "such as high blood pressure or asthma (50 to 70%). Second, a relapse rate counts people who go back "
                "to using; it is not a recovery rate. If 40 to 60% relapse, the figure alone says nothing exact about "
                "how many recover. Even read as the share who did not relapse (which by chance is also 40 to 60%), "
                "not relapsing during a study is not the same as recovery. The sources describe recovery as lifelong, "
                "say people can recover with treatment and support, and link longer time in treatment to better "
                "results. So a relapse is a reason to seek support and treatment again, not proof that recovery "
                "cannot happen."
            ),
        },
        "citations": [NIDA_RELAPSE],
        "options": [],
    },
    "buprenorphine-is-not-suboxone": {
        "old": (
            "Suboxone is one product that contains buprenorphine plus a second medicine, naloxone (product label). "
            "Buprenorphine also comes on its own, for example as Subutex, and one source describes a monthly "
            "injection and a six-month implant. So every Suboxone contains buprenorphine, but not every "
            "buprenorphine medicine is Suboxone."
        ),
        "new": {
            "what_is_correct": (
                "Suboxone is one product that contains buprenorphine plus a second medicine, naloxone (product label). "
                "Buprenorphine also comes on its own, for example as Subutex, and one source describes a monthly "
                "injection and a six-month implant (the implant is no longer sold in the US). So every Suboxone "
                "contains buprenorphine, but not every buprenorphine medicine is Suboxone."
            ),
        },
        "citations": [IMPLANT_DISCONTINUED],
        "options": [],
    },
}


def correct(apps, schema_editor):
    Fact = apps.get_model("options", "Fact")
    TreatmentOption = apps.get_model("options", "TreatmentOption")
    SourceNote = apps.get_model("options", "SourceNote")
    # Each changed record gets a new edit_version, so an editor's form opened before the
    # correction cannot silently save the old text back over it.
    bump = {"edit_version": F("edit_version") + 1}
    for slug, old, new, cites in FACTS:
        for fact in Fact.objects.filter(option__slug=slug, text=old):
            Fact.objects.filter(pk=fact.pk).update(text=new, **bump)
            fact.citations.add(*(citation_from_fixture(apps, *cite) for cite in cites))
    for slug, field, old, new in OPTION_FIELDS:
        TreatmentOption.objects.filter(slug=slug, **{field: old}).update(**{field: new}, **bump)
    for key, change in NOTES.items():
        note = SourceNote.objects.filter(key=key, what_is_correct=change["old"]).first()
        if note is None:
            continue
        SourceNote.objects.filter(pk=note.pk).update(**change["new"], **bump)
        note.citations.add(*(citation_from_fixture(apps, *cite) for cite in change["citations"]))
        note.options.add(*TreatmentOption.objects.filter(slug__in=change["options"]))


class Migration(migrations.Migration):
    dependencies = [("options", "0004_content_corrections"), ("content", "0006_overdose_toolkit_retitled")]
    operations = [migrations.RunPython(correct, migrations.RunPython.noop)]
