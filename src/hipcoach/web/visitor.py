"""Who is asking: the runtime, the clock, and the signed-in person behind the session cookie."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import cast

from starlette.requests import Request

from hipcoach.services import accounts
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


def runtime_of(request: Request) -> Runtime:
    """The runtime the server was built with (unit of work factory, hasher, switches)."""
    return cast(Runtime, request.app.state.runtime)


def now() -> datetime:
    """The current moment (UTC, timezone-aware)."""
    return datetime.now(UTC)


def today() -> date:
    """The server's local calendar day."""
    return datetime.now(UTC).astimezone().date()


def optional_visitor(request: Request) -> Visitor | None:
    """The signed-in person, or None when the cookie is missing, unknown or expired."""
    cached = request.scope.get("hipcoach.visitor", False)
    if cached is not False:
        return cast(Visitor | None, cached)
    token = request.cookies.get(SESSION_COOKIE, "")
    found: Visitor | None = None
    if 20 <= len(token) <= 200:
        session = accounts.session_user(uow=runtime_of(request).uow(), token=token, now=now())
        if session is not None:
            found = Visitor(session.user_id, session.csrf_token, token)
    request.scope["hipcoach.visitor"] = found
    return found


def require_visitor(request: Request) -> Visitor:
    """The signed-in person, or a redirect to the sign-in page."""
    visitor = optional_visitor(request)
    if visitor is None:
        raise SignInRequired
    return visitor
