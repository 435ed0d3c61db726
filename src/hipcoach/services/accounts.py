"""Sign-up, sign-in, web sessions, password changes, account deletion, API and calendar tokens.

Secrets are made by `new_secret` (the adapter may pass another factory in tests) and only
their hashes are stored. Every failure to sign in gives the same message and costs the same
work: an unknown email is checked against a dummy hash made by the same hasher, so neither
the answer nor its timing tells which emails have accounts.

Password attempts (sign-in, the password-for-token grant, and the password typed to change
it, to mint a token or to delete the account) and sign-ups are limited as
hipcoach.domain.rate_limit says. An attempt is counted before its password is checked, in
one atomic step per limit, so a burst of simultaneous attempts cannot get more checks than
the limit; a refused attempt counts for nothing. A password change or "sign out everywhere"
ends every other web session, every API token and the calendar address at once, and says
how many of each it ended; so does a new password set by whoever runs the server
(`set_password`, for the command line).

A closed server takes a new account only with an owner's invite (hipcoach.services.
access_links), used up in the same transaction that stores the account.
"""

from __future__ import annotations

import secrets
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TypeVar

from hipcoach.domain.account import User
from hipcoach.domain.appearance import Appearance
from hipcoach.domain.auth import (
    RECENT_SIGN_IN,
    SESSION_LIFETIME,
    ApiToken,
    AuthError,
    CalendarFeed,
    Credential,
    LinkKind,
    RateLimitedError,
    WebSession,
    check_password,
    hash_token,
    normalise_email,
)
from hipcoach.domain.day import check_time_zone
from hipcoach.domain.errors import NotFoundError
from hipcoach.domain.limits import TOKEN_NAME_LENGTH
from hipcoach.domain.rate_limit import (
    PRUNE_BATCH,
    RateLimit,
    email_key,
    password_generation,
    refund_key,
    reset_keys,
    sign_in_keys,
    sign_up_keys,
    wait_words,
)
from hipcoach.domain.text import has_control_characters, refuse_control_characters
from hipcoach.domain.units import Unit
from hipcoach.services.catalogue import parse_choice
from hipcoach.services.ports import PasswordHasher, UnitOfWork

SecretFactory = Callable[[], str]
T = TypeVar("T")
BAD_SIGN_IN = "That email and password don't match an account."
_DUMMY_HASHES: weakref.WeakKeyDictionary[PasswordHasher, str] = weakref.WeakKeyDictionary()


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


@dataclass(frozen=True, slots=True)
class AccessEnded:
    """What a password change or "sign out everywhere" ended, to be told as it is."""

    web_sessions: int
    api_tokens: int
    calendar_feed: bool

    def summary(self) -> str:
        """'Signed out 2 other browsers, revoked 3 API tokens, turned off the calendar address.'"""
        browsers = "browser" if self.web_sessions == 1 else "browsers"
        tokens = "API token" if self.api_tokens == 1 else "API tokens"
        feed = "turned off" if self.calendar_feed else "no"
        address = " the calendar address" if self.calendar_feed else " calendar address to end"
        return (
            f"Signed out {self.web_sessions} other {browsers}, revoked {self.api_tokens} "
            f"{tokens}, {feed}{address}."
        )


def _admit(uow: UnitOfWork, limits: Sequence[tuple[str, RateLimit]], now: datetime) -> None:
    """Count one attempt against every limit, or refuse it (counted nowhere) if one is waiting.

    Its own committed transaction, before any password is checked. Keys are taken in one
    order, so two attempts sharing keys never wait for each other in a circle (PostgreSQL).
    """
    with uow:
        for key, limit in sorted(limits, key=lambda pair: pair[0]):
            attempts = uow.rate_limits.count(key, now, limit.window)
            if attempts is None:
                until = uow.rate_limits.blocked_until(key, now) or now
                wait = until - now
                raise RateLimitedError(  # leaving the block rolls back what was counted
                    f"Too many attempts; wait {wait_words(wait)} and try again.",
                    field="email",
                    retry_after_s=max(1, int(wait.total_seconds() + 0.999)),
                )
            closed_for = limit.wait_after(attempts)
            if closed_for is not None:
                uow.rate_limits.block(key, now + closed_for)
        uow.rate_limits.prune(now, PRUNE_BATCH)
        uow.commit()


def _dummy_hash(hasher: PasswordHasher) -> str:
    """A hash of no one's password, made once per hasher: checking it costs what a real one does."""
    made = _DUMMY_HASHES.get(hasher)
    if made is None:
        made = _DUMMY_HASHES[hasher] = hasher.hash(secrets.token_urlsafe(24))
    return made


