"""accounts, sessions, tokens: credential, web_session, api_token, calendar_feed, rate_limit_hit

Revision ID: cd740d796745
Revises: b5053fd8d601
Create Date: 2026-11-21 21:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "cd740d796745"
down_revision: str | Sequence[str] | None = "b5053fd8d601"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _user_id() -> sa.Column[str]:
    return sa.Column("user_id", sa.String(length=64), nullable=False)


def _user_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["user_id"], ["user.id"], name=op.f(f"fk_{table}_user_id_user"), ondelete="CASCADE"
    )


def _moment(name: str, *, nullable: bool = False) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "credential",
        _user_id(),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("is_owner", sa.Boolean(), nullable=False),
        _moment("created_at"),
        sa.Column("units", sa.String(length=8), server_default="kg", nullable=False),
        _user_fk("credential"),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_credential")),
        sa.UniqueConstraint("email", name=op.f("uq_credential_email")),
    )
    op.create_table(
        "web_session",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        _user_id(),
        sa.Column("csrf_token", sa.String(length=128), nullable=False),
        _moment("created_at"),
        _moment("expires_at"),
        _user_fk("web_session"),
        sa.PrimaryKeyConstraint("token_hash", name=op.f("pk_web_session")),
    )
    op.create_index(op.f("ix_web_session_user_id"), "web_session", ["user_id"])
    op.create_table(
        "api_token",
        sa.Column("id", sa.String(length=64), nullable=False),
        _user_id(),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        _moment("created_at"),
        _moment("revoked_at", nullable=True),
        _user_fk("api_token"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_token")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_api_token_token_hash")),
    )
    op.create_index(op.f("ix_api_token_user_id"), "api_token", ["user_id"])
    op.create_table(
        "calendar_feed",
        _user_id(),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        _moment("created_at"),
        _user_fk("calendar_feed"),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_calendar_feed")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_calendar_feed_token_hash")),
    )
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


def downgrade() -> None:
    op.drop_table("rate_limit_hit")
    op.drop_table("calendar_feed")
    op.drop_table("api_token")
    op.drop_table("web_session")
    op.drop_table("credential")
