"""PostgreSQL: the kind as the first column of the four GIN indexes (btree_gin).

A search asks for at most CAP + 1 matches of each kind (search/query.py): with the
kind in the index, the bitmap of one kind's matches comes out of the index alone,
so a kind stored late in the table, or a kind of members-only entries a visitor
cannot see, costs a few index pages instead of a walk past every other match. A
query without a kind (a suggestion's check) still reads the second column.
`fastupdate = off`: a search reads up to fourteen of these bitmaps, and each would
read GIN's whole pending list of recent inserts (up to 4 MB) until a vacuum
merges it; the index is written a few rows per save, so inserting directly costs
little.
`btree_gin` is a trusted extension: the database owner may create it.
"""

from django.db import migrations

from search.migration_sql import on_postgresql

FORWARD = """
CREATE EXTENSION IF NOT EXISTS btree_gin
---
DROP INDEX IF EXISTS search_entry_vector_gin
---
DROP INDEX IF EXISTS search_entry_document_trgm
---
DROP INDEX IF EXISTS search_entry_public_vector_gin
---
DROP INDEX IF EXISTS search_entry_public_document_trgm
---
CREATE INDEX search_entry_kind_vector_gin ON search_searchentry
    USING gin (kind, search_vector) WITH (fastupdate = off)
---
CREATE INDEX search_entry_kind_document_trgm ON search_searchentry
    USING gin (kind, document gin_trgm_ops) WITH (fastupdate = off)
---
CREATE INDEX search_entry_public_kind_vector_gin ON search_searchentry
    USING gin (kind, search_vector) WITH (fastupdate = off) WHERE NOT members_only
---
CREATE INDEX search_entry_public_kind_document_trgm ON search_searchentry
    USING gin (kind, document gin_trgm_ops) WITH (fastupdate = off) WHERE NOT members_only
"""

BACKWARD = """
DROP INDEX IF EXISTS search_entry_public_kind_document_trgm
---
DROP INDEX IF EXISTS search_entry_public_kind_vector_gin
---
DROP INDEX IF EXISTS search_entry_kind_document_trgm
---
DROP INDEX IF EXISTS search_entry_kind_vector_gin
---
CREATE INDEX search_entry_vector_gin ON search_searchentry USING gin (search_vector)
---
CREATE INDEX search_entry_document_trgm ON search_searchentry
    USING gin (document gin_trgm_ops)
---
CREATE INDEX search_entry_public_vector_gin ON search_searchentry
    USING gin (search_vector) WHERE NOT members_only
---
CREATE INDEX search_entry_public_document_trgm ON search_searchentry
    USING gin (document gin_trgm_ops) WHERE NOT members_only
"""


class Migration(migrations.Migration):
    dependencies = [("search", "0006_kinds_network_pages_and_sources")]

    operations = [migrations.RunPython(on_postgresql(FORWARD), on_postgresql(BACKWARD), elidable=False)]
