"""skipped moves: a planned move left out of a day's session on purpose, and why

Revision ID: 7e3a91c4d2b8
Revises: dad9a8f00596
Create Date: 2026-12-03 12:40:00

`skipped_move` holds what hipcoach.domain.log.validate_skip checks: the session, the move's
key, the reason (pain, equipment, time or other) and a note. Rows are keyed by (user_id,
session_id, exercise) and cascade away with their session. A new table only: nothing
existing is rewritten.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "7e3a91c4d2b8"
down_revision: str | Sequence[str] | None = "dad9a8f00596"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "skipped_move",
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("session_id", sa.String(length=64), nullable=False),
        sa.Column("exercise", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "reason IS NULL OR reason IN ('pain', 'equipment', 'time', 'other')",
            name=op.f("ck_skipped_move_reason_known"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id", "session_id"],
            ["training_session.user_id", "training_session.id"],
            name=op.f("fk_skipped_move_user_id_session_id_training_session"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", "session_id", "exercise", name=op.f("pk_skipped_move")),
    )


def downgrade() -> None:
    op.drop_table("skipped_move")
