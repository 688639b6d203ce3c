"""The database cache's table (settings.CACHES), created by `migrate` so no deployment
forgets it: rate-limit counters and used one-time codes live there, shared by every
container. createcachetable skips tables that exist and caches that are not databases."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = []
    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
