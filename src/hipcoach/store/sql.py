"""What every SQL repository shares: the session's connection and race-safe inserts.

ON CONFLICT is spelled the same way by SQLite and PostgreSQL, but SQLAlchemy builds it with
each dialect's own `insert`; `upsert_statement` picks the right one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import CursorResult
from sqlalchemy.orm import Session
from sqlalchemy.sql.base import Executable


class SqlRepository:
    """A repository over one Session; it runs statements but never commits."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def _run(self, statement: Executable) -> CursorResult[Any]:
        return self._session.connection().execute(statement)

    def _dialect_insert(self, table: Table) -> sqlite.Insert | postgresql.Insert:
        if self._session.connection().dialect.name == "sqlite":
            return sqlite.insert(table)
        return postgresql.insert(table)

    def _insert_new(self, table: Table, row: dict[str, Any], keys: Sequence[str]) -> bool:
        """Insert unless a row with the same `keys` (a unique key) exists; True if inserted."""
        targets = [table.c[key] for key in keys]
        statement = self._dialect_insert(table).values(row)
        return self._counted(statement.on_conflict_do_nothing(index_elements=targets)) == 1

    def _upsert(self, table: Table, row: dict[str, Any], keys: Sequence[str]) -> None:
        """Insert, or overwrite the other columns of the row with the same `keys`."""
        statement = self._dialect_insert(table).values(row)
        changes = {name: statement.excluded[name] for name in row if name not in keys}
        self._run(
            statement.on_conflict_do_update(
                index_elements=[table.c[key] for key in keys], set_=changes
            )
        )

    def _counted(self, statement: Executable) -> int:
        # SQLAlchemy only keeps rowcount for UPDATE/DELETE unless asked to (psycopg gives -1).
        return self._run(statement.execution_options(preserve_rowcount=True)).rowcount
