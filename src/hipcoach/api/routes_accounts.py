"""Sign-up and API tokens: the public ways in, the token list and deleting the account."""

from __future__ import annotations

from fastapi import APIRouter, status

from hipcoach.api.deps import Client, Now, RuntimeDep, Uow, UserId
from hipcoach.api.errors import ApiRoute
from hipcoach.api.schemas import (
    AccountDelete,
    ApiTokenCreate,
    ApiTokenCreatedRead,
    ApiTokenRead,
    SignUpCreate,
    SignUpRead,
    TokenGrantCreate,
)
from hipcoach.domain.auth import AuthError
from hipcoach.domain.errors import HipcoachError
from hipcoach.services import accounts

router = APIRouter(route_class=ApiRoute, tags=["accounts"])
API_TOKEN_NAME = "api"


class SignUpRefusedError(HipcoachError):
    """A sign-up that cannot go ahead (bad email, short password, taken, closed): a 400."""


@router.post("/auth/signup", status_code=status.HTTP_201_CREATED)
def create_account(body: SignUpCreate, runtime: RuntimeDep, uow: Uow, now: Now) -> SignUpRead:
    """Create an account and get an API token named 'api' (the first account is the owner)."""
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
        )
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
def create_token(body: ApiTokenCreate, uow: Uow, user_id: UserId, now: Now) -> ApiTokenCreatedRead:
    """A new API token for another device or script; its value is shown only now."""
    token, plain = accounts.create_api_token(uow=uow, user_id=user_id, name=body.name, now=now)
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
