"""The app on real databases for hostile input: SQLite and PostgreSQL (which refuses NUL).

Each backend is one database per xdist worker, migrated once; every test signs up its own
user, so tests share the database but never each other's records. PostgreSQL comes from
HIPCOACH_TEST_POSTGRES_URL's server; unreachable, it is skipped, unless
HIPCOACH_REQUIRE_POSTGRES=1 (as in CI) makes that a failure.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from hipcoach.bootstrap import build_runtime
from hipcoach.config import Settings
from hipcoach.services.runtime import Runtime
from tests.api.conftest import PASSWORD, PROFILE, Person
from tests.postgres import drop_database, recreate_database, url_text
from tests.services.fakes import FakeHasher


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def runtime(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, worker_id: str
) -> Iterator[Runtime]:
    """The real store behind the app (argon2 swapped for the fake hasher: this is about input)."""
    if request.param == "sqlite":
        path: Path = tmp_path_factory.mktemp("hostile") / "hipcoach.db"
        url = f"sqlite:///{path}"
    else:
        name = f"hipcoach_hostile_{worker_id}_{os.getpid()}"  # runs side by side
        url = url_text(recreate_database(name))
    # Every test signs up from the one test client: no sign-up limit here.
    built = build_runtime(Settings(database_url=url, open_signup=True, signups_per_hour=0))
    yield replace(built, hasher=FakeHasher())
    if request.param == "postgresql":
        drop_database(name)


@pytest.fixture
def client(runtime: Runtime, app_for: Callable[[Runtime], FastAPI]) -> Iterator[TestClient]:
    with TestClient(app_for(runtime)) as test_client:
        yield test_client


@pytest.fixture
def sign_up(client: TestClient) -> Callable[[], Person]:
    def make() -> Person:
        body = {"email": f"{uuid.uuid4().hex[:12]}@example.com", "password": PASSWORD}
        response = client.post("/api/v1/auth/signup", json=body)
        assert response.status_code == 201, response.text
        person = Person(**response.json())
        onboarded = client.put("/api/v1/profile", json=PROFILE, headers=person.headers)
        assert onboarded.status_code == 200, onboarded.text
        return person

    return make


@pytest.fixture
def ana(sign_up: Callable[[], Person]) -> Person:
    return sign_up()
