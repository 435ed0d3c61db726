"""Logging a set on a real SQLite runtime: on the event loop when free, queued when not."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from hipcoach.bootstrap import build_runtime
from hipcoach.config import Settings
from hipcoach.domain.account import User
from hipcoach.server import create_app
from hipcoach.services.runtime import Runtime
from tests.api.conftest import PASSWORD, START, Person

WAIT_S = 10.0
SET = {"exercise": "clamshell", "side": "left", "reps": 12, "pain": 0}


@pytest.fixture
def runtime(tmp_path: Path) -> Runtime:
    return build_runtime(
        Settings(database_url=f"sqlite:///{tmp_path / 'api.db'}", open_signup=True)
    )


@pytest.fixture
def client(runtime: Runtime) -> Iterator[TestClient]:
    with TestClient(create_app(runtime)) as test_client:
        yield test_client


@pytest.fixture
def person(client: TestClient) -> Person:
    body = {"email": "loop@example.com", "password": PASSWORD, "name": "Loop"}
    signed = client.post("/api/v1/auth/signup", json=body)
    assert signed.status_code == 201, signed.text
    person = Person(**signed.json())
    made = client.post(
        "/api/v1/sessions", headers=person.headers, json={"id": "day-0001", "date": START}
    )
    assert made.status_code == 201, made.text
    return person


def _sets(client: TestClient, person: Person) -> list[dict[str, Any]]:
    listed = client.get("/api/v1/sessions/day-0001/sets", headers=person.headers)
    assert listed.status_code == 200, listed.text
    return list(listed.json())


def test_the_sqlite_runtime_offers_units_of_work_that_do_not_wait(runtime: Runtime) -> None:
    assert runtime.uow_no_wait is not None


def test_a_set_is_logged_without_the_thread_pool_when_the_store_is_free(
    client: TestClient, person: Person, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def no_threads(*_: object) -> object:
        raise AssertionError("the free store should have answered on the event loop")

    monkeypatch.setattr("hipcoach.api.deps.run_in_threadpool", no_threads)
    logged = client.post(
        "/api/v1/sessions/day-0001/sets", headers=person.headers, json={**SET, "id": "set-0001"}
    )
    assert logged.status_code == 201, logged.text
    assert [s["id"] for s in _sets(client, person)] == ["set-0001"]


def test_a_set_sent_while_another_writer_holds_the_database_waits_and_is_stored_once(
    client: TestClient, person: Person, runtime: Runtime
) -> None:
    holding, release = threading.Event(), threading.Event()
    answers: list[int] = []

    def other_writer() -> None:
        with runtime.uow() as work:
            work.users.add(User("user-other", "Other", datetime.now(UTC)))
            holding.set()
            release.wait(WAIT_S)
            work.commit()

    def post() -> None:
        sent = client.post(
            "/api/v1/sessions/day-0001/sets", headers=person.headers, json={**SET, "id": "set-0002"}
        )
        answers.append(sent.status_code)

    writer = threading.Thread(target=other_writer)
    writer.start()
    assert holding.wait(WAIT_S)
    poster = threading.Thread(target=post)
    poster.start()
    poster.join(0.5)
    assert poster.is_alive(), "the set should wait for the other writer, not fail"
    release.set()
    writer.join(WAIT_S)
    poster.join(WAIT_S)
    assert answers == [201]
    assert [s["id"] for s in _sets(client, person)] == ["set-0002"]
