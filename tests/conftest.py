"""Shared fixtures: the real packaged catalogue, and apps served over TestClient."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest

from hipcoach.content.loader import load_catalogue
from hipcoach.domain.catalogue import Catalogue

if TYPE_CHECKING:
    from fastapi import FastAPI

    from hipcoach.services.runtime import Runtime


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture(scope="session")
def app_for() -> Callable[[Runtime], FastAPI]:
    """The whole app serving a test's runtime; one app per set of switches per test process.

    FastAPI prepares each route on an app's first request (~0.15 s for this app, more than
    most API and page tests take), so a new app per test doubled those suites. Every request
    reads the runtime from `app.state`, which this points at the test's own runtime (its own
    fake store), so no data passes between tests. Tests that change an app build their own.
    """
    from hipcoach.server import create_app

    apps: dict[tuple[bool, bool | None, int], FastAPI] = {}

    def serve(runtime: Runtime) -> FastAPI:
        # Switches in the key: one test may hold clients of two differently configured servers.
        key = (runtime.open_signup, runtime.secure_cookies, runtime.max_body_bytes)
        app = apps.get(key)
        if app is None:
            app = apps[key] = create_app(runtime)
        app.state.runtime = runtime
        return app

    return serve


def _hypothesis_profiles() -> None:
    """CI runs are reproducible (derandomized); local runs keep exploring new examples."""
    import os

    from hypothesis import settings

    settings.register_profile("ci", derandomize=True, print_blob=True)
    if os.environ.get("CI"):
        settings.load_profile("ci")


_hypothesis_profiles()


def _share_compiled_bytecode() -> None:
    """Child processes (test workers, the installed CLI, real servers) reuse compiled bytecode.

    With PYTHONDONTWRITEBYTECODE set (as on the shared dev machine) every child recompiled
    SQLAlchemy, Alembic, pydantic and FastAPI at start, about 1.5 s per process; the suite
    starts dozens. The cache lives outside the tree, so no __pycache__ appears in it.
    """
    import os
    import tempfile
    from pathlib import Path

    if os.environ.get("PYTHONDONTWRITEBYTECODE") and not os.environ.get("PYTHONPYCACHEPREFIX"):
        del os.environ["PYTHONDONTWRITEBYTECODE"]
        os.environ["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "hipcoach-pycache")


_share_compiled_bytecode()
