"""A source note may belong to several options (issue 15: "one disagreement, one record").
The foreign key's option is copied into the new many-to-many field first, and notes that give
the same correction on several options are merged into one."""

import django.db.models.deletion
import simple_history.models
from django.db import migrations, models


def copy_options_and_merge_duplicates(apps, schema_editor):
    SourceNote = apps.get_model("options", "SourceNote")
    kept = {}
    for note in SourceNote.objects.order_by("key"):
        note.options_new.add(note.option_id)
        same = (note.kind, note.what_is_correct)  # the same correction: one disagreement
        if same in kept:
            first = kept[same]
            first.options_new.add(note.option_id)
            first.citations.add(*note.citations.all())
            note.delete()
        else:
            kept[same] = note


class Migration(migrations.Migration):

    dependencies = [
        ('options', '0002_own_words_fixes'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='sourcenote',
            options={'ordering': ['title']},
        ),
        # Added under a temporary name, filled, then the foreign key goes and it takes its place.
        migrations.AddField(
            model_name='sourcenote',
            name='options_new',
            field=models.ManyToManyField(related_name='+', to='options.treatmentoption'),
        ),
        migrations.RunPython(copy_options_and_merge_duplicates, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name='historicalsourcenote',
            name='option',
        ),
        migrations.RemoveField(
            model_name='sourcenote',
            name='option',
        ),
        migrations.RenameField(model_name='sourcenote', old_name='options_new', new_name='options'),
        migrations.AlterField(
            model_name='sourcenote',
            name='options',
            field=models.ManyToManyField(related_name='source_notes', to='options.treatmentoption'),
        ),
        migrations.CreateModel(
            name='HistoricalSourceNote_options',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='options.historicalsourcenote')),
                ('sourcenote', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='options.sourcenote')),
                ('treatmentoption', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='options.treatmentoption')),
            ],
            options={
                'verbose_name': 'HistoricalSourceNote_options',
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
    ]
