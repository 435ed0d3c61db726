"""Accounts, web sessions, API tokens, calendar feeds and rate limits over SQL; none commits.

Secrets arrive already hashed (hipcoach.domain.auth): nothing here sees a plain token or
password. Every row references its user with ON DELETE CASCADE, so deleting a user removes
all of them.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, bindparam, case, delete, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from hipcoach.domain.auth import (
    AccessLink,
    ApiToken,
    CalendarFeed,
    Credential,
    LinkKind,
    WebSession,
)
from hipcoach.store import mapping
from hipcoach.store.sql import SqlRepository
from hipcoach.store.tables import access_link, api_token, calendar_feed, rate_limit, web_session
from hipcoach.store.tables import credential as credential_table

# Every API request and every page asks one of these: built once (see hipcoach.store.sql).
_TOKEN_BY_HASH = select(api_token).where(api_token.c.token_hash == bindparam("token_hash"))
_WEB_SESSION_BY_HASH = select(web_session).where(
    web_session.c.token_hash == bindparam("token_hash")
)


class SqlAccountRepository(SqlRepository):
    def add(self, credential: Credential) -> bool:
        """Store a credential; False if its email is taken or, for an owner, one exists.

        Race-safe: the unique email and the one-owner index decide, and ON CONFLICT without
        a target turns either clash into "nothing inserted" (no error, transaction intact).
        """
        row = mapping.credential_to_row(credential)
        statement = _insert_for(self._dialect())(credential_table).on_conflict_do_nothing()
        return self._counted(statement.values(row)) == 1

    def by_email(self, email: str) -> Credential | None:
        """The credential for an already-normalised (trimmed, lower-case) email."""
        return self._first(credential_table.c.email == email)

    def get(self, user_id: str) -> Credential | None:
        return self._first(credential_table.c.user_id == user_id)

    def owner(self) -> Credential | None:
        """The owner's credential (the one-owner index keeps it to one), if any."""
        return self._first(credential_table.c.is_owner.is_(True))

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

    def delete_for_user(self, user_id: str, *, keep: str | None = None) -> int:
        """End every web session of the user but the one hashed `keep`; how many ended."""
        statement = delete(web_session).where(web_session.c.user_id == user_id)
        if keep is not None:
            statement = statement.where(web_session.c.token_hash != keep)
        return self._counted(statement)


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

    def revoke_all(self, user_id: str, when: datetime) -> int:
        """Revoke every active token of the user; how many were active."""
        statement = (
            update(api_token)
            .where(api_token.c.user_id == user_id, api_token.c.revoked_at.is_(None))
            .values(revoked_at=mapping.to_utc(when))
        )
        return self._counted(statement)


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

    def delete(self, user_id: str) -> bool:
        """Turn the feed off; False if there was none."""
        return self._counted(delete(calendar_feed).where(calendar_feed.c.user_id == user_id)) == 1


class SqlAccessLinkRepository(SqlRepository):
    def add(self, link: AccessLink) -> None:
        # A plain INSERT: a clash of token hashes must fail loudly, never be ignored.
        self._run(insert(access_link).values(mapping.access_link_to_row(link)))

    def by_hash(self, token_hash: str) -> AccessLink | None:
        """The link with this hash, used or expired or not (the caller asks `usable`)."""
        query = select(access_link).where(access_link.c.token_hash == token_hash)
        row = self._run(query).mappings().first()
        return mapping.access_link_from_row(row) if row else None

    def use(self, token_hash: str, kind: LinkKind, now: datetime) -> AccessLink | None:
        """Mark the link used if it is of `kind`, unused and unexpired; the link, or None.

        One conditional UPDATE: of two transactions using the same link, the second finds
        it used (PostgreSQL makes it wait for the first's row lock, SQLite for its write).
        """
        moment = mapping.to_utc(now)
        statement = (
            update(access_link)
            .where(
                access_link.c.token_hash == token_hash,
                access_link.c.kind == kind.value,
                access_link.c.used_at.is_(None),
                access_link.c.expires_at > moment,
            )
            .values(used_at=moment)
            .returning(*access_link.c)
        )
        row = self._run(statement).mappings().first()
        return mapping.access_link_from_row(row) if row else None

    def withdraw_resets(self, user_id: str) -> int:
        """Delete the account's unused reset links (a newer one replaces them); how many."""
        statement = delete(access_link).where(
            access_link.c.user_id == user_id,
            access_link.c.kind == LinkKind.RESET.value,
            access_link.c.used_at.is_(None),
        )
        return self._counted(statement)

    def prune(self, now: datetime) -> int:
        """Delete every expired link, used or not; how many went."""
        moment = mapping.to_utc(now)
        return self._counted(delete(access_link).where(access_link.c.expires_at <= moment))


