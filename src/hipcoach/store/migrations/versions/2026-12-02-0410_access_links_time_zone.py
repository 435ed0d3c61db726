"""access links and time zones: the owner's one-time invite and reset links; each user's zone

Revision ID: c5f7a9d3e204
Revises: a07165dcf0fd
Create Date: 2026-12-02 04:00:00

- `access_link`: one row per invite or password-reset link the owner made, keyed by the
  SHA-256 of its token (the token itself is never stored). `used_at` is set once; `user_id`
  names the account a reset is for (NULL for an invite). Both user references cascade.
- `user.time_zone`: the IANA name that decides the person's "today"; NULL (every existing
  user) keeps the server's zone (HIPCOACH_TIMEZONE) until they choose one.
New table and a nullable column only: nothing existing is rewritten.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "c5f7a9d3e204"
down_revision: str | Sequence[str] | None = "a07165dcf0fd"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("user", sa.Column("time_zone", sa.String(length=64), nullable=True))
    op.create_table(
        "access_link",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.String(length=64), nullable=True),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("kind IN ('invite', 'reset')", name=op.f("ck_access_link_kind_known")),
        sa.CheckConstraint(
            "(kind = 'invite' AND user_id IS NULL) OR (kind = 'reset' AND user_id IS NOT NULL)",
            name=op.f("ck_access_link_reset_names_its_account"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by"],
            ["user.id"],
            name=op.f("fk_access_link_created_by_user"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user.id"], name=op.f("fk_access_link_user_id_user"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("token_hash", name=op.f("pk_access_link")),
    )
    op.create_index(op.f("ix_access_link_created_by"), "access_link", ["created_by"])
    op.create_index(op.f("ix_access_link_expires_at"), "access_link", ["expires_at"])
    op.create_index(op.f("ix_access_link_user_id"), "access_link", ["user_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_access_link_user_id"), table_name="access_link")
    op.drop_index(op.f("ix_access_link_expires_at"), table_name="access_link")
    op.drop_index(op.f("ix_access_link_created_by"), table_name="access_link")
    op.drop_table("access_link")
    op.drop_column("user", "time_zone")
