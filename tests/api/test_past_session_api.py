"""POST /api/v1/past-sessions: a past or missed day opened to log afterwards, by the calendar."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.conftest import START, Person, error_of

URL = "/api/v1/past-sessions"


def test_a_planned_day_opens_its_slot_and_a_retry_or_a_second_id_returns_it(
    client: TestClient, onboarded: Person
) -> None:
    body = {"id": "session-0001", "date": START}  # the plan's first day, a Monday
    opened = client.post(URL, json=body, headers=onboarded.headers)
    assert opened.status_code == 201, opened.text
    assert (opened.json()["plan_week"], opened.json()["plan_session"]) == (1, 1)
    assert client.post(URL, json=body, headers=onboarded.headers).status_code == 200
    other = client.post(URL, json={**body, "id": "session-0002"}, headers=onboarded.headers)
    assert (other.status_code, other.json()["id"]) == (200, "session-0001")
    sets = "/api/v1/sessions/session-0001/sets"
    one = {
        "id": "set-00000001",
        "exercise": "clamshell",
        "side": "left",
        "reps": 15,
        "logged_at": f"{START}T18:00:00+00:00",
    }
    assert client.post(sets, json=one, headers=onboarded.headers).status_code == 201
    listed = client.get("/api/v1/sessions", headers=onboarded.headers).json()
    assert [s["id"] for s in listed] == ["session-0001"]


def test_a_day_the_plan_had_nothing_opens_a_free_session(
    client: TestClient, onboarded: Person
) -> None:
    body = {"id": "session-0001", "date": "2026-01-06"}  # a Tuesday: not a training day
    opened = client.post(URL, json=body, headers=onboarded.headers)
    assert opened.status_code == 201, opened.text
    assert (opened.json()["date"], opened.json()["plan_week"]) == ("2026-01-06", None)


def test_a_future_day_or_one_before_the_plan_is_refused_naming_the_date(
    client: TestClient, onboarded: Person
) -> None:
    for day, words in (("2099-01-01", "has not come yet"), ("2026-01-04", "before your plan")):
        refused = client.post(
            URL, json={"id": "session-0001", "date": day}, headers=onboarded.headers
        )
        assert refused.status_code == 400, refused.text
        assert (error_of(refused)["field"], words in error_of(refused)["message"]) == ("date", True)
    malformed = client.post(URL, json={"id": "x", "date": "soon"}, headers=onboarded.headers)
    assert malformed.status_code == 422
    assert client.get("/api/v1/sessions", headers=onboarded.headers).json() == []


def test_without_a_plan_there_is_no_calendar_to_log_against(
    client: TestClient, ana: Person
) -> None:
    refused = client.post(URL, json={"id": "session-0001", "date": START}, headers=ana.headers)
    assert refused.status_code == 404
    assert error_of(refused)["field"] == "plan"
