"""Accounts, web sessions and tokens as plain values, with the rules for emails and passwords.

Secrets never appear here in plain text: tokens are stored as SHA-256 hashes and passwords as
argon2id hashes made by the password-hasher port.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

# The errors live with every other domain error (and its status); imported from here too.
from hipcoach.domain.errors import AuthError as AuthError
from hipcoach.domain.errors import RateLimitedError as RateLimitedError
from hipcoach.domain.limits import EMAIL_LENGTH, PASSWORD_LENGTH

SESSION_LIFETIME = timedelta(days=30)
# A web session this young may mint an API token without typing the password again; older
# ones (and API callers, whose token is not a sign-in) must type it.
RECENT_SIGN_IN = timedelta(minutes=10)
# The owner's one-time links (there is no mail server): an invite lets one person sign up on a
# closed server, a reset sets one account's password. Each works once, and only this long.
INVITE_LIFETIME = timedelta(days=7)
RESET_LIFETIME = timedelta(hours=1)
_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]{1,255}\.[^@\s]{2,63}$")


@dataclass(frozen=True, slots=True)
class Credential:
    """How a user signs in: email and password hash; the first account is the owner."""

    user_id: str
    email: str
    password_hash: str
    is_owner: bool
    created_at: datetime
    units: str = "kg"


@dataclass(frozen=True, slots=True)
class WebSession:
    """A signed-in browser: the cookie holds the token, the store only its hash."""

    token_hash: str
    user_id: str
    csrf_token: str
    created_at: datetime
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class ApiToken:
    """A personal token for the REST API (Bearer), revocable in settings."""

    id: str
    user_id: str
    name: str
    token_hash: str
    created_at: datetime
    revoked_at: datetime | None = None

    @property
    def active(self) -> bool:
        """True until revoked."""
        return self.revoked_at is None


@dataclass(frozen=True, slots=True)
class CalendarFeed:
    """The secret address calendar apps poll for a user's plan (one per user, revocable)."""

    user_id: str
    token_hash: str
    created_at: datetime


class LinkKind(StrEnum):
    """What a one-time link opens: a sign-up (invite) or a new password for one account."""

    INVITE = "invite"
    RESET = "reset"


LINK_LIFETIME = {LinkKind.INVITE: INVITE_LIFETIME, LinkKind.RESET: RESET_LIFETIME}


@dataclass(frozen=True, slots=True)
class AccessLink:
    """A one-time link the owner hands out; the link holds the token, the store its hash.

    `user_id` is the account a reset is for (None for an invite); `used_at` is set the one
    time the link is used.
    """

    token_hash: str
    kind: LinkKind
    created_by: str
    created_at: datetime
    expires_at: datetime
    user_id: str | None = None
    used_at: datetime | None = None

    def usable(self, now: datetime) -> bool:
        """True until it is used or expires."""
        return self.used_at is None and now < self.expires_at


def hash_token(token: str) -> str:
    """The stored form of a secret token (SHA-256, hex)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def normalise_email(text: str) -> str:
    """Trimmed, lower-cased email, or an error saying it is not one."""
    email = text.strip().lower()
    if not _EMAIL.match(email) or len(email) not in EMAIL_LENGTH:
        raise AuthError("Enter a valid email address, like name@example.com.", field="email")
    return email


def check_password(password: str) -> None:
    """At least 10 characters (a passphrase of a few words is ideal), at most 256."""
    if len(password) < PASSWORD_LENGTH.low:
        raise AuthError(
            f"Use at least {PASSWORD_LENGTH.low} characters; a few unrelated words work well.",
            field="password",
        )
    if len(password) > PASSWORD_LENGTH.high:
        raise AuthError(f"Use at most {PASSWORD_LENGTH.high} characters.", field="password")
