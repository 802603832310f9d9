from urllib.parse import urlencode

from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import DetailView, ListView

from .compare import READY_MADE, CompareForm, comparison
from .glance import glance_rows
from .models import Category, TreatmentOption, Topic
from .references import ReferenceList
from .search import MAX_QUERY_LENGTH, cleaned, search


class OptionQuerysetMixin:
    model = TreatmentOption

    def get_queryset(self):
        return TreatmentOption.objects.all()


class OptionIndexView(OptionQuerysetMixin, ListView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        by_category = {value: [] for value, _ in Category.choices}
        for option in context["object_list"]:
            by_category[option.category].append(option)
        context["categories"] = [(value, label, by_category[value]) for value, label in Category.choices]
        return context


class OptionDetailView(OptionQuerysetMixin, DetailView):
    def get_queryset(self):
        return super().get_queryset().with_page_data()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        option = self.object
        # Numbered in the order the page shows them: summary, warnings, at a glance, sections, notes.
        refs = ReferenceList()
        context["summary_refs"] = refs.mark(option.summary_citations.all())
        if option.is_risky:
            refs.mark_each(option.facts_about(Topic.RISK))
        context["glance"] = glance_rows(option, refs)
        sections = [(value, label, option.facts_about(value)) for value, label in Topic.choices]
        for _, _, facts in sections:
            refs.mark_each(facts)
        context["sections"] = sections
        context["notes"] = list(option.source_notes.all())
        refs.mark_each(context["notes"])
        context["references"] = refs.citations
        # Prefetched with TreatmentOption's default ordering (category, order, name).
        context["comes_after"] = option.comes_after.all()
        context["leads_to"] = option.leads_to.all()
        context["related"] = option.related.all()
        # "Compare" always opens a valid comparison: this option beside its closest neighbour.
        # (The neighbour in its category is always looked up, so a page makes the same queries either way.)
        neighbour = TreatmentOption.objects.filter(category=option.category).exclude(pk=option.pk).first()
        companion = next(iter(context["related"]), None) or neighbour
        if companion:
            context["compare_with"] = companion.name
            context["compare_query"] = urlencode([("options", option.slug), ("options", companion.slug)])
        return context


def continuum(request):
    steps = list(TreatmentOption.objects.on_continuum())
    for position, step in enumerate(steps):
        # The steps are in order of intensity; the bar shows that order, not a measurement.
        step.continuum_width = round(100 * (len(steps) - position) / len(steps))
    detox_options = TreatmentOption.objects.in_category(Category.DETOX)
    return render(request, "options/continuum.html", {"steps": steps, "detox_options": detox_options})


def compare(request):
    form = CompareForm(request.GET or None)
    options, rows, references, status = [], [], [], 200
    if request.GET:
        if form.is_valid():
            options = form.selected_options()
            rows, references = comparison(options)
        else:
            status = 400
    ready_made = [(label, urlencode([("options", slug) for slug in slugs])) for label, slugs in READY_MADE]
    context = {"form": form, "options": options, "rows": rows, "references": references, "ready_made": ready_made}
    return render(request, "options/compare.html", context, status=status)


@never_cache  # a search can be personal: no browser or proxy keeps it
@require_GET
def site_search(request):
    query = cleaned(request.GET.get("q", ""))
    if len(query) > MAX_QUERY_LENGTH:
        context = {"query": "", "error": f"Please search with fewer than {MAX_QUERY_LENGTH} characters."}
        return render(request, "options/search.html", context, status=400)
    return render(request, "options/search.html", {"query": query, "hits": search(query) if query else []})
