"""PUT/GET/DELETE /plan/choices: the person's own swaps, followed by /today."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.api.conftest import PROFILE, START, Person, error_of


def _today(client: TestClient, person: Person) -> list[dict[str, Any]]:
    response = client.get("/api/v1/today", params={"date": START}, headers=person.headers)
    assert response.status_code == 200, response.text
    return [i for i in response.json()["items"] if i["block"] == "working"]


def test_a_swap_is_stored_shown_on_today_and_undone(client: TestClient, onboarded: Person) -> None:
    first = _today(client, onboarded)[0]
    slot, alternative = first["slot"], first["options"][0]
    assert (first["exercise"], first["choice"]) == (slot, None)
    put = client.put(
        f"/api/v1/plan/choices/{slot}", json={"exercise": alternative}, headers=onboarded.headers
    )
    assert put.status_code == 200, put.text
    assert put.json() | {"chosen_at": None} == {
        "plan_id": put.json()["plan_id"],
        "slot": slot,
        "exercise": alternative,
        "keep": False,
        "chosen_at": None,
    }
    swapped = _today(client, onboarded)[0]
    assert (swapped["slot"], swapped["exercise"]) == (slot, alternative)
    assert swapped["original"]["exercise"] == slot
    assert swapped["because"].startswith("Your choice: ")
    assert swapped["choice"]["exercise"] == alternative
    listed = client.get("/api/v1/plan/choices", headers=onboarded.headers).json()
    assert [(c["slot"], c["exercise"]) for c in listed] == [(slot, alternative)]

    gone = client.delete(f"/api/v1/plan/choices/{slot}", headers=onboarded.headers)
    assert gone.status_code == 204
    back = _today(client, onboarded)[0]
    assert (back["exercise"], back["original"], back["choice"]) == (slot, None, None)
    assert client.get("/api/v1/plan/choices", headers=onboarded.headers).json() == []
    again = client.delete(f"/api/v1/plan/choices/{slot}", headers=onboarded.headers)
    assert again.status_code == 204


def test_keep_is_stored_as_the_plan_s_own_move(client: TestClient, onboarded: Person) -> None:
    slot = _today(client, onboarded)[0]["slot"]
    put = client.put(f"/api/v1/plan/choices/{slot}", json={"keep": True}, headers=onboarded.headers)
    assert put.status_code == 200, put.text
    assert (put.json()["exercise"], put.json()["keep"]) == (slot, True)
    assert _today(client, onboarded)[0]["choice"]["keep"] is True


def test_bad_choices_are_refused_naming_the_field_and_store_nothing(
    client: TestClient, onboarded: Person
) -> None:
    first, second = _today(client, onboarded)[:2]
    url = f"/api/v1/plan/choices/{first['slot']}"
    cases = [
        ({"exercise": second["slot"]}, 400, "exercise"),  # already in the session with it
        ({"exercise": "moonwalk"}, 400, "exercise"),
        ({}, 400, "exercise"),
        ({"exercise": first["options"][0], "keep": True}, 400, "keep"),
        ({"exercise": "Not A Key"}, 422, "exercise"),
        ({"keep": True, "extra": 1}, 422, "extra"),
    ]
    for body, status, field in cases:
        response = client.put(url, json=body, headers=onboarded.headers)
        assert response.status_code == status, (body, response.text)
        assert error_of(response)["field"] == field, body
    unknown = client.put(
        "/api/v1/plan/choices/moonwalk", json={"keep": True}, headers=onboarded.headers
    )
    assert unknown.status_code == 404
    assert error_of(unknown)["field"] == "slot"
    assert (
        client.delete("/api/v1/plan/choices/moonwalk", headers=onboarded.headers).status_code == 404
    )
    assert client.get("/api/v1/plan/choices", headers=onboarded.headers).json() == []


def test_another_person_s_choice_is_untouchable(
    client: TestClient, onboarded: Person, bo: Person
) -> None:
    assert client.put("/api/v1/profile", json=PROFILE, headers=bo.headers).status_code == 200
    first = _today(client, onboarded)[0]
    url = f"/api/v1/plan/choices/{first['slot']}"
    client.put(url, json={"exercise": first["options"][0]}, headers=onboarded.headers)
    assert client.get("/api/v1/plan/choices", headers=bo.headers).json() == []
    assert client.delete(url, headers=bo.headers).status_code == 204  # Bo's own (none)
    assert _today(client, bo)[0]["choice"] is None
    assert _today(client, onboarded)[0]["choice"]["exercise"] == first["options"][0]


def test_choices_need_a_plan(client: TestClient, ana: Person) -> None:
    response = client.get("/api/v1/plan/choices", headers=ana.headers)
    assert response.status_code == 404
    assert error_of(response)["field"] == "plan"
