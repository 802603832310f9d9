"""Treatment options and the cited facts about them."""
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from content.models import Citation, VersionedModel


class Category(models.TextChoices):
    DETOX = "detox", "Detox"
    LEVEL_OF_CARE = "level-of-care", "Levels of care"
    AFTERCARE = "aftercare", "After and beside treatment"
    MEDICATION = "medication", "Medications"
    THERAPY = "therapy", "Therapies"


class DurationUnit(models.TextChoices):
    HOURS = "hours", "hours"
    DAYS = "days", "days"
    WEEKS = "weeks", "weeks"
    MONTHS = "months", "months"
    YEARS = "years", "years"


class Setting(models.TextChoices):
    FACILITY = "facility", "Lives at the treatment centre"
    HOME = "home", "Lives at home"
    SOBER_HOUSE = "sober-house", "Lives in a shared sober home"
    HOSPITAL = "hospital", "Stays in a hospital or clinic for the procedure"
    ANY = "any", "Wherever the person lives"


class OptionQuerySet(models.QuerySet):
    def in_category(self, category):
        return self.filter(category=category)

    def on_continuum(self):
        return self.filter(continuum_step__isnull=False).order_by("continuum_step")

    def with_page_data(self):
        """Everything an option page shows, in a fixed number of queries."""
        return self.prefetch_related(
            "summary_citations__source",
            models.Prefetch("facts", queryset=Fact.objects.prefetch_related("citations__source")),
            models.Prefetch("source_notes", queryset=SourceNote.objects.prefetch_related("citations__source")),
            "comes_after",
            "leads_to",
            "related",
        )


class OptionManager(models.Manager.from_queryset(OptionQuerySet)):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class TreatmentOption(VersionedModel):
    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=120)
    other_names = models.CharField(
        max_length=300, blank=True, help_text="Other names people know it by, separated by commas."
    )
    category = models.CharField(max_length=20, choices=Category.choices)
    summary = models.CharField(max_length=240, help_text="One plain sentence.")
    summary_citations = models.ManyToManyField(Citation, related_name="option_summaries")
    is_risky = models.BooleanField(
        default=False, help_text="Shows a prominent warning: the sources describe serious risks or advise against it."
    )
    order = models.PositiveSmallIntegerField(default=0, help_text="Position within its category.")
    continuum_step = models.PositiveSmallIntegerField(
        null=True, blank=True, unique=True, help_text="Position on the continuum of care drawing; empty if not on it."
    )
    # Numbers the continuum, compare page and questionnaire use. The facts below
    # (topics "intensity" and "duration") say the same in words, with citations.
    round_the_clock = models.BooleanField(default=False, help_text="Care or supervision 24 hours a day.")
    hours_per_week_min = models.PositiveSmallIntegerField(null=True, blank=True)
    hours_per_week_max = models.PositiveSmallIntegerField(null=True, blank=True)
    duration_min = models.PositiveSmallIntegerField(null=True, blank=True)
    duration_max = models.PositiveSmallIntegerField(null=True, blank=True)
    duration_unit = models.CharField(max_length=10, choices=DurationUnit.choices, blank=True)
    setting = models.CharField(max_length=20, choices=Setting.choices, blank=True)
    intensity_short = models.CharField(
        max_length=80, blank=True, help_text="A few words for the continuum and compare table, e.g. “3 hours a day, 5 days a week”."
    )
    duration_short = models.CharField(
        max_length=80, blank=True, help_text="A few words for the continuum and compare table, e.g. “30 to 90 days, often longer”."
    )
    comes_after = models.ManyToManyField(
        "self", symmetrical=False, blank=True, related_name="leads_to",
        help_text="Options that usually come before this one (this one is the step after them).",
    )
    related = models.ManyToManyField("self", blank=True, help_text="Options used with or inside this one.")
    last_reviewed = models.DateField()

    objects = OptionManager()
    history = HistoricalRecords(m2m_fields=[summary_citations, comes_after, related])

    # Slugs that other apps name in code; the questionnaire adds the ones it recommends in
    # NavigatorConfig.ready(). Renaming one would leave results pointing at nothing.
    slugs_named_by_code: set[str] = set()

    class Meta:
        ordering = ["category", "order", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hours_per_week_min__isnull=True)
                | models.Q(hours_per_week_max__isnull=True)
                | models.Q(hours_per_week_min__lte=models.F("hours_per_week_max")),
                name="hours_per_week_min_lte_max",
            ),
            models.CheckConstraint(
                condition=models.Q(duration_min__isnull=True)
                | models.Q(duration_max__isnull=True)
                | models.Q(duration_min__lte=models.F("duration_max")),
                name="duration_min_lte_max",
            ),
        ]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)

    def get_absolute_url(self):
        return reverse("options:detail", args=[self.slug])

    def clean(self):
        errors = {}
        if None not in (self.hours_per_week_min, self.hours_per_week_max) and (
            self.hours_per_week_min > self.hours_per_week_max
        ):
            errors["hours_per_week_max"] = "The most hours a week cannot be fewer than the fewest hours a week."
        if None not in (self.duration_min, self.duration_max) and self.duration_min > self.duration_max:
            errors["duration_max"] = "The longest duration cannot be shorter than the shortest duration."
        if (self.duration_min is not None or self.duration_max is not None) and not self.duration_unit:
            errors["duration_unit"] = "Say whether the duration is in hours, days, weeks, months or years."
        errors.update(self._slug_rename_errors())
        if errors:
            raise ValidationError(errors)

    def _slug_rename_errors(self):
        if self.pk is None:
            return {}
        old_slug = type(self)._default_manager.filter(pk=self.pk).values_list("slug", flat=True).first()
        if old_slug in self.slugs_named_by_code and self.slug != old_slug:
            return {"slug": f"The questionnaire recommends “{old_slug}” by this name, so it cannot be renamed here."}
        return {}

    @property
    def other_names_list(self):
        return [name.strip() for name in self.other_names.split(",") if name.strip()]

    @property
    def intensity_label(self):
        if self.round_the_clock:
            return "Round the clock (24 hours a day)"
        low, high = self.hours_per_week_min, self.hours_per_week_max
        if low is not None and high is not None:
            return f"{low} hours a week" if low == high else f"{low} to {high} hours a week"
        if high is not None:
            return f"Up to {high} hours a week"
        if low is not None:
            return f"{low} or more hours a week"
        return ""

    @property
    def duration_label(self):
        low, high, unit = self.duration_min, self.duration_max, self.get_duration_unit_display()
        if low is not None and high is not None:
            return f"{low} {unit}" if low == high else f"{low} to {high} {unit}"
        if low is not None:
            return f"{low} {unit} or more"
        if high is not None:
            return f"up to {high} {unit}"
        return ""

    def facts_about(self, topic):
        """Facts on one topic, using prefetched rows when they are there."""
        return [fact for fact in self.facts.all() if fact.topic == topic]


