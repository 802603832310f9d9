"""The questionnaire's wording. Question and answer codes are fixed by navigator.rules;
what people read (wording, help text, order) is content that editors change."""
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from content.models import VersionedModel

from .said import PhraseError, check_phrase


class QuestionManager(models.Manager):
    def get_by_natural_key(self, code):
        return self.get(code=code)


class Question(VersionedModel):
    code = models.SlugField(max_length=40, unique=True, help_text="Fixed code used by the rules. Do not change.")
    order = models.PositiveSmallIntegerField(default=0)
    text_self = models.CharField(max_length=200, help_text="Asked of the person themself (“you”).")
    text_other = models.CharField(max_length=200, help_text="Asked about someone else (“they”).")
    help_text = models.TextField(help_text="Plain-language help shown under the question.")
    short_text = models.CharField(
        max_length=60, blank=True, help_text="A few words naming the question in the printed summary, e.g. “How often”."
    )

    objects = QuestionManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "code"]

    def __str__(self):
        return self.text_self

    def natural_key(self):
        return (self.code,)

    def get_absolute_url(self):
        return reverse("navigator:questionnaire")


class AnswerChoiceManager(models.Manager):
    def get_by_natural_key(self, question_code, code):
        return self.get(question__code=question_code, code=code)


class AnswerChoice(VersionedModel):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    code = models.SlugField(max_length=40, help_text="Fixed code used by the rules. Do not change.")
    order = models.PositiveSmallIntegerField(default=0)
    label_self = models.CharField(max_length=200)
    label_other = models.CharField(max_length=200)
    said = models.CharField(
        max_length=200,
        blank=True,
        help_text="What this answer says about the person, for “Because you said …” on the result, e.g. "
        "“{you} use{s} every day”. {you} becomes you, they or your client; {your} your, their or your client's; "
        "{s}, {have}, {are} and {do} fit the verb to them.",
    )

    objects = AnswerChoiceManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["question", "order", "code"]
        constraints = [models.UniqueConstraint(fields=["question", "code"], name="unique_choice_code")]

    def __str__(self):
        return self.label_self

    def clean(self):
        super().clean()
        try:
            check_phrase(self.said)
        except PhraseError as error:
            raise ValidationError({"said": str(error)}) from None

    def natural_key(self):
        return (self.question.code, self.code)

    natural_key.dependencies = ["navigator.question"]

    def get_absolute_url(self):
        return reverse("navigator:questionnaire")


class EditorsGrant(models.Model):
    """A permission the Editors group has been given once. migrate gives the group the
    permissions of new content models, and never again one an administrator took away."""

    permission = models.OneToOneField("auth.Permission", on_delete=models.CASCADE, related_name="editors_grant")
    granted_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"Editors were given {self.permission.codename}"
