"""How hard a session felt (session RPE 1-10): sent at creation, by PATCH and in the outbox."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import START, Person, error_of, new_session

SESSIONS = "/api/v1/sessions"


def test_an_effort_is_rated_changed_and_cleared_by_patch_leaving_the_notes(
    client: TestClient, ana: Person
) -> None:
    session_id = new_session(client, ana)
    url = f"{SESSIONS}/{session_id}"
    assert client.get(url, headers=ana.headers).json()["rpe"] is None
    rated = client.patch(
        url, json={"version": 1, "rpe": 7, "notes": "heavy legs"}, headers=ana.headers
    )
    assert rated.status_code == 200, rated.text
    assert (rated.json()["rpe"], rated.json()["notes"], rated.json()["version"]) == (
        7,
        "heavy legs",
        2,
    )
    notes_only = client.patch(url, json={"version": 2, "notes": "fine"}, headers=ana.headers)
    assert notes_only.json()["rpe"] == 7  # not sent: kept
    cleared = client.patch(url, json={"version": 3, "rpe": None}, headers=ana.headers)
    assert (cleared.json()["rpe"], cleared.json()["notes"]) == (None, "fine")


@pytest.mark.parametrize("rpe", [0, 11, 6.5, "hard"])
def test_an_effort_outside_1_to_10_is_a_422_naming_rpe_and_changes_nothing(
    client: TestClient, ana: Person, rpe: object
) -> None:
    session_id = new_session(client, ana)
    url = f"{SESSIONS}/{session_id}"
    response = client.patch(url, json={"version": 1, "rpe": rpe, "notes": "x"}, headers=ana.headers)
    assert response.status_code == 422
    assert error_of(response)["field"] == "rpe"
    stored = client.get(url, headers=ana.headers).json()
    assert (stored["rpe"], stored["notes"], stored["version"]) == (None, "", 1)
    body = {"id": "session-0002", "date": START, "rpe": rpe}
    created = client.post(SESSIONS, json=body, headers=ana.headers)
    assert created.status_code == 422
    assert error_of(created)["field"] == "rpe"


def test_a_session_can_be_created_with_its_effort_and_a_retry_must_match_it(
    client: TestClient, ana: Person
) -> None:
    body = {"id": "session-0001", "date": START, "rpe": 4}
    assert client.post(SESSIONS, json=body, headers=ana.headers).json()["rpe"] == 4
    assert client.post(SESSIONS, json=body, headers=ana.headers).status_code == 200
    other = client.post(SESSIONS, json={**body, "rpe": 5}, headers=ana.headers)
    assert other.status_code == 409


def test_the_outbox_carries_an_effort_edit(client: TestClient, ana: Person) -> None:
    session_id = new_session(client, ana)
    edit = {"kind": "session_edit", "session_id": session_id, "version": 1, "rpe": 8}
    response = client.post("/api/v1/sync", json={"items": [edit]}, headers=ana.headers)
    assert response.status_code == 200, response.text
    [result] = response.json()["results"]
    assert (result["status"], result["session"]["rpe"]) == (200, 8)
    bad = {**edit, "version": 2, "rpe": 12}
    refused = client.post("/api/v1/sync", json={"items": [bad]}, headers=ana.headers)
    assert refused.json()["results"][0]["status"] == 422
    assert client.get(f"{SESSIONS}/{session_id}", headers=ana.headers).json()["rpe"] == 8


def test_the_exports_carry_the_effort(client: TestClient, ana: Person) -> None:
    session_id = new_session(client, ana)
    client.patch(f"{SESSIONS}/{session_id}", json={"version": 1, "rpe": 6}, headers=ana.headers)
    set_body = {"id": "set-00000001", "exercise": "clamshell", "side": "left", "reps": 12}
    client.post(f"{SESSIONS}/{session_id}/sets", json=set_body, headers=ana.headers)
    backup = client.get("/api/v1/export", headers=ana.headers).json()
    assert backup["sessions"][0]["rpe"] == 6
    csv = client.get("/api/v1/export?format=csv", headers=ana.headers).text.splitlines()
    header = csv[0].split(",")
    assert csv[1].split(",")[header.index("session_rpe")] == "6"


def test_a_session_s_detail_says_when_it_began_and_ended_and_how_long_it_took(
    client: TestClient, ana: Person
) -> None:
    client.put(
        "/api/v1/account/time-zone", json={"time_zone": "Europe/Berlin"}, headers=ana.headers
    )
    session_id = new_session(client, ana)  # on START
    url = f"{SESSIONS}/{session_id}"
    empty = client.get(url, headers=ana.headers).json()
    assert (empty["started_at"], empty["ended_at"], empty["duration_s"]) == (None, None, None)
    for number, at in ((1, "17:02:00+00:00"), (2, "17:33:30+00:00"), (3, "23:30:00+00:00")):
        body = {
            "id": f"set-{number:08d}",
            "exercise": "clamshell",
            "side": "left",
            "reps": 12,
            "logged_at": f"{START}T{at}",  # the third is past midnight in Berlin: not counted
        }
        assert client.post(f"{url}/sets", json=body, headers=ana.headers).status_code == 201
    timed = client.get(url, headers=ana.headers).json()
    assert (timed["started_at"], timed["ended_at"]) == (
        f"{START}T18:02:00+01:00",
        f"{START}T18:33:30+01:00",
    )
    assert timed["duration_s"] == 31 * 60 + 30
