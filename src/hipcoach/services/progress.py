"""Progress over months, computed from a bounded window of the log (no full-history scans)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from hipcoach.content.loader import load_catalogue
from hipcoach.domain.day import days_before
from hipcoach.domain.equipment import Equipment
from hipcoach.domain.errors import ConflictError, NotFoundError
from hipcoach.domain.ladder import LadderStep
from hipcoach.domain.limits import OWN_SETS_SHOWN
from hipcoach.domain.log import (
    LoggedSet,
    Measurement,
    OwnDay,
    OwnSet,
    Side,
    TrainingSession,
    own_days,
    validate_measurement,
)
from hipcoach.domain.messages import EXPECTATION
from hipcoach.domain.muscle import PRIMARY_TARGETS, Muscle
from hipcoach.domain.pain import Pause, active, pauses
from hipcoach.domain.plan import Item, ScheduledSession
from hipcoach.domain.progress import (
    MEASUREMENT_NOTE,
    Adherence,
    DayAdherence,
    Milestone,
    PainDay,
    SetTally,
    TrendPoint,
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
from hipcoach.domain.selftest import SELF_TESTS, SelfTestResult
from hipcoach.domain.vocabulary import label
from hipcoach.figures.chart import (
    Bar,
    CalendarRow,
    Chart,
    Mark,
    Panel,
    Point,
    Series,
    Span,
    bar_chart,
    calendar_chart,
    number,
    time_chart,
)
from hipcoach.services.coaching import PAIN_LOOKBACK_DAYS, pain_reports
from hipcoach.services.ports import UnitOfWork
from hipcoach.services.training import current_plan

TREND_WEEKS = 12  # each move's challenge: this plan, and at least the last 12 weeks
SETS_WEEKS = 12
PAIN_WEEKS = 12  # pain over time: the last 12 weeks, whatever plan they fell in


@dataclass(frozen=True, slots=True)
class MoveProgress:
    """One working move's challenge over time, each side on its own: the rung used and the
    best set, in the move's unit (reps, steps or s), with the ladder's rungs easiest first."""

    key: str
    name: str
    unit: str
    rungs: tuple[str, ...]
    sides: dict[Side, tuple[TrendPoint, ...]]


@dataclass(frozen=True, slots=True)
class ProgressReport:
    """Everything the progress views show, with the honest notes."""

    plan_start: date
    adherence: Adherence
    weekly_sets: dict[date, dict[Muscle, float]]
    trends: dict[str, tuple[TrendPoint, ...]]
    milestones: tuple[Milestone, ...]
    measurements: tuple[Measurement, ...]
    measurement_changes: dict[str, float]
    pain: tuple[PainDay, ...] = ()
    paused: tuple[Pause, ...] = ()
    expectation: str = EXPECTATION
    measurement_note: str = MEASUREMENT_NOTE
    weekly_set_target: float = 0.0
    set_range: tuple[float, float] = (0.0, 0.0)
    lighter_weeks: tuple[tuple[date, date], ...] = ()
    moves: tuple[MoveProgress, ...] = ()
    today: date = date.min
    self_tests: tuple[SelfTestResult, ...] = ()


AFTER_PLAN_WEEKS = 12


def _weeks_before(day: date, weeks: int) -> date:
    """The day `weeks` earlier, or the calendar's first day."""
    return days_before(day, 7 * weeks)


def _adherence_day(today: date, plan_end: date) -> date:
    """Weeks long after the plan hold nothing (no plan, no sessions read): a date decades
    ahead must not list every week until then (a 9999-12-31 asked for 400,000 of them)."""
    return min(today, plan_end + timedelta(weeks=AFTER_PLAN_WEEKS))


def _working_items(planned: tuple[ScheduledSession, ...]) -> dict[str, Item]:
    """Each catalogue move the plan schedules (its first item), by key, sorted."""
    found: dict[str, Item] = {}
    for session in planned:
        for _, item in session.entries:
            if item.exercise and not item.is_warmup:
                found.setdefault(item.exercise, item)
    return dict(sorted(found.items()))


