"""Errors as JSON, translated once for the whole API: `{"error": {message, field, details}}`.

API routes use `ApiRoute`, which turns domain errors, request validation errors and HTTP
errors raised inside a route into that shape. Only paths under /api are touched: the web
pages render their own HTML errors, so the one app-wide handler (for unknown /api paths)
hands every other path to the handler that was there before it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine, Mapping, Sequence
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.body_limit import MAX_BODY_SIZE_SCOPE_KEY
from starlette.routing import Match

from hipcoach.api.schemas import ErrorEnvelope
from hipcoach.domain.auth import AuthError
from hipcoach.domain.errors import HipcoachError, UnknownKeyError, retry_after_for, status_for

API_PREFIX = "/api"
METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")
TOO_LARGE = 413
Handler = Callable[[Request, Any], Response | Awaitable[Response]]
ErrorResponses: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorEnvelope, "description": text}
    for code, text in (
        (400, "A request the rules refuse; the message says what to change"),
        (401, "No active API token, or wrong credentials"),
        (403, "Only the owner of this server may do this"),
        (404, "Not found, or not yours"),
        (409, "Already stored with other content, or a stale version"),
        (413, "A body larger than the endpoint accepts"),
        (422, "A malformed body or parameter; details name each field"),
        (429, "Too many attempts; Retry-After says when to try again"),
        (
            503,
            "The store is busy with another program's write; nothing was stored: send the "
            "same request again after Retry-After seconds",
        ),
    )
}


class NotAuthenticatedError(AuthError):
    """No bearer token, or one that is unknown or revoked."""


def is_api_path(path: str) -> bool:
    """True for /api and everything under it."""
    return path == API_PREFIX or path.startswith(API_PREFIX + "/")


def error_response(
    status: int,
    message: str,
    *,
    field: str | None = None,
    details: Sequence[dict[str, Any]] = (),
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    """The one error shape of the API."""
    body = {"error": {"message": message, "field": field, "details": list(details)}}
    return JSONResponse(body, status_code=status, headers=headers)


def domain_error_response(error: HipcoachError) -> JSONResponse:
    """A HipcoachError as JSON; 401s carry the Bearer challenge, 429s and 503s Retry-After."""
    status = status_for(error)
    details: list[dict[str, Any]] = []
    if isinstance(error, UnknownKeyError):
        suggestions = list(error.suggestions)
        detail = {"field": error.field, "message": error.message, "type": "unknown_key"}
        details.append({**detail, "suggestions": suggestions})
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    if (wait_s := retry_after_for(error)) is not None:
        headers = {"Retry-After": str(wait_s)}
    return error_response(
        status, error.message, field=error.field, details=details, headers=headers
    )


def _field(loc: Sequence[int | str]) -> str:
    """('body', 'sets', 0, 'reps') -> 'sets.0.reps'; query and path names stay bare."""
    parts = list(loc[1:]) if loc and loc[0] in ("body", "query", "path", "header") else list(loc)
    return ".".join(str(p) for p in parts) or str(loc[0] if loc else "body")


def too_large_response(limit: object) -> JSONResponse:
    """413, naming the limit when it is known."""
    within = f": at most {limit} bytes here" if isinstance(limit, int) else ""
    return error_response(TOO_LARGE, f"The request body is too large{within}.", field="body")


def validation_error_response(error: RequestValidationError) -> JSONResponse:
    """422 with one detail per problem; the input itself is never echoed (it may be a secret)."""
    details = [
        {
            # A body that is not JSON at all is located at a character offset: name the body.
            "field": "body" if e.get("type") == "json_invalid" else _field(e.get("loc", ())),
            "location": str(e["loc"][0]) if e.get("loc") else None,
            "message": str(e.get("msg", "Invalid value.")),
            "type": str(e.get("type", "invalid")),
        }
        for e in error.errors()
    ]
    if not details:
        return error_response(422, "The request is not valid.")
    first = details[0]
    more = f" (and {len(details) - 1} more)" if len(details) > 1 else ""
    message = f"{first['field']}: {first['message']}{more}"
    return error_response(422, message, field=first["field"], details=details)


def http_error_response(error: StarletteHTTPException, *, allow: str | None = None) -> JSONResponse:
    """Framework errors (bad body, 404 for unknown paths, 405...) in the same shape."""
    message = error.detail if isinstance(error.detail, str) else "The request failed."
    headers = {**(error.headers or {}), **({"Allow": allow} if allow is not None else {})}
    return error_response(error.status_code, message, headers=headers or None)


def allowed_methods(request: Request) -> str:
    """Every method some route answers at this path (Starlette's 405 names one route's only)."""
    routes = request.app.router.routes
    return ", ".join(
        method
        for method in METHODS
        if any(r.matches({**request.scope, "method": method})[0] is Match.FULL for r in routes)
    )


NO_STORE = "no-store"


def is_private(request: Request) -> bool:
    """Whether the answer may hold someone's data or secrets: anything but a GET sent
    without credentials (the catalogue and learn pages, which any cache may keep)."""
    return request.method not in ("GET", "HEAD") or "authorization" in request.headers


class ApiRoute(APIRoute):
    """An APIRoute whose errors come out as the API's JSON error shape, and whose private
    answers (new tokens above all) carry `Cache-Control: no-store`."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handle = super().get_route_handler()

        async def handle_errors(request: Request) -> Response:
            response = await _answer(request)
            if is_private(request):
                response.headers["cache-control"] = NO_STORE
            return response

        async def _answer(request: Request) -> Response:
            try:
                return await handle(request)
            except HipcoachError as error:
                return domain_error_response(error)
            except RequestValidationError as error:
                return validation_error_response(error)
            except StarletteHTTPException as error:
                if error.status_code == TOO_LARGE:  # streamed past the route's limit
                    return too_large_response(request.scope.get(MAX_BODY_SIZE_SCOPE_KEY))
                return http_error_response(error)

        return handle_errors


def install_error_handlers(app: FastAPI) -> None:
    """JSON for unknown /api paths and methods; every other path keeps its old handler."""
    previous: Handler = app.exception_handlers.get(StarletteHTTPException, http_exception_handler)

    async def api_http_errors(request: Request, error: Exception) -> Response:
        if is_api_path(request.url.path) and isinstance(error, StarletteHTTPException):
            allow = allowed_methods(request) if error.status_code == 405 else None
            answer = http_error_response(error, allow=allow)
            if is_private(request):  # outside any route, so ApiRoute cannot say it
                answer.headers["cache-control"] = NO_STORE
            return answer
        response = previous(request, error)
        return await response if isinstance(response, Awaitable) else response

    app.add_exception_handler(StarletteHTTPException, api_http_errors)
