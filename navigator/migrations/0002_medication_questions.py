"""Adds the questions about the medicine a person takes now and when they last used, with
their first history entries, to databases that already hold content (fixtures have them too)."""
from django.db import migrations
from django.utils import timezone

QUESTIONS = [
    {
        "code": "current_medication",
        "order": 8,
        "text_self": "Do you take a medicine for opioid use now, prescribed by a doctor or clinic?",
        "text_other": "Do they take a medicine for opioid use now, prescribed by a doctor or clinic?",
        "help_text": "Methadone and buprenorphine (for example Suboxone) are taken every day. Naltrexone blocks the "
        "effect of opioids. This question is optional.",
        "choices": [
            ("none", "No", "No"),
            ("methadone", "Yes, methadone", "Yes, methadone"),
            ("buprenorphine", "Yes, buprenorphine (for example Suboxone)", "Yes, buprenorphine (for example Suboxone)"),
            ("naltrexone", "Yes, naltrexone", "Yes, naltrexone"),
        ],
    },
    {
        "code": "last_use",
        "order": 8,
        "text_self": "When did you last use heroin, or opioids that were not prescribed to you?",
        "text_other": "When did they last use heroin, or opioids that were not prescribed to them?",
        "help_text": "This matters for some medicines: naltrexone, for example, can only be started once the body "
        "is free of opioids. If you are not sure, skip this question.",
        "choices": [
            ("today_or_yesterday", "Today or yesterday", "Today or yesterday"),
            ("2_to_7_days", "2 to 7 days ago", "2 to 7 days ago"),
            ("8_to_30_days", "8 to 30 days ago", "8 to 30 days ago"),
            ("over_30_days", "More than 30 days ago", "More than 30 days ago"),
        ],
    },
]
REASON = "Added with the questions about current medicine and last use"


def add_questions(apps, schema_editor):
    alias = schema_editor.connection.alias
    Question = apps.get_model("navigator", "Question")
    AnswerChoice = apps.get_model("navigator", "AnswerChoice")
    HistoricalQuestion = apps.get_model("navigator", "HistoricalQuestion")
    HistoricalAnswerChoice = apps.get_model("navigator", "HistoricalAnswerChoice")
    if not Question.objects.using(alias).exists():
        return  # an empty database: load_content brings every question from the fixtures
    now = timezone.now()
    for spec in QUESTIONS:
        fields = {key: spec[key] for key in ("order", "text_self", "text_other", "help_text")}
        question, created = Question.objects.using(alias).get_or_create(code=spec["code"], defaults=fields)
        if created:
            HistoricalQuestion.objects.using(alias).create(
                id=question.id, code=question.code, edit_version=question.edit_version, history_date=now,
                history_type="+", history_change_reason=REASON, **fields,
            )
        for order, (code, label_self, label_other) in enumerate(spec["choices"], start=1):
            labels = {"order": order, "label_self": label_self, "label_other": label_other}
            choice, created = AnswerChoice.objects.using(alias).get_or_create(
                question=question, code=code, defaults=labels
            )
            if created:
                HistoricalAnswerChoice.objects.using(alias).create(
                    id=choice.id, question_id=question.id, code=code, edit_version=choice.edit_version,
                    history_date=now, history_type="+", history_change_reason=REASON, **labels,
                )


class Migration(migrations.Migration):
    dependencies = [("navigator", "0001_initial"), ("content", "0003_content_version")]
    operations = [migrations.RunPython(add_questions, migrations.RunPython.noop)]
