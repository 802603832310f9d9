from django.contrib import admin
from django.db.models import Count

from .admin_mixins import ContentAdmin, EditVersionForm
from .models import Citation, Page, PageSection, Source


class CitationInline(admin.TabularInline):
    model = Citation
    form = EditVersionForm
    extra = 1
    fields = ["section", "seen_edit_version"]


@admin.register(Source)
class SourceAdmin(ContentAdmin):
    list_display = ["title", "publisher", "kind", "needs_editor_check", "citation_count"]
    list_filter = ["kind", "needs_editor_check"]
    search_fields = ["title", "publisher", "author", "covers"]
    prepopulated_fields = {"key": ["title"]}
    inlines = [CitationInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(citation_total=Count("citations"))

    @admin.display(description="Cited sections", ordering="citation_total")
    def citation_count(self, source):
        return source.citation_total


@admin.register(Citation)
class CitationAdmin(ContentAdmin):
    list_display = ["section", "source"]
    list_filter = ["source"]
    search_fields = ["section", "source__title", "source__publisher"]
    list_select_related = ["source"]


class PageSectionInline(admin.StackedInline):
    model = PageSection
    form = EditVersionForm
    extra = 0
    autocomplete_fields = ["citations"]
    fields = ["order", "heading", "body", "citations", "seen_edit_version"]


@admin.register(Page)
class PageAdmin(ContentAdmin):
    list_display = ["title", "slug", "last_reviewed"]
    search_fields = ["title", "intro", "sections__heading", "sections__body"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [PageSectionInline]


@admin.register(PageSection)
class PageSectionAdmin(ContentAdmin):
    list_display = ["heading", "page", "order"]
    list_filter = ["page"]
    search_fields = ["heading", "body"]
    autocomplete_fields = ["citations"]
