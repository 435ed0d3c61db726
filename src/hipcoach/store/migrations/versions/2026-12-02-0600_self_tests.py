"""self tests: one row per side's result of a self-test on a day

Revision ID: d6e8b0a4f305
Revises: e2b4c6d8f015
Create Date: 2026-12-02 06:00:00

`self_test_result` holds what hipcoach.domain.selftest validates: the test's key, the day, the
side (left, right, or both) and a whole-number value in the test's unit. Rows are keyed by
(user_id, id), the id made by the client, and cascade away with their user. A new table only:
nothing existing is rewritten.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "d6e8b0a4f305"
down_revision: str | Sequence[str] | None = "e2b4c6d8f015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "self_test_result",
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("test", sa.String(length=64), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("side", sa.String(length=8), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user.id"],
            name=op.f("fk_self_test_result_user_id_user"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", "id", name=op.f("pk_self_test_result")),
    )
    op.create_index(
        op.f("ix_self_test_result_user_id_date"), "self_test_result", ["user_id", "date"]
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_self_test_result_user_id_date"), table_name="self_test_result")
    op.drop_table("self_test_result")
