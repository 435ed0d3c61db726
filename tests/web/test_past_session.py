"""Logging a past or missed session from the web: pick the day, get that day's planned session
(or a free one), add sets to it; future days and days before the plan are refused."""

from __future__ import annotations

from datetime import date, timedelta

from fastapi.testclient import TestClient

from hipcoach.domain.log import TrainingSession
from hipcoach.services import training
from hipcoach.services.planning import build_profile
from hipcoach.web.visitor import now, today
from tests.services.fakes import FakeUnitOfWork
from tests.web.conftest import seed_account, training_days
from tests.web.forms import form_posting_to

STARTED_DAYS_AGO = 14


def _member_since_two_weeks(client: TestClient, fake: FakeUnitOfWork) -> str:
    """A person whose plan began two weeks ago; today and today + 3 are training days."""
    user_id = seed_account(fake, client)
    profile = build_profile(
        level="beginner",
        goal="muscle",
        days=training_days(),
        minutes=30,
        start=today() - timedelta(days=STARTED_DAYS_AGO),
        equipment=["mini_band"],
    )
    training.start_program(uow=fake, user_id=user_id, name="", profile=profile, now=now())
    return user_id


def _sessions(fake: FakeUnitOfWork) -> list[TrainingSession]:
    return list(fake.committed.sessions.values())


def _open(client: TestClient, day: date, **changes: str) -> tuple[int, str, str]:
    form = form_posting_to(client.get("/today").text, "/past-sessions")
    response = client.post(
        "/past-sessions", data=form.data(date=day.isoformat(), **changes), follow_redirects=False
    )
    return response.status_code, response.headers.get("location", ""), response.text


def test_today_offers_a_date_picker_from_the_plan_s_first_day_to_today(
    client: TestClient, fake: FakeUnitOfWork
) -> None:
    _member_since_two_weeks(client, fake)
    page = client.get("/today").text
    first = today() - timedelta(days=STARTED_DAYS_AGO)
    assert f'min="{first.isoformat()}" max="{today().isoformat()}"' in page
    assert "Log a past session" in page


def test_a_missed_planned_day_opens_its_planned_session_to_add_sets_to(
    client: TestClient, fake: FakeUnitOfWork
) -> None:
    user_id = _member_since_two_weeks(client, fake)
    week_ago = today() - timedelta(days=7)  # the same weekday as today: a training day
    status, location, _ = _open(client, week_ago)
    [session] = _sessions(fake)
    assert (status, location) == (303, f"/sessions/{session.id}?notice=opened")
    assert session.date == week_ago
    plan = training.current_plan(uow=fake, user_id=user_id)
    planned = training.planned_on(plan, week_ago)
    assert planned is not None
    assert (session.plan_week, session.plan_session) == (planned.week, planned.number)

    page = client.get(location).text
    assert "Log what you did that day" in page
    first_move = next(i for _, i in planned.entries if i.exercise and not i.is_warmup)
    assert f'id="move-{first_move.exercise}"' in page
    assert f"Planned: {first_move.prescription()}" in page
    form = form_posting_to(page, f"/sessions/{session.id}/sets")
    data = form.data(amount="14")
    added = client.post(f"/sessions/{session.id}/sets", data=data, follow_redirects=False)
    assert added.status_code == 303, added.text
    assert added.headers["location"].endswith(f"#move-{first_move.exercise}")
    again = client.post(f"/sessions/{session.id}/sets", data=data, follow_redirects=False)
    assert again.status_code == 303  # a second tap of the same form stores nothing new
    [logged] = fake.committed.sets.values()
    assert (logged.session_id, logged.exercise, logged.amount) == (
        session.id,
        first_move.exercise,
        14,
    )
    after = client.get(f"/sessions/{session.id}").text
    assert "1 sets logged" in after
    assert "not timed: the sets were entered on another day" in after


def test_opening_the_same_day_again_returns_its_session(
    client: TestClient, fake: FakeUnitOfWork
) -> None:
    _member_since_two_weeks(client, fake)
    day = today() - timedelta(days=7)
    _, first, _ = _open(client, day)
    _, second, _ = _open(client, day)  # a new form, a new id: still the one session
    assert first == second
    assert len(_sessions(fake)) == 1


def test_a_day_without_a_planned_session_opens_a_free_one_with_any_move(
    client: TestClient, fake: FakeUnitOfWork
) -> None:
    _member_since_two_weeks(client, fake)
    yesterday = today() - timedelta(days=1)  # today - 1 is never today or today + 3
    status, location, _ = _open(client, yesterday)
    assert status == 303
    [session] = _sessions(fake)
    assert (session.date, session.plan_week, session.plan_session) == (yesterday, None, None)
    page = client.get(location).text
    assert "/sets" not in page.split('id="add-title"')[1].split("Another move")[0]
    picked = client.get(f"/sessions/{session.id}?move=glute_bridge").text
    form = form_posting_to(picked, f"/sessions/{session.id}/sets")
    assert form.fields["exercise"] == ["glute_bridge"]
    client.post(f"/sessions/{session.id}/sets", data=form.data(amount="12"))
    [logged] = fake.committed.sets.values()
    assert (logged.exercise, logged.reps) == ("glute_bridge", 12)


def test_a_future_day_a_day_before_the_plan_or_no_day_is_a_form_message(
    client: TestClient, fake: FakeUnitOfWork
) -> None:
    _member_since_two_weeks(client, fake)
    for day, words in (
        (today() + timedelta(days=1), "has not come yet"),
        (today() - timedelta(days=STARTED_DAYS_AGO + 1), "is before your plan began"),
    ):
        status, _, text = _open(client, day)
        assert status == 400, day
        assert words in text
        assert 'name="date" type="date"' in text
    form = form_posting_to(client.get("/today").text, "/past-sessions")
    blank = client.post("/past-sessions", data=form.data(date="5 March"))
    assert blank.status_code == 400
    assert "Choose the day you trained" in blank.text
    assert _sessions(fake) == []


def test_a_bad_set_on_a_past_session_is_a_form_message_and_stores_nothing(
    client: TestClient, fake: FakeUnitOfWork
) -> None:
    _member_since_two_weeks(client, fake)
    _, location, _ = _open(client, today() - timedelta(days=7))
    [session] = _sessions(fake)
    form = form_posting_to(client.get(location).text, f"/sessions/{session.id}/sets")
    for changes in ({"amount": "0"}, {"resistance_key": "barbell_200kg"}, {"pain": "11"}):
        refused = client.post(f"/sessions/{session.id}/sets", data=form.data(**changes))
        assert refused.status_code == 400, (changes, refused.text[:300])
        assert "Please check:" in refused.text
    assert fake.committed.sets == {}
