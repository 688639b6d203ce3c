"""The content generation's counter (rusnet/generation.py); its triggers are installed
after every migrate, so tables added later are covered without a migration of their own."""

from django.db import migrations

POSTGRESQL_FUNCTION = """
CREATE OR REPLACE FUNCTION content_generation_advance() RETURNS trigger AS $$
BEGIN
    UPDATE content_generation SET value = value + 1;
    RETURN NULL;
END
$$ LANGUAGE plpgsql
"""


def create_counter(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE content_generation (value bigint NOT NULL)")
        cursor.execute("INSERT INTO content_generation (value) VALUES (1)")
        if connection.vendor == "postgresql":
            cursor.execute(POSTGRESQL_FUNCTION)


def drop_counter(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("DROP TABLE content_generation")


class Migration(migrations.Migration):
    dependencies = [("rusnet", "0001_cache_table")]
    operations = [migrations.RunPython(create_counter, drop_counter)]
