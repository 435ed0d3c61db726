"""Progress over months: adherence to the plan, weekly hard sets, trends and milestones.

Adherence counts sessions done against sessions planned per calendar week of the plan (not
day streaks); a session counts as done only when it holds at least one logged set (a day whose
only set was undone is not training). Hard sets count a logged set 1 for each primary muscle
and 0.5 for each secondary one; a one-sided set counts half, so left + right make one set.
Pain over time lists each training day that hurt, during a set or the morning after, with
where it hurt.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from hipcoach.domain.catalogue import Catalogue, PainArea
from hipcoach.domain.ladder import LadderStep, step_index
from hipcoach.domain.log import Measurement, Side
from hipcoach.domain.muscle import Muscle
from hipcoach.domain.pain import PainReport
from hipcoach.domain.plan import Plan

MILESTONE_WEEKS = (4, 8, 12)
MILESTONE_TEXT: dict[int, str] = {
    4: (
        "Four weeks in. Most of what you feel now is your nervous system getting better at "
        "using the muscles you have: strength climbs fast, size has barely started. Any "
        "early 'fuller' feeling is partly swelling from new training."
    ),
    8: (
        "Eight weeks. Real muscle growth has begun, a fraction of a percent a week, and it "
        "varies a lot between people. Your bones have not changed and will not: judge "
        "progress by the ladder, not the mirror."
    ),
    12: (
        "Twelve weeks: a full block of consistent work. Your hips are stronger and steadier, "
        "which helps walking, running and knees. The outer hip may look slightly fuller; the "
        "dip itself is bone and stays. Keep going for the strength, and be proud of it."
    ),
}
MEASUREMENT_NOTE = (
    "Tape measurements move slowly and also change with body fat, water and the time of "
    "day. A growing hip number is not proof of muscle, and a steady one is not failure; "
    "the strength trend is the more reliable signal."
)


@dataclass(frozen=True, slots=True)
class DayAdherence:
    """One day of a plan week: whether a session was planned, and whether work was logged."""

    date: date
    planned: bool
    done: bool


@dataclass(frozen=True, slots=True)
class WeekAdherence:
    """Sessions planned and done in one plan week, and its seven days."""

    number: int
    start: date
    planned: int
    done: int
    days: tuple[DayAdherence, ...] = ()


@dataclass(frozen=True, slots=True)
class Adherence:
    """Per-week adherence and the ratios over the last 4 and 12 plan weeks."""

    weeks: tuple[WeekAdherence, ...]
    last_4: float | None
    last_12: float | None


def _ratio(weeks: Sequence[WeekAdherence]) -> float | None:
    planned = sum(w.planned for w in weeks)
    return min(1.0, sum(w.done for w in weeks) / planned) if planned else None


def adherence(
    plan_start: date, planned: Sequence[date], done: Sequence[date], *, today: date
) -> Adherence:
    """Done versus planned for every plan week that has begun by `today`."""
    planned_by_week: dict[int, int] = defaultdict(int)
    done_by_week: dict[int, int] = defaultdict(int)
    for day in planned:
        if day <= today:
            planned_by_week[(day - plan_start).days // 7] += 1
    for day in set(done):
        if plan_start <= day <= today:
            done_by_week[(day - plan_start).days // 7] += 1
    if today < plan_start:
        return Adherence((), None, None)
    count = (today - plan_start).days // 7 + 1
    planned_days, done_days = frozenset(planned), frozenset(done)
    weeks = tuple(
        WeekAdherence(
            i + 1,
            plan_start + timedelta(days=7 * i),
            planned_by_week[i],
            done_by_week[i],
            _days_of(plan_start + timedelta(days=7 * i), planned_days, done_days),
        )
        for i in range(count)
    )
    return Adherence(weeks, _ratio(weeks[-4:]), _ratio(weeks[-12:]))


def _days_of(
    start: date, planned: frozenset[date], done: frozenset[date]
) -> tuple[DayAdherence, ...]:
    days = (start + timedelta(days=i) for i in range(7))
    return tuple(DayAdherence(d, d in planned, d in done) for d in days)


@dataclass(frozen=True, slots=True)
class SetTally:
    """The sets of one move, side and resistance in one training session: how many, and the
    best of them (reps, steps or seconds), as the store counts them."""

    session_id: str
    date: date
    exercise: str
    side: Side
    resistance_key: str
    sets: int
    best: int

    @property
    def hard_sets(self) -> float:
        """The tally in hard sets: a one-sided set counts half (as `LoggedSet.set_weight`)."""
        return self.sets * (1.0 if self.side is Side.BOTH else 0.5)


def worked_days(tallies: Sequence[SetTally]) -> tuple[date, ...]:
    """The days with at least one logged set, oldest first: the sessions that count as done."""
    return tuple(sorted({t.date for t in tallies if t.sets > 0}))


def weekly_hard_sets(
    tallies: Sequence[SetTally], catalogue: Catalogue, *, week_start: date
) -> dict[date, dict[Muscle, float]]:
    """Hard sets per muscle, per 7-day week counted from `week_start`."""
    totals: dict[date, dict[Muscle, float]] = defaultdict(lambda: defaultdict(float))
    for tally in tallies:
        if tally.exercise not in catalogue:
            continue
        week = week_start + timedelta(days=7 * ((tally.date - week_start).days // 7))
        exercise = catalogue.get(tally.exercise)
        for muscle in exercise.primary:
            totals[week][muscle] += tally.hard_sets
        for muscle in exercise.secondary:
            totals[week][muscle] += 0.5 * tally.hard_sets
    return {week: dict(by_muscle) for week, by_muscle in sorted(totals.items())}


def lighter_weeks(plan: Plan) -> tuple[tuple[date, date], ...]:
    """The first and last day of each lighter (deload) week of the plan."""
    start = plan.profile.start
    return tuple(
        (start + timedelta(weeks=w.number - 1), start + timedelta(weeks=w.number - 1, days=6))
        for w in plan.weeks
        if w.deload
    )


@dataclass(frozen=True, slots=True)
class TrendPoint:
    """One session of one exercise: the rung used and the best set."""

    date: date
    rung: int
    rung_label: str
    best: int


def exercise_trend(
    tallies: Sequence[SetTally], ladder: tuple[LadderStep, ...]
) -> tuple[TrendPoint, ...]:
    """Ladder rung and best set per training day of one move, oldest first: the highest rung
    used that day (an unknown resistance ranks lowest) and the day's best set."""
    by_day: dict[date, list[SetTally]] = defaultdict(list)
    for tally in tallies:
        by_day[tally.date].append(tally)
    points = []
    for day in sorted(by_day):
        found = by_day[day]
        top = max(found, key=lambda t: (step_index(ladder, t.resistance_key), t.best))
        rung = step_index(ladder, top.resistance_key)
        label = ladder[rung].label if rung >= 0 else top.resistance_key
        points.append(TrendPoint(day, rung, label, max(t.best for t in found)))
    return tuple(points)


