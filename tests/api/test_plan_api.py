"""Profile, plan (JSON and iCalendar) and today's session."""

from __future__ import annotations

import json
from datetime import date

import icalendar
from fastapi.testclient import TestClient

from hipcoach.domain.plan_document import plan_to_dict
from hipcoach.services.planning import make_plan
from hipcoach.services.training import current_plan
from tests.api.conftest import PROFILE, START, Person, error_of, new_session
from tests.services.fakes import FakeUnitOfWork


def test_storing_a_profile_makes_a_plan_and_returns_its_summary(
    client: TestClient, ana: Person
) -> None:
    response = client.put("/api/v1/profile", json=PROFILE, headers=ana.headers)
    assert response.status_code == 200
    body = response.json()
    assert body["profile"]["days"] == ["mon", "thu"]
    assert body["profile"]["equipment"] == ["mini_band"]
    assert body["plan"]["weeks"] == 12
    assert body["plan"]["sessions"] == 24
    assert body["plan"]["first_session"] == START
    assert client.get("/api/v1/profile", headers=ana.headers).json() == body


def test_before_onboarding_profile_and_plan_are_404(client: TestClient, ana: Person) -> None:
    for path in ("/api/v1/profile", "/api/v1/plan", "/api/v1/plan.ics", "/api/v1/today"):
        response = client.get(path, headers=ana.headers)
        assert response.status_code == 404, path
        assert error_of(response)["field"] == "plan"


def test_an_impossible_profile_is_a_400_and_a_malformed_one_a_422(
    client: TestClient, ana: Person
) -> None:
    back_to_back = client.put(
        "/api/v1/profile", json={**PROFILE, "days": ["mon", "tue"]}, headers=ana.headers
    )
    assert back_to_back.status_code == 400
    assert error_of(back_to_back)["field"] == "days"
    malformed = client.put(
        "/api/v1/profile",
        json={**PROFILE, "level": "expert", "minutes": 0, "colour": "red"},
        headers=ana.headers,
    )
    assert malformed.status_code == 422
    fields = {d["field"] for d in error_of(malformed)["details"]}
    assert fields == {"level", "minutes", "colour"}


def test_the_plan_is_the_stored_document_and_the_cli_json(
    client: TestClient, fake: FakeUnitOfWork, onboarded: Person
) -> None:
    response = client.get("/api/v1/plan", headers=onboarded.headers)
    assert response.status_code == 200
    stored = current_plan(uow=fake, user_id=onboarded.user_id)
    assert response.json() == json.loads(json.dumps(plan_to_dict(stored.plan)))
    cli_document = plan_to_dict(make_plan(profile=stored.profile))
    assert response.json() == json.loads(json.dumps(cli_document))


def test_the_plan_calendar_is_icalendar_with_one_event_per_session(
    client: TestClient, onboarded: Person
) -> None:
    response = client.get("/api/v1/plan.ics", headers=onboarded.headers)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.text)
    assert len(calendar.walk("VEVENT")) == 24


def test_today_shows_each_move_with_its_next_prescription(
    client: TestClient, onboarded: Person
) -> None:
    response = client.get("/api/v1/today", params={"date": START}, headers=onboarded.headers)
    assert response.status_code == 200
    today = response.json()
    assert today["date"] == START
    assert today["is_today"] is True
    assert (today["week"], today["number"]) == (1, 1)
    prescribed = [i for i in today["items"] if i["next"]]
    assert prescribed
    activation, working = prescribed[0], prescribed[1]
    assert (activation["block"], activation["next"]["action"]) == ("activation", "activate")
    first = working["next"]
    assert (working["block"], first["action"]) == ("working", "start")
    assert working["sides"][0] == first
    assert {s["side"] for s in working["sides"]} <= {"left", "right", "both"}
    assert today["pauses"] == []
    assert today["refer"] is False
    assert set(first) == {
        "side",
        "action",
        "sets",
        "target",
        "aim",
        "resistance_key",
        "resistance_label",
        "reason",
        "swap_to",
        "refer",
        "misses",
    }
    assert len(first["target"]) == 2


def test_today_before_the_start_shows_the_first_session(
    client: TestClient, onboarded: Person
) -> None:
    response = client.get("/api/v1/today", params={"date": "2026-01-01"}, headers=onboarded.headers)
    assert response.json()["is_today"] is False
    assert response.json()["date"] == START


def test_a_bad_date_is_a_422_naming_it(client: TestClient, onboarded: Person) -> None:
    response = client.get("/api/v1/today", params={"date": "tomorrow"}, headers=onboarded.headers)
    assert response.status_code == 422
    assert error_of(response)["field"] == "date"
    assert error_of(response)["details"][0]["location"] == "query"


def test_a_new_profile_keeps_the_log(client: TestClient, onboarded: Person) -> None:
    session_id = new_session(client, onboarded)
    later = {**PROFILE, "start": date(2026, 3, 2).isoformat(), "minutes": 45}
    assert client.put("/api/v1/profile", json=later, headers=onboarded.headers).status_code == 200
    assert client.get(f"/api/v1/sessions/{session_id}", headers=onboarded.headers).is_success
    plan = client.get("/api/v1/plan", headers=onboarded.headers).json()
    assert plan["profile"]["minutes"] == 45


def test_pain_may_name_a_side_and_a_side_without_its_area_is_a_400(
    client: TestClient, ana: Person
) -> None:
    one_sided = {**PROFILE, "pain": ["hip", "knee"], "pain_sides": [["hip", "left"]]}
    response = client.put("/api/v1/profile", json=one_sided, headers=ana.headers)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["profile"]["pain_sides"] == [["hip", "left"]]
    pain = next(n["text"] for n in body["plan"]["notes"] if n["kind"] == "pain")
    assert "left hip" in pain
    plan = client.get("/api/v1/plan", headers=ana.headers).json()
    assert plan["profile"]["pain_sides"] == [["hip", "left"]]
    assert (
        plan["summary"]["weekly_set_target"]["ceiling"]
        >= plan["summary"]["weekly_set_target"]["floor"]
    )
    orphan = {**PROFILE, "pain": [], "pain_sides": [["knee", "right"]]}
    refused = client.put("/api/v1/profile", json=orphan, headers=ana.headers)
    assert refused.status_code == 400
    assert error_of(refused)["field"] == "pain_sides"
    bad_side = {**PROFILE, "pain": ["hip"], "pain_sides": [["hip", "up"]]}
    assert client.put("/api/v1/profile", json=bad_side, headers=ana.headers).status_code == 422
    unchanged = client.get("/api/v1/profile", headers=ana.headers).json()
    assert unchanged["profile"]["pain_sides"] == [["hip", "left"]]  # nothing half-stored


def test_an_age_is_stored_read_back_and_bounded(
    client: TestClient, ana: Person, fake: FakeUnitOfWork
) -> None:
    stored = client.put("/api/v1/profile", json={**PROFILE, "age": 67}, headers=ana.headers)
    assert stored.status_code == 200
    assert stored.json()["profile"]["age"] == 67
    plan = current_plan(uow=fake, user_id=ana.user_id).plan
    moves = {i.exercise for s in plan.sessions() for b in s.session.blocks for i in b.items}
    assert "side_plank_hip_abduction" not in moves  # from 60 the base work comes first
    too_young = client.put("/api/v1/profile", json={**PROFILE, "age": 9}, headers=ana.headers)
    assert too_young.status_code == 422
    assert [d["field"] for d in error_of(too_young)["details"]] == ["age"]
    assert client.get("/api/v1/profile", headers=ana.headers).json()["profile"]["age"] == 67
