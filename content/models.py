"""Where every fact on the site comes from: sources, the sections cited, and site pages."""
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords


class VersionedModel(models.Model):
    """An edit counter that lets the admin refuse a save made from a stale form.

    Two editors opening the same record would otherwise overwrite each other without
    a word; the admin compares this number with the one the form was opened with.
    """

    edit_version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None:
            self.edit_version = (self.edit_version or 0) + 1
        super().save(*args, **kwargs)


class SourceManager(models.Manager):
    def get_by_natural_key(self, key):
        return self.get(key=key)


class Source(VersionedModel):
    class Kind(models.TextChoices):
        SEED = "seed", "Source document"
        REFERENCE = "reference", "Reference used to check or correct a source"

    key = models.SlugField(max_length=60, unique=True, help_text="Short stable name used in fixtures and URLs.")
    title = models.CharField(max_length=200)
    publisher = models.CharField(max_length=200)
    author = models.CharField(max_length=200, blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.SEED)
    covers = models.TextField(help_text="What this source covers, in a sentence or two.")
    caution = models.TextField(
        blank=True, help_text="Why a reader should weigh this source with care (advertising, region, age)."
    )
    order = models.PositiveSmallIntegerField(default=0)
    needs_editor_check = models.BooleanField(
        default=False,
        help_text="A public reference added where the source documents are silent: an editor should check it "
        "against the publisher's own page, then untick this.",
    )

    objects = SourceManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "title"]

    def __str__(self):
        return f"{self.publisher}: {self.title}"

    def natural_key(self):
        return (self.key,)

    def get_absolute_url(self):
        return reverse("content:source-detail", args=[self.key])


class CitationManager(models.Manager):
    def get_by_natural_key(self, source_key, section):
        return self.get(source__key=source_key, section=section)


class Citation(VersionedModel):
    """A place in a source: the source and the heading of the section the fact is under."""

    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="citations")
    section = models.CharField(max_length=200, help_text="The section heading, as the source prints it.")

    objects = CitationManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["source__order", "section"]
        constraints = [models.UniqueConstraint(fields=["source", "section"], name="unique_citation_section")]

    def __str__(self):
        return f"{self.source.publisher}, “{self.section}”"

    def natural_key(self):
        return (self.source.key, self.section)

    natural_key.dependencies = ["content.source"]

    # (source key, section) pairs that other apps cite by heading; the questionnaire adds
    # its own in NavigatorConfig.ready(). Renaming one would break those references.
    sections_cited_by_code: set[tuple[str, str]] = set()

    def clean(self):
        if self.pk is None:
            return
        old = type(self)._default_manager.filter(pk=self.pk).values_list("source__key", "section").first()
        if old in self.sections_cited_by_code and old != (self.source.key, self.section):
            raise ValidationError(
                {"section": "The questionnaire's reasons cite this section by its heading, so it cannot be changed here."}
            )

    def get_absolute_url(self):
        return self.source.get_absolute_url() + f"#citation-{self.pk}"


class PageManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Page(VersionedModel):
    """A site page such as about, disclaimer or crisis help, made of cited sections."""

    slug = models.SlugField(max_length=60, unique=True)
    title = models.CharField(max_length=200)
    intro = models.TextField(blank=True)
    last_reviewed = models.DateField()

    objects = PageManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return self.title

    def natural_key(self):
        return (self.slug,)

    def get_absolute_url(self):
        return reverse("content:page", args=[self.slug])


class PageSectionManager(models.Manager):
    def get_by_natural_key(self, page_slug, heading):
        return self.get(page__slug=page_slug, heading=heading)


class PageSection(VersionedModel):
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="sections")
    order = models.PositiveSmallIntegerField(default=0)
    heading = models.CharField(max_length=200)
    body = models.TextField(help_text="Plain text. A blank line starts a new paragraph; lines starting “- ” make a list.")
    citations = models.ManyToManyField(Citation, related_name="page_sections")

    objects = PageSectionManager()
    history = HistoricalRecords(m2m_fields=[citations])

    class Meta:
        ordering = ["page", "order", "pk"]
        constraints = [models.UniqueConstraint(fields=["page", "heading"], name="unique_page_section_heading")]

    def __str__(self):
        return f"{self.page.title}: {self.heading}"

    def natural_key(self):
        return (self.page.slug, self.heading)

    natural_key.dependencies = ["content.page"]

    def get_absolute_url(self):
        return self.page.get_absolute_url()


class ContentVersion(models.Model):
    """One row whose number changes, in the same transaction, with every content edit.

    Cached pages are kept with the number they were rendered at and served only while it
    is still current (content.page_cache). Because the number lives in the database
    beside the content, any process that can see an edit sees the new number too: there
    is no window in which a cache could serve the old page, and the cache may be lost.
    """

    SINGLETON_ID = 1

    number = models.BigIntegerField(default=0)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"Content version {self.number}"

    def get_absolute_url(self):
        return reverse("home")
