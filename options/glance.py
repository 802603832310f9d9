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
}


def first_fact(option, topic):
    facts = option.facts_about(topic)
    return facts[0] if facts else None


def glance_rows(option, refs, *, main_risk_always=False) -> list[GlanceRow]:
    """The rows in the order families ask. A risky option's page leads with its warnings, so
    its glance leaves out the main risk unless asked (the compare page always shows it)."""
    def row(label, topic, *, text=None):
        fact = first_fact(option, topic)
        if text:  # a short figure from the option's own fields, cited by the topic's first fact
            return GlanceRow(label, text, refs.mark(fact.citations.all()) if fact else [])
        if fact:
            return GlanceRow(label, fact.text, refs.mark(fact.citations.all()))
        silent_text, next_step = SILENT.get(topic, ("The sources do not say.", None))
        return GlanceRow(label, silent_text, next_step=next_step)

    rows = [
        GlanceRow("What it is", option.summary, refs.mark(option.summary_citations.all())),
        row("Who it suits", Topic.WHO),
        row("How intense", Topic.INTENSITY, text=option.intensity_short or option.intensity_label),
        row("How long", Topic.DURATION, text=option.duration_short or option.duration_label),
        row("Where the person lives", Topic.SETTING, text=option.get_setting_display()),
        row("Cost", Topic.COST),
    ]
    risk = first_fact(option, Topic.RISK)
    if risk and (main_risk_always or not option.is_risky):
        rows.append(GlanceRow("Main risk", risk.text, refs.mark(risk.citations.all())))
    return rows
