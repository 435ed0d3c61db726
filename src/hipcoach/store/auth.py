"""Accounts, web sessions, API tokens, calendar feeds and rate limits over SQL; none commits.

Secrets arrive already hashed (hipcoach.domain.auth): nothing here sees a plain token or
password. Every row references its user with ON DELETE CASCADE, so deleting a user removes
all of them.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, bindparam, delete, func, insert, select, update

from hipcoach.domain.auth import ApiToken, CalendarFeed, Credential, WebSession
from hipcoach.store import mapping
from hipcoach.store.sql import SqlRepository
from hipcoach.store.tables import api_token, calendar_feed, rate_limit_hit, web_session
from hipcoach.store.tables import credential as credential_table

# Every API request and every page asks one of these: built once (see hipcoach.store.sql).
_TOKEN_BY_HASH = select(api_token).where(api_token.c.token_hash == bindparam("token_hash"))
_WEB_SESSION_BY_HASH = select(web_session).where(
    web_session.c.token_hash == bindparam("token_hash")
)


class SqlAccountRepository(SqlRepository):
    def add(self, credential: Credential) -> bool:
        """Store a credential; False if the email is already taken (race-safe)."""
        row = mapping.credential_to_row(credential)
        return self._insert_new(credential_table, row, ["email"])

    def by_email(self, email: str) -> Credential | None:
        """The credential for an already-normalised (trimmed, lower-case) email."""
        return self._first(credential_table.c.email == email)

    def get(self, user_id: str) -> Credential | None:
        return self._first(credential_table.c.user_id == user_id)

    def count(self) -> int:
        """How many accounts exist (the first one becomes the owner)."""
        query = select(func.count()).select_from(credential_table)
        return int(self._run(query).scalar_one())

    def update(self, credential: Credential) -> None:
        """Replace the stored credential of the same user (password hash, units, ...)."""
        values = mapping.credential_to_row(credential)
        user_id = values.pop("user_id")
        self._run(
            update(credential_table).where(credential_table.c.user_id == user_id).values(values)
        )

    def _first(self, condition: ColumnElement[bool]) -> Credential | None:
        row = self._run(select(credential_table).where(condition)).mappings().first()
        return mapping.credential_from_row(row) if row else None


class SqlWebSessionRepository(SqlRepository):
    def add(self, session: WebSession) -> None:
        # A plain INSERT: a clash of token hashes must fail loudly, never be ignored.
        self._run(insert(web_session).values(mapping.web_session_to_row(session)))

    def get(self, token_hash: str) -> WebSession | None:
        row = self._run(_WEB_SESSION_BY_HASH, {"token_hash": token_hash}).mappings().first()
        return mapping.web_session_from_row(row) if row else None

    def delete(self, token_hash: str) -> None:
        self._run(delete(web_session).where(web_session.c.token_hash == token_hash))

    def delete_for_user(self, user_id: str) -> None:
        """Sign the user out everywhere (after a password change)."""
        self._run(delete(web_session).where(web_session.c.user_id == user_id))


class SqlApiTokenRepository(SqlRepository):
    def add(self, token: ApiToken) -> None:
        self._run(insert(api_token).values(mapping.api_token_to_row(token)))

    def by_hash(self, token_hash: str) -> ApiToken | None:
        """The token with this hash, revoked or not (the caller checks `active`)."""
        row = self._run(_TOKEN_BY_HASH, {"token_hash": token_hash}).mappings().first()
        return mapping.api_token_from_row(row) if row else None

    def for_user(self, user_id: str) -> list[ApiToken]:
        """Every token of the user, newest first, revoked ones included."""
        query = (
            select(api_token)
            .where(api_token.c.user_id == user_id)
            .order_by(api_token.c.created_at.desc(), api_token.c.id.desc())
        )
        return [mapping.api_token_from_row(row) for row in self._run(query).mappings()]

    def revoke(self, user_id: str, token_id: str, when: datetime) -> bool:
        """Mark a token revoked; False if the user has no such active token."""
        statement = (
            update(api_token)
            .where(
                api_token.c.user_id == user_id,
                api_token.c.id == token_id,
                api_token.c.revoked_at.is_(None),
            )
            .values(revoked_at=mapping.to_utc(when))
        )
        return self._run(statement).rowcount == 1


class SqlCalendarRepository(SqlRepository):
    def set(self, feed: CalendarFeed) -> None:
        """Create or replace the user's feed (replacing revokes the old address)."""
        self._upsert(calendar_feed, mapping.calendar_feed_to_row(feed), ["user_id"])

    def get(self, user_id: str) -> CalendarFeed | None:
        query = select(calendar_feed).where(calendar_feed.c.user_id == user_id)
        row = self._run(query).mappings().first()
        return mapping.calendar_feed_from_row(row) if row else None

    def by_hash(self, token_hash: str) -> CalendarFeed | None:
        query = select(calendar_feed).where(calendar_feed.c.token_hash == token_hash)
        row = self._run(query).mappings().first()
        return mapping.calendar_feed_from_row(row) if row else None

    def delete(self, user_id: str) -> None:
        self._run(delete(calendar_feed).where(calendar_feed.c.user_id == user_id))


def rate_limit_key(key: str) -> str:
    """The stored form of a rate-limit key: SHA-256 hex, so any key fits and no email shows."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


class SqlRateLimitRepository(SqlRepository):
    """Attempts counted in the database, so every app process sees the same count."""

    def hit(self, key: str, now: datetime, window: timedelta) -> int:
        """Count one attempt for `key`; return the attempts within the window ending at `now`.

        Rows of this key that have left the window are deleted on the way, so the table only
        holds recent attempts of keys still in use.
        """
        stored_key = rate_limit_key(key)
        moment = mapping.to_utc(now)
        cutoff = moment - window
        of_key = rate_limit_hit.c.key == stored_key
        self._run(insert(rate_limit_hit).values(key=stored_key, at=moment))
        self._run(delete(rate_limit_hit).where(of_key, rate_limit_hit.c.at <= cutoff))
        query = select(func.count()).where(of_key, rate_limit_hit.c.at > cutoff)
        return int(self._run(query).scalar_one())