def _open_account(
    uow: UnitOfWork,
    hasher: PasswordHasher,
    *,
    email: str,
    password: str,
    name: str,
    now: datetime,
    open_signup: bool,
    client: str | None,
    limit: RateLimit | None,
    make: SecretFactory,
    then: Callable[[str], T],
    invite: str | None = None,
) -> T:
    """Store a new user and their credential, then `then(user_id)`, in one transaction.

    The very first account becomes the owner; later ones need open sign-up or an unused,
    unexpired `invite`, which this sign-up then uses up (or, if it fails, leaves unused).
    The database holds the one owner: if another first sign-up won the race, this one is a
    member (open sign-up, or invited) or refused (closed).
    """
    address = normalise_email(refuse_control_characters(email, field="email"))
    refuse_control_characters(name, field="name")
    check_password(password)
    if client is not None and limit is not None:
        _admit(uow, [(key, limit) for key, _ in sign_up_keys(client)], now)
    password_hash = hasher.hash(password)  # outside the transaction: it takes a while
    with uow:
        first = uow.accounts.count() == 0
        invited = not first and not open_signup and _use_invite(uow, invite, now)
        user_id = make()[:32]
        uow.users.add(User(user_id, name.strip()[:100] or address.split("@")[0], now))
        credential = Credential(user_id, address, password_hash, first, now)
        added = uow.accounts.add(credential)
        if not added and uow.accounts.by_email(address) is None:  # another became the owner
            if not (open_signup or invited):
                _use_invite(uow, invite, now)  # (or refused: closed)
            added = uow.accounts.add(replace(credential, is_owner=False))
        if not added:
            raise AuthError("An account with that email already exists; sign in.", field="email")
        result = then(user_id)
        uow.commit()
    return result


CLOSED = "Sign-up is closed on this server: ask its owner for an invite link."
INVITE_SPENT = (
    "This invite link has been used or has expired; ask the owner of this server for a new one."
)


def _use_invite(uow: UnitOfWork, invite: str | None, now: datetime) -> bool:
    """Inside the caller's transaction: use up the invite, or refuse the sign-up (closed)."""
    if not invite:
        raise AuthError(CLOSED, field="email")
    if (
        has_control_characters(invite)
        or uow.access_links.use(hash_token(invite), LinkKind.INVITE, now) is None
    ):
        raise AuthError(INVITE_SPENT, field="invite")
    return True


WRONG_CURRENT = "The current password is not right."


def sign_up(
    *,
    uow: UnitOfWork,
    hasher: PasswordHasher,
    email: str,
    password: str,
    name: str,
    now: datetime,
    open_signup: bool,
    client: str | None = None,
    limit: RateLimit | None = None,
    make_secret: SecretFactory = new_secret,
    invite: str | None = None,
) -> SignedIn:
    """Create an account and sign it in (a web session); the very first becomes the owner.

    Sign-ups from `client` count against `limit` (the adapters pass both; None: unlimited).
    On a closed server it takes the owner's `invite` (the token of an invite link).
    """
    return _open_account(
        uow,
        hasher,
        email=email,
        password=password,
        name=name,
        now=now,
        open_signup=open_signup,
        client=client,
        limit=limit,
        make=make_secret,
        then=lambda user_id: _start_session(uow, user_id, now, make_secret),
        invite=invite,
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
    client: str | None = None,
    limit: RateLimit | None = None,
    make_secret: SecretFactory = new_secret,
    invite: str | None = None,
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
        client=client,
        limit=limit,
        make=make_secret,
        then=lambda user_id: _mint_api_token(uow, user_id, label, now, make_secret),
        invite=invite,
    )


def _checked(
    uow: UnitOfWork, hasher: PasswordHasher, address: str, password: str, client: str, now: datetime
) -> Credential | None:
    """The credential these are the email and password of, or None; the attempt is counted.

    Known or not, the email costs one hash check, and no transaction is open meanwhile.
    """
    # No account has an email with a control character (and PostgreSQL cannot be asked).
    with uow.read_only():
        known = None if has_control_characters(address) else uow.accounts.by_email(address)
    generation = password_generation(known.password_hash if known is not None else None)
    _admit(uow, sign_in_keys(address, client, generation), now)
    stored = known.password_hash if known is not None else _dummy_hash(hasher)
    matches = hasher.verify(stored, password)  # always, so unknown emails cost the same
    if known is None or not matches:
        return None
    with uow:  # a right password: the email's limits start over, the client's takes it back
        uow.rate_limits.clear(list(reset_keys(address, client, generation)))
        key, limit = refund_key(client)
        uow.rate_limits.refund(key, limit.free)
        uow.commit()
    return known


