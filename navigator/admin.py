from django.contrib import admin

from content.admin_mixins import ContentAdmin, EditVersionForm

from .models import AnswerChoice, Question


class AnswerChoiceInline(admin.TabularInline):
    model = AnswerChoice
    form = EditVersionForm
    extra = 0
    fields = ["code", "order", "label_self", "label_other", "said", "seen_edit_version"]
    readonly_fields = ["code"]

    def has_add_permission(self, request, obj=None):
        return False  # answer codes are fixed by navigator.rules

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Question)
class QuestionAdmin(ContentAdmin):
    list_display = ["text_self", "code", "order"]
    search_fields = ["code", "text_self", "text_other", "help_text"]
    readonly_fields = ["code"]
    fields = ["code", "order", "text_self", "text_other", "short_text", "help_text", "seen_edit_version"]
    inlines = [AnswerChoiceInline]

    def has_add_permission(self, request):
        return False  # question codes are fixed by navigator.rules

    def has_delete_permission(self, request, obj=None):
        return False
