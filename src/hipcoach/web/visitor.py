"""Who is asking: the runtime, the clock, and the signed-in person behind the session cookie."""

from __future__ import annotations

from contextvars import ContextVar, Token
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from typing import cast

from starlette.requests import Request

from hipcoach.domain.appearance import Appearance
from hipcoach.services import accounts
from hipcoach.services.clock import Clock
from hipcoach.services.runtime import Runtime
from hipcoach.web.security import SESSION_COOKIE


class SignInRequired(Exception):
    """The page needs a signed-in person; the router answers with a redirect to /signin."""


@dataclass(frozen=True, slots=True)
class Visitor:
    """A signed-in browser: whose data it may see and the CSRF token its forms carry."""

    user_id: str
    csrf: str
    token: str
    signed_in_at: datetime | None = None  # when this browser's session began
    time_zone: str | None = None  # the person's own zone; None: the server's
    appearance: Appearance = Appearance.SYSTEM  # the colour scheme their pages use


def runtime_of(request: Request) -> Runtime:
    """The runtime the server was built with (unit of work factory, hasher, switches)."""
    return cast(Runtime, request.app.state.runtime)


# The runtime's clock while a page is handled (set by PageRoute): pages ask `today()` without
# passing the request around, and still read the same clock as the API.
_CLOCK: ContextVar[Clock | None] = ContextVar("hipcoach_clock", default=None)
_SYSTEM = Clock()  # outside a page (tests, scripts): the machine's own zone


def use_clock(request: Request) -> Token[Clock | None]:
    """Read time from this request's runtime until the page is answered (then reset)."""
    return _CLOCK.set(runtime_of(request).clock)


def done_with_clock(token: Token[Clock | None]) -> None:
    """Back to the clock before `use_clock`."""
    _CLOCK.reset(token)


def now() -> datetime:
    """The current moment (UTC, timezone-aware)."""
    return (_CLOCK.get() or _SYSTEM).now()


def today(visitor: Visitor | None = None) -> date:
    """Today for the visitor, in their own time zone; without one (or no visitor) in the
    server's (HIPCOACH_TIMEZONE; unset: this machine's)."""
    clock = _CLOCK.get() or _SYSTEM
    return clock.today_in(visitor.time_zone if visitor is not None else None)


def zone(visitor: Visitor) -> tzinfo:
    """The zone the visitor's times are shown in (theirs, else the server's)."""
    return (_CLOCK.get() or _SYSTEM).zone_of(visitor.time_zone)


def client_of(request: Request) -> str:
    """The client's address, as rate limits count it (the proxy's X-Forwarded-For, if trusted)."""
    return request.client.host if request.client else "unknown"


def optional_visitor(request: Request) -> Visitor | None:
    """The signed-in person, or None when the cookie is missing, unknown or expired."""
    cached = request.scope.get("hipcoach.visitor", False)
    if cached is not False:
        return cast(Visitor | None, cached)
    token = request.cookies.get(SESSION_COOKIE, "")
    found: Visitor | None = None
    if 20 <= len(token) <= 200:
        uow = runtime_of(request).uow()
        session = accounts.session_user(uow=uow, token=token, now=now())
        if session is not None:
            person = accounts.person(uow=uow, user_id=session.user_id)
            found = Visitor(
                session.user_id,
                session.csrf_token,
                token,
                session.created_at,
                person.time_zone if person else None,
                person.appearance if person else Appearance.SYSTEM,
            )
    request.scope["hipcoach.visitor"] = found
    return found


def require_visitor(request: Request) -> Visitor:
    """The signed-in person, or a redirect to the sign-in page."""
    visitor = optional_visitor(request)
    if visitor is None:
        raise SignInRequired
    return visitor