def rate_limit_key(key: str) -> str:
    """The stored form of a rate-limit key: SHA-256 hex, so any key fits and no email shows."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _insert_for(dialect: str) -> type[sqlite.Insert] | type[postgresql.Insert]:
    return sqlite.Insert if dialect == "sqlite" else postgresql.Insert


class SqlRateLimitRepository(SqlRepository):
    """Attempts counted in the database, so every app process sees the same count.

    `count` is one upsert: on PostgreSQL the row lock it takes makes concurrent attempts of a
    key wait for each other, so each sees the count (and the wait) of the one before; on
    SQLite writers take turns anyway.
    """

    def count(self, key: str, now: datetime, window: timedelta) -> int | None:
        """Count one attempt unless `key` is waiting; the attempts of its window, or None."""
        moment = mapping.to_utc(now)
        insert_row = _insert_for(self._dialect())(rate_limit).values(
            key=rate_limit_key(key),
            attempts=1,
            window_start=moment,
            blocked_until=None,
            expires_at=moment + window,
        )
        over = rate_limit.c.window_start <= moment - window
        statement = insert_row.on_conflict_do_update(
            index_elements=[rate_limit.c.key],
            set_={
                "attempts": case((over, 1), else_=rate_limit.c.attempts + 1),
                "window_start": case((over, moment), else_=rate_limit.c.window_start),
                "blocked_until": None,
                "expires_at": case((over, moment + window), else_=rate_limit.c.expires_at),
            },
            where=rate_limit.c.blocked_until.is_(None) | (rate_limit.c.blocked_until <= moment),
        ).returning(rate_limit.c.attempts)
        found = self._run(statement).scalar_one_or_none()
        return None if found is None else int(found)

    def block(self, key: str, until: datetime) -> None:
        """Refuse attempts of `key` until `until` (its row lives at least as long)."""
        moment = mapping.to_utc(until)
        self._run(
            update(rate_limit)
            .where(rate_limit.c.key == rate_limit_key(key))
            .values(
                blocked_until=moment,
                expires_at=case(
                    (rate_limit.c.expires_at < moment, moment), else_=rate_limit.c.expires_at
                ),
            )
        )

    def blocked_until(self, key: str, now: datetime) -> datetime | None:
        """When `key` may try again, if it is waiting now."""
        query = select(rate_limit.c.blocked_until).where(
            rate_limit.c.key == rate_limit_key(key),
            rate_limit.c.blocked_until > mapping.to_utc(now),
        )
        found = self._run(query).scalar_one_or_none()
        return None if found is None else mapping.from_db(found)

    def refund(self, key: str, free: int) -> None:
        """Take back one counted attempt of `key` (it was a success); below `free`, no wait."""
        remaining = rate_limit.c.attempts - 1
        self._run(
            update(rate_limit)
            .where(rate_limit.c.key == rate_limit_key(key), rate_limit.c.attempts > 0)
            .values(
                attempts=remaining,
                blocked_until=case((remaining < free, None), else_=rate_limit.c.blocked_until),
            )
        )

    def clear(self, keys: list[str]) -> None:
        """Forget the attempts of these keys (a right or a new password)."""
        stored = [rate_limit_key(key) for key in keys]
        self._run(delete(rate_limit).where(rate_limit.c.key.in_(stored)))

    def prune(self, now: datetime, limit: int) -> int:
        """Delete up to `limit` rows whose window and wait are over; how many went.

        Rows another transaction holds are skipped (PostgreSQL), so pruning never waits. The
        batch is chosen once (a MATERIALIZED CTE): as a plain subquery PostgreSQL may rescan
        it per row, and each rescan skips the rows this DELETE already removed and picks
        others, so more than `limit` went (seen once table statistics favoured that plan).
        """
        expired = (
            select(rate_limit.c.key)
            .where(rate_limit.c.expires_at <= mapping.to_utc(now))
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        if self._dialect() == "sqlite":  # SQLite runs an IN subquery once (and gives no
            chosen = expired.scalar_subquery()  # rowcount for a statement that starts WITH)
        else:
            batch = expired.cte("expired").prefix_with("MATERIALIZED")
            chosen = select(batch.c.key).scalar_subquery()
        return self._counted(delete(rate_limit).where(rate_limit.c.key.in_(chosen)))