def progress_report(*, uow: UnitOfWork, user_id: str, today: date) -> ProgressReport:
    """Adherence (sessions with logged work only), weekly hard sets (last 12 weeks), each
    move's challenge per side, milestones, measurements, and pain over time (last 12 weeks)
    with any pain pause in force today."""
    stored = current_plan(uow=uow, user_id=user_id)
    profile = stored.profile
    planned = stored.plan.sessions()
    plan_end = planned[-1].date if planned else profile.start
    window_end = min(today, plan_end + timedelta(days=6))
    catalogue = load_catalogue()
    items = _working_items(planned)
    pain_first = _weeks_before(today, PAIN_WEEKS)
    first = min(profile.start, _weeks_before(today, TREND_WEEKS))
    with uow.read_only():
        # Counts and bests, not sets: a few hundred rows at any length of log.
        tallies = uow.sets.tallies(user_id, first, window_end)
        measurements = tuple(uow.measurements.all(user_id))
        self_tests = tuple(uow.self_tests.all(user_id))
        reports = pain_reports(uow, user_id, pain_first, today)
    lookback = days_before(today, PAIN_LOOKBACK_DAYS)
    paused = active(pauses([r for r in reports if r.date >= lookback], today), today)
    in_plan = [t for t in tallies if t.date >= profile.start]
    done = worked_days(in_plan)
    recent_first = max(profile.start, _weeks_before(today, SETS_WEEKS))
    by_move: dict[str, list[SetTally]] = defaultdict(list)
    for tally in tallies:
        by_move[tally.exercise].append(tally)
    moves = tuple(_move(key, item, by_move[key], profile.owned) for key, item in items.items())
    return ProgressReport(
        plan_start=profile.start,
        adherence=adherence(
            profile.start, [p.date for p in planned], done, today=_adherence_day(today, plan_end)
        ),
        weekly_sets=weekly_hard_sets(
            [t for t in in_plan if t.date >= recent_first], catalogue, week_start=profile.start
        ),
        trends={
            key: trend
            for key in items
            if (trend := exercise_trend(by_move[key], _ladder(key, profile.owned)))
        },
        milestones=milestones(profile.start, done, today=today, weeks=len(stored.plan.weeks)),
        measurements=measurements,
        measurement_changes=measurement_changes(measurements),
        pain=pain_history(reports),
        paused=paused,
        weekly_set_target=stored.plan.weekly_set_target,
        set_range=stored.plan.weekly_set_range,
        lighter_weeks=lighter_weeks(stored.plan),
        moves=tuple(m for m in moves if any(m.sides.values())),
        today=today,
        self_tests=self_tests,
    )


def _ladder(key: str, owned: frozenset[Equipment]) -> tuple[LadderStep, ...]:
    return load_catalogue().get(key).ladder(owned)


def _move(
    key: str, item: Item, tallies: list[SetTally], owned: frozenset[Equipment]
) -> MoveProgress:
    ladder = _ladder(key, owned)
    return MoveProgress(
        key=key,
        name=load_catalogue().get(key).name,
        unit=item.measure.unit,
        rungs=tuple(step.label for step in ladder),
        sides=side_trends(tallies, ladder, per_side=item.per_side),
    )


def add_measurement(*, uow: UnitOfWork, user_id: str, measurement: Measurement) -> bool:
    """Store a measurement; False for a retry of the same one; other values under its id: 409."""
    validate_measurement(measurement)
    with uow:
        if uow.measurements.add(user_id, measurement):
            uow.commit()
            return True
        stored = next((m for m in uow.measurements.all(user_id) if m.id == measurement.id), None)
    if stored != measurement:
        raise ConflictError(
            f"Measurement {measurement.id} already exists with other values.", field="id"
        )
    return False


def recent_sessions(
    *, uow: UnitOfWork, user_id: str, limit: int
) -> tuple[list[TrainingSession], list[LoggedSet]]:
    """The newest sessions (newest first) and their sets."""
    with uow.read_only():
        sessions = uow.sessions.latest(user_id, limit)
        sets = uow.sets.for_sessions(user_id, [s.id for s in sessions])
    return sessions, sets


def recent_own_sets(*, uow: UnitOfWork, user_id: str, limit: int = OWN_SETS_SHOWN) -> list[OwnSet]:
    """The newest sets of the person's own exercises (imported, none of our moves), newest
    first."""
    with uow.read_only():
        return uow.own_sets.recent(user_id, limit)


