from django.contrib import admin

from content.admin_mixins import ContentAdmin, EditVersionForm

from .models import Fact, SourceNote, TreatmentOption


class FactInline(admin.StackedInline):
    model = Fact
    form = EditVersionForm
    extra = 0
    autocomplete_fields = ["citations"]
    fields = [("topic", "order"), "text", "citations", "seen_edit_version"]


class SourceNoteInline(admin.TabularInline):
    """Which notes on the sources this option shows (a note may belong to several options; its
    text is edited on the note's own page)."""

    model = SourceNote.options.through
    extra = 0
    autocomplete_fields = ["sourcenote"]
    verbose_name = "note on the sources"
    verbose_name_plural = "notes on the sources (edit their text under Source notes)"


@admin.register(TreatmentOption)
class TreatmentOptionAdmin(ContentAdmin):
    list_display = ["name", "category", "is_risky", "continuum_step", "last_reviewed", "fact_count"]
    list_filter = ["category", "is_risky", "setting", "round_the_clock"]
    search_fields = ["name", "slug", "other_names", "summary", "facts__text"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["summary_citations", "comes_after", "related"]
    inlines = [FactInline, SourceNoteInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "other_names", "category", "order", "summary", "summary_citations",
                           "is_risky", "last_reviewed", "seen_edit_version"]}),
        ("Numbers for the continuum, compare table and questionnaire", {
            "fields": ["round_the_clock", ("hours_per_week_min", "hours_per_week_max"), "intensity_short",
                       ("duration_min", "duration_max", "duration_unit"), "duration_short", "setting",
                       "continuum_step"],
        }),
        ("Relations", {"fields": ["comes_after", "related"], "classes": ["collapse"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("facts")

    @admin.display(description="Facts")
    def fact_count(self, option):
        return len(option.facts.all())


@admin.register(Fact)
class FactAdmin(ContentAdmin):
    list_display = ["option", "topic", "order", "text"]
    list_filter = ["topic", "option__category"]
    search_fields = ["text", "option__name"]
    autocomplete_fields = ["citations"]
    list_select_related = ["option"]


@admin.register(SourceNote)
class SourceNoteAdmin(ContentAdmin):
    list_display = ["title", "kind", "shown_on"]
    list_filter = ["kind"]
    search_fields = ["title", "what_sources_say", "what_is_correct"]
    autocomplete_fields = ["citations", "options"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("options")

    @admin.display(description="Shown on")
    def shown_on(self, note):
        return ", ".join(option.name for option in note.options.all())
