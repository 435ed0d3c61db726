"""Pain over time in the progress report: the last 12 weeks of days that hurt, and where."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hipcoach.domain.catalogue import PainArea
from hipcoach.domain.log import LoggedSet, Side, TrainingSession
from hipcoach.domain.progress import PainDay, PainPlace
from hipcoach.services import logbook, progress, training
from tests.services import simulation
from tests.services.fakes import FakeUnitOfWork

NOW = datetime(2026, 1, 4, 9, tzinfo=UTC)


def _trained(uow: FakeUnitOfWork, day: date, pain: int, area: PainArea | None = None) -> str:
    session = TrainingSession(f"session-{day:%m%d}", day)
    logged = LoggedSet(
        f"set-{day:%m%d}0001",
        session.id,
        "clamshell",
        Side.LEFT,
        datetime.combine(day, NOW.timetz()),
        reps=12,
        pain=pain,
        pain_area=area,
    )
    logbook.log_set(uow=uow, user_id="u1", logged=logged, session=session)
    return session.id


def test_the_progress_report_shows_the_last_12_weeks_of_pain_and_where(
    uow: FakeUnitOfWork,
) -> None:
    training.start_program(uow=uow, user_id="u1", name="Ana", profile=simulation.PROFILE, now=NOW)
    start = simulation.PROFILE.start
    today = start + timedelta(weeks=14)
    _trained(uow, start, pain=6, area=PainArea.KNEE)  # more than 12 weeks ago: left out
    _trained(uow, start + timedelta(weeks=3), pain=0)
    sore = _trained(uow, start + timedelta(weeks=4), pain=2, area=PainArea.HIP)
    logbook.record_next_day_pain(
        uow=uow, user_id="u1", session_id=sore, pain=5, area=PainArea.HIP, side=Side.RIGHT
    )
    report = progress.progress_report(uow=uow, user_id="u1", today=today)
    assert report.pain == (
        PainDay(
            start + timedelta(weeks=4),
            worst=5,
            during_sets=2,
            next_day=5,
            places=(PainPlace(PainArea.HIP), PainPlace(PainArea.HIP, Side.RIGHT)),
        ),
    )
    assert report.paused == ()  # nothing of that lasts to today


def test_the_progress_report_shows_the_pain_pause_in_force(uow: FakeUnitOfWork) -> None:
    training.start_program(uow=uow, user_id="u1", name="Ana", profile=simulation.PROFILE, now=NOW)
    day = simulation.PROFILE.start + timedelta(weeks=2)
    _trained(uow, day, pain=8, area=PainArea.HIP)
    [pause] = progress.progress_report(uow=uow, user_id="u1", today=day + timedelta(days=2)).paused
    assert (pause.where, pause.start, pause.end) == ("hip", day, day + timedelta(days=7))
    assert "8/10" in pause.why
    later = progress.progress_report(uow=uow, user_id="u1", today=day + timedelta(days=8))
    assert later.paused == ()
