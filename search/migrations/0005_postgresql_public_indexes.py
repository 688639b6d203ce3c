"""PostgreSQL: the two GIN indexes again over the entries a visitor may find.

A visitor's search carries `NOT members_only`, so the planner reads these
partial indexes and visits only public candidates: a word frequent in
members-only answers ("strat" is in thousands of them) costs a visitor nothing.
"""

from django.db import migrations

from search.migration_sql import on_postgresql

FORWARD = """
CREATE INDEX search_entry_public_vector_gin ON search_searchentry
    USING gin (search_vector) WHERE NOT members_only
---
CREATE INDEX search_entry_public_document_trgm ON search_searchentry
    USING gin (document gin_trgm_ops) WHERE NOT members_only
"""

BACKWARD = """
DROP INDEX IF EXISTS search_entry_public_document_trgm
---
DROP INDEX IF EXISTS search_entry_public_vector_gin
"""


class Migration(migrations.Migration):
    dependencies = [("search", "0004_postgresql_folding_and_trigrams")]

    operations = [migrations.RunPython(on_postgresql(FORWARD), on_postgresql(BACKWARD), elidable=False)]
