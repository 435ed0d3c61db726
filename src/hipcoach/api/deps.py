"""What routes depend on: the runtime, a unit of work, the clock and the signed-in user."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Annotated, TypeVar, cast

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool

from hipcoach.api.errors import NotAuthenticatedError
from hipcoach.services import accounts
from hipcoach.services.ports import StoreBusy, UnitOfWork
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


async def get_now(runtime: Annotated[Runtime, Depends(get_runtime)]) -> datetime:
    """The current time, in UTC."""
    return runtime.clock.now()


async def get_client(request: Request) -> str:
    """The client's address, for rate-limiting sign-in attempts."""
    return request.client.host if request.client else "unknown"


BearerToken = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


def get_user_id(uow: Annotated[UnitOfWork, Depends(get_uow)], credentials: BearerToken) -> str:
    """The user whose active API token came in `Authorization: Bearer <token>` (else 401)."""
    return user_for(uow, credentials)


def user_for(uow: UnitOfWork, credentials: HTTPAuthorizationCredentials | None) -> str:
    """`get_user_id` for routes that check the token inside their own store work."""
    user_id = accounts.bearer_user(uow=uow, token=credentials.credentials) if credentials else None
    if user_id is None:
        raise NotAuthenticatedError(
            "Send an active API token as 'Authorization: Bearer <token>'.", field="authorization"
        )
    return user_id


def get_today(
    runtime: Annotated[Runtime, Depends(get_runtime)],
    uow: Annotated[UnitOfWork, Depends(get_uow)],
    user_id: Annotated[str, Depends(get_user_id)],
) -> date:
    """Today in the signed-in person's time zone (unset: the server's), as web and CLI count it."""
    return runtime.clock.today_in(accounts.time_zone(uow=uow, user_id=user_id))


T = TypeVar("T")
UowFactory = Callable[[], UnitOfWork]


async def run_store_work(runtime: Runtime, work: Callable[[UowFactory], T]) -> T:
    """`work(make_uow)` on the event loop when the store can answer at once, else threaded.

    For short requests on a hot path. A thread-pool trip costs more than SQLite's own work
    and, under concurrent load, the GIL hand-offs make the tail (measured: p99 26-66 ms ->
    8-12 ms at 8 connections; BENCHMARKS.md). Units of work from `runtime.uow_no_wait` never
    queue: at the first write a busy store raises StoreBusy, before anything is stored, and
    the work starts over in the thread pool, where waiting is harmless. So `work` must be
    safe to start over until its first write (reads, then at most one writing unit of work).
    """
    if runtime.uow_no_wait is not None:
        try:
            return work(runtime.uow_no_wait)
        except StoreBusy:
            pass
    return await run_in_threadpool(work, runtime.uow)


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]
Uow = Annotated[UnitOfWork, Depends(get_uow)]
Now = Annotated[datetime, Depends(get_now)]
Today = Annotated[date, Depends(get_today)]
Client = Annotated[str, Depends(get_client)]
UserId = Annotated[str, Depends(get_user_id)]
