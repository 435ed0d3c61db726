"""How many password attempts and sign-ups are let through, and how long the wait grows after.

The policy (README, "Security"), in numbers. Each limit counts attempts under one key; the
first `free` attempts of a window go straight through, and from the `free`-th on each
attempt that is let through closes the door behind it for a wait that doubles from
`first_wait` up to `longest_wait`. While the door is closed, attempts are refused without
being counted, so hammering a closed door never makes the wait longer (nor endless). A window
starts with the first attempt counted and lasts `window`; after it the count starts over.

- one email from one client address: 5 free, then 30 s, 1, 2, 4, 8 min, then 15 min at most
  between guesses; 24 h window. A right password resets it. This is the limit an attacker
  meets first, and it is theirs alone: the owner on another address is not slowed by it.
- one email from every address together: 30 free an hour, then the same backoff. One
  client address can never reach it (its own limit lets through at most about 13 attempts
  in the first hour and 4-5 in each later one), so only many addresses guessing at once
  make the owner wait, and then at most 15 minutes at a time. A right password resets it.
- one client address, whatever the emails: 50 wrong passwords an hour (a household or an
  office behind one address gets far fewer wrong), then the same backoff. A success takes
  back only its own attempt, so signing in to an account of one's own between guesses
  gains an attacker nothing.
- sign-ups from one client address: 5 an hour, then 1 min doubling up to 1 h.

A password change, and a right password, clear the email's limits, so the owner is never kept
out by guesses made before: the email-and-address limit is keyed by the password it guarded
as well (a digest of its hash, `password_generation`), so a new password, however it was set
(Settings, a reset link, the server's command line), starts it over on every address. With a
10-character minimum password and argon2id hashes, the at most ~100 guesses a day one address
gets at one account are harmless.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import timedelta


@dataclass(frozen=True, slots=True)
class RateLimit:
    """A limit on attempts under one key: `free` per `window`, then a doubling wait."""

    free: int
    window: timedelta
    first_wait: timedelta
    longest_wait: timedelta

    def wait_after(self, attempts: int) -> timedelta | None:
        """How long the door stays closed after the `attempts`-th attempt of a window."""
        if attempts < self.free:
            return None
        doublings = min(attempts - self.free, 32)  # 2**32 first waits exceed any cap
        wait: timedelta = self.first_wait * (1 << doublings)
        return min(wait, self.longest_wait)


SIGN_IN_EMAIL_FROM_CLIENT = RateLimit(
    free=5,
    window=timedelta(hours=24),
    first_wait=timedelta(seconds=30),
    longest_wait=timedelta(minutes=15),
)
SIGN_IN_EMAIL = RateLimit(
    free=30,
    window=timedelta(hours=1),
    first_wait=timedelta(seconds=30),
    longest_wait=timedelta(minutes=15),
)
SIGN_IN_CLIENT = RateLimit(
    free=50,
    window=timedelta(hours=1),
    first_wait=timedelta(seconds=30),
    longest_wait=timedelta(minutes=15),
)
SIGN_UP_CLIENT = RateLimit(
    free=5,
    window=timedelta(hours=1),
    first_wait=timedelta(minutes=1),
    longest_wait=timedelta(hours=1),
)
PRUNE_BATCH = 100
"""Expired limit rows removed per counted attempt: more than an attempt adds (at most 3)."""


def password_generation(password_hash: str | None) -> str:
    """A short digest of the password hash an attempt is made against ('' for no account):
    part of the email-and-address key, so each password has its own count."""
    if password_hash is None:
        return ""
    return hashlib.sha256(password_hash.encode("utf-8")).hexdigest()[:16]


def _pair_key(address: str, client: str, generation: str) -> str:
    return f"email:{address}|client:{client}|password:{generation}"


def sign_in_keys(
    address: str, client: str, generation: str = ""
) -> tuple[tuple[str, RateLimit], ...]:
    """The limits one password attempt at `address` from `client` counts against
    (`generation`: `password_generation` of the account's current password)."""
    return (
        (_pair_key(address, client, generation), SIGN_IN_EMAIL_FROM_CLIENT),
        (email_key(address), SIGN_IN_EMAIL),
        (f"client:{client}", SIGN_IN_CLIENT),
    )


def reset_keys(address: str, client: str, generation: str = "") -> tuple[str, ...]:
    """The keys a right password clears: the email's, not the client's."""
    return (_pair_key(address, client, generation), email_key(address))


def email_key(address: str) -> str:
    """The key of one email's attempts from every address together (a reset link clears it)."""
    return f"email:{address}"


def refund_key(client: str) -> tuple[str, RateLimit]:
    """The key a right password takes its own attempt back from (the client's)."""
    return f"client:{client}", SIGN_IN_CLIENT


def sign_up_keys(client: str) -> tuple[tuple[str, RateLimit], ...]:
    """The limits one sign-up from `client` counts against."""
    return ((f"signup:{client}", SIGN_UP_CLIENT),)


def wait_words(wait: timedelta) -> str:
    """'30 seconds', '1 minute', '15 minutes': a wait as the refusal says it."""
    seconds = max(1, int(wait.total_seconds() + 0.999))
    if seconds < 90:
        return f"{seconds} second{'s' if seconds != 1 else ''}"
    minutes = (seconds + 59) // 60
    return f"{minutes} minute{'s' if minutes != 1 else ''}"
