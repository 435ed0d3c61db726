"""Sign-up and API tokens: the public ways in, the token list, the password and deletion.

Every answer here but a refusal to an unauthenticated GET carries `Cache-Control: no-store`
(ApiRoute): new tokens above all must never sit in a cache.
"""

from __future__ import annotations

from fastapi import APIRouter, Request, status

from hipcoach.api.deps import Client, Now, RuntimeDep, Today, Uow, UserId
from hipcoach.api.errors import ApiRoute
from hipcoach.api.schemas import (
    AccessEndedRead,
    AccountDelete,
    ApiTokenCreate,
    ApiTokenCreatedRead,
    ApiTokenRead,
    LinkRead,
    PasswordConfirm,
    PasswordReset,
    PasswordUpdate,
    ResetLinkCreate,
    SignUpCreate,
    SignUpRead,
    SignUpStateRead,
    TimeZoneRead,
    TimeZoneUpdate,
    TokenGrantCreate,
)
from hipcoach.domain.auth import AuthError, RateLimitedError
from hipcoach.domain.errors import HipcoachError
from hipcoach.domain.limits import LINK_TOKEN_LENGTH
from hipcoach.services import access_links, accounts
from hipcoach.services.access_links import SignUpState

router = APIRouter(route_class=ApiRoute, tags=["accounts"])
API_TOKEN_NAME = "api"


class SignUpRefusedError(HipcoachError):
    """A sign-up that cannot go ahead (bad email, short password, taken, closed): a 400."""


@router.post("/auth/signup", status_code=status.HTTP_201_CREATED)
def create_account(
    body: SignUpCreate, runtime: RuntimeDep, uow: Uow, now: Now, client: Client
) -> SignUpRead:
    """Create an account and get an API token named 'api' (the first account is the owner).

    Sign-ups are limited per client address (429 with Retry-After beyond it)."""
    try:
        token, plain = accounts.sign_up_with_token(
            uow=uow,
            hasher=runtime.hasher,
            email=body.email,
            password=body.password,
            name=body.name,
            token_name=API_TOKEN_NAME,
            now=now,
            open_signup=runtime.open_signup,
            client=client,
            limit=runtime.sign_up_limit,
            invite=body.invite,
        )
    except RateLimitedError:
        raise
    except AuthError as error:
        # Not a failed sign-in: the person is told what to change, with no 401 challenge.
        raise SignUpRefusedError(error.message, field=error.field) from None
    return SignUpRead(user_id=token.user_id, token=plain)


SIGN_UP_WORDS = {
    SignUpState.OPEN: "Sign-up is open: POST /auth/signup.",
    SignUpState.INVITED: "This invite is good for one account: POST /auth/signup with it.",
    SignUpState.CLOSED: accounts.CLOSED,
    SignUpState.INVITE_SPENT: accounts.INVITE_SPENT,
}


@router.get("/auth/signup")
def get_sign_up_state(
    runtime: RuntimeDep, uow: Uow, now: Now, invite: str | None = None
) -> SignUpStateRead:
    """Whether a sign-up would be taken, before asking for one: open, closed (ask the owner
    for an invite link), or, with `?invite=`, whether that invite is still good."""
    state = access_links.sign_up_state(
        uow=uow,
        open_signup=runtime.open_signup,
        invite=invite[: LINK_TOKEN_LENGTH.high + 1] if invite else None,
        now=now,
    )
    return SignUpStateRead(state=state.value, message=SIGN_UP_WORDS[state])


def _link_read(request: Request, issued: access_links.IssuedLink) -> LinkRead:
    url = str(request.base_url).rstrip("/") + issued.path
    return LinkRead(kind=issued.link.kind.value, url=url, expires_at=issued.link.expires_at)


@router.post("/invites", status_code=status.HTTP_201_CREATED)
def create_invite(request: Request, uow: Uow, user_id: UserId, now: Now) -> LinkRead:
    """The owner's invite link: one person may sign up with it, once, within 7 days
    (403 for anyone but the owner). Its address is shown only now."""
    return _link_read(request, access_links.create_invite(uow=uow, user_id=user_id, now=now))


@router.post("/password-resets", status_code=status.HTTP_201_CREATED)
def create_reset_link(
    request: Request,
    body: ResetLinkCreate,
    runtime: RuntimeDep,
    uow: Uow,
    user_id: UserId,
    now: Now,
    client: Client,
) -> LinkRead:
    """The owner's link that sets a new password for the account with that email, once,
    within an hour (403 for anyone but the owner; 404 for an unknown email). An older unused
    reset link for that account stops working."""
    issued = access_links.create_reset_link(
        uow=uow,
        hasher=runtime.hasher,
        user_id=user_id,
        email=body.email,
        password=body.password,
        client=client,
        now=now,
    )
    return _link_read(request, issued)


