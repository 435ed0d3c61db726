"""An import's staging area: records staged in short transactions, then published in one.

On SQLite a transaction holds the one write lock for as long as it runs. A 100,000-set import
stored record by record held it for about 11 s (other people's writes waited, then failed), so
an import stages its sessions and sets here a batch per transaction (other writers go between
them), and one short transaction then checks them against what is stored and copies them into
the real tables with one INSERT ... SELECT each. Nothing staged is visible to any other query,
so the import still shows all of itself or nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Table, and_, delete, or_, select, text, tuple_
from sqlalchemy.exc import IntegrityError

from hipcoach.domain.errors import ConflictError
from hipcoach.domain.log import LoggedSet, TrainingSession
from hipcoach.store import mapping
from hipcoach.store.sql import SqlRepository, _insert
from hipcoach.store.tables import logged_set, staged_session, staged_set, training_session

#: Columns a retry may change without being "other values" (as `same_values` says).
_FREE = {training_session.name: {"version"}, logged_set.name: {"logged_at"}}


class SqlImportStaging(SqlRepository):
    def stage_sessions(
        self, import_id: str, user_id: str, sessions: Sequence[TrainingSession], now: datetime
    ) -> None:
        """Stage a batch of sessions of one import (one multi-row statement)."""
        rows = [mapping.session_to_row(user_id, s) for s in sessions]
        self._stage(staged_session, import_id, rows, now)

    def stage_sets(
        self, import_id: str, user_id: str, sets: Sequence[LoggedSet], now: datetime
    ) -> None:
        """Stage a batch of sets of one import."""
        rows = [mapping.set_to_row(user_id, s) for s in sets]
        self._stage(staged_set, import_id, rows, now)

    def _stage(
        self, table: Table, import_id: str, rows: list[dict[str, Any]], now: datetime
    ) -> None:
        if rows:
            extra = {"import_id": import_id, "staged_at": now}
            self._run(table.insert(), [row | extra for row in rows])  # type: ignore[arg-type]

    def changed_session(self, import_id: str, user_id: str) -> str | None:
        """The id of a staged session already stored with other values, if any."""
        return self._changed(staged_session, training_session, import_id, user_id)

    def changed_set(self, import_id: str, user_id: str) -> str | None:
        """The id of a staged set already stored with other values, if any."""
        return self._changed(staged_set, logged_set, import_id, user_id)

    def _changed(self, staged: Table, real: Table, import_id: str, user_id: str) -> str | None:
        compared = [
            c.name for c in real.columns if c.name not in {"user_id", "id", *_FREE[real.name]}
        ]
        query = (
            select(staged.c.id)
            .join(real, and_(real.c.user_id == staged.c.user_id, real.c.id == staged.c.id))
            .where(staged.c.import_id == import_id, staged.c.user_id == user_id)
            .where(or_(*(real.c[name].is_distinct_from(staged.c[name]) for name in compared)))
            .limit(1)
        )
        found: str | None = self._run(query).scalar()
        return found

    def taken_slot(self, import_id: str, user_id: str) -> tuple[TrainingSession, str] | None:
        """A staged session whose day and plan slot another stored session holds, with that
        session's id; None if no slot is taken."""
        real = training_session
        query = (
            select(staged_session, real.c.id.label("holder"))
            .join(
                real,
                and_(
                    real.c.user_id == staged_session.c.user_id,
                    real.c.date == staged_session.c.date,
                    real.c.plan_week == staged_session.c.plan_week,
                    real.c.plan_session == staged_session.c.plan_session,
                    real.c.id != staged_session.c.id,
                ),
            )
            .where(staged_session.c.import_id == import_id, staged_session.c.user_id == user_id)
            .limit(1)
        )
        row = self._run(query).mappings().first()
        return (mapping.session_from_row(row), row["holder"]) if row else None

    def publish(self, import_id: str, user_id: str) -> tuple[int, int]:
        """Copy the staged sessions, then sets, into the real tables (records already stored
        are left as they are); how many sessions and sets were new."""
        try:
            sessions = self._publish(staged_session, training_session, import_id, user_id)
        except IntegrityError:  # two of the file's sessions share a day and plan slot
            raise ConflictError(
                "Two sessions of the file share a day, plan week and plan session; "
                "keep one of them, or send the other without a plan week and session.",
                field="plan_session",
            ) from None
        if self._dialect() == "postgresql":
            # Each set's foreign key looks up its session. With statistics from before the
            # import's sessions arrived, PostgreSQL planned that lookup as a scan of the whole
            # table: 40,000 sets took 12 s instead of 1.3 s (measured). A few ms refresh them.
            self._run(text(f"ANALYZE {training_session.name}"))
        return sessions, self._publish(staged_set, logged_set, import_id, user_id)

    def _publish(self, staged: Table, real: Table, import_id: str, user_id: str) -> int:
        names = [c.name for c in real.columns]
        rows = select(*(staged.c[name] for name in names)).where(
            staged.c.import_id == import_id, staged.c.user_id == user_id
        )
        statement = (
            _insert(self._dialect(), real)
            .from_select(names, rows)
            .on_conflict_do_nothing(index_elements=[real.c.user_id, real.c.id])
        )
        return self._counted(statement)

    def discard(self, import_id: str, user_id: str, limit: int, *, sets: bool) -> int:
        """Delete up to `limit` staged records of one import (sets, or sessions); how many.

        A batch is picked by its keys (a list of ids would make PostgreSQL, whose statistics
        still see an empty table, compare every row with every id)."""
        table = staged_set if sets else staged_session
        keys = (table.c.import_id, table.c.user_id, table.c.id)
        batch = (
            select(*keys)
            .where(table.c.import_id == import_id, table.c.user_id == user_id)
            .limit(limit)
        )
        return self._counted(delete(table).where(tuple_(*keys).in_(batch)))

    def discard_stale(self, before: datetime) -> int:
        """Delete whatever imports that stopped half way (a crash) staged before `before`."""
        return sum(
            self._counted(delete(table).where(table.c.staged_at < before))
            for table in (staged_set, staged_session)
        )