def own_history(*, uow: UnitOfWork, user_id: str, limit: int = OWN_SETS_SHOWN) -> list[OwnDay]:
    """The newest sets of the person's own exercises by day and exercise, newest day first."""
    return own_days(recent_own_sets(uow=uow, user_id=user_id, limit=limit))


def recent_session_counts(
    *, uow: UnitOfWork, user_id: str, limit: int
) -> tuple[list[TrainingSession], dict[str, int]]:
    """The newest sessions (newest first) and how many sets each holds (counted by the store)."""
    counts: dict[str, int] = {}
    with uow.read_only():
        sessions = uow.sessions.latest(user_id, limit)
        if sessions:
            first, last = min(s.date for s in sessions), max(s.date for s in sessions)
            for tally in uow.sets.tallies(user_id, first, last):
                counts[tally.session_id] = counts.get(tally.session_id, 0) + tally.sets
    return sessions, {s.id: counts.get(s.id, 0) for s in sessions}


# --- Charts: the same drawing code for the page and the API -----------------------------------

CALENDAR_WEEKS = 12
_SIDES_SHOWN = (Side.LEFT, Side.RIGHT, Side.BOTH)
_UNIT_WORDS = {"s": "seconds"}


class ChartName(StrEnum):
    """The progress charts, by stable key (as in the API's `?name=`)."""

    ADHERENCE = "adherence"
    WEEKLY_SETS = "weekly_sets"
    MUSCLES = "muscles"
    CHALLENGE = "challenge"
    MEASUREMENTS = "measurements"
    SELF_TESTS = "self_tests"


@dataclass(frozen=True, slots=True)
class ChartUnits:
    """How loads and body weight read for the person (the store keeps kilograms)."""

    load: Callable[[str], str] = str
    weight_unit: str = "kg"
    weight: Callable[[float], float] = float
    length_unit: str = "cm"
    length: Callable[[float], float] = float


def _spans(report: ProgressReport) -> tuple[Span, ...]:
    return tuple(Span(first, last) for first, last in report.lighter_weeks)


def _mark(day: DayAdherence, today: date) -> Mark:
    if day.done:
        return Mark.DONE if day.planned else Mark.EXTRA
    if day.planned:
        return Mark.AHEAD if day.date >= today else Mark.MISSED
    return Mark.REST


def adherence_chart(
    report: ProgressReport, *, today: date, ident: str = "adherence", standalone: bool = False
) -> Chart:
    """The last 12 plan weeks as a calendar of planned days done, missed and still to come."""
    rows = [
        CalendarRow(f"Week {w.number}", w.start, tuple(_mark(d, today) for d in w.days))
        for w in report.adherence.weeks[-CALENDAR_WEEKS:]
    ]
    return calendar_chart("Sessions planned and done", rows, ident=ident, standalone=standalone)


def weekly_sets_chart(
    report: ProgressReport, *, ident: str = "weekly-sets", standalone: bool = False
) -> Chart:
    """Hard sets a week for the main targets over the last 12 plan weeks, against the range
    this person's plan aims for (floor to ceiling), lighter weeks shaded."""
    weeks = [w.start for w in report.adherence.weeks[-SETS_WEEKS:]]
    low, high = report.set_range
    series = tuple(
        Series(
            label(muscle),
            tuple(Point(week, report.weekly_sets.get(week, {}).get(muscle, 0.0)) for week in weeks),
        )
        for muscle in (Muscle.GLUTEUS_MEDIUS, Muscle.GLUTEUS_MINIMUS)
    )
    panel = Panel(
        "Hard sets a week",
        "sets",
        series,
        band=(low, high),
        band_label=f"Range for your goal, {number(low)}-{number(high)} sets",
    )
    return time_chart(
        "Hard sets a week, main targets",
        [panel],
        shades=_spans(report),
        date_column="Week from",
        ident=ident,
        standalone=standalone,
    )


def muscles_chart(
    report: ProgressReport, *, ident: str = "muscles", standalone: bool = False
) -> Chart:
    """This plan week's hard sets for every muscle; the main targets against the goal's range."""
    week = report.adherence.weeks[-1].start if report.adherence.weeks else report.plan_start
    sets = report.weekly_sets.get(week, {})
    bars = [
        Bar(label(m), sets.get(m, 0.0), report.set_range if m in PRIMARY_TARGETS else None)
        for m in Muscle
    ]
    return bar_chart(
        f"Hard sets this week (from {week.day} {week:%b})",
        bars,
        unit="sets",
        label_column="Muscle",
        axis_title="Hard sets",
        band_label="Range for your goal",
        ident=ident,
        standalone=standalone,
    )


