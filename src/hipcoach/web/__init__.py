"""Server-rendered pages (Jinja2), mounted beside the API and kept out of its OpenAPI schema.

`install(app)` adds the security headers to every response, serves /static from this
package, and includes the page routes. Pages are thin: they read a form, call a service and
render a template; domain errors come back as messages on the form.
"""

from __future__ import annotations

from fastapi import FastAPI
from starlette.staticfiles import StaticFiles

from hipcoach.services.runtime import Runtime
from hipcoach.web import routing
from hipcoach.web.pages import (
    account,
    library,
    onboarding,
    plan,
    progress,
    sessions,
    settings,
    today,
)
from hipcoach.web.routing import install_not_found_page
from hipcoach.web.security import SecurityHeadersMiddleware

MODULES = (account, onboarding, today, sessions, plan, progress, library, settings, routing)


def install(app: FastAPI) -> None:
    """Mount the static files and the pages, and add the security headers middleware."""
    app.add_middleware(SecurityHeadersMiddleware)
    app.mount("/static", StaticFiles(packages=[("hipcoach.web", "static")]), name="static")
    runtime = getattr(app.state, "runtime", None)
    limit = runtime.max_body_bytes if isinstance(runtime, Runtime) else None
    for module in MODULES:  # flat, as the API's (see hipcoach.api.install)
        app.include_router(module.router, include_in_schema=False, max_body_size=limit)
    install_not_found_page(app)
