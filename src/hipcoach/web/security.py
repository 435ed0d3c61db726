"""Security headers on every response, session and CSRF cookies, and CSRF checks."""

from __future__ import annotations

import hmac
import secrets

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hipcoach.domain.errors import HipcoachError
from hipcoach.services.runtime import Runtime

SESSION_COOKIE = "hc_session"
CSRF_COOKIE = "hc_csrf"
CSRF_FIELD = "csrf"
SESSION_MAX_AGE_S = 30 * 24 * 3600

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS: tuple[tuple[str, str], ...] = (
    ("content-security-policy", CONTENT_SECURITY_POLICY),
    ("x-content-type-options", "nosniff"),
    ("referrer-policy", "same-origin"),
    ("x-frame-options", "DENY"),
)
_RAW_SECURITY_HEADERS = tuple((name.encode(), value.encode()) for name, value in SECURITY_HEADERS)


class CsrfError(HipcoachError):
    """A form that did not carry this browser's CSRF token (forged, or from an old page)."""

    def __init__(self) -> None:
        super().__init__(
            "This form has expired or did not come from this site. Go back, reload the page "
            "and try again.",
            field="csrf",
        )


class SecurityHeadersMiddleware:
    """Adds the security headers to every HTTP response; a response's own CSP is kept."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                # Raw (lower-case bytes) names, as ASGI carries them: on every response.
                headers = list(message.get("headers", ()))
                present = {name.lower() for name, _ in headers}
                headers += [h for h in _RAW_SECURITY_HEADERS if h[0] not in present]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def secure_cookies(request: Request, runtime: Runtime) -> bool:
    """Secure cookies when the server says so, else exactly when the request came over https."""
    if runtime.secure_cookies is not None:
        return runtime.secure_cookies
    return request.url.scheme == "https"


def set_session_cookie(response: Response, request: Request, runtime: Runtime, token: str) -> None:
    """The signed-in browser's cookie: HttpOnly, SameSite=Lax, Path=/."""
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=SESSION_MAX_AGE_S,
        path="/",
        httponly=True,
        samesite="lax",
        secure=secure_cookies(request, runtime),
    )


def clear_session_cookie(response: Response, request: Request, runtime: Runtime) -> None:
    """Forget the session in this browser."""
    response.delete_cookie(
        SESSION_COOKIE,
        path="/",
        httponly=True,
        samesite="lax",
        secure=secure_cookies(request, runtime),
    )


def signed_out_csrf(request: Request) -> tuple[str, bool]:
    """The double-submit token for signed-out forms, and whether it must be set as a cookie."""
    current = request.cookies.get(CSRF_COOKIE, "")
    if 20 <= len(current) <= 100:
        return current, False
    return secrets.token_urlsafe(24), True


def set_csrf_cookie(response: Response, request: Request, runtime: Runtime, token: str) -> None:
    """The double-submit cookie that sign-in and sign-up forms are checked against."""
    response.set_cookie(
        CSRF_COOKIE,
        token,
        path="/",
        httponly=True,
        samesite="lax",
        secure=secure_cookies(request, runtime),
    )


def check_csrf(expected: str, given: str | None) -> None:
    """Refuse a form whose token is missing or differs (compared in constant time)."""
    if not expected or not given or not hmac.compare_digest(expected, given):
        raise CsrfError
