"""Self-tests over the API: the tests and what is due, results stored once, corrected or
deleted, bad ones 422."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import START, Person, error_of

URL = "/api/v1/self-tests/results"


def _result(result_id: str, side: str = "left", value: int = 40, **changes: Any) -> dict[str, Any]:
    body = {"id": result_id, "test": "side_bridge_hold", "date": START, "side": side}
    return {**body, "value": value, **changes}


def test_the_tests_come_with_how_to_their_range_and_all_due_at_first(
    client: TestClient, onboarded: Person
) -> None:
    response = client.get("/api/v1/self-tests", headers=onboarded.headers)
    assert response.status_code == 200
    body = response.json()
    keys = [t["key"] for t in body["tests"]]
    assert keys == [
        "side_bridge_hold",
        "side_bridge_hold_knees",
        "single_leg_stance",
        "step_down_quality",
        "side_lying_abduction_reps",
    ]
    assert body["due"] == [k for k in keys if k != "side_bridge_hold_knees"]
    stance = body["tests"][2]
    assert (stance["unit"], stance["low"], stance["high"]) == ("seconds", 0, 30)
    assert stance["source"]["verification"] == "verified-qualitative"
    assert stance["steps"]
    assert body["tests"][4]["source"] is None
    assert "not the shape of your hips" in body["note"]


def test_results_are_stored_once_listed_and_in_progress(
    client: TestClient, onboarded: Person
) -> None:
    body = {"results": [_result("result-0001"), _result("result-0002", "right", 44)]}
    first = client.post(URL, json=body, headers=onboarded.headers)
    again = client.post(URL, json=body, headers=onboarded.headers)
    assert (first.status_code, again.status_code) == (201, 200)
    listed = client.get(URL, headers=onboarded.headers).json()
    assert listed == body["results"]
    tests = client.get("/api/v1/self-tests", headers=onboarded.headers).json()
    assert tests["tests"][0]["last_tested"] == START
    report = client.get(
        "/api/v1/progress", params={"date": "2026-01-11"}, headers=onboarded.headers
    )
    assert report.json()["self_tests"] == body["results"]
    chart = client.get(
        "/api/v1/progress/chart.svg", params={"name": "self_tests"}, headers=onboarded.headers
    )
    assert chart.status_code == 200
    assert "Side-bridge hold (seconds)" in chart.text


def test_a_result_recorded_by_mistake_is_deleted_and_no_one_else_can_delete_it(
    client: TestClient, onboarded: Person, bo: Person
) -> None:
    body = {"results": [_result("result-0001"), _result("result-0002", "right", 44)]}
    assert client.post(URL, json=body, headers=onboarded.headers).status_code == 201
    theirs = client.delete(f"{URL}/result-0001", headers=bo.headers)
    assert theirs.status_code == 404
    assert error_of(theirs)["field"] == "id"
    assert client.delete(f"{URL}/result-0001", headers=onboarded.headers).status_code == 204
    assert client.get(URL, headers=onboarded.headers).json() == [body["results"][1]]
    again = client.delete(f"{URL}/result-0001", headers=onboarded.headers)
    assert again.status_code == 404
    assert "result-0001" in error_of(again)["message"]
    # The same day and side may be recorded again once the mistake is gone.
    redone = {"results": [_result("result-0003", value=38)]}
    assert client.post(URL, json=redone, headers=onboarded.headers).status_code == 201


def test_a_result_is_corrected_in_place_and_no_one_else_can_correct_it(
    client: TestClient, onboarded: Person, bo: Person
) -> None:
    body = {"results": [_result("result-0001"), _result("result-0002", "right", 44)]}
    assert client.post(URL, json=body, headers=onboarded.headers).status_code == 201
    theirs = client.patch(f"{URL}/result-0001", json={"value": 48}, headers=bo.headers)
    assert theirs.status_code == 404
    assert error_of(theirs)["field"] == "id"
    assert theirs.headers["cache-control"] == "no-store"
    # Not even a value no test allows tells someone else which test the id is a result of.
    probe = client.patch(f"{URL}/result-0001", json={"value": 9999}, headers=bo.headers)
    assert (probe.status_code, error_of(probe)["field"]) == (404, "id")
    fixed = client.patch(f"{URL}/result-0001", json={"value": 48}, headers=onboarded.headers)
    assert fixed.status_code == 200
    assert fixed.headers["cache-control"] == "no-store"
    assert fixed.json() == _result("result-0001", value=48)
    moved = client.patch(
        f"{URL}/result-0002", json={"date": "2026-01-06", "value": 45}, headers=onboarded.headers
    )
    assert moved.json() == _result("result-0002", "right", 45, date="2026-01-06")
    assert client.get(URL, headers=onboarded.headers).json() == [fixed.json(), moved.json()]
    report = client.get(
        "/api/v1/progress", params={"date": "2026-01-11"}, headers=onboarded.headers
    )
    assert report.json()["self_tests"] == [fixed.json(), moved.json()]
    none = client.patch(f"{URL}/no-such-result", json={"value": 1}, headers=onboarded.headers)
    assert none.status_code == 404
    assert "no-such-result" in error_of(none)["message"]


def test_a_correction_outside_the_tests_range_is_422_naming_the_value_as_recording_is(
    client: TestClient, ana: Person
) -> None:
    stance = _result("result-0001", test="single_leg_stance", value=20)
    assert client.post(URL, json={"results": [stance]}, headers=ana.headers).status_code == 201
    response = client.patch(f"{URL}/result-0001", json={"value": 31}, headers=ana.headers)
    assert response.status_code == 422
    error = error_of(response)
    assert error["field"] == "value"
    assert "must be between 0 and 30 seconds (got 31)" in error["message"]
    recorded = client.post(
        URL, json={"results": [{**stance, "id": "result-0002", "value": 31}]}, headers=ana.headers
    )
    assert "must be between 0 and 30 seconds" in error_of(recorded)["message"]
    assert client.get(URL, headers=ana.headers).json() == [stance]


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({}, 422, "body"),
        ({"value": None}, 422, "value"),
        ({"value": "lots"}, 422, "value"),
        ({"test": "single_leg_stance"}, 422, "test"),
        ({"side": "right"}, 422, "side"),
        ({"date": "2999-01-01"}, 400, "date"),
        ({"date": "2026-01-12"}, 409, "date"),
    ],
    ids=["nothing", "null", "not-a-number", "test", "side", "after-today", "side-taken"],
)
def test_a_correction_that_cannot_be_made_names_the_field_and_changes_nothing(
    client: TestClient, ana: Person, body: dict[str, Any], status: int, field: str
) -> None:
    results = [_result("result-0001"), _result("result-0002", value=50, date="2026-01-12")]
    assert client.post(URL, json={"results": results}, headers=ana.headers).status_code == 201
    response = client.patch(f"{URL}/result-0001", json=body, headers=ana.headers)
    assert response.status_code == status, response.text
    assert error_of(response)["field"] == field
    assert client.get(URL, headers=ana.headers).json() == results


def test_a_result_outside_its_tests_range_is_422_naming_the_value(
    client: TestClient, ana: Person
) -> None:
    bad = _result("result-0001", test="single_leg_stance", value=31)
    response = client.post(URL, json={"results": [bad]}, headers=ana.headers)
    assert response.status_code == 422
    error = error_of(response)
    assert error["field"] == "results.0.value"
    assert "must be between 0 and 30 seconds" in error["message"]
    assert client.get(URL, headers=ana.headers).json() == []


def test_an_unknown_test_or_no_results_is_422(client: TestClient, ana: Person) -> None:
    unknown = client.post(
        URL, json={"results": [_result("result-0001", test="plank")]}, headers=ana.headers
    )
    assert unknown.status_code == 422
    assert error_of(unknown)["field"] == "results.0.test"
    empty = client.post(URL, json={"results": []}, headers=ana.headers)
    assert empty.status_code == 422
    assert error_of(empty)["field"] == "results"


def test_a_result_dated_after_today_is_refused_and_nothing_is_stored(
    client: TestClient, ana: Person
) -> None:
    body = {"results": [_result("result-0001"), _result("result-0002", date="2999-01-01")]}
    response = client.post(URL, json=body, headers=ana.headers)
    assert response.status_code == 400
    assert error_of(response)["field"] == "date"
    assert client.get(URL, headers=ana.headers).json() == []
