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
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, make_url
from sqlalchemy.exc import OperationalError

from hipcoach.bootstrap import build_runtime
from hipcoach.config import Settings
from hipcoach.server import create_app
from hipcoach.services.runtime import Runtime
from tests.api.conftest import Person
from tests.services.fakes import FakeHasher

POSTGRES_URL = os.environ.get(
    "HIPCOACH_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
PASSWORD = "correct horse battery"
PROFILE: dict[str, Any] = {
    "level": "beginner",
    "goal": "muscle",
    "days": ["mon", "thu"],
    "minutes": 30,
    "start": "2026-01-05",
    "equipment": ["mini_band"],
}


def _admin(action: str, name: str) -> None:
    """CREATE or DROP a database on the PostgreSQL test server (skip when unreachable)."""
    admin = create_engine(
        make_url(POSTGRES_URL), isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 5}
    )
    try:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            if action == "create":
                connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    except OperationalError as exc:
        reason = f"PostgreSQL is unreachable: {exc.orig}"
        if os.environ.get("HIPCOACH_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"HIPCOACH_REQUIRE_POSTGRES=1 but {reason}", pytrace=False)
        pytest.skip(reason)
    finally:
        admin.dispose()


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def runtime(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, worker_id: str
) -> Iterator[Runtime]:
    """The real store behind the app (argon2 swapped for the fake hasher: this is about input)."""
    if request.param == "sqlite":
        path: Path = tmp_path_factory.mktemp("hostile") / "hipcoach.db"
        url = f"sqlite:///{path}"
    else:
        name = f"hipcoach_hostile_{worker_id}"
        _admin("create", name)
        url = make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    built = build_runtime(Settings(database_url=url, open_signup=True))
    yield replace(built, hasher=FakeHasher())
    if request.param == "postgresql":
        _admin("drop", name)


@pytest.fixture
def client(runtime: Runtime) -> Iterator[TestClient]:
    with TestClient(create_app(runtime)) as test_client:
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
