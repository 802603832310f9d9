"""The questionnaire form: one question at a time, earlier answers carried in the form.

Nothing is stored on the server between steps: the answers so far travel as hidden
fields in each POST, so there is no session and nothing to leak or clean up.
"""
from crispy_forms.bootstrap import StrictButton
from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Field, Layout
from django import forms
from django.urls import reverse

from . import rules
from .models import Question

WHO_USES_THEY = {"family"}


class Wording:
    """Question wording from the database, falling back to the codes if an editor removed a row."""

    def __init__(self):
        self.questions = {q.code: q for q in Question.objects.prefetch_related("choices")}

    def text(self, code, who):
        question = self.questions.get(code)
        if question is None:
            return code.replace("_", " ").capitalize() + "?"
        return question.text_other if who in WHO_USES_THEY else question.text_self

    def help_text(self, code):
        question = self.questions.get(code)
        return question.help_text if question else ""

    def choices(self, code, who):
        question = self.questions.get(code)
        labels = {}
        if question is not None:
            labels = {
                choice.code: (choice.label_other if who in WHO_USES_THEY else choice.label_self)
                for choice in question.choices.all()
            }
        return [(value, labels.get(value, value.replace("_", " "))) for value in rules.QUESTIONS_BY_CODE[code].choices]

    def order(self):
        """Questions in the editors' order; codes are fixed by the rules."""
        position = {code: q.order for code, q in self.questions.items()}
        codes = [q.code for q in rules.QUESTIONS]
        return sorted(codes, key=lambda code: (position.get(code, 1000), codes.index(code)))


class QuestionnaireForm(forms.Form):
    step = forms.IntegerField(min_value=0, widget=forms.HiddenInput, required=False)

    def __init__(self, *args, wording, who="self", **kwargs):
        super().__init__(*args, **kwargs)
        self.wording = wording
        self.codes = wording.order()
        for code in self.codes:
            self.fields[code] = forms.ChoiceField(
                choices=wording.choices(code, who),
                required=False,
                widget=forms.HiddenInput,
                label=wording.text(code, who),
                help_text=wording.help_text(code),
                error_messages={"invalid_choice": "That answer is not one of the choices. Please choose again."},
            )

    def show_step(self, step):
        """Make one question visible (radio buttons); the rest stay hidden."""
        code = self.codes[step]
        field = self.fields[code]
        field.widget = forms.RadioSelect(attrs={"class": "form-check-input"})
        field.widget.choices = field.choices
        self.helper = question_helper(self, code, step)

    def answers(self):
        return {code: self.cleaned_data.get(code) for code in self.codes if self.cleaned_data.get(code)}


def first_invalid_step(form):
    for index, code in enumerate(form.codes):
        if code in form.errors:
            return index
    return None


def question_helper(form, code, step):
    """How crispy-forms lays out one step: the earlier answers hidden, the question as a
    fieldset whose legend is the page's heading, then the buttons."""
    is_last = step == len(form.codes) - 1
    buttons = [
        StrictButton("See the result" if is_last else "Next question", type="submit", name="action",
                     value="finish" if is_last else "next", css_class="btn-primary"),
    ]
    if step > 0:
        buttons.append(StrictButton("Back", type="submit", name="action", value="back",
                                    css_class="btn-outline-secondary"))
    helper = FormHelper()
    helper.form_action = reverse("navigator:questionnaire")
    helper.form_class = "question-form"
    helper.attrs = {"novalidate": ""}
    # The questionnaire is exempt from CSRF (it changes nothing), and a token would set a cookie.
    helper.disable_csrf = True
    helper.layout = Layout(
        HTML(f'<input type="hidden" name="step" value="{step}">'),
        *[Field(other) for other in form.codes if other != code],
        Field(code, template="navigator/includes/question_field.html"),
        Div(*buttons, css_class="question-actions d-flex flex-wrap gap-2 mt-3"),
    )
    return helper
