"""What routes depend on: the runtime, a unit of work, the clock and the signed-in user."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, cast

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from hipcoach.api.errors import NotAuthenticatedError
from hipcoach.services import accounts
from hipcoach.services.ports import UnitOfWork
from hipcoach.services.runtime import Runtime

_bearer = HTTPBearer(
    auto_error=False,
    scheme_name="api_token",
    description="A personal API token (`hc_...`), from POST /api/v1/auth/tokens or settings.",
)


# The cheap dependencies are `async def` so they run on the event loop: a plain `def`
# costs a round trip through the thread pool each (measured: ~5 hops per request before).
async def get_runtime(request: Request) -> Runtime:
    """The runtime `create_app` put on the application."""
    return cast(Runtime, request.app.state.runtime)


async def get_uow(runtime: Annotated[Runtime, Depends(get_runtime)]) -> UnitOfWork:
    """A fresh unit of work for this request."""
    return runtime.uow()


async def get_now() -> datetime:
    """The current time, in UTC."""
    return datetime.now(UTC)


async def get_client(request: Request) -> str:
    """The client's address, for rate-limiting sign-in attempts."""
    return request.client.host if request.client else "unknown"


BearerToken = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


def get_user_id(uow: Annotated[UnitOfWork, Depends(get_uow)], credentials: BearerToken) -> str:
    """The user whose active API token came in `Authorization: Bearer <token>` (else 401)."""
    return user_for(uow, credentials)


def user_for(uow: UnitOfWork, credentials: HTTPAuthorizationCredentials | None) -> str:
    """`get_user_id` for routes that check the token in their own thread-pool call."""
    user_id = accounts.bearer_user(uow=uow, token=credentials.credentials) if credentials else None
    if user_id is None:
        raise NotAuthenticatedError(
            "Send an active API token as 'Authorization: Bearer <token>'.", field="authorization"
        )
    return user_id


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]
Uow = Annotated[UnitOfWork, Depends(get_uow)]
Now = Annotated[datetime, Depends(get_now)]
Client = Annotated[str, Depends(get_client)]
UserId = Annotated[str, Depends(get_user_id)]