class Topic(models.TextChoices):
    WHAT = "what", "What it is and what happens"
    WHO = "who", "Who it suits and when it is advised"
    INTENSITY = "intensity", "How intense it is"
    DURATION = "duration", "How long it lasts"
    SETTING = "setting", "Where the person lives"
    COST = "cost", "Cost"
    PRIVACY = "privacy", "Privacy"
    BENEFIT = "benefit", "Benefits"
    RISK = "risk", "Risks and warnings"
    PATH = "path", "Before and after"


class FactManager(models.Manager):
    def get_by_natural_key(self, option_slug, topic, order):
        return self.get(option__slug=option_slug, topic=topic, order=order)


class Fact(VersionedModel):
    """One statement about an option, in our own words, with the sources behind it."""

    option = models.ForeignKey(TreatmentOption, on_delete=models.CASCADE, related_name="facts")
    topic = models.CharField(max_length=20, choices=Topic.choices)
    order = models.PositiveSmallIntegerField(default=0)
    text = models.TextField()
    citations = models.ManyToManyField(Citation, related_name="facts")

    objects = FactManager()
    history = HistoricalRecords(m2m_fields=[citations])

    class Meta:
        ordering = ["option", "topic", "order"]
        constraints = [models.UniqueConstraint(fields=["option", "topic", "order"], name="unique_fact_position")]

    def __str__(self):
        return f"{self.option.name} · {self.get_topic_display()} #{self.order}"

    def natural_key(self):
        return (self.option.slug, self.topic, self.order)

    natural_key.dependencies = ["options.treatmentoption"]

    def get_absolute_url(self):
        return self.option.get_absolute_url() + f"#{self.topic}"


class SourceNoteManager(models.Manager):
    def get_by_natural_key(self, key):
        return self.get(key=key)


class SourceNote(VersionedModel):
    """Where the sources disagree with each other or are wrong, and what is correct."""

    class Kind(models.TextChoices):
        DISAGREE = "disagree", "The sources disagree"
        ERROR = "error", "A source is wrong"

    key = models.SlugField(max_length=80, unique=True)
    # One disagreement, one record: a note may belong to several options (shown on each).
    options = models.ManyToManyField(TreatmentOption, related_name="source_notes")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    title = models.CharField(max_length=200)
    what_sources_say = models.TextField()
    what_is_correct = models.TextField()
    citations = models.ManyToManyField(Citation, related_name="source_notes")

    objects = SourceNoteManager()
    history = HistoricalRecords(m2m_fields=[citations, options])

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return self.title

    def natural_key(self):
        return (self.key,)

    def get_absolute_url(self):
        first = next(iter(self.options.all()), None)  # uses prefetched options where there are some
        return (first.get_absolute_url() if first else reverse("options:index")) + f"#note-{self.key}"
