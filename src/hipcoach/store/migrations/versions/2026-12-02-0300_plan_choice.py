"""plan choice: the person's own swap (or keep) of a plan item, stored against the plan

Revision ID: 9b3d5e1f2c03
Revises: 7e2c4d9a1b02
Create Date: 2026-12-02 03:00:00

One row per (user, plan, slot), the slot being the plan item's own exercise key; `exercise` is
the move to do in its place (the slot itself: keep the plan's move). The composite foreign key
to the plan cascades, so a deleted plan or user takes its choices with it. A new table only:
nothing existing is rewritten.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "9b3d5e1f2c03"
down_revision: str | Sequence[str] | None = "7e2c4d9a1b02"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "plan_choice",
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("plan_id", sa.String(length=64), nullable=False),
        sa.Column("slot", sa.String(length=64), nullable=False),
        sa.Column("exercise", sa.String(length=64), nullable=False),
        sa.Column("chosen_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id", "user_id"],
            ["plan.id", "plan.user_id"],
            name=op.f("fk_plan_choice_plan_id_user_id_plan"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", "plan_id", "slot", name=op.f("pk_plan_choice")),
    )


def downgrade() -> None:
    op.drop_table("plan_choice")
