"""SQL that only PostgreSQL runs, for the search's migrations (SQLite has no GIN indexes)."""


def on_postgresql(statements: str):
    """A RunPython operation running `statements`, separated by `---`, on PostgreSQL only."""

    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements.split("---"):
                schema_editor.execute(statement)

    return operation
