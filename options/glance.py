"""An option page's "at a glance" block: what families ask first, each answer cited, and where
the sources are silent, what a person can do instead of a dead end."""
from __future__ import annotations

from dataclasses import dataclass, field

from .models import Topic


@dataclass
class GlanceRow:
    label: str
    text: str
    refs: list = field(default_factory=list)
    # Where the sources are silent: a page that says what to ask or who pays, instead of a dead end.
    next_step: tuple[str, str] | None = None  # (link text, page slug)


SILENT = {
    Topic.DURATION: ("The sources do not say how long it lasts. Ask the provider how long it usually takes and what "
                     "comes after it.", ("Questions to ask a treatment centre", "choosing-a-treatment-centre")),
    Topic.COST: ("The sources do not give a cost. Ask the provider, and your insurer, Medicaid or the NHS, what is "
                 "covered.", ("Paying for treatment", "paying-for-treatment")),
    Topic.WHO: ("The sources do not say whom it suits best. A doctor or addiction service can help decide.",
                ("Find a service near you", "find-a-service")),
    Topic.PRIVACY: ("The sources do not say. Ask the provider for its privacy rules.",
                    ("Choosing a treatment centre", "choosing-a-treatment-centre")),
}


def first_fact(option, topic):
    facts = option.facts_about(topic)
    return facts[0] if facts else None


def topic_row(option, refs, label, topic, *, text=None) -> GlanceRow:
    """One short answer: `text` (a figure from the option's own fields) or the topic's first fact,
    cited; where the sources are silent, what to do instead."""
    fact = first_fact(option, topic)
    if text:  # cited by the topic's first fact
        return GlanceRow(label, text, refs.mark(fact.citations.all()) if fact else [])
    if fact:
        return GlanceRow(label, fact.text, refs.mark(fact.citations.all()))
    silent_text, next_step = SILENT.get(topic, ("The sources do not say.", None))
    return GlanceRow(label, silent_text, next_step=next_step)


def glance_rows(option, refs, *, main_risk_always=False) -> list[GlanceRow]:
    """The rows in the order families ask. A risky option's page leads with its warnings, so
    its glance leaves out the main risk unless asked (the compare page always shows it)."""
    rows = [
        GlanceRow("What it is", option.summary, refs.mark(option.summary_citations.all())),
        topic_row(option, refs, "Who it suits", Topic.WHO),
        topic_row(option, refs, "How intense", Topic.INTENSITY, text=option.intensity_short or option.intensity_label),
        topic_row(option, refs, "How long", Topic.DURATION, text=option.duration_short or option.duration_label),
        topic_row(option, refs, "Where the person lives", Topic.SETTING, text=option.get_setting_display()),
        topic_row(option, refs, "Cost", Topic.COST),
    ]
    if first_fact(option, Topic.RISK) and (main_risk_always or not option.is_risky):
        rows.append(topic_row(option, refs, "Main risk", Topic.RISK))
    return rows
