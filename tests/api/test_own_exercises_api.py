"""A Strong export with exercises that are none of our moves, imported over the API into
SQLite and PostgreSQL: every set is kept (ours in the logbook, the rest as the person's own),
shown in the history, written to the backup and restored from it; a second import adds
nothing; the coaching never sees them."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient

from hipcoach.services.runtime import Runtime
from tests.api.conftest import PASSWORD, Person

# The real databases of the hostile-input suite: one SQLite and one PostgreSQL per worker.
from tests.hostile.conftest import ana, client, runtime, sign_up  # noqa: F401

HEADER = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,RPE"
STRONG = "\n".join(
    (
        HEADER,
        "2026-01-05 18:00:00,Gym,1h,Glute Bridge,1,20,12,0,0,",
        "2026-01-05 18:00:00,Gym,1h,Bench Press (Barbell),1,60,8,0,0,8",
        "2026-01-05 18:00:00,Gym,1h,Bench Press (Barbell),2,60,6,0,0,9",
        "2026-01-05 18:00:00,Gym,1h,Plank,1,0,0,0,60,",
        "2026-01-08 18:00:00,Arms,30m,Biceps Curl (Dumbbell),1,12,10,0,0,",
        "2026-01-08 18:00:00,Arms,30m,Rowing (Machine),1,0,0,2000,480,",
        "2026-01-08 18:00:00,Arms,30m,Leg Press (Machine),1,320,10,0,0,",
        "2026-01-08 18:00:00,Arms,30m,Stretching,1,0,0,0,0,",
    )
)


def _import(http: TestClient, person: Person, text: str) -> dict[str, Any]:
    response = http.post("/api/v1/import", json={"text": text}, headers=person.headers)
    assert response.status_code == 200, response.text
    found: dict[str, Any] = response.json()
    return found


def test_sets_of_exercises_we_do_not_coach_are_kept_shown_and_exported_back(
    client: TestClient,  # noqa: F811
    ana: Person,  # noqa: F811
    sign_up: Callable[[], Person],  # noqa: F811
    runtime: Runtime,  # noqa: F811
) -> None:
    first = _import(client, ana, STRONG)
    assert (first["sessions"], first["sets"], first["own_sets"]) == (1, 1, 6)
    assert first["own_exercises"] == {
        "Bench Press (Barbell)": 2,
        "Plank": 1,
        "Biceps Curl (Dumbbell)": 1,
        "Rowing (Machine)": 1,
        "Leg Press (Machine)": 1,
    }
    assert [s["row"] for s in first["skipped"]] == [9]  # nothing done: no reps, time or distance
    again = _import(client, ana, STRONG)
    assert (again["sessions"], again["sets"], again["own_sets"]) == (0, 0, 0)

    listed = client.get("/api/v1/own-sets", headers=ana.headers)
    assert listed.status_code == 200
    found = [
        (o["exercise"], o["reps"], o["seconds"], o["distance_m"], o["load_kg"])
        for o in listed.json()
    ]
    assert found == [
        ("Leg Press (Machine)", 10, None, None, 320.0),  # a gym's load, not a hip move's
        ("Rowing (Machine)", None, 480, 2000.0, None),  # the Strong header says metres
        ("Biceps Curl (Dumbbell)", 10, None, None, 12.0),
        ("Plank", None, 60, None, None),
        ("Bench Press (Barbell)", 6, None, None, 60.0),
        ("Bench Press (Barbell)", 8, None, None, 60.0),
    ]
    assert listed.json()[5]["rir"] == 2  # RPE 8
    assert len(client.get("/api/v1/own-sets?limit=1", headers=ana.headers).json()) == 1
    too_many = client.get("/api/v1/own-sets?limit=0", headers=ana.headers)
    assert too_many.status_code == 422
    assert "limit" in too_many.text

    # Coaching is untouched: only the glute bridge is in the logbook and its weekly sets.
    sessions = client.get("/api/v1/sessions", headers=ana.headers).json()
    assert len(sessions) == 1
    sets = client.get(f"/api/v1/sessions/{sessions[0]['id']}/sets", headers=ana.headers).json()
    assert [s["exercise"] for s in sets] == ["glute_bridge"]

    backup = client.get("/api/v1/export", headers=ana.headers).json()
    assert [o["exercise"] for o in backup["own_sets"]][:4] == [
        "Bench Press (Barbell)",
        "Bench Press (Barbell)",
        "Plank",
        "Biceps Curl (Dumbbell)",
    ]
    bo = sign_up()
    assert client.get("/api/v1/own-sets", headers=bo.headers).json() == []  # only one's own
    restored = _import(client, bo, json.dumps(backup))
    assert restored["own_sets"] == 6
    assert client.get("/api/v1/own-sets", headers=bo.headers).json() == listed.json()

    gone = client.request(
        "DELETE", "/api/v1/account", json={"password": PASSWORD}, headers=ana.headers
    )
    assert gone.status_code == 204
    with runtime.uow().read_only() as uow:
        assert uow.own_sets.recent(ana.user_id, 10) == []  # gone with the account
        assert len(uow.own_sets.recent(bo.user_id, 10)) == 6
