"""Sessions stored with their account, so one query loads both (SESSION_ENGINE).

Django's database sessions cost a logged-in request two queries before the view
runs: the session, then the account it names. accounts.models.Session keeps the
account's id in a column beside the session data; this store loads the session
with the account in one query, and accounts.middleware.AuthenticationMiddleware
lets the backend take that account instead of loading it again. Django's own checks
all still run (the session's account id, its backend, the password hash the session
was opened with, whether the account is active): only the loading is shared.

The query is one SQL statement written out below rather than a queryset: it runs
on every logged-in request, and building it through the ORM cost about 0.5 ms of
Python per request, more than the query itself and more than the rest of a
member's minimal request (README, Performance). tests/accounts pin what it returns.
"""

import functools
from contextvars import ContextVar

from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.sessions.backends import db
from django.db import connections
from django.utils import timezone

# The session of the request whose user is being loaded (accounts.middleware).
session_being_authenticated: ContextVar = ContextVar("session_being_authenticated", default=None)


@functools.cache
def session_with_account_sql(session_table) -> tuple[str, list[str]]:
    """The SELECT of a session row with its account's columns and `holds_permissions`
    (whether the account holds any model permission, directly or through a group: only
    then does accounts.backends ask which), and the account's field names in order."""
    User = get_user_model()
    fields = list(User._meta.concrete_fields)
    account_columns = ", ".join(f'u."{field.column}"' for field in fields)
    direct = User.user_permissions.through._meta.db_table
    memberships = User.groups.through._meta.db_table
    group_permissions = User.groups.field.related_model.permissions.through._meta.db_table
    sql = (
        f"SELECT s.session_data, {account_columns}, "
        f'(EXISTS (SELECT 1 FROM "{direct}" p WHERE p.user_id = s.user_id) '
        f'OR EXISTS (SELECT 1 FROM "{memberships}" m JOIN "{group_permissions}" p '
        "ON p.group_id = m.group_id WHERE m.user_id = s.user_id)) "
        f'FROM "{session_table}" s LEFT OUTER JOIN "{User._meta.db_table}" u ON u.id = s.user_id '
        "WHERE s.session_key = %s AND s.expire_date > %s"
    )
    return sql, fields


def from_db_row(connection, fields, values):
    """The account as the ORM would build it from the row (converting as it does: SQLite
    returns dates as text and booleans as 0 or 1)."""
    converted = []
    for field, value in zip(fields, values, strict=True):
        column = field.cached_col
        for convert in [
            *connection.ops.get_db_converters(column),
            *field.get_db_converters(connection),
        ]:
            value = convert(value, column, connection)
        converted.append(value)
    return field.model.from_db(connection.alias, [field.attname for field in fields], converted)


class SessionStore(db.SessionStore):
    loaded_user = None  # the account loaded with the session, if it names one

    @classmethod
    def get_model_class(cls):
        from accounts.models import Session

        return Session

    def _get_session_from_db(self):
        sql, account_fields = session_with_account_sql(self.model._meta.db_table)
        connection = connections[self.model.objects.db]
        row = None
        if self.session_key is not None:  # the key's setter turns a malformed key into None
            with connection.cursor() as cursor:
                now = connection.ops.adapt_datetimefield_value(timezone.now())
                cursor.execute(sql, [self.session_key, now])
                row = cursor.fetchone()
        if row is None:
            self._session_key = None
            return None
        session_data, *account_values, holds_permissions = row
        if any(value is not None for value in account_values):  # someone logged in
            self.loaded_user = from_db_row(connection, account_fields, account_values)
            self.loaded_user.holds_permissions = bool(holds_permissions)
        return self.model(session_key=self.session_key, session_data=session_data)

    def create_model_instance(self, data):
        session = super().create_model_instance(data)
        user_id = data.get(SESSION_KEY)
        session.user_id = int(user_id) if str(user_id).isdigit() else None
        return session


def user_loaded_with_session(user_id):
    """The account the current request's session was loaded with, if it is `user_id`'s."""
    session = session_being_authenticated.get()
    user = getattr(session, "loaded_user", None)
    if user is not None and str(user.pk) == str(user_id):
        return user
    return None
