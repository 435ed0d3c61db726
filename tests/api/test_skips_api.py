"""Leaving a planned move out of a session over the API, on SQLite and PostgreSQL: stored
with its reason, shown on the session, replaced by a second skip, taken back, in backups,
refused for a session that is not yours and for a move we do not have."""

from __future__ import annotations

import json
from collections.abc import Callable

from fastapi.testclient import TestClient

from tests.api.conftest import Person

# The real databases of the hostile-input suite: one SQLite and one PostgreSQL per worker.
from tests.hostile.conftest import ana, client, runtime, sign_up  # noqa: F401

SESSION = {"id": "skip-session-1", "date": "2026-01-05"}
URL = "/api/v1/sessions/skip-session-1/skips/clamshell"


def test_a_move_is_left_out_with_its_reason_and_taken_back(
    client: TestClient,  # noqa: F811
    ana: Person,  # noqa: F811
    sign_up: Callable[[], Person],  # noqa: F811
) -> None:
    assert client.post("/api/v1/sessions", json=SESSION, headers=ana.headers).is_success
    body = {"exercise": "clamshell", "reason": "equipment", "note": "no band today"}
    stored = client.put(URL, json=body, headers=ana.headers)
    assert stored.status_code == 200, stored.text
    assert stored.json() == body
    again = client.put(URL, json={**body, "reason": "time", "note": ""}, headers=ana.headers)
    assert again.status_code == 200
    detail = client.get("/api/v1/sessions/skip-session-1", headers=ana.headers).json()
    assert detail["skipped"] == [{"exercise": "clamshell", "reason": "time", "note": ""}]

    backup = client.get("/api/v1/export", headers=ana.headers).json()
    assert backup["skips"] == [
        {"session_id": "skip-session-1", "exercise": "clamshell", "reason": "time", "note": ""}
    ]
    bo = sign_up()
    restored = client.post("/api/v1/import", json={"text": json.dumps(backup)}, headers=bo.headers)
    assert restored.status_code == 200, restored.text
    bo_detail = client.get("/api/v1/sessions/skip-session-1", headers=bo.headers).json()
    assert bo_detail["skipped"] == detail["skipped"]

    assert client.delete(URL, headers=ana.headers).status_code == 204
    assert client.delete(URL, headers=ana.headers).status_code == 204  # again: nothing changes
    detail = client.get("/api/v1/sessions/skip-session-1", headers=ana.headers).json()
    assert detail["skipped"] == []
    assert client.get("/api/v1/sessions/skip-session-1", headers=bo.headers).json()["skipped"]


def test_bad_skips_are_refused_naming_the_field_and_store_nothing(
    client: TestClient,  # noqa: F811
    ana: Person,  # noqa: F811
    sign_up: Callable[[], Person],  # noqa: F811
) -> None:
    assert client.post("/api/v1/sessions", json=SESSION, headers=ana.headers).is_success
    cases = [
        ({"exercise": "clamshell", "reason": "bored"}, 422, "reason"),
        ({"exercise": "fire_hydrant", "reason": "time"}, 400, "exercise"),  # not the path's
        ({"exercise": "clamshell", "reason": "time", "note": "x" * 2001}, 422, "note"),
    ]
    for body, status, field in cases:
        refused = client.put(URL, json=body, headers=ana.headers)
        assert refused.status_code == status, (body, refused.text)
        assert field in refused.text
    unknown = client.put(
        "/api/v1/sessions/skip-session-1/skips/moonwalk",
        json={"exercise": "moonwalk", "reason": "time"},
        headers=ana.headers,
    )
    assert unknown.status_code in (400, 422)
    assert "moonwalk" in unknown.text
    bo = sign_up()
    theirs = client.put(URL, json={"exercise": "clamshell", "reason": "time"}, headers=bo.headers)
    assert theirs.status_code == 404  # Ana's session is not Bo's
    detail = client.get("/api/v1/sessions/skip-session-1", headers=ana.headers).json()
    assert detail["skipped"] == []


def test_a_skip_queued_offline_reaches_the_database_through_the_outbox(
    client: TestClient,  # noqa: F811
    ana: Person,  # noqa: F811
    sign_up: Callable[[], Person],  # noqa: F811
) -> None:
    """The web app's outbox sends a skip, then its undo, to POST /sync: on both databases a
    skip sent twice is stored once, another person's session is not found, and nothing of
    theirs changes."""
    skip = {"kind": "skip", "session_id": SESSION["id"], "exercise": "clamshell", "reason": "pain"}
    items = [{"kind": "session", "session": SESSION, "join_day": True}, skip, skip]
    body = client.post("/api/v1/sync", json={"items": items}, headers=ana.headers).json()
    assert [r["status"] for r in body["results"]] == [201, 201, 200]
    detail = client.get("/api/v1/sessions/skip-session-1", headers=ana.headers).json()
    assert detail["skipped"] == [{"exercise": "clamshell", "reason": "pain", "note": ""}]
    bo = sign_up()
    undo = {"kind": "unskip", "session_id": SESSION["id"], "exercise": "clamshell"}
    theirs = client.post("/api/v1/sync", json={"items": [skip, undo]}, headers=bo.headers).json()
    assert [r["status"] for r in theirs["results"]] == [404, 404]
    mine = client.post("/api/v1/sync", json={"items": [undo]}, headers=ana.headers).json()
    assert mine["results"][0]["status"] == 200
    detail = client.get("/api/v1/sessions/skip-session-1", headers=ana.headers).json()
    assert detail["skipped"] == []
