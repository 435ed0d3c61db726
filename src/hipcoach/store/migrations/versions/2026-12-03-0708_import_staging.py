"""import staging: where a large import puts its sessions and sets before publishing them

Revision ID: 2d7f7e3c80e8
Revises: d6e8b0a4f305
Create Date: 2026-12-03 07:08:37

`staged_training_session` and `staged_logged_set` hold the columns of `training_session` and
`logged_set`, keyed by (import_id, user_id, id), with the time they were staged. An import
fills them in short transactions and moves them into the real tables in one
(hipcoach.store.staging). New tables only: nothing existing is rewritten.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "2d7f7e3c80e8"
down_revision: str | Sequence[str] | None = "d6e8b0a4f305"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "staged_logged_set",
        sa.Column("import_id", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("session_id", sa.String(length=64), nullable=False),
        sa.Column("exercise", sa.String(length=64), nullable=False),
        sa.Column("side", sa.String(length=8), nullable=False),
        sa.Column("logged_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reps", sa.Integer(), nullable=True),
        sa.Column("steps", sa.Integer(), nullable=True),
        sa.Column("hold_seconds", sa.Integer(), nullable=True),
        sa.Column("resistance_key", sa.String(length=64), nullable=False),
        sa.Column("load_kg", sa.Double(), nullable=True),
        sa.Column("rir", sa.Integer(), nullable=True),
        sa.Column("effort", sa.String(length=16), nullable=True),
        sa.Column("pain", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("pain_area", sa.String(length=16), nullable=True),
        sa.Column("pain_side", sa.String(length=16), nullable=True),
        sa.Column("staged_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user.id"],
            name=op.f("fk_staged_logged_set_user_id_user"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("import_id", "user_id", "id", name=op.f("pk_staged_logged_set")),
    )
    op.create_index(op.f("ix_staged_logged_set_staged_at"), "staged_logged_set", ["staged_at"])

    op.create_table(
        "staged_training_session",
        sa.Column("import_id", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("plan_week", sa.Integer(), nullable=True),
        sa.Column("plan_session", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("next_day_pain", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("next_day_pain_area", sa.String(length=16), nullable=True),
        sa.Column("next_day_pain_side", sa.String(length=16), nullable=True),
        sa.Column("rpe", sa.Integer(), nullable=True),
        sa.Column("staged_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user.id"],
            name=op.f("fk_staged_training_session_user_id_user"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "import_id", "user_id", "id", name=op.f("pk_staged_training_session")
        ),
    )
    op.create_index(
        op.f("ix_staged_training_session_staged_at"), "staged_training_session", ["staged_at"]
    )


def downgrade() -> None:
    op.drop_index(
        op.f("ix_staged_training_session_staged_at"), table_name="staged_training_session"
    )
    op.drop_table("staged_training_session")
    op.drop_index(op.f("ix_staged_logged_set_staged_at"), table_name="staged_logged_set")
    op.drop_table("staged_logged_set")
