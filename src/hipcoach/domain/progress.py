"""Progress over months: adherence to the plan, weekly hard sets, trends and milestones.

Adherence counts sessions done against sessions planned per calendar week of the plan (not
day streaks). Hard sets count a logged set 1 for each primary muscle and 0.5 for each
secondary one; a one-sided set counts half, so left + right make one set. Pain over time lists
each training day that hurt, during a set or the morning after, with where it hurt.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from hipcoach.domain.catalogue import Catalogue, PainArea
from hipcoach.domain.ladder import LadderStep, step_index
from hipcoach.domain.log import LoggedSet, Measurement, Side, TrainingSession
from hipcoach.domain.muscle import Muscle

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
class WeekAdherence:
    """Sessions planned and done in one plan week."""

    number: int
    start: date
    planned: int
    done: int


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
    weeks = tuple(
        WeekAdherence(
            i + 1, plan_start + timedelta(days=7 * i), planned_by_week[i], done_by_week[i]
        )
        for i in range(count)
    )
    return Adherence(weeks, _ratio(weeks[-4:]), _ratio(weeks[-12:]))


def weekly_hard_sets(
    sets: Sequence[LoggedSet],
    session_dates: Mapping[str, date],
    catalogue: Catalogue,
    *,
    week_start: date,
) -> dict[date, dict[Muscle, float]]:
    """Hard sets per muscle, per 7-day week counted from `week_start`."""
    totals: dict[date, dict[Muscle, float]] = defaultdict(lambda: defaultdict(float))
    for logged in sets:
        day = session_dates.get(logged.session_id)
        if day is None or logged.exercise not in catalogue:
            continue
        week = week_start + timedelta(days=7 * ((day - week_start).days // 7))
        exercise = catalogue.get(logged.exercise)
        for muscle in exercise.primary:
            totals[week][muscle] += logged.set_weight
        for muscle in exercise.secondary:
            totals[week][muscle] += 0.5 * logged.set_weight
    return {week: dict(by_muscle) for week, by_muscle in sorted(totals.items())}


@dataclass(frozen=True, slots=True)
class TrendPoint:
    """One session of one exercise: the rung used and the best set."""

    date: date
    rung: int
    rung_label: str
    best: int


def exercise_trend(
    exposures: Sequence[tuple[date, Sequence[LoggedSet]]], ladder: tuple[LadderStep, ...]
) -> tuple[TrendPoint, ...]:
    """Ladder rung and best set over time, oldest first."""
    points = []
    for day, sets in sorted(exposures, key=lambda e: e[0]):
        if not sets:
            continue
        top = max(sets, key=lambda s: (step_index(ladder, s.resistance_key), s.amount))
        rung = step_index(ladder, top.resistance_key)
        label = ladder[rung].label if rung >= 0 else top.resistance_key
        points.append(TrendPoint(day, rung, label, max(s.amount for s in sets)))
    return tuple(points)


@dataclass(frozen=True, slots=True)
class Milestone:
    """A checkpoint at week 4, 8 or 12 and its honest message."""

    week: int
    reached: bool
    sessions_done: int
    message: str


def milestones(plan_start: date, done: Sequence[date], *, today: date) -> tuple[Milestone, ...]:
    """Which checkpoints have been reached, with what changes and what does not."""
    result = []
    for week in MILESTONE_WEEKS:
        end = plan_start + timedelta(days=7 * week)
        count = len({d for d in done if plan_start <= d < end})
        result.append(Milestone(week, today >= end, count, MILESTONE_TEXT[week]))
    return tuple(result)


def measurement_changes(measurements: Sequence[Measurement]) -> dict[str, float]:
    """First-to-latest change for each measurement that was taken at least twice."""
    ordered = sorted(measurements, key=lambda m: m.date)
    changes = {}
    for name in ("hip_cm", "waist_cm", "weight_kg"):
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


def pain_history(
    sessions: Sequence[TrainingSession], sets: Sequence[LoggedSet]
) -> tuple[PainDay, ...]:
    """Each day with pain above 0, in a set or the next morning, oldest first."""
    dates = {s.id: s.date for s in sessions}
    during: dict[date, int] = {}
    next_day: dict[date, int] = {}
    places: dict[date, list[PainPlace]] = defaultdict(list)
    for logged in sets:
        day = dates.get(logged.session_id)
        if day is None or not logged.pain:
            continue
        during[day] = max(during.get(day, 0), logged.pain)
        if logged.pain_area is not None:
            places[day].append(PainPlace(logged.pain_area, logged.pain_side))
    for session in sessions:
        if not session.next_day_pain:
            continue
        next_day[session.date] = max(next_day.get(session.date, 0), session.next_day_pain)
        if session.next_day_pain_area is not None:
            places[session.date].append(
                PainPlace(session.next_day_pain_area, session.next_day_pain_side)
            )
    return tuple(
        PainDay(
            date=day,
            worst=max(during.get(day, 0), next_day.get(day, 0)),
            during_sets=during.get(day),
            next_day=next_day.get(day),
            places=tuple(dict.fromkeys(places[day])),
        )
        for day in sorted(during.keys() | next_day.keys())
    )
