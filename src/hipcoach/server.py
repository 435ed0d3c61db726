"""The ASGI application: the JSON API under /api/v1 and the web pages, in one FastAPI app.

Run it with `hipcoach serve` (uvicorn imports `hipcoach.server:create_app` as a factory), so
every worker process builds its own engine; app processes keep no state of their own, and
several of them can serve one PostgreSQL database.
"""

from __future__ import annotations

from fastapi import FastAPI
from starlette.middleware.gzip import GZipMiddleware

from hipcoach import __version__
from hipcoach.services.runtime import Runtime


def production_runtime() -> Runtime:
    """Settings from the environment -> database (migrated) -> argon2id hasher."""
    from hipcoach.bootstrap import build_runtime

    return build_runtime()


def create_app(runtime: Runtime | None = None) -> FastAPI:
    """The whole server; tests pass a Runtime made of fakes or of a temporary database."""
    from hipcoach.api import install as install_api
    from hipcoach.web import install as install_web

    app = FastAPI(
        title="hipcoach API",
        version=__version__,
        docs_url=None,  # served offline by hipcoach.api.docs
        redoc_url=None,
        openapi_url="/api/openapi.json",
        # No OpenTelemetry providers are configured; skip FastAPI's per-request check.
        telemetry={"tracing": False, "metrics": False, "logs": False},
    )
    app.state.runtime = runtime or production_runtime()
    install_api(app)
    install_web(app)
    app.add_middleware(GZipMiddleware, minimum_size=500)  # pages, CSS and JS over the wire
    return app
