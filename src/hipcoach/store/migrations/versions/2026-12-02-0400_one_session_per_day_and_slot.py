"""one session per day and plan slot: a unique index on training_session, duplicates merged

Revision ID: a07165dcf0fd
Revises: 9b3d5e1f2c03
Create Date: 2026-12-02 04:00:00

`uq_training_session_user_id_date_plan_week_plan_session` replaces the plain (user_id, date)
index (its first two columns serve the same queries), so two quick taps on Today, or two
devices, cannot both start the same planned session on one day. NULLs are distinct, so
sessions outside the plan stay unlimited.

A database that already has several sessions for one person, day and slot (the race this
closes) keeps the first of them (the one whose first set was logged earliest; without sets,
the smallest id) and moves every set of the others into it. The kept session takes their
notes too (each distinct text once, in that order, within the 2,000-character limit), the
worst next-day pain reported among them with its place, and a version above all of theirs,
so an edit sent from any of the old versions is refused as stale instead of lost. The others
are deleted. Downgrade drops the index only: merged sessions stay merged.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "a07165dcf0fd"
down_revision: str | Sequence[str] | None = "9b3d5e1f2c03"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SLOT = "uq_training_session_user_id_date_plan_week_plan_session"
DAY = "ix_training_session_user_id_date"
SLOT_COLUMNS = ["user_id", "date", "plan_week", "plan_session"]
NOTES_LIMIT = 2000  # hipcoach.domain.limits.NOTE_LENGTH when this was written

_DUPLICATED = sa.text(
    """
    SELECT s.user_id, s.id, s.date, s.plan_week, s.plan_session, s.notes, s.next_day_pain,
           s.next_day_pain_area, s.next_day_pain_side, s.version,
           (SELECT MIN(l.logged_at) FROM logged_set l
             WHERE l.user_id = s.user_id AND l.session_id = s.id) AS first_set
      FROM training_session s
      JOIN (SELECT user_id, date, plan_week, plan_session FROM training_session
             WHERE plan_week IS NOT NULL AND plan_session IS NOT NULL
             GROUP BY user_id, date, plan_week, plan_session HAVING COUNT(*) > 1) d
        ON d.user_id = s.user_id AND d.date = s.date
       AND d.plan_week = s.plan_week AND d.plan_session = s.plan_session
    """
)
_MOVE_SETS = sa.text(
    "UPDATE logged_set SET session_id = :kept WHERE user_id = :user_id AND session_id = :merged"
)
_KEEP = sa.text(
    "UPDATE training_session SET notes = :notes, next_day_pain = :next_day_pain,"
    " next_day_pain_area = :next_day_pain_area, next_day_pain_side = :next_day_pain_side,"
    " version = :version WHERE user_id = :user_id AND id = :id"
)
_DROP = sa.text("DELETE FROM training_session WHERE user_id = :user_id AND id = :merged")


def _first(row: Any) -> tuple[Any, ...]:
    # Sessions with sets first, by their first set; then the empty ones; the id breaks ties.
    return (0, row.first_set, row.id) if row.first_set is not None else (1, row.id)


def _merged_notes(rows: list[Any]) -> str:
    texts = list(dict.fromkeys(row.notes for row in rows if row.notes.strip()))
    return "\n\n".join(texts)[:NOTES_LIMIT]


def _merge(connection: sa.Connection, rows: list[Any]) -> None:
    rows.sort(key=_first)
    kept, merged = rows[0], rows[1:]
    worst = max(rows, key=lambda row: -1 if row.next_day_pain is None else row.next_day_pain)
    for row in merged:
        connection.execute(_MOVE_SETS, {"kept": kept.id, "user_id": kept.user_id, "merged": row.id})
        connection.execute(_DROP, {"user_id": kept.user_id, "merged": row.id})
    connection.execute(
        _KEEP,
        {
            "user_id": kept.user_id,
            "id": kept.id,
            "notes": _merged_notes(rows),
            "next_day_pain": worst.next_day_pain,
            "next_day_pain_area": worst.next_day_pain_area,
            "next_day_pain_side": worst.next_day_pain_side,
            "version": max(row.version for row in rows) + 1,
        },
    )


def upgrade() -> None:
    connection = op.get_bind()
    groups: dict[tuple[Any, ...], list[Any]] = {}
    for row in connection.execute(_DUPLICATED):
        key = (row.user_id, row.date, row.plan_week, row.plan_session)
        groups.setdefault(key, []).append(row)
    for rows in groups.values():
        _merge(connection, rows)
    op.drop_index(DAY, table_name="training_session")
    op.create_index(SLOT, "training_session", SLOT_COLUMNS, unique=True)


def downgrade() -> None:
    op.drop_index(SLOT, table_name="training_session")
    op.create_index(DAY, "training_session", ["user_id", "date"], unique=False)