def challenge_chart(
    report: ProgressReport,
    move: MoveProgress,
    *,
    units: ChartUnits | None = None,
    ident: str = "challenge",
    standalone: bool = False,
) -> Chart:
    """One move's challenge over time, each side its own line: the rung used (named by the
    ladder) and the best set in its unit, lighter weeks shaded."""
    read = units or ChartUnits()
    sides = [(side, move.sides[side]) for side in _SIDES_SHOWN if side in move.sides]
    rungs = Panel(
        "Resistance",
        "",
        tuple(
            Series(
                label(side),
                tuple(
                    Point(p.date, p.rung, read.load(p.rung_label)) for p in points if p.rung >= 0
                ),
            )
            for side, points in sides
        ),
        levels=tuple(read.load(r) for r in move.rungs),
    )
    words = _UNIT_WORDS.get(move.unit, move.unit)
    best = Panel(
        f"Best set ({words})",
        move.unit,
        tuple(
            Series(label(side), tuple(Point(p.date, p.best) for p in points))
            for side, points in sides
        ),
    )
    return time_chart(
        move.name, [rungs, best], shades=_spans(report), ident=ident, standalone=standalone
    )


def measurements_chart(
    report: ProgressReport,
    *,
    units: ChartUnits | None = None,
    ident: str = "measurements",
    standalone: bool = False,
) -> Chart:
    """Tape and scale over time, hips, waist and body weight in the person's units."""
    read = units or ChartUnits()
    found = measurement_series(report.measurements)
    tape = tuple(
        Series(name, tuple(Point(d, read.length(v)) for d, v in found[key]))
        for key, name in (("hip_cm", "Hips"), ("waist_cm", "Waist"))
        if key in found
    )
    length = read.length_unit
    panels = [Panel(f"Hips and waist ({length})", length, tape)] if tape else []
    if "weight_kg" in found:
        weight = tuple(Point(d, read.weight(v)) for d, v in found["weight_kg"])
        unit = read.weight_unit
        panels.append(Panel(f"Body weight ({unit})", unit, (Series("Body weight", weight),)))
    return time_chart("Measurements over time", panels, ident=ident, standalone=standalone)


def self_tests_chart(
    report: ProgressReport, *, ident: str = "self-tests", standalone: bool = False
) -> Chart:
    """Each self-test's results over time, one panel per test in its unit, each side its own
    line, lighter weeks (when re-tests fall) shaded."""
    panels = []
    for test in SELF_TESTS:
        results = [r for r in report.self_tests if r.test == test.key]
        series = tuple(
            Series(label(side), tuple(Point(r.date, r.value) for r in results if r.side is side))
            for side in test.sides
            if any(r.side is side for r in results)
        )
        if series:
            panels.append(Panel(f"{test.name} ({test.unit})", test.unit.value, series))
    return time_chart(
        "Self-tests over time", panels, shades=_spans(report), ident=ident, standalone=standalone
    )


def progress_chart(
    report: ProgressReport,
    name: ChartName,
    *,
    today: date,
    exercise: str | None = None,
    units: ChartUnits | None = None,
    standalone: bool = False,
) -> Chart:
    """One chart by name; the challenge chart is of `exercise` (the first move logged if none).

    Raises NotFoundError for a move with nothing logged in this plan."""
    if name is ChartName.ADHERENCE:
        return adherence_chart(report, today=today, standalone=standalone)
    if name is ChartName.WEEKLY_SETS:
        return weekly_sets_chart(report, standalone=standalone)
    if name is ChartName.MUSCLES:
        return muscles_chart(report, standalone=standalone)
    if name is ChartName.MEASUREMENTS:
        return measurements_chart(report, units=units, standalone=standalone)
    if name is ChartName.SELF_TESTS:
        return self_tests_chart(report, standalone=standalone)
    moves = [m for m in report.moves if exercise is None or m.key == exercise]
    if not moves:
        if exercise is None:
            return time_chart("Each move's challenge", [], standalone=standalone)
        raise NotFoundError(f"No sets of {exercise} logged in this plan yet.", field="exercise")
    return challenge_chart(report, moves[0], units=units, standalone=standalone)
