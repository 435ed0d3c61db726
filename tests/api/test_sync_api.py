"""POST /api/v1/sync: an outbox replayed in one request, one result per item."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fastapi.testclient import TestClient

from hipcoach.api import routes_sync
from hipcoach.services import accounts
from hipcoach.services.sync import MAX_ITEMS
from hipcoach.web.security import SESSION_COOKIE
from tests.api.conftest import START, Person, a_set, error_of
from tests.services.fakes import FakeHasher, FakeUnitOfWork

URL = "/api/v1/sync"


def session_item(session_id: str = "session-0001", **changes: Any) -> dict[str, Any]:
    body = {"id": session_id, "date": START, "plan_week": 1, "plan_session": 1}
    return {"kind": "session", "session": {**body, **changes}}


def set_item(set_id: str, session_id: str = "session-0001", **changes: Any) -> dict[str, Any]:
    return {"kind": "set", "session_id": session_id, "set": a_set(set_id, **changes)}


def outbox(count: int) -> list[dict[str, Any]]:
    return [session_item()] + [set_item(f"set-{n:08d}") for n in range(count)]


def sync(client: TestClient, person: Person, items: list[dict[str, Any]]) -> dict[str, Any]:
    response = client.post(URL, json={"items": items}, headers=person.headers)
    assert response.status_code == 200, response.text
    assert response.headers["cache-control"] == "no-store"
    body: dict[str, Any] = response.json()
    return body


def stored_sets(client: TestClient, person: Person, session_id: str) -> list[dict[str, Any]]:
    response = client.get(f"/api/v1/sessions/{session_id}/sets", headers=person.headers)
    assert response.status_code == 200, response.text
    sets: list[dict[str, Any]] = response.json()
    return sets


def test_an_outbox_is_stored_in_order_and_replaying_it_stores_nothing_new(
    client: TestClient, ana: Person
) -> None:
    first = sync(client, ana, outbox(20))
    assert [r["status"] for r in first["results"]] == [201] * 21
    assert (first["stored"], first["already_stored"], first["refused"]) == (21, 0, 0)
    assert first["results"][3] == {
        "index": 3,
        "kind": "set",
        "id": "set-00000002",
        "status": 201,
        "error": None,
        "session_id": "session-0001",
        "session": None,
    }
    again = sync(client, ana, outbox(20))
    assert [r["status"] for r in again["results"]] == [200] * 21
    assert (again["stored"], again["already_stored"]) == (0, 21)
    assert len(stored_sets(client, ana, "session-0001")) == 20


def test_each_item_is_judged_alone_and_a_conflict_names_the_set(
    client: TestClient, ana: Person
) -> None:
    sync(client, ana, outbox(2))
    items = [
        set_item("set-00000000", reps=12),  # the same id with other values
        set_item("set-00000009", exercise="no_such_move"),
        set_item("set-00000010", reps=0),  # outside the schema: that item's 422 only
        set_item("set-00000011", session_id="session-9999"),
        {"kind": "mystery"},
        set_item("set-00000012"),
    ]
    body = sync(client, ana, items)
    assert [r["status"] for r in body["results"]] == [409, 400, 422, 404, 422, 201]
    conflict, unknown, unreadable, orphan = (r["error"] for r in body["results"][:4])
    assert "set-00000000" in conflict["message"]
    assert "no_such_move" in unknown["message"]
    assert unreadable["field"] == "set.reps"
    assert "send the session before its sets" in orphan["message"]
    assert (body["stored"], body["refused"]) == (1, 5)
    reps = {s["id"]: s["reps"] for s in stored_sets(client, ana, "session-0001")}
    assert reps == {"set-00000000": 15, "set-00000001": 15, "set-00000012": 15}


def test_a_session_joining_its_day_takes_the_sets_into_the_day_already_logged(
    client: TestClient, ana: Person
) -> None:
    sync(client, ana, outbox(1))
    items = [
        {**session_item("session-0002"), "join_day": True},
        set_item("set-00000100", session_id="session-0002"),
    ]
    for _ in range(2):  # and again: nothing new
        body = sync(client, ana, items)
        assert body["results"][0]["session"]["id"] == "session-0001"
        assert body["results"][1]["session_id"] == "session-0001"
    assert len(stored_sets(client, ana, "session-0001")) == 2
    missing = client.get("/api/v1/sessions/session-0002", headers=ana.headers)
    assert missing.status_code == 404


def test_a_session_edit_needs_the_version_read_and_a_stale_one_is_a_conflict(
    client: TestClient, ana: Person
) -> None:
    edit = {"kind": "session_edit", "session_id": "session-0001", "version": 1, "notes": "easy"}
    body = sync(client, ana, [session_item(), edit, set_item("set-00000001"), edit])
    assert [r["status"] for r in body["results"]] == [201, 200, 201, 409]
    assert (
        body["results"][1]["session"] | {"version": 2, "notes": "easy"}
        == body["results"][1]["session"]
    )
    assert "version 2" in body["results"][3]["error"]["message"]


def test_the_outbox_is_bounded_in_items_and_in_bytes(client: TestClient, ana: Person) -> None:
    too_many = client.post(URL, json={"items": outbox(MAX_ITEMS)}, headers=ana.headers)
    assert too_many.status_code == 422
    assert error_of(too_many)["field"] == "items"
    empty = client.post(URL, json={"items": []}, headers=ana.headers)
    assert empty.status_code == 422
    huge = [set_item(f"set-{n:08d}", note="x" * 2000) for n in range(MAX_ITEMS)]
    too_large = client.post(URL, json={"items": huge}, headers=ana.headers)
    assert too_large.status_code == 413
    assert "too large" in error_of(too_large)["message"]
    assert stored_sets_or_none(client, ana) is None


def stored_sets_or_none(client: TestClient, person: Person) -> list[Any] | None:
    response = client.get("/api/v1/sessions/session-0001/sets", headers=person.headers)
    return None if response.status_code == 404 else response.json()


def test_without_a_token_or_a_signed_in_cookie_nothing_is_stored(
    client: TestClient, ana: Person
) -> None:
    response = client.post(URL, json={"items": outbox(1)})
    assert response.status_code == 401
    assert error_of(response)["message"].startswith("Sign in to sync")
    assert stored_sets_or_none(client, ana) is None


def test_the_web_outbox_signs_in_with_its_cookie_and_the_pages_csrf_token(
    client: TestClient, fake: FakeUnitOfWork
) -> None:
    now = datetime.now(UTC)
    signed = accounts.sign_up(
        uow=fake,
        hasher=FakeHasher(),
        email="cy@example.com",
        password="correct horse battery",
        name="Cy",
        now=now,
        open_signup=True,
    )
    web = accounts.session_user(uow=fake, token=signed.token, now=now)
    assert web is not None
    assert routes_sync.SESSION_COOKIE == SESSION_COOKIE
    client.cookies.set(SESSION_COOKIE, signed.token)
    forged = client.post(URL, json={"items": outbox(1)}, headers={"X-CSRF-Token": "x" * 32})
    assert forged.status_code == 401
    assert error_of(forged)["field"] == "csrf"
    bare = client.post(URL, json={"items": outbox(1)})
    assert error_of(bare)["field"] == "csrf"
    good = client.post(URL, json={"items": outbox(1)}, headers={"X-CSRF-Token": web.csrf_token})
    assert good.status_code == 200, good.text
    assert [r["status"] for r in good.json()["results"]] == [201, 201]
    client.cookies.clear()
    ended = client.post(URL, json={"items": outbox(1)}, headers={"X-CSRF-Token": web.csrf_token})
    assert ended.status_code == 401
    assert error_of(ended)["field"] == "session"


def skip_item(session_id: str = "session-0001", **changes: Any) -> dict[str, Any]:
    body = {"kind": "skip", "session_id": session_id, "exercise": "clamshell", "reason": "time"}
    return {**body, **changes}


def skipped(client: TestClient, person: Person, session_id: str) -> list[dict[str, Any]]:
    response = client.get(f"/api/v1/sessions/{session_id}", headers=person.headers)
    assert response.status_code == 200, response.text
    found: list[dict[str, Any]] = response.json()["skipped"]
    return found


def test_a_skip_left_offline_is_stored_once_replaced_by_another_reason_and_taken_back(
    client: TestClient, ana: Person
) -> None:
    first = [{**session_item(), "join_day": True}, skip_item(note="bus was late")]
    for status in (201, 200):  # sent again: already stored
        body = sync(client, ana, first)
        assert [r["status"] for r in body["results"]] == [201 if status == 201 else 200, status]
        assert body["results"][1] | {"kind": "skip", "id": "clamshell"} == body["results"][1]
        assert body["results"][1]["session_id"] == "session-0001"
    assert skipped(client, ana, "session-0001") == [
        {"exercise": "clamshell", "reason": "time", "note": "bus was late"}
    ]
    pain = sync(client, ana, [skip_item(reason="pain")])
    assert pain["results"][0]["status"] == 200
    assert pain["stored"] == 1
    assert [s["reason"] for s in skipped(client, ana, "session-0001")] == ["pain"]
    back = {"kind": "unskip", "session_id": "session-0001", "exercise": "clamshell"}
    undone = sync(client, ana, [back, back])
    assert [r["status"] for r in undone["results"]] == [200, 200]
    assert (undone["stored"], undone["already_stored"]) == (1, 1)
    assert skipped(client, ana, "session-0001") == []


def test_a_skip_follows_its_session_into_the_day_it_joined(client: TestClient, ana: Person) -> None:
    sync(client, ana, outbox(1))
    body = sync(
        client, ana, [{**session_item("session-0002"), "join_day": True}, skip_item("session-0002")]
    )
    assert body["results"][1]["session_id"] == "session-0001"
    assert [s["exercise"] for s in skipped(client, ana, "session-0001")] == ["clamshell"]


def test_a_bad_skip_is_refused_alone_and_someone_elses_session_is_not_found(
    client: TestClient, ana: Person, sign_up: Any
) -> None:
    sync(client, ana, outbox(1))
    bea = sign_up("bea@example.com")
    sync(client, bea, [session_item("session-0b0b")])
    items = [
        skip_item(exercise="moonwalk"),
        skip_item(reason="bored"),
        skip_item("session-0b0b"),
        {"kind": "unskip", "session_id": "session-0b0b", "exercise": "clamshell"},
        skip_item("session-9999"),
        skip_item(),
    ]
    body = sync(client, ana, items)
    assert [r["status"] for r in body["results"]] == [400, 422, 404, 404, 404, 201]
    assert "moonwalk" in body["results"][0]["error"]["message"]
    assert body["results"][1]["error"]["field"] == "reason"
    assert skipped(client, bea, "session-0b0b") == []
    assert [s["exercise"] for s in skipped(client, ana, "session-0001")] == ["clamshell"]
