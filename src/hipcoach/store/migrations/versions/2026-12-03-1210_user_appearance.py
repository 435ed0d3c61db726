"""user appearance: the colour scheme each person's pages use

Revision ID: dad9a8f00596
Revises: 5c1f0e7a9b24
Create Date: 2026-12-03 12:10:00

- `user.appearance`: `system` (follow the device's prefers-color-scheme), `light` or `dark`,
  chosen in Settings. Every existing user gets `system`, which is how pages looked before.
One column with a default: nothing existing is rewritten.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "dad9a8f00596"
down_revision: str | Sequence[str] | None = "5c1f0e7a9b24"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "user",
        sa.Column(
            "appearance",
            sa.String(length=8),
            sa.CheckConstraint(
                "appearance IN ('system', 'light', 'dark')", name=op.f("ck_user_appearance_known")
            ),
            server_default="system",
            nullable=False,
        ),
    )


def downgrade() -> None:
    op.drop_column("user", "appearance")
