"""own sets: imported sets of exercises that are none of our moves, kept as logged

Revision ID: 5c1f0e7a9b24
Revises: 2d7f7e3c80e8
Create Date: 2026-12-03 12:00:00

`own_set` holds what hipcoach.domain.log.validate_own_set checks: the exercise's name as the
other app wrote it, when, reps, seconds and metres (at least one), the load and reps in reserve
if recorded, and a note. Rows are keyed by (user_id, id) and cascade away with their user. A new
table only: nothing existing is rewritten.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "5c1f0e7a9b24"
down_revision: str | Sequence[str] | None = "2d7f7e3c80e8"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "own_set",
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("exercise", sa.String(length=100), nullable=False),
        sa.Column("logged_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reps", sa.Integer(), nullable=True),
        sa.Column("seconds", sa.Integer(), nullable=True),
        sa.Column("distance_m", sa.Double(), nullable=True),
        sa.Column("load_kg", sa.Double(), nullable=True),
        sa.Column("rir", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "reps IS NOT NULL OR seconds IS NOT NULL OR distance_m IS NOT NULL",
            name=op.f("ck_own_set_some_amount"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user.id"], name=op.f("fk_own_set_user_id_user"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("user_id", "id", name=op.f("pk_own_set")),
    )
    op.create_index(op.f("ix_own_set_user_id_logged_at"), "own_set", ["user_id", "logged_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_own_set_user_id_logged_at"), table_name="own_set")
    op.drop_table("own_set")
