"""Progress figures from the log: adherence, weekly hard sets and exercise trends."""

from __future__ import annotations

from datetime import UTC, date, datetime

from hipcoach.domain.catalogue import Catalogue
from hipcoach.domain.ladder import build_ladder
from hipcoach.domain.log import LoggedSet, Side
from hipcoach.domain.progress import adherence, exercise_trend, weekly_hard_sets

START = date(2026, 1, 5)


def _set(set_id: str, session_id: str, exercise: str = "clamshell") -> LoggedSet:
    return LoggedSet(
        id=set_id,
        session_id=session_id,
        exercise=exercise,
        side=Side.LEFT,
        logged_at=datetime(2026, 1, 5, 18, tzinfo=UTC),
        reps=12,
    )


def test_before_the_plan_starts_there_is_no_adherence_to_report() -> None:
    report = adherence(START, [START, date(2026, 1, 8)], [], today=date(2026, 1, 4))
    assert report.weeks == ()
    assert (report.last_4, report.last_12) == (None, None)


def test_sets_of_unknown_sessions_or_moves_add_no_hard_sets(catalogue: Catalogue) -> None:
    known = _set("set-0001", "session-1")
    stray = [_set("set-0002", "session-gone"), _set("set-0003", "session-1", "moonwalk")]
    dates = {"session-1": START}
    alone = weekly_hard_sets([known], dates, catalogue, week_start=START)
    assert alone[START]  # the known set counts
    assert weekly_hard_sets([known, *stray], dates, catalogue, week_start=START) == alone


def test_a_session_without_sets_of_the_move_leaves_no_point_in_its_trend(
    catalogue: Catalogue,
) -> None:
    ladder = build_ladder(catalogue.get("clamshell").equipment)
    trend = exercise_trend(
        [(date(2026, 1, 8), [_set("set-0001", "session-2")]), (START, [])], ladder
    )
    assert [(p.date, p.best) for p in trend] == [(date(2026, 1, 8), 12)]
