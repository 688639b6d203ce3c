"""PostgreSQL: accent-folded full-text search and trigram indexes.

- `unaccent` and `pg_trgm` (both trusted extensions: the database owner may create them);
- the text search configuration `swedish_unaccent`: Swedish stemming after folding
  å→a, ä→a, ö→o, é→e, so "hallbarhet" and "hållbarhet" have the same lexeme;
- the trigger computes the vector with it from title (A), body (B) and context (C);
- a GIN trigram index on `document` (substring: compound parts), and one on the
  words' folded spelling ("Did you mean …?" by similarity).

The existing rows get their `document` here and their vector again.
"""

from django.db import migrations

FORWARD = """
CREATE EXTENSION IF NOT EXISTS unaccent
---
CREATE EXTENSION IF NOT EXISTS pg_trgm
---
CREATE TEXT SEARCH CONFIGURATION swedish_unaccent (COPY = pg_catalog.swedish)
---
ALTER TEXT SEARCH CONFIGURATION swedish_unaccent
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, swedish_stem
---
CREATE OR REPLACE FUNCTION search_entry_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_vector :=
        setweight(to_tsvector('public.swedish_unaccent', coalesce(NEW.title, '')), 'A') ||
        setweight(to_tsvector('public.swedish_unaccent', coalesce(NEW.body, '')), 'B') ||
        setweight(to_tsvector('public.swedish_unaccent', coalesce(NEW.context, '')), 'C');
    RETURN NEW;
END
$$
---
CREATE INDEX search_entry_document_trgm ON search_searchentry
    USING gin (document gin_trgm_ops)
---
CREATE INDEX search_word_folded_trgm ON search_searchword USING gin (folded gin_trgm_ops)
"""

BACKWARD = """
DROP INDEX IF EXISTS search_word_folded_trgm
---
DROP INDEX IF EXISTS search_entry_document_trgm
---
CREATE OR REPLACE FUNCTION search_entry_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_vector :=
        setweight(to_tsvector('pg_catalog.swedish', coalesce(NEW.title, '')), 'A') ||
        setweight(to_tsvector('pg_catalog.swedish', coalesce(NEW.body, '')), 'B');
    RETURN NEW;
END
$$
---
DROP TEXT SEARCH CONFIGURATION IF EXISTS swedish_unaccent
"""


def fill_documents(apps, schema_editor):
    from search.folding import document

    entry_model = apps.get_model("search", "SearchEntry")
    entries = list(entry_model.objects.all())
    for entry in entries:
        entry.document = document(entry.title, entry.body, entry.context)
    entry_model.objects.bulk_update(entries, ["document"], batch_size=1000)


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in FORWARD.split("---"):
            schema_editor.execute(statement)
    fill_documents(apps, schema_editor)  # on PostgreSQL the trigger computes the vectors again


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in BACKWARD.split("---"):
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0003_folded_document_and_words")]

    operations = [migrations.RunPython(forward, backward, elidable=False)]
