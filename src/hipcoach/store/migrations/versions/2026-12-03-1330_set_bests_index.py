"""set bests index: all-time bests per move and rung read from an index alone

Revision ID: 9b4d2f6e1a37
Revises: 7e3a91c4d2b8
Create Date: 2026-12-03 13:30:00

`ix_logged_set_bests` covers what `SetRepository.bests` reads (the person, the move, the rung
and the amounts, and the session to leave today's out), so Today's "Your best" is an
index-only grouped MAX however long the log. An index only: no row is rewritten.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "9b4d2f6e1a37"
down_revision: str | Sequence[str] | None = "7e3a91c4d2b8"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = ["user_id", "exercise", "resistance_key", "reps", "steps", "hold_seconds", "session_id"]


def upgrade() -> None:
    op.create_index("ix_logged_set_bests", "logged_set", COLUMNS)


def downgrade() -> None:
    op.drop_index("ix_logged_set_bests", table_name="logged_set")
