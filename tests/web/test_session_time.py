"""A session's start, end and duration on its page and in the summary, from its set times."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient

from hipcoach.domain.log import LoggedSet, Side, TrainingSession
from hipcoach.services import accounts, logbook
from hipcoach.web.visitor import today
from tests.services.fakes import FakeUnitOfWork
from tests.web.conftest import seed_member
from tests.web.forms import form_posting_to


def _a_set(number: int, session_id: str, moment: datetime) -> LoggedSet:
    return LoggedSet(f"set-{number:08d}", session_id, "clamshell", Side.LEFT, moment, reps=12)


def _timed_session(fake: FakeUnitOfWork, user_id: str, *, late: bool = False) -> str:
    accounts.set_time_zone(uow=fake, user_id=user_id, time_zone="UTC")
    day = today() - timedelta(days=3)
    session = TrainingSession("session-0001", day)
    start = datetime(day.year, day.month, day.day, 18, 2, tzinfo=UTC)
    if late:  # entered from memory two days later
        start += timedelta(days=2)
    sets = [_a_set(n, session.id, start + timedelta(minutes=m)) for n, m in ((1, 0), (2, 31))]
    logbook.log_session(uow=fake, user_id=user_id, session=session, sets=sets)
    return session.id


def test_a_session_page_shows_when_it_began_and_ended_and_how_long_it_took(
    client: TestClient, fake: FakeUnitOfWork
) -> None:
    user_id = seed_member(fake, client)
    session_id = _timed_session(fake, user_id)
    page = client.get(f"/sessions/{session_id}").text
    assert "18:02 to 18:33, <strong>31 min</strong> from the first set to the last." in page


def test_a_session_entered_on_another_day_is_not_timed(
    client: TestClient, fake: FakeUnitOfWork
) -> None:
    user_id = seed_member(fake, client)
    session_id = _timed_session(fake, user_id, late=True)
    page = client.get(f"/sessions/{session_id}").text
    assert "not timed: the sets were entered on another day" in page
    assert "from the first set to the last" not in page


def test_the_summary_shows_today_s_time_so_far(member: TestClient, fake: FakeUnitOfWork) -> None:
    assert "Time:" not in member.get("/today/done").text
    form = form_posting_to(member.get("/today").text, "/today/sets")
    member.post("/today/sets", data=form.data(), follow_redirects=False)
    summary = member.get("/today/done").text
    assert "one set so far, logged at" in summary
    [session] = fake.committed.sessions.values()
    assert "one set so far, logged at" in member.get(f"/sessions/{session.id}").text
