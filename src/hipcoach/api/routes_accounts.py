"""Sign-up and API tokens: the public ways in, the token list, the password and deletion.

Every answer here but a refusal to an unauthenticated GET carries `Cache-Control: no-store`
(ApiRoute): new tokens above all must never sit in a cache.
"""

from __future__ import annotations

from fastapi import APIRouter, status

from hipcoach.api.deps import Client, Now, RuntimeDep, Uow, UserId
from hipcoach.api.errors import ApiRoute
from hipcoach.api.schemas import (
    AccessEndedRead,
    AccountDelete,
    ApiTokenCreate,
    ApiTokenCreatedRead,
    ApiTokenRead,
    PasswordConfirm,
    PasswordUpdate,
    SignUpCreate,
    SignUpRead,
    TokenGrantCreate,
)
from hipcoach.domain.auth import AuthError, RateLimitedError
from hipcoach.domain.errors import HipcoachError
from hipcoach.services import accounts

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
        )
    except RateLimitedError:
        raise
    except AuthError as error:
        # Not a failed sign-in: the person is told what to change, with no 401 challenge.
        raise SignUpRefusedError(error.message, field=error.field) from None
    return SignUpRead(user_id=token.user_id, token=plain)


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
def delete_account(body: AccountDelete, runtime: RuntimeDep, uow: Uow, user_id: UserId) -> None:
    """Delete your account and every record of your training, after confirming the password."""
    accounts.delete_account(uow=uow, hasher=runtime.hasher, user_id=user_id, password=body.password)


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
