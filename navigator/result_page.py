"""What the result page shows: the recommendation, with each reason's wording and citations.

The result is worked out afresh for every request and never stored. This module turns
it into plain objects for templates/navigator/result.html.
"""
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from urllib.parse import urlencode

from django.urls import reverse

from content.models import Citation
from content.page_cache import content_version
from options.models import TreatmentOption
from options.references import ReferenceList

from . import rules
from .questionnaire import WHO_USES_THEY, Wording, group_into_screens
from .said import PERSON_FOR_WHO, assumption_sentence, because_sentence

# Reasons about these flags are shown together under "Things to weigh up": safety first, then
# circumstances (which the printed summary names without their text, to keep to one page).
FLAG_SECTIONS = ("sedatives", "pregnancy", "overdose", "young-people", "infections", "pain", "dual-diagnosis", "medications")
CIRCUMSTANCE_SECTIONS = ("obligations", "budget", "privacy")


@dataclass
class ShownReason:
    text: str
    because: str  # "Because you said ...", from the answers the person gave
    citations: list[Citation]
    refs: list = field(default_factory=list)  # (number, citation): markers into the page's reference list


# Skipped questions whose assumed answer changes the advice: a reason that depends on one
# says what it assumed. (last_use has no default: the safe assumption is recent use.)
ASSUMED_WHEN_SKIPPED = ("treatment_stage", "current_medication", "last_use", "medication_openness")
NO_DEFAULT_ASSUMPTIONS = {"last_use": "{you} may have used in the last week"}

# Where to live, when it is not an option page of its own.
PLACE_LABELS = {"home": "At home", "sober-living": "In a sober living home"}


@dataclass
class AnswerRow:
    code: str
    question: str
    short: str  # a few words, for the printed summary
    answer: str
    step: int  # the questionnaire screen that asks it, for its Change button


@dataclass
class ShownItem:
    slug: str
    option: TreatmentOption | None
    show_summary: bool
    reasons: list[ShownReason] = field(default_factory=list)
    keep_taking: bool = False  # a medicine the person already takes

    @property
    def key(self) -> str:
        """The same for the same item: its link and summary are cached by it (its reasons are not)."""
        return repr((self.slug, self.show_summary, self.keep_taking))


class ContentSnapshot:
    """What a result page reads from the database: wording, options and citations."""

    def __init__(self, version):
        self.version = version
        self.wording = Wording()
        self.options = {option.slug: option for option in TreatmentOption.objects.all()}
        self.citations = {
            (citation.source.key, citation.section): citation for citation in Citation.objects.select_related("source")
        }
        self.share_path = reverse("navigator:shared-result")

    @cached_property
    def said_phrases(self):
        """{code: {value: phrase}}: what each answer says about the person (see navigator.said)."""
        return {
            question.code: {choice.code: choice.said for choice in question.choices.all()}
            for question in self.wording.questions.values()
        }

    @cached_property
    def screen_of(self):
        """{code: the questionnaire screen that asks it}, in the editors' order."""
        screens = group_into_screens(self.wording.order())
        return {code: index for index, screen in enumerate(screens) for code in screen}

    @cached_property
    def short_texts(self):
        return {code: question.short_text for code, question in self.wording.questions.items()}

    @cached_property
    def answer_labels(self):
        """{who: {code: {value: label}}}: every answer's wording, for each person who may answer."""
        return {
            who: {code: dict(self.wording.choices(code, who)) for code in rules.QUESTION_CODES}
            for who in PERSON_FOR_WHO
        }


@lru_cache(maxsize=2)
def snapshot_at(version: int) -> ContentSnapshot:
    """Content is the same for everyone, so each process reads it once per content version
    (the version is read from the database on every request: an edit shows at once)."""
    return ContentSnapshot(version)


def current_snapshot() -> ContentSnapshot:
    return snapshot_at(content_version())


