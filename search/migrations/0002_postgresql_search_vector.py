"""On PostgreSQL the database keeps the search vector: a trigger computes it from
title (weight A) and body (weight B) with the Swedish configuration on every insert
and update, and a GIN index serves the @@ searches. SQLite gets neither: its
search falls back to whole words (search/query.py)."""

from django.db import migrations

FORWARD = """
CREATE FUNCTION search_entry_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_vector :=
        setweight(to_tsvector('pg_catalog.swedish', coalesce(NEW.title, '')), 'A') ||
        setweight(to_tsvector('pg_catalog.swedish', coalesce(NEW.body, '')), 'B');
    RETURN NEW;
END
$$;
---
CREATE TRIGGER search_entry_vector_update
    BEFORE INSERT OR UPDATE ON search_searchentry
    FOR EACH ROW EXECUTE FUNCTION search_entry_vector();
---
UPDATE search_searchentry SET title = title;
---
CREATE INDEX search_entry_vector_gin ON search_searchentry USING gin (search_vector);
"""

BACKWARD = """
DROP INDEX IF EXISTS search_entry_vector_gin;
---
DROP TRIGGER IF EXISTS search_entry_vector_update ON search_searchentry;
---
DROP FUNCTION IF EXISTS search_entry_vector();
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in FORWARD.split("---"):
            schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in BACKWARD.split("---"):
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(forward, backward, elidable=False)]
