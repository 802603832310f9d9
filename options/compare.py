"""The compare page: which options may be compared, and the rows they are compared on."""
from crispy_forms.bootstrap import StrictButton
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Field, Layout
from django import forms
from django.urls import reverse

from .models import Topic, TreatmentOption

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
        self.fields["options"].choices = [
            (option.slug, option.name) for option in TreatmentOption.objects.only("slug", "name", "category", "order")
        ]
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.form_action = reverse("options:compare")
        self.helper.form_class = "compare-form"
        self.helper.attrs = {"novalidate": ""}
        self.helper.layout = Layout(
            Field("options", wrapper_class="compare-choices"),
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


def _cell(summary, option, topic):
    return {"summary": summary, "facts": option.facts_about(topic)}


COMPARE_ROWS = [
    ("What it is", lambda option: _cell(option.summary, option, "")),
    ("How intense", lambda option: _cell(option.intensity_short or option.intensity_label, option, Topic.INTENSITY)),
    ("How long", lambda option: _cell(option.duration_short or option.duration_label, option, Topic.DURATION)),
    ("Where the person lives", lambda option: _cell(option.get_setting_display(), option, Topic.SETTING)),
    ("Cost", lambda option: _cell("", option, Topic.COST)),
    ("Privacy", lambda option: _cell("", option, Topic.PRIVACY)),
    ("Benefits", lambda option: _cell("", option, Topic.BENEFIT)),
    ("Risks and warnings", lambda option: _cell("", option, Topic.RISK)),
]
