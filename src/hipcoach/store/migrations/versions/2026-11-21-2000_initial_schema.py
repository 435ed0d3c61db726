"""initial schema: user, plan, training_session, logged_set, measurement

Revision ID: b5053fd8d601
Revises:
Create Date: 2026-11-21 20:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "b5053fd8d601"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ONE_AMOUNT = (
    "(CASE WHEN reps IS NULL THEN 0 ELSE 1 END)"
    " + (CASE WHEN steps IS NULL THEN 0 ELSE 1 END)"
    " + (CASE WHEN hold_seconds IS NULL THEN 0 ELSE 1 END) = 1"
)


def _user_id() -> sa.Column[str]:
    return sa.Column("user_id", sa.String(length=64), nullable=False)


def _user_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["user_id"], ["user.id"], name=op.f(f"fk_{table}_user_id_user"), ondelete="CASCADE"
    )


def upgrade() -> None:
    op.create_table(
        "user",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user")),
    )
    op.create_table(
        "plan",
        sa.Column("id", sa.String(length=64), nullable=False),
        _user_id(),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("profile", sa.JSON(), nullable=False),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("document", sa.JSON(), nullable=False),
        _user_fk("plan"),
        sa.PrimaryKeyConstraint("user_id", "id", name=op.f("pk_plan")),
    )
    op.create_index(op.f("ix_plan_user_id_created_at"), "plan", ["user_id", "created_at"])
    op.create_table(
        "training_session",
        _user_id(),
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("plan_week", sa.Integer(), nullable=True),
        sa.Column("plan_session", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("next_day_pain", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "next_day_pain IS NULL OR next_day_pain BETWEEN 0 AND 10",
            name=op.f("ck_training_session_next_day_pain_range"),
        ),
        _user_fk("training_session"),
        sa.PrimaryKeyConstraint("user_id", "id", name=op.f("pk_training_session")),
    )
    op.create_index(
        op.f("ix_training_session_user_id_date"), "training_session", ["user_id", "date"]
    )
    op.create_table(
        "logged_set",
        _user_id(),
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
        sa.CheckConstraint("pain BETWEEN 0 AND 10", name=op.f("ck_logged_set_pain_range")),
        sa.CheckConstraint(ONE_AMOUNT, name=op.f("ck_logged_set_one_amount")),
        sa.CheckConstraint(
            "side IN ('left', 'right', 'both')", name=op.f("ck_logged_set_side_known")
        ),
        sa.ForeignKeyConstraint(
            ["user_id", "session_id"],
            ["training_session.user_id", "training_session.id"],
            name=op.f("fk_logged_set_user_id_session_id_training_session"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", "id", name=op.f("pk_logged_set")),
    )
    op.create_index(
        op.f("ix_logged_set_user_id_exercise_logged_at"),
        "logged_set",
        ["user_id", "exercise", "logged_at"],
    )
    op.create_index(
        op.f("ix_logged_set_user_id_session_id"), "logged_set", ["user_id", "session_id"]
    )
    op.create_table(
        "measurement",
        _user_id(),
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("hip_cm", sa.Double(), nullable=True),
        sa.Column("waist_cm", sa.Double(), nullable=True),
        sa.Column("weight_kg", sa.Double(), nullable=True),
        _user_fk("measurement"),
        sa.PrimaryKeyConstraint("user_id", "id", name=op.f("pk_measurement")),
    )
    op.create_index(op.f("ix_measurement_user_id_date"), "measurement", ["user_id", "date"])


def downgrade() -> None:
    op.drop_table("measurement")
    op.drop_table("logged_set")
    op.drop_table("training_session")
    op.drop_table("plan")
    op.drop_table("user")
