"""pain location: where a set's pain and a session's next-day pain are felt, and on which side

Revision ID: 3f1a2b7c9d01
Revises: cd740d796745
Create Date: 2026-12-02 01:00:00

Four nullable columns, each with its CHECK constraint inline, so both databases add them with
a plain ALTER TABLE ... ADD COLUMN: SQLite never copies (and, with foreign keys on, never
cascades away) the tables it would otherwise rebuild in batch mode. Existing rows keep NULL:
nobody said where it hurt before.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "3f1a2b7c9d01"
down_revision: str | Sequence[str] | None = "cd740d796745"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

AREAS = "('knee', 'hip', 'low_back', 'other')"
SIDES = "('left', 'right', 'both')"

# (table, column, allowed values, constraint name suffix)
COLUMNS = (
    ("logged_set", "pain_area", AREAS, "pain_area_known"),
    ("logged_set", "pain_side", SIDES, "pain_side_known"),
    ("training_session", "next_day_pain_area", AREAS, "next_day_pain_area_known"),
    ("training_session", "next_day_pain_side", SIDES, "next_day_pain_side_known"),
)


def upgrade() -> None:
    for table, column, values, check in COLUMNS:
        op.add_column(
            table,
            sa.Column(
                column,
                sa.String(length=16),
                sa.CheckConstraint(
                    f"{column} IS NULL OR {column} IN {values}", name=op.f(f"ck_{table}_{check}")
                ),
                nullable=True,
            ),
        )


def downgrade() -> None:
    for table, column, _values, _check in reversed(COLUMNS):
        op.drop_column(table, column)
