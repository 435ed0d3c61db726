"""Progress figures from the log: adherence, weekly hard sets and exercise trends."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from hipcoach.domain.catalogue import Catalogue, PainArea
from hipcoach.domain.log import LoggedSet, Measurement, Side
from hipcoach.domain.pain import PainReport
from hipcoach.domain.planner import generate_plan
from hipcoach.domain.profile import Goal, Level, Profile, Weekday
from hipcoach.domain.progress import (
    PainDay,
    PainPlace,
    SetTally,
    adherence,
    exercise_trend,
    lighter_weeks,
    measurement_changes,
    measurement_series,
    milestones,
    pain_history,
    side_trends,
    weekly_hard_sets,
    worked_days,
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


def _tally(
    exercise: str = "clamshell",
    day: date = START,
    side: Side = Side.LEFT,
    rung: str = "bodyweight",
    sets: int = 1,
    best: int = 12,
) -> SetTally:
    return SetTally(f"session-{day.isoformat()}", day, exercise, side, rung, sets, best)


def test_sets_of_unknown_moves_add_no_hard_sets(catalogue: Catalogue) -> None:
    known = _tally()
    alone = weekly_hard_sets([known], catalogue, week_start=START)
    assert alone[START]  # the known set counts
    assert weekly_hard_sets([known, _tally("moonwalk")], catalogue, week_start=START) == alone


def test_a_tally_counts_hard_sets_as_a_logged_set_does() -> None:
    for side in Side:
        logged = replace(_set("set-0001", "session-1"), side=side)
        assert _tally(side=side, sets=3).hard_sets == 3 * logged.set_weight


def test_only_days_with_logged_sets_are_days_worked() -> None:
    later = date(2026, 1, 8)
    found = worked_days([_tally(day=later), _tally(day=START), _tally(day=START, side=Side.RIGHT)])
    assert found == (START, later)
    assert worked_days([_tally(day=later, sets=0)]) == ()


def test_a_day_without_sets_of_the_move_leaves_no_point_in_its_trend(
    catalogue: Catalogue,
) -> None:
    ladder = catalogue.get("clamshell").ladder()
    trend = exercise_trend([_tally(day=date(2026, 1, 8))], ladder)
    assert [(p.date, p.best) for p in trend] == [(date(2026, 1, 8), 12)]


def test_a_trend_point_is_the_highest_rung_of_the_day_and_its_best_set(
    catalogue: Catalogue,
) -> None:
    ladder = catalogue.get("clamshell").ladder()
    top = ladder[1].key
    day = [_tally(best=20), _tally(rung=top, best=11), _tally(rung="a_band_we_do_not_know", best=9)]
    [point] = exercise_trend(day, ladder)
    assert (point.rung, point.rung_label, point.best) == (1, ladder[1].label, 20)
    [unknown] = exercise_trend([_tally(rung="a_band_we_do_not_know", best=9)], ladder)
    assert (unknown.rung, unknown.rung_label) == (-1, "a_band_we_do_not_know")


def test_each_side_has_its_own_trend_and_a_two_sided_set_counts_for_both(
    catalogue: Catalogue,
) -> None:
    ladder = catalogue.get("clamshell").ladder()
    later = date(2026, 1, 8)
    tallies = [
        _tally(side=Side.LEFT, best=12),
        _tally(side=Side.RIGHT, best=9),
        _tally(day=later, side=Side.BOTH, best=14),
    ]
    sides = side_trends(tallies, ladder, per_side=True)
    assert [p.best for p in sides[Side.LEFT]] == [12, 14]
    assert [p.best for p in sides[Side.RIGHT]] == [9, 14]
    both = side_trends(tallies, ladder, per_side=False)
    assert list(both) == [Side.BOTH]
    assert [p.best for p in both[Side.BOTH]] == [12, 14]


def test_adherence_lists_each_day_planned_and_done() -> None:
    thursday, saturday = date(2026, 1, 8), date(2026, 1, 10)
    report = adherence(START, [START, thursday], [START, saturday], today=saturday)
    [week] = report.weeks
    assert (week.planned, week.done) == (2, 2)
    assert [(d.date.day, d.planned, d.done) for d in week.days if d.planned or d.done] == [
        (5, True, True),
        (8, True, False),
        (10, False, True),
    ]
    assert len(week.days) == 7


def test_lighter_weeks_are_the_deload_weeks_of_the_plan(catalogue: Catalogue) -> None:
    profile = Profile(
        level=Level.BEGINNER,
        goal=Goal.MUSCLE,
        days=(Weekday.MON, Weekday.THU),
        minutes=30,
        start=START,
        weeks=8,
        equipment=frozenset(),
    )
    plan = generate_plan(profile, catalogue)
    found = lighter_weeks(plan)
    assert found == tuple(
        (START + timedelta(weeks=w.number - 1), START + timedelta(weeks=w.number - 1, days=6))
        for w in plan.weeks
        if w.deload
    )
    assert found  # an 8-week plan has lighter weeks
    for first, last in found:
        assert all(s.deload for s in plan.sessions() if first <= s.date <= last)


def test_measurement_series_keep_each_measure_taken_oldest_first() -> None:
    later = date(2026, 2, 2)
    found = measurement_series(
        [
            Measurement("measure-2", later, hip_cm=97.0),
            Measurement("measure-1", START, hip_cm=96.0, weight_kg=61.0),
        ]
    )
    assert found == {"hip_cm": ((START, 96.0), (later, 97.0)), "weight_kg": ((START, 61.0),)}


def test_pain_over_time_lists_each_day_that_hurt_with_its_worst_pain_and_places() -> None:
    thursday = date(2026, 1, 8)
    hip = PainPlace(PainArea.HIP, Side.LEFT)
    knee = PainPlace(PainArea.KNEE, Side.RIGHT)
    reports = [
        PainReport(START, 3, next_day=True),  # the morning after, place not said
        PainReport(START, 2, PainArea.HIP, Side.LEFT, "clamshell"),
        PainReport(START, 4, PainArea.HIP, Side.LEFT, "clamshell"),
        PainReport(START, 1, None, None, "clamshell"),  # hurt, place not said
        PainReport(thursday, 5, PainArea.KNEE, Side.RIGHT, next_day=True),
        PainReport(thursday, 2, PainArea.HIP, Side.LEFT, "glute_bridge"),
        PainReport(date(2026, 1, 12), 0, next_day=True),
    ]
    assert pain_history(reports) == (
        PainDay(START, worst=4, during_sets=4, next_day=3, places=(hip,)),
        PainDay(thursday, worst=5, during_sets=2, next_day=5, places=(hip, knee)),
    )


def test_no_pain_means_an_empty_pain_history() -> None:
    assert pain_history([PainReport(START, 0, next_day=True)]) == ()


def test_measurement_changes_need_two_of_a_measure() -> None:
    later = date(2026, 2, 2)
    found = measurement_changes(
        [
            Measurement("measure-2", later, hip_cm=97.25, weight_kg=61.0),
            Measurement("measure-1", START, hip_cm=96.0),
        ]
    )
    assert found == {"hip_cm": 1.2}


def test_milestones_are_the_plan_s_own_weeks_and_count_its_sessions() -> None:
    done = [START + timedelta(days=d) for d in (0, 3, 7, 10, 27, 28, 40)]
    six = milestones(START, done, today=START + timedelta(days=29), weeks=6)
    assert [m.week for m in six] == [4]  # a 6-week plan has no week-8 or week-12 checkpoint
    [four] = six
    assert four.reached  # week 4 ended on day 28
    assert four.sessions_done == 5  # the days trained before the end of week 4
    twelve = milestones(START, done, today=START + timedelta(days=29), weeks=12)
    assert [(m.week, m.reached) for m in twelve] == [(4, True), (8, False), (12, False)]
