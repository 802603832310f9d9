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
from .said import PERSON_FOR_WHO

# Who is answering -> whether the questions speak about someone else ("they"): a family member
# answers about them, a counsellor about the client (navigator.said.PERSON_FOR_WHO).
WHO_USES_THEY = frozenset(who for who, person in PERSON_FOR_WHO.items() if person != "you")
# The short safety questions share one screen, so the questionnaire stays short; each keeps
# its own code (and its own fieldset) in the form and in the rules.
SAFETY_SCREEN = (
    "urgent_symptoms", "suicidal_thoughts", "recent_overdose", "pregnant", "alcohol_or_sedatives", "injecting",
    "chronic_pain",
)
SAFETY_SCREEN_HEADING = "Does any of this apply right now?"


def group_into_screens(codes):
    """Codes in order, as screens: one code each, but the safety questions together where the first of them is."""
    screens, safety = [], [code for code in codes if code in SAFETY_SCREEN]
    for code in codes:
        if code not in SAFETY_SCREEN:
            screens.append((code,))
        elif code == safety[0]:
            screens.append(tuple(safety))
    return screens


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
        self.screens = group_into_screens(self.codes)
        for code in self.codes:
            self.fields[code] = forms.ChoiceField(
                choices=wording.choices(code, who),
                required=False,
                widget=forms.HiddenInput,
                label=wording.text(code, who),
                help_text=wording.help_text(code),
                error_messages={"invalid_choice": "That answer is not one of the choices. Please choose again."},
            )

    def show_step(self, step, *, returning=False):
        """Make this screen's questions visible (radio buttons); the rest stay hidden."""
        for code in self.screens[step]:
            field = self.fields[code]
            field.widget = forms.RadioSelect(attrs={"class": "form-check-input"})
            field.widget.choices = field.choices
        self.helper = question_helper(self, step, returning=returning)

    def screen_of(self, code):
        return next(index for index, screen in enumerate(self.screens) if code in screen)

    def answers(self):
        return {code: self.cleaned_data.get(code) for code in self.codes if self.cleaned_data.get(code)}


def first_invalid_step(form):
    for index, screen in enumerate(form.screens):
        if any(code in form.errors for code in screen):
            return index
    return None


def question_helper(form, step, *, returning=False):
    """How crispy-forms lays out one step: the earlier answers hidden, then the question as a
    fieldset whose legend is the page's heading (or, on the safety screen, a heading and one
    fieldset per question), then the button. The Back button above the question (outside the
    form, tied to it by its id) posts the answers too."""
    screen = form.screens[step]
    is_last = step == len(form.screens) - 1
    if returning:
        button = StrictButton("Continue", type="submit", name="action", value="next", css_class="btn-primary")
    else:
        button = StrictButton("Check your answers" if is_last else "Continue", type="submit", name="action",
                              value="finish" if is_last else "next", css_class="btn-primary")
    if len(screen) == 1:
        questions = [Field(screen[0], template="navigator/includes/question_field.html")]
    else:
        questions = [HTML(f'<h1 class="question-text">{SAFETY_SCREEN_HEADING}</h1>')] + [
            Field(code, template="navigator/includes/question_field.html", wrapper_class="in-group") for code in screen
        ]
    helper = FormHelper()
    helper.form_id = "question-form"
    helper.form_action = reverse("navigator:questionnaire")
    helper.attrs = {"novalidate": "", "data-questionnaire": ""}
    helper.form_class = "question-form"
    # The questionnaire is exempt from CSRF (it changes nothing), and a token would set a cookie.
    helper.disable_csrf = True
    helper.layout = Layout(
        HTML(f'<input type="hidden" name="step" value="{step}">'),
        *([HTML('<input type="hidden" name="return" value="check">')] if returning else []),
        *[Field(other) for other in form.codes if other not in screen],
        *questions,
        Div(button, css_class="question-actions mt-3"),
    )
    return helper
