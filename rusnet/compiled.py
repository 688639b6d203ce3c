"""Querysets compiled to SQL once per process, for the queries every page runs.

Compiling a queryset with EXISTS subqueries costs Django more than PostgreSQL takes
to run it (and PostgreSQL plans a prepared statement once per connection). Where only
integer values change from one request to the next (an id), the SQL is compiled once
with stand-in values and run with the real ones through raw().
"""

from django.db import connection

_FIRST_STAND_IN = -918273645


class CompiledQuery:
    """`build(*ids)` returns the queryset for these integer values; run() takes the real ones."""

    def __init__(self, build):
        self.build = build
        self._compiled = {}

    def _compile(self, count):
        stand_ins = [_FIRST_STAND_IN - n for n in range(count)]
        queryset = self.build(*stand_ins)
        sql, params = queryset.query.sql_with_params()
        slots = [stand_ins.index(p) if p in stand_ins else None for p in params]
        missing = set(range(count)) - set(slots)
        if missing:
            raise ValueError(f"The query does not use values {sorted(missing)}.")
        return queryset.model, sql, params, slots

    def run(self, *values):
        """The model instances the queryset finds for `values`, with its annotations."""
        key = (connection.vendor, len(values))
        if key not in self._compiled:
            self._compiled[key] = self._compile(len(values))
        model, sql, params, slots = self._compiled[key]
        params = [
            p if slot is None else values[slot] for p, slot in zip(params, slots, strict=True)
        ]
        return list(model._default_manager.raw(sql, params))
