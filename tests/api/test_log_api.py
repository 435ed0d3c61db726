"""Sessions and sets: create with client ids (idempotent), read, edit, delete."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import START, Person, a_set, error_of, new_session, new_set


def test_a_session_is_created_once_even_when_sent_twice(client: TestClient, ana: Person) -> None:
    body = {"id": "session-0001", "date": START, "plan_week": 1, "plan_session": 1}
    first = client.post("/api/v1/sessions", json=body, headers=ana.headers)
    again = client.post("/api/v1/sessions", json=body, headers=ana.headers)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json() == again.json()
    assert first.json()["version"] == 1
    assert len(client.get("/api/v1/sessions", headers=ana.headers).json()) == 1


def test_the_same_session_id_with_other_content_is_a_409(client: TestClient, ana: Person) -> None:
    new_session(client, ana)
    other = {"id": "session-0001", "date": "2026-01-08"}
    response = client.post("/api/v1/sessions", json=other, headers=ana.headers)
    assert response.status_code == 409
    assert error_of(response)["field"] == "id"


def test_a_second_session_for_a_days_plan_slot_is_a_409_naming_the_first(
    client: TestClient, ana: Person
) -> None:
    body = {"id": "session-0001", "date": START, "plan_week": 1, "plan_session": 1}
    assert client.post("/api/v1/sessions", json=body, headers=ana.headers).status_code == 201
    second = {**body, "id": "session-0002"}
    response = client.post("/api/v1/sessions", json=second, headers=ana.headers)
    assert response.status_code == 409
    assert error_of(response)["field"] == "plan_session"
    assert "session-0001" in error_of(response)["message"]
    unplanned = {"id": "session-0003", "date": START}
    assert client.post("/api/v1/sessions", json=unplanned, headers=ana.headers).status_code == 201


def test_sessions_are_listed_newest_first_a_page_at_a_time(client: TestClient, ana: Person) -> None:
    for day in ("05", "08", "12"):
        body = {"id": f"session-{day}00", "date": f"2026-01-{day}"}
        client.post("/api/v1/sessions", json=body, headers=ana.headers)
    page = client.get("/api/v1/sessions", params={"limit": 2, "offset": 1}, headers=ana.headers)
    assert [s["date"] for s in page.json()] == ["2026-01-08", "2026-01-05"]
    too_many = client.get("/api/v1/sessions", params={"limit": 1000}, headers=ana.headers)
    assert too_many.status_code == 422
    assert error_of(too_many)["field"] == "limit"


def test_a_session_shows_its_sets_in_logged_order(client: TestClient, ana: Person) -> None:
    session_id = new_session(client, ana)
    new_set(client, ana, session_id, "set-00000001")
    new_set(client, ana, session_id, "set-00000002")
    detail = client.get(f"/api/v1/sessions/{session_id}", headers=ana.headers).json()
    assert [s["id"] for s in detail["sets"]] == ["set-00000001", "set-00000002"]
    listed = client.get(f"/api/v1/sessions/{session_id}/sets", headers=ana.headers).json()
    assert listed == detail["sets"]


def test_patching_a_session_changes_only_what_was_sent(client: TestClient, ana: Person) -> None:
    session_id = new_session(client, ana)
    url = f"/api/v1/sessions/{session_id}"
    first = client.patch(url, json={"version": 1, "notes": "felt good"}, headers=ana.headers)
    assert first.status_code == 200
    assert (first.json()["notes"], first.json()["version"]) == ("felt good", 2)
    second = client.patch(url, json={"version": 2, "next_day_pain": 2}, headers=ana.headers)
    assert second.json()["notes"] == "felt good"
    assert (second.json()["next_day_pain"], second.json()["version"]) == (2, 3)
    cleared = client.patch(url, json={"version": 3, "next_day_pain": None}, headers=ana.headers)
    assert cleared.json()["next_day_pain"] is None


def test_patching_with_a_stale_version_is_a_409(client: TestClient, ana: Person) -> None:
    session_id = new_session(client, ana)
    url = f"/api/v1/sessions/{session_id}"
    client.patch(url, json={"version": 1, "notes": "phone"}, headers=ana.headers)
    stale = client.patch(url, json={"version": 1, "notes": "laptop"}, headers=ana.headers)
    assert stale.status_code == 409
    assert error_of(stale)["field"] == "version"
    assert client.get(url, headers=ana.headers).json()["notes"] == "phone"


def test_deleting_a_session_deletes_its_sets(client: TestClient, ana: Person) -> None:
    session_id = new_session(client, ana)
    set_id = new_set(client, ana, session_id, "set-00000001")
    assert client.delete(f"/api/v1/sessions/{session_id}", headers=ana.headers).status_code == 204
    assert client.get(f"/api/v1/sessions/{session_id}", headers=ana.headers).status_code == 404
    assert client.get(f"/api/v1/sets/{set_id}", headers=ana.headers).status_code == 404
    again = client.delete(f"/api/v1/sessions/{session_id}", headers=ana.headers)
    assert again.status_code == 404


def test_a_set_sent_twice_is_stored_once(client: TestClient, ana: Person) -> None:
    session_id = new_session(client, ana)
    url = f"/api/v1/sessions/{session_id}/sets"
    first = client.post(url, json=a_set(), headers=ana.headers)
    again = client.post(url, json=a_set(), headers=ana.headers)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json() == again.json()
    assert len(client.get(url, headers=ana.headers).json()) == 1


def test_a_retry_sent_later_returns_the_set_as_first_stored(
    client: TestClient, ana: Person
) -> None:
    session_id = new_session(client, ana)
    url = f"/api/v1/sessions/{session_id}/sets"
    first = client.post(url, json=a_set(logged_at="2026-01-05T18:30:00+00:00"), headers=ana.headers)
    retry = client.post(url, json=a_set(logged_at="2026-01-05T18:34:00+00:00"), headers=ana.headers)
    assert (first.status_code, retry.status_code) == (201, 200)
    assert retry.json() == first.json()  # the stored set, with the time it was first sent at
    assert len(client.get(url, headers=ana.headers).json()) == 1


def test_the_same_set_id_with_other_values_is_a_409_naming_it(
    client: TestClient, ana: Person
) -> None:
    session_id = new_session(client, ana)
    url = f"/api/v1/sessions/{session_id}/sets"
    client.post(url, json=a_set(), headers=ana.headers)
    response = client.post(url, json=a_set(reps=12), headers=ana.headers)
    assert response.status_code == 409
    error = error_of(response)
    assert error["field"] == "id"
    assert "Set set-00000001 already exists with other values" in error["message"]
    assert client.get(url, headers=ana.headers).json()[0]["reps"] == 15


def test_a_set_in_a_missing_session_is_a_404(client: TestClient, ana: Person) -> None:
    response = client.post(
        "/api/v1/sessions/no-such-session/sets", json=a_set(), headers=ana.headers
    )
    assert response.status_code == 404


def test_a_set_is_read_replaced_and_deleted(client: TestClient, ana: Person) -> None:
    session_id = new_session(client, ana)
    set_id = new_set(client, ana, session_id, "set-00000001")
    url = f"/api/v1/sets/{set_id}"
    before = client.get(url, headers=ana.headers).json()
    values = {k: v for k, v in a_set(reps=12, side="right", note="slower").items() if k != "id"}
    replaced = client.put(url, json=values, headers=ana.headers)
    assert replaced.status_code == 200
    after = replaced.json()
    assert (after["reps"], after["side"], after["note"]) == (12, "right", "slower")
    assert (after["id"], after["session_id"]) == (set_id, session_id)
    assert after["logged_at"] == before["logged_at"]
    assert client.get(url, headers=ana.headers).json() == after
    assert client.delete(url, headers=ana.headers).status_code == 204
    assert client.get(url, headers=ana.headers).status_code == 404


def test_a_set_keeps_the_time_the_client_gave(client: TestClient, ana: Person) -> None:
    session_id = new_session(client, ana)
    body = a_set(logged_at="2026-01-05T18:30:00+01:00")
    stored = client.post(f"/api/v1/sessions/{session_id}/sets", json=body, headers=ana.headers)
    assert stored.json()["logged_at"] == "2026-01-05T18:30:00+01:00"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"reps": -3}, "reps"),
        ({"reps": 0}, "reps"),
        ({"pain": 11}, "pain"),
        ({"pain": -1}, "pain"),
        ({"rir": 11}, "rir"),
        ({"side": "middle"}, "side"),
        ({"exercise": "Clam Shell!"}, "exercise"),
        ({"id": "short"}, "id"),
        ({"colour": "red"}, "colour"),
        ({"logged_at": "2026-01-05T18:30:00"}, "logged_at"),
        ({"load_kg": 1e9}, "load_kg"),
    ],
)
def test_a_malformed_set_is_a_422_naming_the_field(
    client: TestClient, ana: Person, changes: dict[str, Any], field: str
) -> None:
    session_id = new_session(client, ana)
    url = f"/api/v1/sessions/{session_id}/sets"
    response = client.post(url, json=a_set(**changes), headers=ana.headers)
    assert response.status_code == 422
    error = error_of(response)
    assert error["field"] == field
    assert error["details"][0]["location"] == "body"


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity"])
def test_non_finite_numbers_are_a_422(client: TestClient, ana: Person, number: str) -> None:
    session_id = new_session(client, ana)
    body = (
        '{"id": "set-00000001", "exercise": "glute_bridge", "reps": 10, '
        f'"resistance_key": "dumbbell_5", "load_kg": {number}}}'
    )
    response = client.post(
        f"/api/v1/sessions/{session_id}/sets",
        content=body,
        headers={**ana.headers, "Content-Type": "application/json"},
    )
    assert response.status_code == 422
    assert error_of(response)["field"] == "load_kg"


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"exercise": "clamshel"}, "exercise", "Did you mean: clamshell"),
        ({"reps": None, "hold_seconds": 30}, "hold_seconds", "not done as a hold"),
        ({"steps": 10}, "reps", "exactly one"),
        ({"resistance_key": "cable_stack_20"}, "resistance_key", "not a resistance step"),
    ],
)
def test_a_set_the_rules_refuse_is_a_400_with_the_reason(
    client: TestClient, ana: Person, changes: dict[str, Any], field: str, words: str
) -> None:
    session_id = new_session(client, ana)
    url = f"/api/v1/sessions/{session_id}/sets"
    response = client.post(url, json=a_set(**changes), headers=ana.headers)
    assert response.status_code == 400
    error = error_of(response)
    assert error["field"] == field
    assert words in error["message"]
    assert client.get(url, headers=ana.headers).json() == []


def test_bodies_that_are_not_json_objects_are_a_422(client: TestClient, ana: Person) -> None:
    broken = client.post(
        "/api/v1/sessions",
        content='{"id": ',
        headers={**ana.headers, "Content-Type": "application/json"},
    )
    a_list = client.post("/api/v1/sessions", json=[1, 2], headers=ana.headers)
    empty = client.post("/api/v1/sessions", headers=ana.headers)
    for response in (broken, a_list, empty):
        assert response.status_code == 422, response.text
        error_of(response)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"version": 1, "next_day_pain": 11}, "next_day_pain"),
        ({"notes": "no version"}, "version"),
        ({"version": 0}, "version"),
        ({"version": 1, "date": "2026-01-06"}, "date"),
    ],
)
def test_a_malformed_session_change_is_a_422(
    client: TestClient, ana: Person, body: dict[str, Any], field: str
) -> None:
    session_id = new_session(client, ana)
    response = client.patch(f"/api/v1/sessions/{session_id}", json=body, headers=ana.headers)
    assert response.status_code == 422
    assert error_of(response)["field"] == field
