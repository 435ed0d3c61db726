"""session effort: how hard a whole training day felt, as a session RPE from 1 to 10

Revision ID: e2b4c6d8f015
Revises: c5f7a9d3e204
Create Date: 2026-12-02 05:00:00

One nullable column with its CHECK constraint inline, so both databases add it with a plain
ALTER TABLE ... ADD COLUMN (SQLite rebuilds nothing). Existing sessions keep NULL: nobody
rated them. The bounds are hipcoach.domain.limits.SESSION_RPE when this was written.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "e2b4c6d8f015"
down_revision: str | Sequence[str] | None = "c5f7a9d3e204"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "training_session",
        sa.Column(
            "rpe",
            sa.Integer(),
            sa.CheckConstraint(
                "rpe IS NULL OR rpe BETWEEN 1 AND 10", name=op.f("ck_training_session_rpe_range")
            ),
            nullable=True,
        ),
    )


def downgrade() -> None:
    op.drop_column("training_session", "rpe")
