"""Renders the questionnaire result fast, from parts that hold content but no answers.

The result is computed afresh for every request and never stored. What is reused is
content: option names and summaries, the HTML of each reason with its citations, and
the page itself with a marker in each slot (a skeleton). Those parts are kept per
process and per content version (read from the shared cache on every request), so an
edit is never served stale. A request then only joins strings.
"""
import re

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from content.cache import content_version, content_version_later
from content.models import Citation
from options.models import TreatmentOption

from . import rules
from .built_once import BuiltOnce
from .context_processors import site
from .questionnaire import WHO_USES_THEY, Wording

SLOT_PATTERN = re.compile(r"<!--slot:(\w+)-->")


class SlotMarkers:
    """In the template, {{ slot.name }} renders a marker that Skeleton splits on."""

    def __getattr__(self, name):
        return mark_safe(f"<!--slot:{name}-->")


class Skeleton:
    """A page rendered once with markers in its slots; fill() puts in each request's HTML.

    Kept as UTF-8 bytes with a %s in each slot, so filling it is one formatting call in
    C: encoding a page of non-ASCII text on every request costs more than building it.
    """

    def __init__(self, html):
        # re.split with a group alternates text and slot names: text, slot, text, ...
        parts = SLOT_PATTERN.split(html)
        self.slots = tuple(parts[1::2])
        self.template = "%s".join([text.replace("%", "%%") for text in parts[0::2]]).encode()

    def fill(self, values):
        """`values` maps each slot to UTF-8 HTML, put in as it is: escaping is done when it is built."""
        return self.template % tuple([values[slot] for slot in self.slots])


def reason_list(fragments):
    return b'<ul class="reasons">' + b"".join(fragments) + b"</ul>" if fragments else b""


FLAG_SECTIONS = ("dual-diagnosis", "obligations", "budget", "privacy", "medications")


class ContentSnapshot:
    """Everything the questionnaire reads from the database, at one content version."""

    def __init__(self, version):
        self.version = version
        self.wording = Wording()
        self.options = {option.slug: option for option in TreatmentOption.objects.all()}
        self.citations = {
            (citation.source.key, citation.section): citation for citation in Citation.objects.select_related("source")
        }
        self.share_url = escape(reverse("navigator:shared-result"))  # put into an href as it is
        # HTML (UTF-8 bytes) built once per content version. The keys hold content only
        # (reasons, question codes, option slugs, wording), never a person's answers.
        self.reason_html = BuiltOnce(self._build_reason)  # [reason, who]
        self.item_html = BuiltOnce(self._build_item)  # [slug, reasons' HTML, show_summary]
        self.answer_rows = BuiltOnce(self._build_answer_rows)  # [who,][code, value]
        self.skeletons = BuiltOnce(self._build_skeleton)  # [they, detox, medications, flags]

    def _build_reason(self, reason, who):
        return render_to_string(
            "navigator/includes/reason.html",
            {
                "text": reason.text,
                "because": [self.wording.text(code, who) for code in reason.because],
                "citations": [self.citations[source] for source in reason.sources if source in self.citations],
            },
        ).encode()

    def _build_item(self, slug, reasons_html, show_summary):
        return render_to_string(
            "navigator/includes/result_item.html",
            {
                "slug": slug,
                "option": self.options.get(slug),
                "reasons": [mark_safe(html.decode()) for html in reasons_html],
                "show_summary": show_summary,
            },
        ).encode()

    def _build_answer_rows(self, who):
        """Every answer to every question, in this person's wording: a few dozen rows."""
        return {
            (code, value): format_html("<div><dt>{}</dt><dd>{}</dd></div>", question, label).encode()
            for code in rules.QUESTION_CODES
            for question in [self.wording.text(code, who)]
            for value, label in self.wording.choices(code, who)
        }

    def _build_skeleton(self, they, detox, medications, flags):
        """The result page for one combination of sections; it holds no answers."""
        sections = {"detox": detox, "medications": medications, "flags": flags}
        return Skeleton(
            render_to_string(
                "navigator/result.html",
                # site() is the context processor every other page gets from its request.
                {**site(None), "they": they, "sections": sections, "slot": SlotMarkers()},
            )
        )


_current = None


def snapshot(version=None):
    """The content as of the shared content version (read now unless it is given)."""
    global _current
    if version is None:
        version = content_version()
    if _current is None or _current.version != version:
        _current = ContentSnapshot(version)
    return _current


def render_checked(answers: rules.Answers) -> HttpResponse:
    """The result page, never from content older than the shared version at this request.

    The version read is sent first and its answer collected after rendering from the
    content this process already holds, so the round trip to the shared cache overlaps
    the work. If the content moved on (an edit), the page is rendered again from the
    new content: an edit still shows on the very next request.
    """
    version_now = content_version_later()
    content = _current
    if content is not None:
        response = render_result(content, answers)
        if content.version == version_now():
            return response
    return render_result(snapshot(version_now()), answers)


def render_result(content: ContentSnapshot, answers: rules.Answers) -> HttpResponse:
    result = rules.recommend(answers)
    who = answers.who
    reason_html, item_html = content.reason_html, content.item_html
    grouped = {}
    for reason in result.reasons:
        grouped.setdefault(reason.about, []).append(reason_html[reason, who])
    reasons_about = {about: tuple(html) for about, html in grouped.items()}  # slug or flag: its reasons' HTML
    none = ()
    # The primary level and detox carry their reasons above; the path lists them plainly.
    plain_in_path = (result.primary, result.detox)
    flag_reasons = [html for flag in FLAG_SECTIONS for html in reasons_about.get(flag, none)]
    skeleton = content.skeletons[who in WHO_USES_THEY, bool(result.detox), bool(result.medications), bool(flag_reasons)]
    answer_values = answers.as_dict()
    answer_rows = content.answer_rows[who,]
    # Codes are plain identifiers (checked by rules.parse_answers): nothing to percent-encode
    # or escape but the "&" between them, written "&amp;" as HTML asks.
    share_url = content.share_url + "?" + "&amp;".join(map("=".join, answer_values.items()))
    page = skeleton.fill(
        {
            "primary": item_html[result.primary, reasons_about.get(result.primary, none), True],
            "detox": item_html[result.detox, reasons_about.get(result.detox, none), True] if result.detox else b"",
            "rapid_detox_reasons": reason_list(reasons_about.get("rapid-detox", none)),
            "pathway": b"".join(
                [
                    item_html[slug, none if slug in plain_in_path else reasons_about.get(slug, none), False]
                    for slug in result.pathway
                ]
            ),
            "medications": b"".join([item_html[slug, reasons_about.get(slug, none), True] for slug in result.medications]),
            "support": b"".join([item_html[slug, reasons_about.get(slug, none), True] for slug in result.support]),
            "flag_reasons": reason_list(flag_reasons),
            "answer_rows": b"".join([answer_rows[answer] for answer in answer_values.items()]),
            "general_reasons": reason_list(reasons_about.get("", none)),
            "share_url": share_url.encode(),
        }
    )
    return HttpResponse(page)