def _still_current(uow: UnitOfWork, credential: Credential, client: str) -> bool:
    """Inside the caller's transaction: the password checked is still the account's."""
    current = uow.accounts.get(credential.user_id)
    return current is not None and current.password_hash == credential.password_hash


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
    credential = _checked(uow, hasher, address, password, client, now)
    with uow:
        if credential is None or not _still_current(uow, credential, client):
            raise AuthError(BAD_SIGN_IN, field="email")
        signed = _start_session(uow, credential.user_id, now, make_secret)
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
    credential = _checked(uow, hasher, address, password, client, now)
    with uow:
        if credential is None or not _still_current(uow, credential, client):
            raise AuthError(BAD_SIGN_IN, field="email")
        minted = _mint_api_token(uow, credential.user_id, label, now, make_secret)
        uow.commit()
    return minted


def _confirmed(
    uow: UnitOfWork,
    hasher: PasswordHasher,
    *,
    user_id: str,
    password: str,
    client: str,
    now: datetime,
    field: str,
    refusal: str = "The password is not right.",
) -> Credential:
    """The signed-in person's credential once `password` proves it is them (rate-limited)."""
    email = account(uow=uow, user_id=user_id).email
    credential = _checked(uow, hasher, email, password, client, now)
    if credential is None or credential.user_id != user_id:
        raise AuthError(refusal, field=field)
    return credential


def confirm_password(
    *,
    uow: UnitOfWork,
    hasher: PasswordHasher,
    user_id: str,
    password: str,
    client: str,
    now: datetime,
) -> None:
    """Refuse (401, rate-limited as a sign-in) unless `password` is the signed-in person's."""
    _confirmed(
        uow, hasher, user_id=user_id, password=password, client=client, now=now, field="password"
    )


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


def end_access(uow: UnitOfWork, user_id: str, keep: str | None, now: datetime) -> AccessEnded:
    """Inside the caller's transaction: end every way in but the web session `keep` (a cookie).

    What a password change, a reset link and "sign out everywhere" share.
    """
    return AccessEnded(
        web_sessions=uow.web_sessions.delete_for_user(
            user_id, keep=hash_token(keep) if keep is not None else None
        ),
        api_tokens=uow.api_tokens.revoke_all(user_id, now),
        calendar_feed=uow.calendars.delete(user_id),
    )


def sign_out_everywhere(
    *, uow: UnitOfWork, user_id: str, now: datetime, keep_session: str | None = None
) -> AccessEnded:
    """End every web session but `keep_session` (this browser's), every token and the feed."""
    with uow:
        ended = end_access(uow, user_id, keep_session, now)
        uow.commit()
    return ended


def change_password(
    *,
    uow: UnitOfWork,
    hasher: PasswordHasher,
    user_id: str,
    current: str,
    new: str,
    client: str,
    now: datetime,
    keep_session: str | None = None,
) -> AccessEnded:
    """Replace the password after checking the current one (rate-limited as a sign-in).

    Ends every other way in, as `sign_out_everywhere` does, in the same transaction, and
    clears the email's limits, so an owner kept out by someone's guesses gets back in.
    """
    check_password(new)
    credential = _confirmed(
        uow,
        hasher,
        user_id=user_id,
        password=current,
        client=client,
        now=now,
        field="current_password",
        refusal=WRONG_CURRENT,
    )
    new_hash = hasher.hash(new)
    with uow:
        if not _still_current(uow, credential, client):
            raise AuthError(WRONG_CURRENT, field="current_password")
        ended = replace_password(uow, credential, new_hash, keep=keep_session, now=now)
        uow.commit()
    return ended


def replace_password(
    uow: UnitOfWork, credential: Credential, new_hash: str, *, keep: str | None, now: datetime
) -> AccessEnded:
    """Inside the caller's transaction: store the new password's hash, end every way in but
    the web session `keep`, and let the email's sign-in limits start over.

    What a password change, a reset link and the server's command line share.
    """
    uow.accounts.update(replace(credential, password_hash=new_hash))
    ended = end_access(uow, credential.user_id, keep, now)
    uow.rate_limits.clear([email_key(credential.email)])
    return ended


NO_ACCOUNT_WITH_EMAIL = "No account on this server has that email."


NO_ACCOUNTS_YET = "No account exists on this database yet: sign up on the web first."


