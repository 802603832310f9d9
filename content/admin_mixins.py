"""Admin pieces every content model shares: history, and refusing stale saves."""
from django import forms
from django.core.exceptions import ValidationError
from django.db import router, transaction
from simple_history.admin import SimpleHistoryAdmin

STALE_EDIT_MESSAGE = (
    "Someone else saved this %(name)s after you opened it, so your changes were not saved. "
    "Copy anything you typed, reload the page to see their version, and make your change again."
)


class EditVersionForm(forms.ModelForm):
    """Refuses a save made from a form opened before someone else's save.

    Without this, the last of two editors silently overwrites the first.
    """

    seen_edit_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._malformed_choices = self._drop_malformed_ids() if self.is_bound else []
        if self.instance.pk is not None and not self.is_bound:
            # The version in the database, not the instance's: a history revert form is
            # built from an old copy whose number is behind, yet it is not stale.
            self.fields["seen_edit_version"].initial = self._current_version(lock=False)

    def _current_version(self, *, lock):
        queryset = type(self.instance)._default_manager.filter(pk=self.instance.pk)
        if lock:
            queryset = queryset.select_for_update()
        return queryset.values_list("edit_version", flat=True).first()

    def _drop_malformed_ids(self):
        """Remove ids that are not ids before anything looks them up.

        The admin's autocomplete widget queries the database with whatever was posted
        when it redraws the form, and a value such as "%00" would crash it. We refuse
        the save with a message instead (see clean()).
        """
        malformed = []
        for name, field in self.fields.items():
            if not isinstance(field, forms.ModelChoiceField):
                continue
            key = self.add_prefix(name)
            if key not in self.data:
                continue
            values = self.data.getlist(key) if hasattr(self.data, "getlist") else [self.data[key]]
            kept = [value for value in values if value == "" or (str(value).isdigit() and len(str(value)) < 19)]
            if kept != values:
                if not getattr(self.data, "_mutable", True):
                    self.data = self.data.copy()
                self.data.setlist(key, kept)
                malformed.append(name)
        return malformed

    def clean(self):
        for name in self._malformed_choices:
            self.add_error(name, "One of the chosen items is not valid. Please choose again from the list.")
        cleaned = super().clean()
        if self.instance.pk is not None and not self.errors:
            seen = cleaned.get("seen_edit_version")
            current = self._current_version(lock=True)
            if current is not None and seen != current:
                raise ValidationError(
                    STALE_EDIT_MESSAGE, code="stale", params={"name": self._meta.model._meta.verbose_name}
                )
            if current is not None:
                self.instance.edit_version = current
        return cleaned


class ContentAdmin(SimpleHistoryAdmin):
    form = EditVersionForm
    save_on_top = True

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # The admin's own change view runs in a transaction; simple-history's revert view
        # does not, and the stale-edit check locks the row (PostgreSQL needs a transaction).
        with transaction.atomic(using=router.db_for_write(self.model)):
            return super().history_form_view(request, object_id, version_id, extra_context)
