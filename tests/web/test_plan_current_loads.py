"""After progression, the plan page, the printable plan, the .ics download and the feed show
the dose Today prescribes for the sessions ahead; the weeks behind stay as planned."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import icalendar
from fastapi.testclient import TestClient

from hipcoach.domain.account import StoredPlan
from hipcoach.domain.catalogue import Measure
from hipcoach.domain.log import LoggedSet
from hipcoach.domain.plan import BlockKind
from hipcoach.services import accounts, logbook, planning, training
from hipcoach.services.planning import build_profile
from hipcoach.web.visitor import now, today
from tests.services.fakes import FakeUnitOfWork
from tests.web.conftest import DAYS, seed_account


def _trained_for_four_weeks(fake: FakeUnitOfWork, user_id: str) -> StoredPlan:
    """A plan that began four weeks ago, every session done beating the aim (as a keen person
    would), so Today now prescribes more than the plan wrote."""
    start = today() - timedelta(weeks=4)
    days = [DAYS[start.weekday()], DAYS[(start + timedelta(days=3)).weekday()]]
    profile = build_profile(
        level="beginner", goal="muscle", days=days, minutes=30, start=start, equipment=["mini_band"]
    )
    stored = training.start_program(
        uow=fake, user_id=user_id, name="", profile=profile, now=now() - timedelta(weeks=5)
    )
    for planned in (s for s in stored.plan.sessions() if s.date < today()):
        view = training.todays_session(uow=fake, user_id=user_id, today=planned.date)
        session = training.session_for(uow=fake, user_id=user_id, day=planned.date, planned=planned)
        at = datetime(planned.date.year, planned.date.month, planned.date.day, 18, tzinfo=UTC)
        for item in view.items:
            for nxt in item.sides:
                amount = nxt.target[1]  # the top of the range, every set
                kind = item.planned.measure
                for _ in range(nxt.sets):
                    logged = LoggedSet(
                        training.new_id(),
                        session.id,
                        nxt.exercise,
                        nxt.side,
                        at,
                        resistance_key=nxt.resistance_key,
                        rir=2,
                        reps=amount if kind is Measure.REPS else None,
                        steps=amount if kind is Measure.STEPS else None,
                        hold_seconds=amount if kind is Measure.SECONDS else None,
                    )
                    logbook.log_set(uow=fake, user_id=user_id, logged=logged, session=session)
    return stored


def calendar_days(text: str) -> dict[str, str]:
    """Each event's description by its ISO date."""
    calendar = icalendar.Calendar.from_ical(text)
    events = {}
    for event in calendar.walk("VEVENT"):
        events[str(event.decoded("DTSTART"))[:10]] = str(event["DESCRIPTION"])
    return events


def _todays_doses(fake: FakeUnitOfWork, user_id: str) -> tuple[str, list[str]]:
    """The next session's date, and the line Today gives for each of its working moves."""
    view = training.todays_session(uow=fake, user_id=user_id, today=today())
    lines = [
        f"{i.prescription()} · {i.shared_resistance}"
        for i in view.items
        if i.block is BlockKind.WORKING and i.sides
    ]
    return view.session.date.isoformat(), lines


def test_the_plan_and_its_calendars_show_today_s_doses_for_the_sessions_ahead(
    client: TestClient, fake: FakeUnitOfWork
) -> None:
    user_id = seed_account(fake, client)
    stored = _trained_for_four_weeks(fake, user_id)
    day, doses = _todays_doses(fake, user_id)
    planned = stored.plan.next_session(today())
    assert planned is not None
    as_planned = [
        f"{i.prescription()} · {i.resistance}" for b, i in planned.entries if b is BlockKind.WORKING
    ]
    assert doses
    assert doses != as_planned  # progression moved on: the stored plan is stale

    page = client.get("/plan").text
    opened = re.search(r"<details open>(.*?)</details>", page, re.S)
    assert opened is not None
    for dose in doses:
        assert dose in opened.group(1)
    printed = client.get("/plan/print").text
    for dose in doses:
        assert dose in printed

    feed = accounts.rotate_calendar_feed(uow=fake, user_id=user_id, now=now())
    for path in ("/plan.ics", f"/calendar/{feed}.ics"):
        events = calendar_days(client.get(path).text)
        for dose in doses:
            assert dose in events[day], (path, dose)
        first = stored.plan.sessions()[0]
        text = "\n".join(f"- {i.name} ({i.exercise}): " for _, i in first.entries if i.exercise)
        assert all(line in events[first.date.isoformat()] for line in text.splitlines())


def test_past_sessions_stay_as_planned(client: TestClient, fake: FakeUnitOfWork) -> None:
    user_id = seed_account(fake, client)
    stored = _trained_for_four_weeks(fake, user_id)
    shown = planning.plan_as_prescribed(uow=fake, user_id=user_id, stored=stored, today=today())
    past = [s for s in stored.plan.sessions() if s.date < today()]
    assert past
    assert [s for s in shown.sessions() if s.date < today()] == past
    ahead = [s for s in shown.sessions() if s.date >= today()]
    assert ahead != [s for s in stored.plan.sessions() if s.date >= today()]
