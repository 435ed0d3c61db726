"""The training log: sessions, sets and body measurements as plain values, with validation.

Every record carries a client-supplied id (a UUID string made on the device that logged it),
so a retried save never creates a duplicate. `validate_set` is the one statement of what a
logged set must satisfy, whoever sent it (web, API, CLI, an import or a backup); its bounds
live in `limits`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from enum import StrEnum

from hipcoach.domain import limits
from hipcoach.domain.catalogue import Catalogue, Dosage, Measure, PainArea
from hipcoach.domain.errors import HipcoachError
from hipcoach.domain.ladder import BODYWEIGHT
from hipcoach.domain.limits import Range
from hipcoach.domain.text import refuse_control_characters


class LogError(HipcoachError):
    """A log entry that cannot be stored; nothing of it is saved."""


class OutOfRangeError(LogError):
    """A number outside the range its field allows (when the range depends on the record,
    e.g. a self-test's, so no schema could check it before the domain)."""


class Side(StrEnum):
    """Which side a set worked, or which side hurts."""

    LEFT = "left"
    RIGHT = "right"
    BOTH = "both"


class Effort(StrEnum):
    """How a set felt, for people who don't count reps in reserve."""

    EASY = "easy"
    HARD = "hard"
    FAILURE = "failure"


EFFORT_RIR: dict[Effort, int] = {Effort.EASY: 4, Effort.HARD: 1, Effort.FAILURE: 0}


class SkipReason(StrEnum):
    """Why a planned move was left out of a day's session."""

    PAIN = "pain"
    EQUIPMENT = "equipment"  # not to hand today (a busy machine, a band left at home)
    TIME = "time"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class LoggedSet:
    """One set as done: exactly one of reps, steps or hold_seconds."""

    id: str
    session_id: str
    exercise: str
    side: Side
    logged_at: datetime
    reps: int | None = None
    steps: int | None = None
    hold_seconds: int | None = None
    resistance_key: str = BODYWEIGHT.key
    load_kg: float | None = None
    rir: int | None = None
    effort: Effort | None = None
    pain: int = 0
    pain_area: PainArea | None = None
    pain_side: Side | None = None
    note: str = ""

    @property
    def amount(self) -> int:
        """The count that progresses: reps, steps or seconds held."""
        return self.reps or self.steps or self.hold_seconds or 0

    @property
    def measure(self) -> Measure:
        """What the set counts: reps, steps or seconds held (its field, and its unit)."""
        if self.reps is not None:
            return Measure.REPS
        return Measure.STEPS if self.steps is not None else Measure.SECONDS

    @property
    def reps_in_reserve(self) -> int | None:
        """RIR as logged, or as implied by the effort words."""
        if self.rir is not None:
            return self.rir
        return EFFORT_RIR[self.effort] if self.effort else None

    @property
    def set_weight(self) -> float:
        """A one-sided set counts half (left and right together make one hard set)."""
        return 1.0 if self.side is Side.BOTH else 0.5

    def same_values(self, other: LoggedSet) -> bool:
        """The same set sent again: every value equal but the time it was sent at."""
        return replace(other, logged_at=self.logged_at) == self


@dataclass(frozen=True, slots=True)
class TrainingSession:
    """A day's training: when, which planned session it was, notes, how hard it felt as a whole
    (session RPE 1-10, None when not rated), next-day pain (and where)."""

    id: str
    date: date
    plan_week: int | None = None
    plan_session: int | None = None
    notes: str = ""
    next_day_pain: int | None = None
    version: int = 1
    next_day_pain_area: PainArea | None = None
    next_day_pain_side: Side | None = None
    rpe: int | None = None

    def same_values(self, other: TrainingSession) -> bool:
        """The same session sent again: every value equal but the version it has reached."""
        return replace(other, version=self.version) == self


@dataclass(frozen=True, slots=True)
class Measurement:
    """Optional body measurements on a date; any of them may be missing."""

    id: str
    date: date
    hip_cm: float | None = None
    waist_cm: float | None = None
    weight_kg: float | None = None


def set_count(sets: Iterable[LoggedSet]) -> int:
    """Sets as Today counts them: a one-sided move's set counts once both its sides are in
    (so the count on Today and the summary after it agree), a both-sided set once."""
    sides: dict[tuple[str, Side], int] = {}
    for logged in sets:
        key = (logged.exercise, logged.side)
        sides[key] = sides.get(key, 0) + 1
    moves = {exercise for exercise, _ in sides}
    return sum(
        sides.get((m, Side.BOTH), 0)
        + min(sides.get((m, Side.LEFT), 0), sides.get((m, Side.RIGHT), 0))
        for m in moves
    )


def check_id(value: str, *, field: str = "id") -> str:
    """A client id: 8-64 letters, digits, '-' or '_' (a UUID fits)."""
    if not limits.is_client_id(value):
        low, high = limits.ID_LENGTH.low, limits.ID_LENGTH.high
        raise LogError(
            f"'{value}' is not a valid id ({low}-{high} letters, digits, - or _).", field=field
        )
    return value


def check_pain(value: int | None, *, field: str = "pain") -> None:
    """Pain is a whole number from 0 (none) to 10 (worst imaginable)."""
    if value is not None and value not in limits.PAIN:
        raise LogError(f"Pain must be {limits.PAIN.describe()} (got {value}).", field=field)


def check_pain_location(
    pain: int | None,
    area: PainArea | None,
    side: Side | None,
    *,
    fields: tuple[str, str] = ("pain_area", "pain_side"),
) -> None:
    """Where it hurts is said only of pain above 0, and a side only together with an area."""
    area_field, side_field = fields
    if not pain:
        if area is not None:
            raise LogError("Say where it hurts only when the pain is above 0.", field=area_field)
        if side is not None:
            raise LogError("Say which side hurts only when the pain is above 0.", field=side_field)
    elif side is not None and area is None:
        raise LogError("Say where it hurts as well as which side.", field=area_field)


def _check_count(value: int | None, name: str, bounds: Range[int]) -> None:
    if value is not None and value not in bounds:
        raise LogError(f"{name} must be {bounds.describe()} (got {value}).", field=name)


def _check_text(value: str, name: str) -> None:
    if len(value) not in limits.NOTE_LENGTH:
        raise LogError(f"Notes are limited to {limits.NOTE_LENGTH.high} characters.", field=name)
    refuse_control_characters(value, field=name)


def check_logged_at(moment: datetime) -> None:
    """A set's time carries its UTC offset and exists in UTC too (it is stored so)."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise LogError(
            f"{moment.isoformat()} must carry a UTC offset, e.g. 2026-03-05T18:01:12+00:00.",
            field="logged_at",
        )
    try:
        moment.astimezone(UTC)
    except OverflowError:
        raise LogError(
            f"{moment.isoformat()} is outside the calendar once taken to UTC.", field="logged_at"
        ) from None


def validate_set(logged: LoggedSet, catalogue: Catalogue) -> None:
    """Everything a logged set must satisfy to be true and storable; the first failure says why."""
    check_id(logged.id)
    check_id(logged.session_id, field="session_id")
    check_logged_at(logged.logged_at)
    exercise = catalogue.get(logged.exercise)
    given = [v for v in (logged.reps, logged.steps, logged.hold_seconds) if v is not None]
    if len(given) != 1:
        raise LogError("Give exactly one of reps, steps or hold seconds.", field="reps")
    _check_count(logged.reps, "reps", limits.REPS)
    _check_count(logged.steps, "steps", limits.STEPS)
    _check_count(logged.hold_seconds, "hold_seconds", limits.HOLD_S)
    if logged.hold_seconds is not None and Dosage.HOLD_SECONDS not in exercise.dosage:
        raise LogError(f"{exercise.name} is not done as a hold.", field="hold_seconds")
    if logged.steps is not None and Dosage.STEPS_PER_SIDE not in exercise.dosage:
        raise LogError(f"{exercise.name} is counted in reps, not steps.", field="steps")
    check_pain(logged.pain)
    check_pain_location(logged.pain, logged.pain_area, logged.pain_side)
    if logged.rir is not None and logged.rir not in limits.RIR:
        rir = limits.RIR
        raise LogError(
            f"Reps in reserve must be {rir.low}-{rir.high} (got {logged.rir}).", field="rir"
        )
    rungs = {s.key: s for s in exercise.ladder()}
    if logged.resistance_key not in rungs:
        raise LogError(
            f"'{logged.resistance_key}' is not a resistance step of {exercise.name}; "
            f"use one of: {', '.join(list(rungs)[:6])}...",
            field="resistance_key",
        )
    _check_load(logged, rungs[logged.resistance_key].load_kg)
    _check_text(logged.note, "note")


def _check_load(logged: LoggedSet, rung_load: float | None) -> None:
    load = logged.load_kg
    if load is None:
        return
    if load not in limits.LOAD_KG:  # NaN is in no range; infinity is above every one
        raise LogError(f"A load must be {limits.LOAD_KG.describe('kg')}.", field="load_kg")
    if logged.resistance_key == BODYWEIGHT.key or rung_load is None:
        raise LogError(
            "This step has no weight to record (bodyweight or a band); leave the load empty.",
            field="load_kg",
        )


def validate_session(session: TrainingSession) -> None:
    """Everything a training day must satisfy to be stored."""
    check_id(session.id)
    check_pain(session.next_day_pain, field="next_day_pain")
    check_pain_location(
        session.next_day_pain,
        session.next_day_pain_area,
        session.next_day_pain_side,
        fields=("next_day_pain_area", "next_day_pain_side"),
    )
    for value, name in ((session.plan_week, "plan_week"), (session.plan_session, "plan_session")):
        if value is not None and value not in limits.PLAN_POSITION:
            raise LogError(
                f"{name} must be {limits.PLAN_POSITION.describe()} (got {value}).", field=name
            )
    if session.rpe is not None and session.rpe not in limits.SESSION_RPE:
        raise LogError(
            f"Session effort must be {limits.SESSION_RPE.describe()} (got {session.rpe}).",
            field="rpe",
        )
    _check_text(session.notes, "notes")


def check_past_day(day: date, *, today: date, first: date) -> None:
    """A day to log afterwards: not after today (nothing is trained in advance) and not before
    the plan's first day (older training comes in from a file, by import)."""
    if day > today:
        raise LogError(
            f"{day.isoformat()} has not come yet: log a session on its day or after it.",
            field="date",
        )
    if day < first:
        raise LogError(
            f"{day.isoformat()} is before your plan began ({first.isoformat()}); "
            "training from before then can come in by importing a file.",
            field="date",
        )


_MEASURES: dict[str, Range[float]] = {
    "hip_cm": limits.HIP_CM,
    "waist_cm": limits.WAIST_CM,
    "weight_kg": limits.BODY_WEIGHT_KG,
}


def validate_measurement(measurement: Measurement) -> None:
    """Refuse measurements outside plausible human ranges."""
    check_id(measurement.id)
    for name, bounds in _MEASURES.items():
        value = getattr(measurement, name)
        if value is not None and value not in bounds:
            raise LogError(f"{name} must be {bounds.describe()}.", field=name)
    if not any(getattr(measurement, n) is not None for n in _MEASURES):
        raise LogError("Give at least one measurement.", field="hip_cm")


@dataclass(frozen=True, slots=True)
class OwnSet:
    """A set of an exercise of the person's own: one another app logged (Strong, Hevy) that
    is none of our moves. It is kept as it was logged, shown in the history and written to
    every backup, so an import loses nothing; it is never coached (no ladder, no progression,
    no hard sets toward the hip target). Reps, seconds and metres as the other app recorded
    them (at least one), and the load in kilograms, if any."""

    id: str
    exercise: str
    logged_at: datetime
    reps: int | None = None
    seconds: int | None = None
    distance_m: float | None = None
    load_kg: float | None = None
    rir: int | None = None
    note: str = ""

    @property
    def day(self) -> date:
        """The day it was done, as the other app recorded the time."""
        return self.logged_at.date()

    @property
    def done(self) -> str:
        """'10', '60 s', '5000 m in 1800 s': what the set was, in its own terms."""
        parts = [str(self.reps)] if self.reps is not None else []
        if self.distance_m is not None:
            parts.append(f"{self.distance_m:g} m")
        if self.seconds is not None:
            parts.append(("in " if self.distance_m is not None else "") + f"{self.seconds} s")
        return " ".join(parts)


def validate_own_set(own: OwnSet) -> None:
    """What a set of an own exercise must satisfy to be stored; the first failure says why.
    Its bounds are a gym's (`limits.OWN_*`), not a hip move's."""
    check_id(own.id)
    check_logged_at(own.logged_at)
    name = own.exercise.strip()
    if name != own.exercise or len(name) not in limits.OWN_EXERCISE_LENGTH:
        raise LogError(
            f"An exercise's name must be {limits.OWN_EXERCISE_LENGTH.describe()} characters "
            "with no space at either end.",
            field="exercise",
        )
    refuse_control_characters(own.exercise, field="exercise")
    if own.reps is None and own.seconds is None and own.distance_m is None:
        raise LogError("Give reps, seconds or a distance.", field="reps")
    _check_count(own.reps, "reps", limits.REPS)
    _check_count(own.seconds, "seconds", limits.OWN_SECONDS)
    if own.distance_m is not None and own.distance_m not in limits.OWN_DISTANCE_M:
        most = limits.OWN_DISTANCE_M.high / 1000
        raise LogError(f"A distance must be above 0 and at most {most:g} km.", field="distance_m")
    if own.load_kg is not None and own.load_kg not in limits.OWN_LOAD_KG:
        raise LogError(f"A load must be {limits.OWN_LOAD_KG.describe('kg')}.", field="load_kg")
    if own.rir is not None and own.rir not in limits.RIR:
        raise LogError(f"Reps in reserve must be {limits.RIR.describe()}.", field="rir")
    _check_text(own.note, "note")


@dataclass(frozen=True, slots=True)
class OwnDay:
    """One exercise of the person's own on one day, its sets in the order done."""

    day: date
    exercise: str
    sets: tuple[OwnSet, ...]

    @property
    def summary(self) -> str:
        """'2 sets: 10, 8 reps at 40 kg' (each set's own load when they differ)."""
        loads = {own.load_kg for own in self.sets}
        count = len(self.sets)
        head = f"{count} set{'s' if count != 1 else ''}: "
        if len(loads) == 1:
            load = loads.pop()
            counted = all(own.reps is not None and own.done == str(own.reps) for own in self.sets)
            at = f" at {load:g} kg" if load is not None else ""
            return (
                head + ", ".join(own.done for own in self.sets) + (" reps" if counted else "") + at
            )
        return head + ", ".join(
            own.done + (f" at {own.load_kg:g} kg" if own.load_kg is not None else "")
            for own in self.sets
        )


def own_days(sets: Iterable[OwnSet]) -> list[OwnDay]:
    """The sets grouped by day and exercise: newest day first, within a day the exercises in
    the order first done, each one's sets in the order done."""
    grouped: dict[tuple[date, str], list[OwnSet]] = {}
    for own in sorted(sets, key=lambda o: (o.logged_at, o.id)):
        grouped.setdefault((own.day, own.exercise), []).append(own)
    days = [OwnDay(day, name, tuple(found)) for (day, name), found in grouped.items()]
    return sorted(days, key=lambda d: d.day, reverse=True)  # stable: first-done order kept


@dataclass(frozen=True, slots=True)
class SkippedMove:
    """A planned move left out of one day's session on purpose, and why. It is not a missed
    set: its next prescription simply waits (nothing was tried, so nothing is judged); pain
    as the reason is said back with the advice to see a professional when it lasts."""

    session_id: str
    exercise: str
    reason: SkipReason
    note: str = ""


def validate_skip(skip: SkippedMove, catalogue: Catalogue) -> None:
    """A skip names a session, one of our moves and a reason; the first failure says why."""
    check_id(skip.session_id, field="session_id")
    if skip.exercise not in catalogue:
        raise LogError(f"'{skip.exercise}' is not one of hipcoach's moves.", field="exercise")
    _check_text(skip.note, "note")
