from django.shortcuts import render
from django.views.generic import DetailView, ListView

from .compare import COMPARE_ROWS, CompareForm
from .models import Category, TreatmentOption, Topic


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
        context["sections"] = [(value, label, option.facts_about(value)) for value, label in Topic.choices]
        # Prefetched with TreatmentOption's default ordering (category, order, name).
        context["comes_after"] = option.comes_after.all()
        context["leads_to"] = option.leads_to.all()
        context["related"] = option.related.all()
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
    options, rows, status = [], [], 200
    if request.GET:
        if form.is_valid():
            options = form.selected_options()
            rows = [(label, [row_value(option) for option in options]) for label, row_value in COMPARE_ROWS]
        else:
            status = 400
    return render(
        request, "options/compare.html", {"form": form, "options": options, "rows": rows}, status=status
    )
