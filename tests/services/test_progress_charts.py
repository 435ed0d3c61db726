"""Progress through the real services: months of training show the right series on the
charts, and a day whose only set was undone is not a session done."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime, timedelta

import pytest

from hipcoach.content.loader import load_catalogue
from hipcoach.domain.errors import NotFoundError
from hipcoach.domain.ladder import step_index
from hipcoach.domain.log import LoggedSet, Side, TrainingSession
from hipcoach.domain.muscle import Muscle
from hipcoach.domain.plan import ScheduledSession
from hipcoach.services import logbook, progress, training
from hipcoach.services.progress import ChartName
from tests.services import simulation
from tests.services.fakes import FakeUnitOfWork

NOW = datetime(2026, 1, 4, 9, tzinfo=UTC)
AFTER = simulation.PROFILE.start + timedelta(weeks=7, days=3)  # the last week of the plan


@pytest.fixture(scope="module")
def trained() -> FakeUnitOfWork:
    uow = FakeUnitOfWork()
    simulation.run(uow)  # two months of every planned session, as the coach prescribed
    return uow


def _expected(uow: FakeUnitOfWork, key: str, side: Side) -> list[tuple[date, str, int]]:
    """From the raw log: per day, the highest rung used on this side and the best set."""
    ladder = load_catalogue().get(key).ladder(simulation.PROFILE.owned)
    days = {s.id: s.date for s in uow.committed.sessions.values()}
    by_day: dict[date, list[LoggedSet]] = defaultdict(list)
    for logged in uow.committed.sets.values():
        if logged.exercise == key and logged.side in (side, Side.BOTH):
            by_day[days[logged.session_id]].append(logged)
    found = []
    for day in sorted(d for d in by_day if d <= AFTER):
        sets = by_day[day]
        top = max(step_index(ladder, s.resistance_key) for s in sets)
        found.append((day, ladder[top].label, max(s.amount for s in sets)))
    return found


def test_two_months_of_training_show_each_move_and_side_as_logged(
    trained: FakeUnitOfWork,
) -> None:
    report = progress.progress_report(uow=trained, user_id=simulation.USER, today=AFTER)
    assert report.moves
    climbed = False
    for move in report.moves:
        for side, points in move.sides.items():
            assert [(p.date, p.rung_label, p.best) for p in points] == _expected(
                trained, move.key, side
            )
            climbed |= points[0].rung < points[-1].rung
        chart = progress.challenge_chart(report, move)
        rows = {row[0]: row[1:] for row in chart.table.rows}
        for points in move.sides.values():
            for point in points:
                assert point.rung_label in rows[point.date.isoformat()]
                assert f"{point.best} {move.unit}" in rows[point.date.isoformat()]
    assert climbed  # a compliant trainee goes up the ladder on some move
    per_side = [m for m in report.moves if set(m.sides) == {Side.LEFT, Side.RIGHT}]
    assert per_side  # one-sided moves are charted side by side


def test_the_lighter_week_is_shaded_and_its_sets_drop(trained: FakeUnitOfWork) -> None:
    report = progress.progress_report(uow=trained, user_id=simulation.USER, today=AFTER)
    [(first, _), *_] = report.lighter_weeks
    assert first == simulation.PROFILE.start + timedelta(weeks=3)
    chart = progress.weekly_sets_chart(report)
    by_week = {row[0]: row for row in chart.table.rows}
    lighter = by_week[first.isoformat()]
    assert lighter[-1] == "yes"
    before = by_week[(first - timedelta(weeks=1)).isoformat()]
    assert float(lighter[1].split()[0]) < float(before[1].split()[0])
    gmed = report.weekly_sets[first][Muscle.GLUTEUS_MEDIUS]
    assert lighter[1] == f"{gmed:g} sets"
    assert len(chart.table.rows) == len(report.adherence.weeks)
    plan = training.current_plan(uow=trained, user_id=simulation.USER).plan
    assert report.set_range == plan.weekly_set_range  # the band is this person's own range
    assert report.set_range[0] < report.set_range[1]


def test_the_calendar_marks_each_planned_day_done_or_missed_as_logged(
    trained: FakeUnitOfWork,
) -> None:
    report = progress.progress_report(uow=trained, user_id=simulation.USER, today=AFTER)
    chart = progress.adherence_chart(report, today=AFTER)
    days = {s.id: s.date for s in trained.committed.sessions.values()}
    worked = {days[s.session_id] for s in trained.committed.sets.values()}
    planned = [p.date for p in report_plan(trained) if p.date <= AFTER]
    words = " ".join(row[4] for row in chart.table.rows)
    for day in planned:
        mark = "done" if day in worked else "missed"
        assert f"{day:%a} {day.day} {day:%b} {mark}" in words
    # The pain pause rested every move one day: that day is the only one missed.
    assert len([d for d in planned if d not in worked]) == words.count("missed") == 1
    assert sum(int(row[3]) for row in chart.table.rows) == len(worked & set(planned))


def report_plan(uow: FakeUnitOfWork) -> list[ScheduledSession]:
    return list(training.current_plan(uow=uow, user_id=simulation.USER).plan.sessions())


def test_charts_by_name_and_an_unknown_move(trained: FakeUnitOfWork) -> None:
    report = progress.progress_report(uow=trained, user_id=simulation.USER, today=AFTER)
    for name in ChartName:
        chart = progress.progress_chart(report, name, today=AFTER, standalone=True)
        assert chart.svg.startswith("<svg xmlns=")
    first = progress.progress_chart(report, ChartName.CHALLENGE, today=AFTER)
    assert first.table.caption == report.moves[0].name
    with pytest.raises(NotFoundError):
        progress.progress_chart(report, ChartName.CHALLENGE, today=AFTER, exercise="moonwalk")


def test_an_emptied_session_does_not_count_as_done() -> None:
    uow = FakeUnitOfWork()
    stored = training.start_program(
        uow=uow, user_id="u1", name="Ana", profile=simulation.PROFILE, now=NOW
    )
    first, second = stored.plan.sessions()[:2]
    for planned in (first, second):
        session = training.session_for(uow=uow, user_id="u1", day=planned.date, planned=planned)
        logged = LoggedSet(
            f"set-{planned.date:%m%d}0001",
            session.id,
            "clamshell",
            Side.LEFT,
            datetime.combine(planned.date, NOW.timetz()),
            reps=12,
        )
        logbook.log_set(uow=uow, user_id="u1", logged=logged, session=session)
    logbook.delete_set(uow=uow, user_id="u1", set_id=f"set-{second.date:%m%d}0001")
    assert len(uow.committed.sessions) == 2  # the emptied session is still stored
    after = second.date + timedelta(days=1)
    report = progress.progress_report(uow=uow, user_id="u1", today=after)
    [week] = report.adherence.weeks
    assert (week.planned, week.done) == (2, 1)
    assert report.adherence.last_4 == 0.5
    assert report.milestones[0].sessions_done == 1
    marks = progress.adherence_chart(report, today=after).table.rows[0][4]
    assert "missed" in marks


def test_recent_sessions_count_their_sets_an_emptied_one_zero() -> None:
    uow = FakeUnitOfWork()
    training.start_program(uow=uow, user_id="u1", name="Ana", profile=simulation.PROFILE, now=NOW)
    day = simulation.PROFILE.start
    session = TrainingSession("session-0105", day)
    logbook.create_session(uow=uow, user_id="u1", session=session)
    sessions, counts = progress.recent_session_counts(uow=uow, user_id="u1", limit=5)
    assert [s.id for s in sessions] == ["session-0105"]
    assert counts == {"session-0105": 0}