def result_context(answers: rules.Answers, *, content: ContentSnapshot, answered: frozenset[str]) -> dict:
    """`answered` names the questions the person answered: the rest were filled with their
    defaults, and the page says "Not answered" rather than showing a default as given."""
    result = rules.recommend(answers)
    who = answers.who
    options, citations = content.options, content.citations

    person = PERSON_FOR_WHO[who]
    given_values = answers.as_dict()
    phrases = content.said_phrases

    def said_about(codes) -> str:
        return because_sentence(
            [phrases.get(code, {}).get(given_values[code]) or f"the answer was “{given_values[code]}”" for code in codes],
            person,
        )

    def assumed_for(codes) -> str:
        assumed = []
        for code in codes:
            default = rules.QUESTIONS_BY_CODE[code].default
            phrase = NO_DEFAULT_ASSUMPTIONS.get(code) or phrases.get(code, {}).get(default)
            if phrase:
                assumed.append(phrase)
        return assumption_sentence(assumed, person)

    reasons_about: dict[str, list[ShownReason]] = {}
    for given in result.reasons:
        because = tuple(code for code in given.because if code in answered)  # only answers the person gave
        skipped = [code for code in given.because if code not in answered and code in ASSUMED_WHEN_SKIPPED]
        sentence = " ".join(filter(None, (said_about(because), assumed_for(skipped))))
        reasons_about.setdefault(given.about, []).append(
            ShownReason(
                text=given.text,
                because=sentence,
                citations=[citations[source] for source in given.sources if source in citations],
            )
        )

    kept = answers.current_medication if "continue-current-medication" in result.flags else None

    def item(slug, *, show_summary=True, with_reasons=True):
        reasons = reasons_about.get(slug, []) if with_reasons else []
        return ShownItem(slug, options.get(slug), show_summary, reasons, keep_taking=slug == kept)

    # The primary level and detox carry their reasons above; the path lists them plainly.
    explained_above = (result.primary, result.detox)
    place = result.where_to_live
    context = {
        **answers_context(answers, content=content, answered=answered),
        "primary": item(result.primary),
        "where_to_live": item(place, show_summary=False, with_reasons=False),
        "where_to_live_label": PLACE_LABELS.get(place),
        "where_to_live_reasons": reasons_about.get("where-to-live", []),
        "first_steps": reasons_about.get("first-steps", []),
        "detox": item(result.detox) if result.detox else None,
        "rapid_detox_reasons": reasons_about.get("rapid-detox", []),
        # Danger first: what to do now opens the page.
        "urgent_reasons": reasons_about.get("crisis", []) + reasons_about.get("medical-now", []),
        "pathway": [
            item(slug, show_summary=False, with_reasons=slug not in explained_above) for slug in result.pathway
        ],
        "medications": [item(slug) for slug in result.medications],
        "support": [item(slug) for slug in result.support],
        "flag_reasons": [shown for flag in FLAG_SECTIONS for shown in reasons_about.get(flag, [])],
        "circumstance_reasons": [shown for flag in CIRCUMSTANCE_SECTIONS for shown in reasons_about.get(flag, [])],
        "general_reasons": reasons_about.get("", []),
    }
    context["references"] = number_references(context)
    return context


# The result's parts in the order the page shows them: citations are numbered in that order.
SHOWN_IN_ORDER = ("urgent_reasons", "primary", "where_to_live_reasons", "detox", "rapid_detox_reasons", "first_steps",
                  "pathway", "medications", "support", "flag_reasons", "circumstance_reasons", "general_reasons")


def number_references(context) -> list[Citation]:
    """Each reason's citations become numbered markers leading to one list at the end."""
    refs = ReferenceList()
    for name in SHOWN_IN_ORDER:
        part = context[name]
        items = part if isinstance(part, list) else [part] if part else []
        for entry in items:
            for shown in entry.reasons if isinstance(entry, ShownItem) else [entry]:
                shown.refs = refs.mark(shown.citations)
    return refs.citations


def answers_context(answers: rules.Answers, *, content: ContentSnapshot, answered: frozenset[str]) -> dict:
    """The answers as the result and "Check your answers" show them: each with a Change button
    (back to its question, then back to checking), and "Not answered" where skipped."""
    who = answers.who
    labels = content.answer_labels[who]
    wording = content.wording
    answer_values = {code: value for code, value in answers.as_dict().items() if code in answered}
    return {
        "content_version": content.version,
        "they": who in WHO_USES_THEY,
        "person": PERSON_FOR_WHO[who],
        "answer_rows": [
            AnswerRow(
                code=code,
                question=wording.text(code, who),
                short=content.short_texts.get(code) or wording.text(code, who),
                answer=labels[code][answer_values[code]] if code in answer_values else "Not answered",
                step=content.screen_of[code],
            )
            for code in rules.QUESTION_CODES
        ],
        # The answers given, carried by the Change buttons' form (nothing is stored on the server).
        "answer_values": answer_values,
        "share_url": content.share_path + "?" + urlencode(answer_values),
    }
