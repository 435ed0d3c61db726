"""Sign-up, sign-in, web sessions, password changes, account deletion, API and calendar tokens.

Secrets are made by `new_secret` (the adapter may pass another factory in tests) and only
their hashes are stored. Every failure to sign in gives the same message, so an attacker
cannot learn which emails have accounts.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TypeVar

from hipcoach.domain.account import User
from hipcoach.domain.auth import (
    SESSION_LIFETIME,
    SIGN_IN_ATTEMPTS,
    SIGN_IN_WINDOW,
    ApiToken,
    AuthError,
    CalendarFeed,
    Credential,
    RateLimitedError,
    WebSession,
    check_password,
    hash_token,
    normalise_email,
)
from hipcoach.domain.errors import NotFoundError
from hipcoach.domain.limits import TOKEN_NAME_LENGTH
from hipcoach.domain.text import has_control_characters, refuse_control_characters
from hipcoach.domain.units import Unit
from hipcoach.services.ports import PasswordHasher, UnitOfWork

SecretFactory = Callable[[], str]
T = TypeVar("T")
BAD_SIGN_IN = "That email and password don't match an account."


def new_secret() -> str:
    """A fresh unguessable token (256 bits, URL-safe)."""
    return secrets.token_urlsafe(32)


@dataclass(frozen=True, slots=True)
class SignedIn:
    """A new web session: `token` goes into the cookie and is never stored in plain text."""

    user_id: str
    token: str
    session: WebSession


def _start_session(uow: UnitOfWork, user_id: str, now: datetime, make: SecretFactory) -> SignedIn:
    token = make()
    session = WebSession(hash_token(token), user_id, make(), now, now + SESSION_LIFETIME)
    uow.web_sessions.add(session)
    return SignedIn(user_id, token, session)


def _open_account(
    uow: UnitOfWork,
    hasher: PasswordHasher,
    *,
    email: str,
    password: str,
    name: str,
    now: datetime,
    open_signup: bool,
    make: SecretFactory,
    then: Callable[[str], T],
) -> T:
    """Store a new user and their credential, then `then(user_id)`, in one transaction.

    The very first account becomes the owner; later ones need open sign-up.
    """
    address = normalise_email(refuse_control_characters(email, field="email"))
    refuse_control_characters(name, field="name")
    check_password(password)
    with uow:
        first = uow.accounts.count() == 0
        if not first and not open_signup:
            raise AuthError("Sign-up is closed on this server; ask its owner.", field="email")
        user_id = make()[:32]
        uow.users.add(User(user_id, name.strip()[:100] or address.split("@")[0], now))
        credential = Credential(user_id, address, hasher.hash(password), first, now)
        if not uow.accounts.add(credential):
            raise AuthError("An account with that email already exists; sign in.", field="email")
        result = then(user_id)
        uow.commit()
    return result


def sign_up(
    *,
    uow: UnitOfWork,
    hasher: PasswordHasher,
    email: str,
    password: str,
    name: str,
    now: datetime,
    open_signup: bool,
    make_secret: SecretFactory = new_secret,
) -> SignedIn:
    """Create an account and sign it in (a web session); the very first becomes the owner."""
    return _open_account(
        uow,
        hasher,
        email=email,
        password=password,
        name=name,
        now=now,
        open_signup=open_signup,
        make=make_secret,
        then=lambda user_id: _start_session(uow, user_id, now, make_secret),
    )


def sign_up_with_token(
    *,
    uow: UnitOfWork,
    hasher: PasswordHasher,
    email: str,
    password: str,
    name: str,
    token_name: str,
    now: datetime,
    open_signup: bool,
    make_secret: SecretFactory = new_secret,
) -> tuple[ApiToken, str]:
    """Create an account with its first API token and no web session (API clients), at once."""
    label = _token_label(token_name)
    return _open_account(
        uow,
        hasher,
        email=email,
        password=password,
        name=name,
        now=now,
        open_signup=open_signup,
        make=make_secret,
        then=lambda user_id: _mint_api_token(uow, user_id, label, now, make_secret),
    )


def _count_sign_in_attempt(uow: UnitOfWork, address: str, client: str, now: datetime) -> None:
    with uow:
        attempts = max(
            uow.rate_limits.hit(f"email:{address}", now, SIGN_IN_WINDOW),
            uow.rate_limits.hit(f"client:{client}", now, SIGN_IN_WINDOW),
        )
        uow.commit()  # attempts count even when the password is wrong
    if attempts > SIGN_IN_ATTEMPTS:
        raise RateLimitedError("Too many sign-in attempts; wait 15 minutes and try again.")


def _password_owner(uow: UnitOfWork, hasher: PasswordHasher, address: str, password: str) -> str:
    """The user whose email and password these are (inside the caller's transaction)."""
    # No account has an email with a control character (and PostgreSQL cannot be asked).
    known = not has_control_characters(address)
    credential = uow.accounts.by_email(address) if known else None
    if credential is None or not hasher.verify(credential.password_hash, password):
        raise AuthError(BAD_SIGN_IN, field="email")
    return credential.user_id


def sign_in(
    *,
    uow: UnitOfWork,
    hasher: PasswordHasher,
    email: str,
    password: str,
    client: str,
    now: datetime,
    make_secret: SecretFactory = new_secret,
) -> SignedIn:
    """Check the password (rate-limited per email and per client address) and start a session."""
    address = email.strip().lower()
    _count_sign_in_attempt(uow, address, client, now)
    with uow:
        user_id = _password_owner(uow, hasher, address, password)
        signed = _start_session(uow, user_id, now, make_secret)
        uow.commit()
    return signed


def grant_api_token(
    *,
    uow: UnitOfWork,
    hasher: PasswordHasher,
    email: str,
    password: str,
    client: str,
    name: str,
    now: datetime,
    make_secret: SecretFactory = new_secret,
) -> tuple[ApiToken, str]:
    """Trade email and password for a new API token (rate-limited as sign-in; no web session)."""
    label = _token_label(name)
    address = email.strip().lower()
    _count_sign_in_attempt(uow, address, client, now)
    with uow:
        user_id = _password_owner(uow, hasher, address, password)
        minted = _mint_api_token(uow, user_id, label, now, make_secret)
        uow.commit()
    return minted


def session_user(*, uow: UnitOfWork, token: str, now: datetime) -> WebSession | None:
    """The live web session for a cookie token, or None (expired sessions are removed)."""
    with uow.read_only():  # every page asks: it must not queue behind writers
        session = uow.web_sessions.get(hash_token(token))
    if session is None:
        return None
    if session.expires_at <= now:
        with uow:
            uow.web_sessions.delete(session.token_hash)
            uow.commit()
        return None
    return session


def sign_out(*, uow: UnitOfWork, token: str) -> None:
    """End one web session."""
    with uow:
        uow.web_sessions.delete(hash_token(token))
        uow.commit()


def change_password(
    *,
    uow: UnitOfWork,
    hasher: PasswordHasher,
    user_id: str,
    current: str,
    new: str,
) -> None:
    """Replace the password after checking the current one; signs out every other session."""
    check_password(new)
    with uow:
        credential = uow.accounts.get(user_id)
        if credential is None or not hasher.verify(credential.password_hash, current):
            raise AuthError("The current password is not right.", field="current_password")
        uow.accounts.update(replace(credential, password_hash=hasher.hash(new)))
        uow.web_sessions.delete_for_user(user_id)
        uow.commit()


def set_units(*, uow: UnitOfWork, user_id: str, units: str) -> None:
    """Show loads in kg or lb."""
    if units not in {u.value for u in Unit}:
        raise AuthError("Units must be kg or lb.", field="units")
    with uow:
        credential = uow.accounts.get(user_id)
        if credential is None:
            raise NotFoundError("No such account.", field="user")
        uow.accounts.update(replace(credential, units=units))
        uow.commit()


def account(*, uow: UnitOfWork, user_id: str) -> Credential:
    """The signed-in person's credential (email, owner flag, units)."""
    with uow.read_only():
        credential = uow.accounts.get(user_id)
    if credential is None:
        raise NotFoundError("No such account.", field="user")
    return credential


def delete_account(*, uow: UnitOfWork, hasher: PasswordHasher, user_id: str, password: str) -> None:
    """Remove the user and every row of their data, after confirming the password."""
    with uow:
        credential = uow.accounts.get(user_id)
        if credential is None or not hasher.verify(credential.password_hash, password):
            raise AuthError("The password is not right.", field="password")
        uow.users.delete(user_id)
        uow.commit()


def _token_label(name: str) -> str:
    label = refuse_control_characters(name, field="name").strip()[: TOKEN_NAME_LENGTH.high]
    if not label:
        raise AuthError("Give the token a name, e.g. 'phone' or 'spreadsheet'.", field="name")
    return label


def _mint_api_token(
    uow: UnitOfWork, user_id: str, label: str, now: datetime, make: SecretFactory
) -> tuple[ApiToken, str]:
    """The one place API tokens are made (inside the caller's transaction)."""
    plain = "hc_" + make()
    token = ApiToken(make()[:24], user_id, label, hash_token(plain), now)
    uow.api_tokens.add(token)
    return token, plain


def create_api_token(
    *,
    uow: UnitOfWork,
    user_id: str,
    name: str,
    now: datetime,
    make_secret: SecretFactory = new_secret,
) -> tuple[ApiToken, str]:
    """A new personal token; the plain value is returned once and never stored."""
    label = _token_label(name)
    with uow:
        minted = _mint_api_token(uow, user_id, label, now, make_secret)
        uow.commit()
    return minted


def list_api_tokens(*, uow: UnitOfWork, user_id: str) -> list[ApiToken]:
    """The user's tokens, newest first."""
    with uow.read_only():
        return uow.api_tokens.for_user(user_id)


def revoke_api_token(*, uow: UnitOfWork, user_id: str, token_id: str, now: datetime) -> None:
    """Revoke one of the user's tokens (404 for anyone else's)."""
    with uow:
        if has_control_characters(token_id) or not uow.api_tokens.revoke(user_id, token_id, now):
            raise NotFoundError("No such active token.", field="token_id")
        uow.commit()


def bearer_user(*, uow: UnitOfWork, token: str) -> str | None:
    """The user an API token belongs to, if it is active."""
    with uow.read_only():
        found = uow.api_tokens.by_hash(hash_token(token))
    return found.user_id if found is not None and found.active else None


def rotate_calendar_feed(
    *, uow: UnitOfWork, user_id: str, now: datetime, make_secret: SecretFactory = new_secret
) -> str:
    """A new secret calendar address token (the old one stops working)."""
    token = make_secret()
    with uow:
        uow.calendars.set(CalendarFeed(user_id, hash_token(token), now))
        uow.commit()
    return token


def revoke_calendar_feed(*, uow: UnitOfWork, user_id: str) -> None:
    """Turn the calendar subscription off."""
    with uow:
        uow.calendars.delete(user_id)
        uow.commit()


def calendar_user(*, uow: UnitOfWork, token: str) -> str | None:
    """The user whose feed this secret opens, if any."""
    with uow.read_only():
        feed = uow.calendars.by_hash(hash_token(token))
    return feed.user_id if feed else None


def has_calendar_feed(*, uow: UnitOfWork, user_id: str) -> bool:
    """Whether a subscription address is active (its token cannot be shown again)."""
    with uow.read_only():
        return uow.calendars.get(user_id) is not None
