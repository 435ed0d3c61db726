"""A crafted backup, imported over the API into SQLite and PostgreSQL: a JSON 4xx naming the
field, nothing stored, and Today, Plan and Progress keep answering. Each change below once
imported: a plan made "in 9999" stayed current even after a new plan was made, a plan start
near the end of the calendar made Progress a 500, and numbers past a 32-bit column made the
import itself a plain-text 500 on PostgreSQL.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.api.conftest import PROFILE, Person

# The real databases of the hostile-input suite: one SQLite and one PostgreSQL per worker.
from tests.hostile.conftest import ana, client, runtime, sign_up  # noqa: F401

from hipcoach.services.runtime import Runtime

ITEM = ("weeks", 0, "sessions", 0, "blocks", 1, "items", 0)


def _plan(document: dict[str, Any]) -> dict[str, Any]:
    plan: dict[str, Any] = document["plans"][0]
    return plan


def _in_both_profiles(name: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        _plan(document)["profile"][name] = value
        _plan(document)["document"]["profile"][name] = value

    return change


def _in_item(name: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        node: Any = _plan(document)["document"]
        for step in ITEM:
            node = node[step]
        node[name] = value

    return change


def _made_in_9999(document: dict[str, Any]) -> None:
    _plan(document)["created_at"] = "9999-12-31T00:00:00+00:00"


def _session_version(document: dict[str, Any]) -> None:
    document["sessions"][0]["version"] = 2**40


CRAFTED = {
    "made in 9999": (_made_in_9999, "plans[0].created_at"),
    "starts in 9999": (_in_both_profiles("start", "9999-11-01"), "plans[0].profile.start"),
    "seed past 32 bits": (_in_both_profiles("seed", 2**40), "plans[0].profile.seed"),
    "a million weeks": (_in_both_profiles("weeks", 10**6), "plans[0].profile.weeks"),
    "minutes past 64 bits": (_in_both_profiles("minutes", 2**70), "plans[0].profile.minutes"),
    "session version past 32 bits": (_session_version, "sessions[0].version"),
    "escape in a move's name": (
        _in_item("name", "Clamshell\x1b]0;owned\x07"),
        "plans[0].document.weeks[0].sessions[0].blocks[1].items[0].name",
    ),
    "carriage return in a why": (
        _in_item("why", "Because\r\nBEGIN:VEVENT"),
        "plans[0].document.weeks[0].sessions[0].blocks[1].items[0].why",
    ),
}


def _exported(http: TestClient, person: Person) -> dict[str, Any]:
    """The person's own backup, under new ids, so importing it would add a plan and a session."""
    session = {"id": "crafted-session", "date": "2026-01-05", "plan_week": 1, "plan_session": 1}
    assert http.post("/api/v1/sessions", json=session, headers=person.headers).is_success
    document: dict[str, Any] = http.get("/api/v1/export", headers=person.headers).json()
    _plan(document)["id"] = "crafted-plan-0001"
    document["sessions"][0] |= {"id": "crafted-session-2", "plan_week": None, "plan_session": None}
    return document


def _stored(store: Runtime, user_id: str) -> tuple[int, int]:
    uow = store.uow()
    with uow.read_only():
        return len(uow.plans.all(user_id)), len(uow.sessions.all(user_id))


def _answers(http: TestClient, person: Person) -> dict[str, int]:
    paths = ("/api/v1/today?date=2026-01-08", "/api/v1/plan", "/api/v1/progress")
    return {path: http.get(path, headers=person.headers).status_code for path in paths}


@pytest.mark.parametrize("name", sorted(CRAFTED))
def test_a_crafted_backup_is_refused_as_json_naming_the_field_and_stores_nothing(
    client: TestClient,  # noqa: F811
    ana: Person,  # noqa: F811
    runtime: Runtime,  # noqa: F811
    name: str,
) -> None:
    change, field = CRAFTED[name]
    document = _exported(client, ana)
    change(document)
    before = _stored(runtime, ana.user_id)
    response = client.post(
        "/api/v1/import", json={"text": json.dumps(document)}, headers=ana.headers
    )
    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == "application/json"
    assert response.json()["error"]["message"].startswith(f"{field}: ")
    assert _stored(runtime, ana.user_id) == before
    assert set(_answers(client, ana).values()) == {200}


def test_a_sound_backup_imports_and_a_new_plan_is_current_after_it(
    client: TestClient,  # noqa: F811
    ana: Person,  # noqa: F811
    runtime: Runtime,  # noqa: F811
) -> None:
    document = _exported(client, ana)
    response = client.post(
        "/api/v1/import", json={"text": json.dumps(document)}, headers=ana.headers
    )
    assert response.status_code == 200, response.text
    assert (response.json()["plans"], response.json()["sessions"]) == (1, 1)
    assert set(_answers(client, ana).values()) == {200}
    later = PROFILE | {"start": "2026-02-02", "seed": 7}
    assert client.put("/api/v1/profile", json=later, headers=ana.headers).is_success
    plan = client.get("/api/v1/plan", headers=ana.headers).json()
    assert plan["profile"]["start"] == "2026-02-02"
