"""One person can never see, change or delete another's records: to them, they don't exist."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import START, Person, a_set, error_of, new_session, new_set

SESSION, SET = "session-0001", "set-00000001"


@pytest.fixture
def anas_log(client: TestClient, onboarded: Person) -> Person:
    new_set(client, onboarded, new_session(client, onboarded, SESSION), SET)
    return onboarded


def _set_values() -> dict[str, Any]:
    return {k: v for k, v in a_set(reps=5).items() if k != "id"}


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("GET", f"/api/v1/sessions/{SESSION}", None),
        ("PATCH", f"/api/v1/sessions/{SESSION}", {"version": 1, "notes": "mine now"}),
        ("DELETE", f"/api/v1/sessions/{SESSION}", None),
        ("GET", f"/api/v1/sessions/{SESSION}/sets", None),
        ("POST", f"/api/v1/sessions/{SESSION}/sets", a_set("set-00000099")),
        ("GET", f"/api/v1/sets/{SET}", None),
        ("PUT", f"/api/v1/sets/{SET}", _set_values()),
        ("DELETE", f"/api/v1/sets/{SET}", None),
    ],
)
def test_another_persons_session_and_sets_are_404(
    client: TestClient, anas_log: Person, bo: Person, method: str, path: str, body: Any
) -> None:
    response = client.request(method, path, json=body, headers=bo.headers)
    assert response.status_code == 404
    error_of(response)
    untouched = client.get(f"/api/v1/sessions/{SESSION}", headers=anas_log.headers).json()
    assert untouched["notes"] == ""
    assert [(s["id"], s["reps"]) for s in untouched["sets"]] == [(SET, 15)]


def test_lists_exports_and_plans_show_only_ones_own_records(
    client: TestClient, anas_log: Person, bo: Person
) -> None:
    assert client.get("/api/v1/sessions", headers=bo.headers).json() == []
    assert client.get("/api/v1/plan", headers=bo.headers).status_code == 404
    assert client.get("/api/v1/export", headers=bo.headers).json()["sets"] == []
    assert (
        client.get("/api/v1/export", params={"format": "csv"}, headers=bo.headers).text.count("\n")
        <= 1
    )
    assert [t["name"] for t in client.get("/api/v1/tokens", headers=bo.headers).json()] == ["api"]


def test_the_same_client_id_in_two_accounts_is_two_records(
    client: TestClient, anas_log: Person, bo: Person
) -> None:
    body = {"id": SESSION, "date": "2026-02-02"}
    response = client.post("/api/v1/sessions", json=body, headers=bo.headers)
    assert response.status_code == 201
    anas = client.get(f"/api/v1/sessions/{SESSION}", headers=anas_log.headers).json()
    assert anas["date"] == START


def test_another_persons_token_cannot_be_revoked(
    client: TestClient, ana: Person, bo: Person
) -> None:
    anas_token = client.get("/api/v1/tokens", headers=ana.headers).json()[0]
    response = client.delete(f"/api/v1/tokens/{anas_token['id']}", headers=bo.headers)
    assert response.status_code == 404
    assert client.get("/api/v1/tokens", headers=ana.headers).status_code == 200