def set_password(
    *,
    uow: UnitOfWork,
    hasher: PasswordHasher,
    new: str,
    now: datetime,
    email: str | None = None,
) -> tuple[str, AccessEnded]:
    """Give the account with `email` (else the owner's) a new password, with neither the old
    one nor a link: for whoever runs the server, when no one can sign in (its command line).

    Checked as every new password is; every web session, API token and the calendar address
    of the account end, and its email's sign-in limits start over. The email and what ended.
    """
    check_password(new)
    address = None
    if email is not None:
        address = normalise_email(refuse_control_characters(email, field="email"))
    new_hash = hasher.hash(new)  # outside the transaction: it takes a while
    with uow:
        if address is not None:
            credential = uow.accounts.by_email(address)
            if credential is None:
                raise NotFoundError(NO_ACCOUNT_WITH_EMAIL, field="email")
        else:
            credential = uow.accounts.owner()
            if credential is None:
                raise NotFoundError(NO_ACCOUNTS_YET, field="email")
        ended = replace_password(uow, credential, new_hash, keep=None, now=now)
        uow.commit()
    return credential.email, ended


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


def set_time_zone(*, uow: UnitOfWork, user_id: str, time_zone: str) -> str:
    """Decide "today", weeks and streaks in this zone (an IANA name) from now on; the name."""
    name = check_time_zone(time_zone)
    with uow:
        if not uow.users.set_time_zone(user_id, name):
            raise NotFoundError("No such account.", field="user")
        uow.commit()
    return name


def set_appearance(*, uow: UnitOfWork, user_id: str, appearance: str) -> Appearance:
    """Show the person's pages light, dark, or as their device is set; the choice."""
    chosen = parse_choice("appearance", Appearance, appearance)
    with uow:
        if not uow.users.set_appearance(user_id, chosen):
            raise NotFoundError("No such account.", field="user")
        uow.commit()
    return chosen


def person(*, uow: UnitOfWork, user_id: str) -> User | None:
    """The person's own record (name, time zone, appearance), or None if it is gone."""
    with uow.read_only():
        return uow.users.get(user_id)


def time_zone(*, uow: UnitOfWork, user_id: str) -> str | None:
    """The person's chosen time zone, or None (then the server's zone decides)."""
    with uow.read_only():
        user = uow.users.get(user_id)
    return user.time_zone if user is not None else None


def account(*, uow: UnitOfWork, user_id: str) -> Credential:
    """The signed-in person's credential (email, owner flag, units)."""
    with uow.read_only():
        credential = uow.accounts.get(user_id)
    if credential is None:
        raise NotFoundError("No such account.", field="user")
    return credential


def delete_account(
    *,
    uow: UnitOfWork,
    hasher: PasswordHasher,
    user_id: str,
    password: str,
    client: str,
    now: datetime,
) -> None:
    """Remove the user and every row of their data, after confirming the password.

    The password is rate-limited as a sign-in (the same limits and keys), so an unattended
    browser or a stolen token cannot guess its way to deleting the account.
    """
    credential = _confirmed(
        uow, hasher, user_id=user_id, password=password, client=client, now=now, field="password"
    )
    with uow:
        if not _still_current(uow, credential, client):
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


NEEDS_PASSWORD = "Type your password to make a token."


def confirm_unless_recent(
    *,
    uow: UnitOfWork,
    hasher: PasswordHasher,
    user_id: str,
    password: str,
    client: str,
    now: datetime,
    signed_in_at: datetime | None,
    missing: str = NEEDS_PASSWORD,
) -> None:
    """Refuse unless the web session began within RECENT_SIGN_IN or `password` is right.

    For what a stolen token or an unattended browser must not do alone; the password is
    rate-limited as a sign-in.
    """
    if signed_in_at is not None and now - signed_in_at <= RECENT_SIGN_IN:
        return
    if not password:
        raise AuthError(missing, field="password")
    _confirmed(
        uow, hasher, user_id=user_id, password=password, client=client, now=now, field="password"
    )


def create_api_token(
    *,
    uow: UnitOfWork,
    hasher: PasswordHasher,
    user_id: str,
    name: str,
    password: str,
    client: str,
    now: datetime,
    signed_in_at: datetime | None = None,
    make_secret: SecretFactory = new_secret,
) -> tuple[ApiToken, str]:
    """A new personal token; the plain value is returned once and never stored.

    It needs the password (rate-limited as a sign-in), unless `signed_in_at`, the start of
    the caller's web session, is within RECENT_SIGN_IN of `now`. An API token is never
    enough by itself: whoever holds one must not make more behind the owner's back.
    """
    label = _token_label(name)
    confirm_unless_recent(
        uow=uow,
        hasher=hasher,
        user_id=user_id,
        password=password,
        client=client,
        now=now,
        signed_in_at=signed_in_at,
    )
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
