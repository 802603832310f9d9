from django.core.management import call_command
from django.db import migrations
from django.test.utils import override_settings

DATABASE_CACHE = {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "navigator_cache"}


def create_cache_table(apps, schema_editor):
    # The database cache is the shared fallback when REDIS_URL is not set. The table is
    # made whatever the cache setting is now, so unsetting REDIS_URL later still works.
    with override_settings(CACHES={"default": DATABASE_CACHE}):
        call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("content", "0001_initial")]
    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
