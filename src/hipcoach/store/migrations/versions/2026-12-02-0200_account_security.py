"""account security: one owner held by a partial unique index; rate limits as one row per key

Revision ID: 7e2c4d9a1b02
Revises: 3f1a2b7c9d01
Create Date: 2026-12-02 02:00:00

- `uq_credential_one_owner`: a unique index on credential.is_owner WHERE is_owner, so at most
  one account is the owner even when the first sign-ups arrive at once. A database that
  already has several owners (the race this closes) keeps the earliest account as owner and
  the others become members, before the index is made.
- `rate_limit` replaces `rate_limit_hit`: one row per key with its count, window and wait
  (counted by one upsert) instead of one row per attempt. The old rows only slowed recent
  guesses; dropping them forgets at most 15 minutes of attempts.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "7e2c4d9a1b02"
down_revision: str | Sequence[str] | None = "3f1a2b7c9d01"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_EARLIEST_OWNER = (
    "SELECT user_id FROM credential WHERE is_owner ORDER BY created_at, user_id LIMIT 1"
)


def _moment(name: str, *, nullable: bool = False) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.execute(
        f"UPDATE credential SET is_owner = false WHERE is_owner AND user_id <> ({_EARLIEST_OWNER})"
    )
    op.create_index(
        "uq_credential_one_owner",
        "credential",
        ["is_owner"],
        unique=True,
        sqlite_where=sa.text("is_owner"),
        postgresql_where=sa.text("is_owner"),
    )
    op.create_table(
        "rate_limit",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        _moment("window_start"),
        _moment("blocked_until", nullable=True),
        _moment("expires_at"),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_rate_limit")),
    )
    op.create_index(op.f("ix_rate_limit_expires_at"), "rate_limit", ["expires_at"])
    op.drop_index(op.f("ix_rate_limit_hit_key_at"), table_name="rate_limit_hit")
    op.drop_table("rate_limit_hit")


def downgrade() -> None:
    op.create_table(
        "rate_limit_hit",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("key", sa.String(length=64), nullable=False),
        _moment("at"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rate_limit_hit")),
    )
    op.create_index(op.f("ix_rate_limit_hit_key_at"), "rate_limit_hit", ["key", "at"])
    op.drop_index(op.f("ix_rate_limit_expires_at"), table_name="rate_limit")
    op.drop_table("rate_limit")
    op.drop_index("uq_credential_one_owner", table_name="credential")
