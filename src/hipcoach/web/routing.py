"""The page router: every web route answers errors with a page, never a traceback or JSON."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Awaitable, Callable, Coroutine
from functools import cache
from importlib.resources import files
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
from hipcoach.web.theme import THEME_LIGHT
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


# The installable app: the service worker at the root (its scope is every page) and the
# manifest. Both are read fresh by the browser (no-cache), and the worker's caches are named
# after a hash of the static files, so a deploy that changes any of them replaces them all.
router = page_router()
STATIC = files("hipcoach.web") / "static"
ICONS = (
    ("icon-192.png", "192x192", "any"),
    ("icon-512.png", "512x512", "any"),
    ("icon-maskable-512.png", "512x512", "maskable"),
)


@cache
def static_version() -> str:
    """A short hash of every static file: the service worker's cache version."""
    digest = hashlib.sha256()
    pending = [STATIC]
    while pending:
        folder = pending.pop()
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.is_dir():
                pending.append(entry)
            elif entry.is_file():
                digest.update(entry.name.encode() + b"\0" + entry.read_bytes())
    return digest.hexdigest()[:16]


@cache
def _service_worker() -> bytes:
    text = (STATIC / "sw.js").read_text(encoding="utf-8")
    return text.replace("__STATIC_VERSION__", static_version()).encode()


def manifest() -> dict[str, Any]:
    """The web app manifest: what a phone needs to install hipcoach on its home screen."""
    return {
        "name": "hipcoach",
        "short_name": "hipcoach",
        "description": "Hip-abductor training: today's session, logged set by set, offline too.",
        "id": "/today",
        "start_url": "/today",
        "scope": "/",
        "display": "standalone",
        "background_color": "#f7f4fa",
        "theme_color": THEME_LIGHT,  # a manifest has one: the light one
        "icons": [
            {"src": f"/static/icons/{name}", "sizes": sizes, "type": "image/png", "purpose": use}
            for name, sizes, use in ICONS
        ],
    }


@router.get("/sw.js")
def service_worker() -> Response:
    """The service worker script, served at the root so that it may control every page."""
    return Response(
        _service_worker(),
        media_type="text/javascript",
        headers={"cache-control": "no-cache", "service-worker-allowed": "/"},
    )


@router.get("/manifest.webmanifest")
def web_manifest() -> Response:
    """The manifest as JSON."""
    return Response(
        json.dumps(manifest(), separators=(",", ":")).encode(),
        media_type="application/manifest+json",
        headers={"cache-control": "no-cache"},
    )
