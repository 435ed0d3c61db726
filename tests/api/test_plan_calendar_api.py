"""GET /plan.ics shows, for the sessions ahead, the dose GET /today prescribes now."""

from __future__ import annotations

from fastapi.testclient import TestClient

from hipcoach.web.visitor import today
from tests.api.conftest import Person
from tests.services.fakes import FakeUnitOfWork
from tests.web.test_plan_current_loads import (
    _todays_doses,
    _trained_for_four_weeks,
    calendar_days,
)


def test_the_api_calendar_shows_today_s_doses_for_the_next_session(
    client: TestClient, fake: FakeUnitOfWork, ana: Person
) -> None:
    _trained_for_four_weeks(fake, ana.user_id)
    day, doses = _todays_doses(fake, ana.user_id)
    answer = client.get("/api/v1/today", params={"date": today().isoformat()}, headers=ana.headers)
    assert answer.status_code == 200
    assert answer.json()["date"] == day
    events = calendar_days(client.get("/api/v1/plan.ics", headers=ana.headers).text)
    assert doses
    for dose in doses:
        assert dose in events[day]
