"""API tests: the whole app over TestClient, on the in-memory fakes of the ports."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from hipcoach.services.runtime import Runtime
from tests.services.fakes import FakeHasher, FakeUnitOfWork

PASSWORD = "correct horse battery"
START = "2026-01-05"  # a Monday
PROFILE: dict[str, Any] = {
    "level": "beginner",
    "goal": "muscle",
    "days": ["mon", "thu"],
    "minutes": 30,
    "start": START,
    "equipment": ["mini_band"],
}


@dataclass(frozen=True)
class Person:
    """A signed-up API user: their id and the headers that carry their token."""

    user_id: str
    token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


@pytest.fixture
def fake() -> FakeUnitOfWork:
    return FakeUnitOfWork()


@pytest.fixture
def client(fake: FakeUnitOfWork, app_for: Callable[[Runtime], FastAPI]) -> Iterator[TestClient]:
    app = app_for(Runtime(uow=lambda: fake, hasher=FakeHasher(), open_signup=True))
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def sign_up(client: TestClient) -> Callable[[str], Person]:
    def make(email: str) -> Person:
        body = {"email": email, "password": PASSWORD, "name": email.split("@")[0]}
        response = client.post("/api/v1/auth/signup", json=body)
        assert response.status_code == 201, response.text
        return Person(**response.json())

    return make


@pytest.fixture
def ana(sign_up: Callable[[str], Person]) -> Person:
    return sign_up("ana@example.com")


@pytest.fixture
def bo(sign_up: Callable[[str], Person]) -> Person:
    return sign_up("bo@example.com")


@pytest.fixture
def onboarded(client: TestClient, ana: Person) -> Person:
    """Ana with a stored plan."""
    response = client.put("/api/v1/profile", json=PROFILE, headers=ana.headers)
    assert response.status_code == 200, response.text
    return ana


def new_session(client: TestClient, person: Person, session_id: str = "session-0001") -> str:
    body = {"id": session_id, "date": START, "plan_week": 1, "plan_session": 1}
    response = client.post("/api/v1/sessions", json=body, headers=person.headers)
    assert response.status_code == 201, response.text
    return session_id


def a_set(set_id: str = "set-00000001", **changes: Any) -> dict[str, Any]:
    """A plausible set of clamshells; `changes` overrides fields."""
    body = {"id": set_id, "exercise": "clamshell", "side": "left", "reps": 15, "pain": 1}
    return {**body, **changes}


def new_set(client: TestClient, person: Person, session_id: str, set_id: str) -> str:
    url = f"/api/v1/sessions/{session_id}/sets"
    response = client.post(url, json=a_set(set_id), headers=person.headers)
    assert response.status_code == 201, response.text
    return set_id


def error_of(response: Any) -> dict[str, Any]:
    """The error envelope every API error has."""
    body = response.json()
    assert set(body) == {"error"}, body
    assert set(body["error"]) == {"message", "field", "details"}, body
    assert body["error"]["message"], body
    error: dict[str, Any] = body["error"]
    return error
