"""Progress figures from the log: adherence, weekly hard sets and exercise trends."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from hipcoach.domain.catalogue import Catalogue, PainArea
from hipcoach.domain.ladder import build_ladder
from hipcoach.domain.log import LoggedSet, Side, TrainingSession
from hipcoach.domain.progress import (
    PainDay,
    PainPlace,
    adherence,
    exercise_trend,
    pain_history,
    weekly_hard_sets,
)

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


def test_pain_over_time_lists_each_day_that_hurt_with_its_worst_pain_and_places() -> None:
    monday = TrainingSession("session-1", START, next_day_pain=3)
    thursday = TrainingSession(
        "session-2",
        date(2026, 1, 8),
        next_day_pain=5,
        next_day_pain_area=PainArea.KNEE,
        next_day_pain_side=Side.RIGHT,
    )
    calm = TrainingSession("session-3", date(2026, 1, 12), next_day_pain=0)
    hip = PainPlace(PainArea.HIP, Side.LEFT)
    sets = [
        replace(_set("set-1", "session-1"), pain=2, pain_area=PainArea.HIP, pain_side=Side.LEFT),
        replace(_set("set-2", "session-1"), pain=4, pain_area=PainArea.HIP, pain_side=Side.LEFT),
        replace(_set("set-3", "session-1"), pain=1),  # hurt, place not said
        _set("set-4", "session-2"),  # no pain
        replace(_set("set-5", "session-3"), pain=0),
        replace(_set("set-6", "session-gone"), pain=9, pain_area=PainArea.OTHER),
    ]
    assert pain_history([thursday, monday, calm], sets) == (
        PainDay(START, worst=4, during_sets=4, next_day=3, places=(hip,)),
        PainDay(
            date(2026, 1, 8),
            worst=5,
            during_sets=None,
            next_day=5,
            places=(PainPlace(PainArea.KNEE, Side.RIGHT),),
        ),
    )


def test_no_pain_means_an_empty_pain_history() -> None:
    assert pain_history([TrainingSession("session-1", START)], [_set("set-1", "session-1")]) == ()
