from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save, pre_save


class NavigatorConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "navigator"
    verbose_name = "Questionnaire"

    def ready(self):
        # Imported here, as Django's docs advise: models can be imported only once apps are ready.
        from content.models import Citation
        from options.models import TreatmentOption

        from . import rules, signals
        from .editors import ensure_editors_group_after_migrate

        Citation.sections_cited_by_code.update(rules.CITES.values())
        TreatmentOption.slugs_named_by_code.update(rules.RECOMMENDABLE_SLUGS)

        post_save.connect(signals.content_changed, dispatch_uid="content_changed_save")
        post_delete.connect(signals.content_changed, dispatch_uid="content_changed_delete")
        m2m_changed.connect(signals.m2m_content_changed, dispatch_uid="content_changed_m2m")
        pre_save.connect(signals.no_history_for_loaded_records, dispatch_uid="no_history_for_loaded_records")
        post_migrate.connect(ensure_editors_group_after_migrate, dispatch_uid="ensure_editors_group")