@router.post("/auth/password-reset")
def reset_password(body: PasswordReset, runtime: RuntimeDep, uow: Uow, now: Now) -> AccessEndedRead:
    """Set a new password with a reset link's token (401 if used or expired); every web
    session, API token and the calendar address of the account end. Then POST /auth/tokens."""
    ended = access_links.reset_password(
        uow=uow, hasher=runtime.hasher, token=body.token, new=body.new_password, now=now
    )
    return _ended(ended)


@router.put("/account/time-zone")
def set_time_zone(
    body: TimeZoneUpdate, runtime: RuntimeDep, uow: Uow, user_id: UserId
) -> TimeZoneRead:
    """Count today, weeks and streaks in this zone from now on (400 for an unknown name)."""
    name = accounts.set_time_zone(uow=uow, user_id=user_id, time_zone=body.time_zone)
    return TimeZoneRead(time_zone=name, today=runtime.clock.today_in(name))


@router.get("/account/time-zone")
def get_time_zone(uow: Uow, user_id: UserId, today: Today) -> TimeZoneRead:
    """Your time zone and today in it (null: the server's zone decides)."""
    return TimeZoneRead(time_zone=accounts.time_zone(uow=uow, user_id=user_id), today=today)


@router.post("/auth/tokens", status_code=status.HTTP_201_CREATED)
def create_token_with_password(
    body: TokenGrantCreate, runtime: RuntimeDep, uow: Uow, now: Now, client: Client
) -> ApiTokenCreatedRead:
    """Trade email and password for a new API token (sign-in attempts are rate-limited)."""
    token, plain = accounts.grant_api_token(
        uow=uow,
        hasher=runtime.hasher,
        email=body.email,
        password=body.password,
        client=client,
        name=body.name,
        now=now,
    )
    return ApiTokenCreatedRead(
        id=token.id, name=token.name, created_at=token.created_at, token=plain
    )


@router.get("/tokens")
def list_tokens(uow: Uow, user_id: UserId) -> list[ApiTokenRead]:
    """Your API tokens, newest first, revoked ones included (their values are never shown)."""
    return [
        ApiTokenRead.model_validate(t) for t in accounts.list_api_tokens(uow=uow, user_id=user_id)
    ]


@router.post("/tokens", status_code=status.HTTP_201_CREATED)
def create_token(
    body: ApiTokenCreate, runtime: RuntimeDep, uow: Uow, user_id: UserId, now: Now, client: Client
) -> ApiTokenCreatedRead:
    """A new API token for another device or script, for your password (401 if it is wrong);
    its value is shown only now."""
    token, plain = accounts.create_api_token(
        uow=uow,
        hasher=runtime.hasher,
        user_id=user_id,
        name=body.name,
        password=body.password,
        client=client,
        now=now,
    )
    return ApiTokenCreatedRead(
        id=token.id, name=token.name, created_at=token.created_at, token=plain
    )


@router.delete("/tokens/{token_id}", status_code=status.HTTP_204_NO_CONTENT)
def revoke_token(token_id: str, uow: Uow, user_id: UserId, now: Now) -> None:
    """Revoke one of your tokens; it stops working at once (404 if it is not yours)."""
    accounts.revoke_api_token(uow=uow, user_id=user_id, token_id=token_id, now=now)


@router.delete("/account", status_code=status.HTTP_204_NO_CONTENT)
def delete_account(
    body: AccountDelete, runtime: RuntimeDep, uow: Uow, user_id: UserId, now: Now, client: Client
) -> None:
    """Delete your account and every record of your training, after confirming the password
    (rate-limited as a sign-in: 429 with Retry-After)."""
    accounts.delete_account(
        uow=uow,
        hasher=runtime.hasher,
        user_id=user_id,
        password=body.password,
        client=client,
        now=now,
    )


def _ended(ended: accounts.AccessEnded) -> AccessEndedRead:
    return AccessEndedRead(
        web_sessions_ended=ended.web_sessions,
        api_tokens_revoked=ended.api_tokens,
        calendar_feed_ended=ended.calendar_feed,
        message=ended.summary(),
    )


@router.put("/account/password")
def change_password(
    body: PasswordUpdate, runtime: RuntimeDep, uow: Uow, user_id: UserId, now: Now, client: Client
) -> AccessEndedRead:
    """Change your password: every web session, every API token (this one too) and the
    calendar address end at once; get a new token with POST /auth/tokens."""
    ended = accounts.change_password(
        uow=uow,
        hasher=runtime.hasher,
        user_id=user_id,
        current=body.current_password,
        new=body.new_password,
        client=client,
        now=now,
    )
    return _ended(ended)


@router.post("/account/sign-out-everywhere")
def sign_out_everywhere(
    body: PasswordConfirm, runtime: RuntimeDep, uow: Uow, user_id: UserId, now: Now, client: Client
) -> AccessEndedRead:
    """End every web session, every API token (this one too) and the calendar address, for
    your password (a token alone cannot cut its owner off)."""
    accounts.confirm_password(
        uow=uow,
        hasher=runtime.hasher,
        user_id=user_id,
        password=body.password,
        client=client,
        now=now,
    )
    return _ended(accounts.sign_out_everywhere(uow=uow, user_id=user_id, now=now))
