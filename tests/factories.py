"""make_* helpers: defaults through kwargs.setdefault, as in djangoproject.com's checklists."""
from datetime import date
from uuid import uuid4

from content.models import Citation, Source
from options.models import Fact, TreatmentOption


def make_source(**kwargs):
    kwargs.setdefault("key", f"source-{uuid4().hex[:8]}")
    kwargs.setdefault("title", "A test source")
    kwargs.setdefault("publisher", "Test publisher")
    kwargs.setdefault("covers", "Testing.")
    return Source.objects.create(**kwargs)


def make_citation(**kwargs):
    if "source" not in kwargs:
        kwargs["source"] = make_source()
    kwargs.setdefault("section", f"Section {uuid4().hex[:6]}")
    return Citation.objects.create(**kwargs)


def make_option(citations=None, **kwargs):
    kwargs.setdefault("slug", f"option-{uuid4().hex[:8]}")
    kwargs.setdefault("name", f"Option {kwargs['slug']}")
    kwargs.setdefault("category", "therapy")
    kwargs.setdefault("summary", "A test option.")
    kwargs.setdefault("last_reviewed", date(2026, 11, 26))
    option = TreatmentOption.objects.create(**kwargs)
    option.summary_citations.set(citations or [make_citation()])
    return option


def make_fact(option, citations=None, **kwargs):
    kwargs.setdefault("topic", "what")
    kwargs.setdefault("order", option.facts.count() + 1)
    kwargs.setdefault("text", "A test fact.")
    fact = Fact.objects.create(option=option, **kwargs)
    fact.citations.set(citations or [make_citation()])
    return fact


def admin_form_data(response, **changes):
    """The POST data an admin change form would send back unchanged, plus `changes`."""
    data = {}
    adminform = response.context["adminform"]
    _add_form(data, adminform.form)
    try:
        inlines = response.context["inline_admin_formsets"]
    except KeyError:  # the history revert form has no inlines
        inlines = []
    for inline in inlines:
        formset = inline.formset
        _add_form(data, formset.management_form)
        for form in formset.forms:
            _add_form(data, form)
    data.update(changes)
    return data


def _add_form(data, form):
    for name, field in form.fields.items():
        value = form[name].value()
        key = form.add_prefix(name)
        if value is None:
            continue
        if isinstance(value, (list, tuple)):
            data[key] = [str(item) for item in value]
        elif isinstance(value, bool):
            if value:
                data[key] = "on"
        else:
            data[key] = str(value)
