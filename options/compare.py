"""The compare page: which options may be compared, and the rows they are compared on."""
from crispy_forms.bootstrap import StrictButton
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Field, Layout
from django import forms
from django.urls import reverse

from .glance import glance_rows, topic_row
from .models import Category, Topic, TreatmentOption
from .references import ReferenceList

MIN_COMPARED = 2
MAX_COMPARED = 4


class CompareForm(forms.Form):
    options = forms.MultipleChoiceField(
        label="Options to compare",
        help_text=f"Choose {MIN_COMPARED} to {MAX_COMPARED} options.",
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": f"Choose {MIN_COMPARED} to {MAX_COMPARED} options to compare.",
            "invalid_choice": "We don’t have an option called “%(value)s”. Choose from the list below.",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Grouped as the site groups them (detox, levels of care, medicines…), each group in its own order.
        by_category = {value: [] for value, _ in Category.choices}
        for option in TreatmentOption.objects.only("slug", "name", "category", "order"):
            by_category[option.category].append((option.slug, option.name))
        self.fields["options"].choices = [(label, by_category[value]) for value, label in Category.choices]
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.form_action = reverse("options:compare")
        self.helper.form_class = "compare-form"
        self.helper.attrs = {"novalidate": ""}
        self.helper.layout = Layout(
            Field("options", template="options/includes/grouped_checkboxes.html"),
            StrictButton("Compare", type="submit", css_class="btn-primary mt-2"),
        )

    def clean_options(self):
        slugs = list(dict.fromkeys(self.cleaned_data["options"]))  # ignore repeats, keep order
        if len(slugs) < MIN_COMPARED:
            raise forms.ValidationError(
                f"Choose at least {MIN_COMPARED} options to compare. You chose {len(slugs)}."
            )
        if len(slugs) > MAX_COMPARED:
            raise forms.ValidationError(
                f"Choose at most {MAX_COMPARED} options so they fit side by side. You chose {len(slugs)}."
            )
        return slugs

    def selected_options(self):
        slugs = self.cleaned_data["options"]
        by_slug = {option.slug: option for option in TreatmentOption.objects.filter(slug__in=slugs).with_page_data()}
        return [by_slug[slug] for slug in slugs]


# Ready-made comparisons for the questions families ask most.
READY_MADE = [
    ("Methadone, buprenorphine and naltrexone", ("methadone", "buprenorphine", "naltrexone")),
    ("PHP and IOP", ("partial-hospitalization", "intensive-outpatient")),
    ("Inpatient rehab and residential treatment", ("inpatient-rehab", "residential-treatment")),
    ("Medical detox and outpatient detox", ("medical-detox", "outpatient-detox")),
]
# Each row's topic, for the facts shown on demand under its short answer.
ROW_TOPICS = {"What it is": Topic.WHAT, "Who it suits": Topic.WHO, "How intense": Topic.INTENSITY,
              "How long": Topic.DURATION, "Where the person lives": Topic.SETTING, "Cost": Topic.COST,
              "Privacy": Topic.PRIVACY, "Benefits": Topic.BENEFIT, "Main risk": Topic.RISK}


def comparison(options):
    """Rows of short answers, one cell per option, each with its other facts on demand, and one
    numbered reference list for the page (the same short answers as each option's "At a glance")."""
    refs = ReferenceList()
    cells_by_option = {}
    for option in options:
        cells_by_option[option.slug] = {row.label: row for row in glance_rows(option, refs, main_risk_always=True)}
    table = []
    for label, topic in ROW_TOPICS.items():
        cells = []
        for option in options:
            row = cells_by_option[option.slug].get(label) or topic_row(option, refs, label, topic)
            shown = row.text
            more = [fact for fact in option.facts_about(topic) if fact.text != shown]
            refs.mark_each(more)
            cells.append({"option": option, "row": row, "more": more})
        table.append((label, cells))
    return table, refs.citations
