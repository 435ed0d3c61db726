"""The owner's one-time links: invites to sign up on a closed server, and password resets.

There is no mail server, so the owner makes a link and hands it over themselves. Each link
holds a fresh 256-bit secret; only its SHA-256 is stored, and it is looked up by that hash
(an attacker cannot steer a hash, so the lookup's timing tells nothing, as for API tokens).
A link works once and expires (hipcoach.domain.auth: INVITE_LIFETIME, RESET_LIFETIME): it is
used up by one conditional update in the same transaction as what it opens, so two uses at
once cannot both succeed, and a use that fails leaves it unused. A reset ends every web
session, API token and the calendar address of the account, as a password change does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from hipcoach.domain.auth import (
    LINK_LIFETIME,
    AccessLink,
    AuthError,
    LinkKind,
    check_password,
    hash_token,
    normalise_email,
)
from hipcoach.domain.errors import ForbiddenError, NotFoundError
from hipcoach.domain.limits import LINK_TOKEN_LENGTH
from hipcoach.domain.text import has_control_characters, refuse_control_characters
from hipcoach.services.accounts import (
    NO_ACCOUNT_WITH_EMAIL,
    AccessEnded,
    SecretFactory,
    confirm_unless_recent,
    new_secret,
    replace_password,
)
from hipcoach.services.ports import PasswordHasher, UnitOfWork

OWNER_ONLY = "Only the owner of this server can make invite and reset links."
RESET_SPENT = (
    "This reset link has been used or has expired; ask the owner of this server for a new one."
)
NEEDS_OWNER_PASSWORD = "Type your password to make a reset link."


class SignUpState(StrEnum):
    """What the sign-up page can offer: a form, a form for the invited, or only the way in."""

    OPEN = "open"  # open sign-up, or no account yet (the first becomes the owner)
    INVITED = "invited"  # closed, with a usable invite
    CLOSED = "closed"  # closed, and no invite
    INVITE_SPENT = "invite_spent"  # closed, and the invite was used or has expired


@dataclass(frozen=True, slots=True)
class IssuedLink:
    """A link just made: `token` goes into it and is never stored or shown again."""

    link: AccessLink
    token: str

    @property
    def path(self) -> str:
        """The address on this server the link opens (prefix it with the server's own)."""
        if self.link.kind is LinkKind.INVITE:
            return f"/signup?invite={self.token}"
        return f"/reset/{self.token}"


def _plausible(token: str) -> bool:
    """A token that could be one we made (anything else is never looked up)."""
    return len(token) in LINK_TOKEN_LENGTH and not has_control_characters(token)


def _owner(uow: UnitOfWork, user_id: str) -> None:
    credential = uow.accounts.get(user_id)
    if credential is None or not credential.is_owner:
        raise ForbiddenError(OWNER_ONLY, field="user")


def _issue(
    uow: UnitOfWork,
    kind: LinkKind,
    owner_id: str,
    now: datetime,
    make: SecretFactory,
    user_id: str | None = None,
) -> IssuedLink:
    """Inside the caller's transaction: store a new link (expired ones are cleared first)."""
    uow.access_links.prune(now)
    token = make()
    link = AccessLink(hash_token(token), kind, owner_id, now, now + LINK_LIFETIME[kind], user_id)
    uow.access_links.add(link)
    return IssuedLink(link, token)


def sign_up_state(
    *, uow: UnitOfWork, open_signup: bool, invite: str | None, now: datetime
) -> SignUpState:
    """Whether sign-up is open to this visitor, told before they fill in the form."""
    if open_signup:
        return SignUpState.OPEN
    with uow.read_only():
        if uow.accounts.count() == 0:
            return SignUpState.OPEN
        if not invite:
            return SignUpState.CLOSED
        found = uow.access_links.by_hash(hash_token(invite)) if _plausible(invite) else None
    usable = found is not None and found.kind is LinkKind.INVITE and found.usable(now)
    return SignUpState.INVITED if usable else SignUpState.INVITE_SPENT


def create_invite(
    *, uow: UnitOfWork, user_id: str, now: datetime, make_secret: SecretFactory = new_secret
) -> IssuedLink:
    """A link that lets one person make an account on this server (the owner's to make)."""
    with uow:
        _owner(uow, user_id)
        issued = _issue(uow, LinkKind.INVITE, user_id, now, make_secret)
        uow.commit()
    return issued


def create_reset_link(
    *,
    uow: UnitOfWork,
    hasher: PasswordHasher,
    user_id: str,
    email: str,
    password: str,
    client: str,
    now: datetime,
    signed_in_at: datetime | None = None,
    make_secret: SecretFactory = new_secret,
) -> IssuedLink:
    """A link that sets a new password for the account with `email` (the owner's to make).

    It needs the owner's password unless their web session began moments ago, since the
    link opens someone's account; an earlier unused reset link for that account stops working.
    """
    address = normalise_email(refuse_control_characters(email, field="email"))
    with uow.read_only():
        _owner(uow, user_id)
    confirm_unless_recent(
        uow=uow,
        hasher=hasher,
        user_id=user_id,
        password=password,
        client=client,
        now=now,
        signed_in_at=signed_in_at,
        missing=NEEDS_OWNER_PASSWORD,
    )
    with uow:
        _owner(uow, user_id)
        account = uow.accounts.by_email(address)
        if account is None:
            raise NotFoundError(NO_ACCOUNT_WITH_EMAIL, field="email")
        uow.access_links.withdraw_resets(account.user_id)
        issued = _issue(uow, LinkKind.RESET, user_id, now, make_secret, account.user_id)
        uow.commit()
    return issued


def reset_link_usable(*, uow: UnitOfWork, token: str, now: datetime) -> bool:
    """Whether a reset link can still set a password (to show its form, or say why not)."""
    if not _plausible(token):
        return False
    with uow.read_only():
        found = uow.access_links.by_hash(hash_token(token))
    return found is not None and found.kind is LinkKind.RESET and found.usable(now)


def reset_password(
    *, uow: UnitOfWork, hasher: PasswordHasher, token: str, new: str, now: datetime
) -> AccessEnded:
    """Set the account's password from a reset link, which is then used up.

    Every web session, API token and the calendar address of the account end with it, and
    the email's sign-in limits start over, as after a password change.
    """
    check_password(new)
    if not _plausible(token):
        raise AuthError(RESET_SPENT, field="token")
    new_hash = hasher.hash(new)  # outside the transaction: it takes a while
    with uow:
        link = uow.access_links.use(hash_token(token), LinkKind.RESET, now)
        credential = uow.accounts.get(link.user_id) if link and link.user_id else None
        if credential is None:
            raise AuthError(RESET_SPENT, field="token")
        ended = replace_password(uow, credential, new_hash, keep=None, now=now)
        uow.commit()
    return ended
