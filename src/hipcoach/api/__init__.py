"""The JSON API under /api/v1, described by OpenAPI at /api/docs and /api/openapi.json.

Thin routes over the services; clients authenticate with personal tokens
(`Authorization: Bearer <token>`), and every error is `{"error": {message, field, details}}`.
"""

from __future__ import annotations

from fastapi import APIRouter, FastAPI

from hipcoach.api import (
    routes_accounts,
    routes_catalogue,
    routes_data,
    routes_log,
    routes_plan,
    routes_progress,
)
from hipcoach.api.body_limit import JsonTooLargeMiddleware
from hipcoach.api.docs import install_docs
from hipcoach.api.errors import ApiRoute, ErrorResponses, install_error_handlers
from hipcoach.services.runtime import Runtime

PREFIX = "/api/v1"


def build_router() -> APIRouter:
    """Every API route under /api/v1, each documenting the error shape."""
    router = APIRouter(prefix=PREFIX, route_class=ApiRoute, responses=ErrorResponses)
    for module in (
        routes_accounts, routes_catalogue, routes_plan, routes_log, routes_progress, routes_data
    ):  # fmt: skip
        router.include_router(module.router)
    return router


def install(app: FastAPI) -> None:
    """Mount the API on the app; its error handlers touch only paths under /api."""
    runtime = getattr(app.state, "runtime", None)
    limit = runtime.max_body_bytes if isinstance(runtime, Runtime) else None
    app.include_router(build_router(), max_body_size=limit)  # the import route allows more
    app.add_middleware(JsonTooLargeMiddleware)
    install_error_handlers(app)
    install_docs(app)
