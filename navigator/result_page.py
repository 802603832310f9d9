"""Renders the questionnaire result fast, from parts that hold content but no answers.

The result is computed afresh for every request and never stored. What is reused is
content: option names and summaries, the HTML of each reason with its citations, and
the page frame. Those parts are kept per process and per content version (read from
the shared cache on every request), so an edit is never served stale.
"""
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from content.cache import content_version
from content.models import Citation
from options.models import TreatmentOption

from . import rules
from .questionnaire import WHO_USES_THEY, Wording

BODY_MARKER = "<!--result-body-->"


def joined(fragments):
    """Fragments are HTML we rendered (and escaped) ourselves."""
    return mark_safe("".join(fragments))


def reason_list(fragments):
    return mark_safe('<ul class="reasons">' + "".join(fragments) + "</ul>") if fragments else ""


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
        self._fragments = {}
        self.share_url = reverse("navigator:shared-result")
        self.restart_url = reverse("navigator:questionnaire")

    def fragment(self, key, build):
        """HTML built once per content version; `key` holds content only, never a person's answers."""
        html = self._fragments.get(key)
        if html is None:
            html = self._fragments[key] = build()
        return html

    def reason_html(self, reason, who):
        key = ("reason", reason.text, reason.because, reason.sources, who)
        return self.fragment(
            key,
            lambda: render_to_string(
                "navigator/includes/reason.html",
                {
                    "text": reason.text,
                    "because": [self.wording.text(code, who) for code in reason.because],
                    "citations": [self.citations[source] for source in reason.sources if source in self.citations],
                },
            ),
        )

    def item_html(self, slug, reasons_html, *, show_summary=True):
        key = ("item", slug, tuple(reasons_html), show_summary)
        return self.fragment(
            key,
            lambda: render_to_string(
                "navigator/includes/result_item.html",
                {"slug": slug, "option": self.options.get(slug), "reasons": reasons_html, "show_summary": show_summary},
            ),
        )

    def answer_row_html(self, code, value, who):
        return self.fragment(
            ("answer", code, value, who),
            lambda: format_html(
                "<div><dt>{}</dt><dd>{}</dd></div>",
                self.wording.text(code, who),
                dict(self.wording.choices(code, who))[value],
            ),
        )

    def frame(self):
        html = self.fragment(("frame",), lambda: render_to_string("navigator/result_frame.html"))
        head, _, tail = html.partition(BODY_MARKER)
        return head, tail


_current = None


def snapshot():
    """The content as of the shared content version, read once per request by the caller."""
    global _current
    version = content_version()
    if _current is None or _current.version != version:
        _current = ContentSnapshot(version)
    return _current


def render_result(content: ContentSnapshot, answers: rules.Answers) -> HttpResponse:
    result = rules.recommend(answers)
    who = answers.who
    reasons_by_item = {}
    for reason in result.reasons:
        reasons_by_item.setdefault(reason.about, []).append(content.reason_html(reason, who))

    def item(slug, *, show_summary=True):
        return content.item_html(slug, reasons_by_item.get(slug, []), show_summary=show_summary)

    def path_step(slug):
        # The primary level and detox carry their reasons above; the path lists them plainly.
        plain = slug in (result.primary, result.detox)
        return content.item_html(slug, [] if plain else reasons_by_item.get(slug, []), show_summary=False)

    answer_values = answers.as_dict()
    body = render_to_string(
        "navigator/result.html",
        {
            "result": result,
            "primary": item(result.primary),
            "detox": item(result.detox) if result.detox else "",
            "pathway": joined(path_step(slug) for slug in result.pathway),
            "medications": joined(item(slug) for slug in result.medications),
            "support": joined(item(slug) for slug in result.support),
            "flag_reasons": reason_list([html for flag in FLAG_SECTIONS for html in reasons_by_item.get(flag, [])]),
            "general_reasons": reason_list(reasons_by_item.get("", [])),
            "rapid_detox_reasons": reason_list(reasons_by_item.get("rapid-detox", [])),
            "answer_rows": joined(content.answer_row_html(code, value, who) for code, value in answer_values.items()),
            # Codes are plain identifiers (validated by rules.parse_answers): nothing to escape.
            "share_url": content.share_url + "?" + "&".join(f"{code}={value}" for code, value in answer_values.items()),
            "restart_url": content.restart_url,
            "they": who in WHO_USES_THEY,
        },
    )
    head, tail = content.frame()
    return HttpResponse(head + body + tail)
