"""The page router: every web route answers errors with a page, never a traceback or JSON."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, FastAPI
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from hipcoach.domain.errors import HipcoachError, status_for
from hipcoach.web.rendering import page
from hipcoach.web.visitor import SignInRequired, done_with_clock, use_clock

Handler = Callable[[Request], Coroutine[Any, Any, Response]]


def signin_redirect(request: Request) -> RedirectResponse:
    """Send a signed-out browser to sign in, coming back here afterwards (for page views)."""
    target = "/signin"
    if request.method == "GET":
        wanted = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        target += "?next=" + quote(wanted, safe="/")
    return RedirectResponse(target, status_code=303)


def redirect(path: str) -> RedirectResponse:
    """Post/redirect/get: after a form is handled, the browser loads a page with GET."""
    return RedirectResponse(path, status_code=303)


class PageRoute(APIRoute):
    """An APIRoute whose errors become pages: sign-in redirects, form messages, 400/404."""

    def get_route_handler(self) -> Handler:
        handle = super().get_route_handler()

        async def page_handler(request: Request) -> Response:
            clock = use_clock(request)
            try:
                response = await handle(request)
            except SignInRequired:
                response = signin_redirect(request)
            except HipcoachError as exc:
                response = await run_in_threadpool(
                    page, request, "error.html", _error_context(exc), error=exc
                )
            except RequestValidationError:
                response = await run_in_threadpool(
                    page, request, "error.html", {"message": _BAD_REQUEST}, status=400
                )
            finally:
                done_with_clock(clock)
            if "cache-control" not in response.headers:
                response.headers["cache-control"] = "no-store"
            return response

        return page_handler


def _error_context(exc: HipcoachError) -> dict[str, Any]:
    return {"inline_errors": True, "not_found": status_for(exc) == 404}


_BAD_REQUEST = "That address or form is not one this site understands."


def install_not_found_page(app: FastAPI) -> None:
    """An HTML 404 page for unknown page addresses; /api and other errors keep their handler."""
    previous = app.exception_handlers.get(StarletteHTTPException, http_exception_handler)

    async def not_found_page(request: Request, error: Exception) -> Response:
        path = request.url.path
        is_page = not (path == "/api" or path.startswith(("/api/", "/static/")))
        if is_page and isinstance(error, StarletteHTTPException) and error.status_code == 404:
            context = {"message": "There is no page at this address.", "not_found": True}
            return await run_in_threadpool(page, request, "error.html", context, status=404)
        response = previous(request, error)
        return await response if isinstance(response, Awaitable) else response

    app.add_exception_handler(StarletteHTTPException, not_found_page)


def page_router() -> APIRouter:
    """A router whose routes are PageRoutes, kept out of the OpenAPI schema."""
    return APIRouter(route_class=PageRoute, include_in_schema=False)