def side_trends(
    tallies: Sequence[SetTally], ladder: tuple[LadderStep, ...], *, per_side: bool
) -> dict[Side, tuple[TrendPoint, ...]]:
    """Each side's own trend (sides progress on their own); a set on both sides counts for
    each. Moves done on both sides at once have one trend, `Side.BOTH`."""
    if not per_side:
        return {Side.BOTH: exercise_trend(tallies, ladder)}
    return {
        side: exercise_trend([t for t in tallies if t.side in (side, Side.BOTH)], ladder)
        for side in (Side.LEFT, Side.RIGHT)
    }


@dataclass(frozen=True, slots=True)
class Milestone:
    """A checkpoint at week 4, 8 or 12 and its honest message."""

    week: int
    reached: bool
    sessions_done: int
    message: str


def milestones(
    plan_start: date, done: Sequence[date], *, today: date, weeks: int
) -> tuple[Milestone, ...]:
    """Which checkpoints of a plan of `weeks` weeks have been reached, with what changes and
    what does not; each ends with its plan week (a 6-week plan has only the week-4 one)."""
    result = []
    for week in (w for w in MILESTONE_WEEKS if w <= weeks):
        end = plan_start + timedelta(days=7 * week)
        count = len({d for d in done if plan_start <= d < end})
        result.append(Milestone(week, today >= end, count, MILESTONE_TEXT[week]))
    return tuple(result)


MEASURED = ("hip_cm", "waist_cm", "weight_kg")


def measurement_series(
    measurements: Sequence[Measurement],
) -> dict[str, tuple[tuple[date, float], ...]]:
    """Each measurement taken at least once, as (day, value) oldest first."""
    ordered = sorted(measurements, key=lambda m: m.date)
    series = {
        name: tuple((m.date, value) for m in ordered if (value := getattr(m, name)) is not None)
        for name in MEASURED
    }
    return {name: points for name, points in series.items() if points}


def measurement_changes(measurements: Sequence[Measurement]) -> dict[str, float]:
    """First-to-latest change for each measurement that was taken at least twice."""
    ordered = sorted(measurements, key=lambda m: m.date)
    changes = {}
    for name in MEASURED:
        values = [getattr(m, name) for m in ordered if getattr(m, name) is not None]
        if len(values) >= 2:
            changes[name] = round(values[-1] - values[0], 1)
    return changes


@dataclass(frozen=True, slots=True)
class PainPlace:
    """Where pain was reported: an area, and the side when the person said it."""

    area: PainArea
    side: Side | None = None


@dataclass(frozen=True, slots=True)
class PainDay:
    """A training day that hurt: the worst pain during its sets and the morning after, and
    every place reported (in the order reported; pain with no place said adds none)."""

    date: date
    worst: int
    during_sets: int | None
    next_day: int | None
    places: tuple[PainPlace, ...]


def pain_history(reports: Sequence[PainReport]) -> tuple[PainDay, ...]:
    """Each day with pain above 0, in a set or the next morning, oldest first; its places are
    those said during sets, then the next morning's."""
    during: dict[date, int] = {}
    next_day: dict[date, int] = {}
    places: dict[date, list[tuple[bool, PainPlace]]] = defaultdict(list)
    for report in reports:
        if report.pain <= 0:
            continue
        book = next_day if report.next_day else during
        book[report.date] = max(book.get(report.date, 0), report.pain)
        if report.area is not None:
            places[report.date].append((report.next_day, PainPlace(report.area, report.side)))
    return tuple(
        PainDay(
            date=day,
            worst=max(during.get(day, 0), next_day.get(day, 0)),
            during_sets=during.get(day),
            next_day=next_day.get(day),
            places=tuple(dict.fromkeys(p for _, p in sorted(places[day], key=lambda e: e[0]))),
        )
        for day in sorted(during.keys() | next_day.keys())
    )
