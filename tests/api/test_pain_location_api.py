"""Where it hurts: on a set, on next-day pain, in the schema, and refused in a profile."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from hipcoach.domain.catalogue import PainArea
from hipcoach.domain.log import Side
from hipcoach.domain.profile import PROFILE_PAIN_AREAS
from tests.api.conftest import PROFILE, START, Person, a_set, error_of, new_session


def test_a_painful_set_is_stored_and_read_with_where_and_which_side(
    client: TestClient, ana: Person
) -> None:
    session_id = new_session(client, ana)
    url = f"/api/v1/sessions/{session_id}/sets"
    body = a_set(pain=6, pain_area="knee", pain_side="right")
    created = client.post(url, json=body, headers=ana.headers)
    assert created.status_code == 201, created.text
    assert (created.json()["pain_area"], created.json()["pain_side"]) == ("knee", "right")
    assert client.post(url, json=body, headers=ana.headers).status_code == 200  # a retry
    moved = client.post(url, json={**body, "pain_side": "left"}, headers=ana.headers)
    assert moved.status_code == 409
    listed = client.get(url, headers=ana.headers).json()
    assert [(s["pain_area"], s["pain_side"]) for s in listed] == [("knee", "right")]


def test_a_correction_can_change_or_drop_where_it_hurt(client: TestClient, ana: Person) -> None:
    session_id = new_session(client, ana)
    url = f"/api/v1/sessions/{session_id}/sets"
    client.post(url, json=a_set(pain=4, pain_area="hip"), headers=ana.headers)
    body = {k: v for k, v in a_set(pain=0).items() if k != "id"}
    corrected = client.put("/api/v1/sets/set-00000001", json=body, headers=ana.headers)
    assert corrected.status_code == 200, corrected.text
    assert (corrected.json()["pain"], corrected.json()["pain_area"]) == (0, None)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"pain": 3, "pain_area": "elbow"}, "pain_area"),
        ({"pain": 3, "pain_area": "hip", "pain_side": "middle"}, "pain_side"),
        ({"pain": 3, "pain_area": 2}, "pain_area"),
    ],
)
def test_an_unknown_pain_location_is_a_422_naming_the_field(
    client: TestClient, ana: Person, changes: dict[str, Any], field: str
) -> None:
    session_id = new_session(client, ana)
    url = f"/api/v1/sessions/{session_id}/sets"
    response = client.post(url, json=a_set(**changes), headers=ana.headers)
    assert response.status_code == 422
    assert error_of(response)["field"] == field
    assert client.get(url, headers=ana.headers).json() == []


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"pain": 0, "pain_area": "hip"}, "pain_area", "only when the pain is above 0"),
        ({"pain": 0, "pain_side": "left"}, "pain_side", "only when the pain is above 0"),
        ({"pain": 5, "pain_side": "left"}, "pain_area", "where it hurts as well"),
    ],
)
def test_a_location_the_rules_refuse_is_a_400_and_nothing_is_stored(
    client: TestClient, ana: Person, changes: dict[str, Any], field: str, words: str
) -> None:
    session_id = new_session(client, ana)
    url = f"/api/v1/sessions/{session_id}/sets"
    response = client.post(url, json=a_set(**changes), headers=ana.headers)
    assert response.status_code == 400
    error = error_of(response)
    assert (error["field"], words in error["message"]) == (field, True)
    assert client.get(url, headers=ana.headers).json() == []


def test_next_day_pain_says_where_on_creation_and_on_a_patch(
    client: TestClient, ana: Person
) -> None:
    body = {
        "id": "session-0001",
        "date": "2026-01-05",
        "next_day_pain": 3,
        "next_day_pain_area": "low_back",
    }
    created = client.post("/api/v1/sessions", json=body, headers=ana.headers)
    assert created.status_code == 201, created.text
    assert (created.json()["next_day_pain_area"], created.json()["next_day_pain_side"]) == (
        "low_back",
        None,
    )
    url = "/api/v1/sessions/session-0001"
    sided = client.patch(
        url, json={"version": 1, "next_day_pain_side": "both"}, headers=ana.headers
    )
    assert sided.status_code == 200, sided.text
    assert (sided.json()["next_day_pain_area"], sided.json()["next_day_pain_side"]) == (
        "low_back",
        "both",
    )
    gone = client.patch(url, json={"version": 2, "next_day_pain": 0}, headers=ana.headers)
    assert (gone.json()["next_day_pain_area"], gone.json()["next_day_pain_side"]) == (None, None)
    refused = client.patch(
        url, json={"version": 3, "next_day_pain_area": "hip"}, headers=ana.headers
    )
    assert refused.status_code == 400
    assert error_of(refused)["field"] == "next_day_pain_area"
    bad = client.patch(url, json={"version": 3, "next_day_pain_side": "up"}, headers=ana.headers)
    assert bad.status_code == 422
    assert error_of(bad)["field"] == "next_day_pain_side"
    assert client.get(url, headers=ana.headers).json()["version"] == 3


def test_the_schema_lists_the_areas_and_sides(client: TestClient) -> None:
    components = client.get("/api/openapi.json").json()["components"]["schemas"]
    assert components["PainArea"]["enum"] == [a.value for a in PainArea]
    assert components["Side"]["enum"] == [s.value for s in Side]
    for model, names in (
        ("SetCreate", ("pain_area", "pain_side")),
        ("SetRead", ("pain_area", "pain_side")),
        ("SessionRead", ("next_day_pain_area", "next_day_pain_side")),
        ("SessionUpdate", ("next_day_pain_area", "next_day_pain_side")),
    ):
        properties = components[model]["properties"]
        for name in names:
            refs = [option.get("$ref") for option in properties[name]["anyOf"]]
            assert any(ref and ref.endswith(("/PainArea", "/Side")) for ref in refs), (model, name)
    profile_pain = components["ProfileUpdate"]["properties"]["pain"]["items"]
    assert profile_pain["enum"] == [a.value for a in PROFILE_PAIN_AREAS]


def test_a_profile_cannot_name_other_as_its_pain_area(client: TestClient, ana: Person) -> None:
    response = client.put(
        "/api/v1/profile", json={**PROFILE, "pain": ["hip", "other"]}, headers=ana.headers
    )
    assert response.status_code == 422
    error = error_of(response)
    assert error["field"] == "pain.1"
    assert "'other' is for pain logged with a set" in error["message"]
    fine = client.put("/api/v1/profile", json={**PROFILE, "pain": ["hip"]}, headers=ana.headers)
    assert fine.status_code == 200, fine.text


def test_progress_lists_each_day_that_hurt_with_where(
    client: TestClient, onboarded: Person
) -> None:
    session_id = new_session(client, onboarded)
    url = f"/api/v1/sessions/{session_id}/sets"
    client.post(
        url, json=a_set(pain=3, pain_area="knee", pain_side="left"), headers=onboarded.headers
    )
    client.patch(
        f"/api/v1/sessions/{session_id}",
        json={"version": 1, "next_day_pain": 2},
        headers=onboarded.headers,
    )
    response = client.get("/api/v1/progress", params={"date": START}, headers=onboarded.headers)
    assert response.status_code == 200, response.text
    assert response.json()["pain"] == [
        {
            "date": START,
            "worst": 3,
            "during_sets": 3,
            "next_day": 2,
            "places": [{"area": "knee", "side": "left"}],
        }
    ]
    assert response.json()["paused"] == []  # 3/10 pauses nothing


def test_pain_seven_pauses_the_area_in_today_and_progress(
    client: TestClient, onboarded: Person
) -> None:
    session_id = new_session(client, onboarded)
    url = f"/api/v1/sessions/{session_id}/sets"
    body = a_set(pain=7, pain_area="hip", pain_side="left")
    assert client.post(url, json=body, headers=onboarded.headers).status_code == 201
    today = client.get("/api/v1/today", params={"date": START}, headers=onboarded.headers).json()
    assert today["refer"] is True
    [pause] = today["pauses"]
    assert (pause["where"], pause["area"], pause["side"], pause["start"]) == (
        "left hip",
        "hip",
        "left",
        START,
    )
    moves = [i for i in today["items"] if i["sides"]]
    assert moves
    assert all(s["action"] == "pause" and s["sets"] == 0 for i in moves for s in i["sides"])
    progress = client.get("/api/v1/progress", params={"date": START}, headers=onboarded.headers)
    assert [p["where"] for p in progress.json()["paused"]] == ["left hip"]
