"""The training log: sessions, sets and body measurements as plain values, with validation.

Every record carries a client-supplied id (a UUID string made on the device that logged it),
so a retried save never creates a duplicate.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from hipcoach.domain.catalogue import Catalogue, Dosage
from hipcoach.domain.errors import HipcoachError
from hipcoach.domain.ladder import BODYWEIGHT, build_ladder

MAX_PAIN = 10
MAX_REPS = 500
MAX_STEPS = 500
MAX_HOLD_S = 600
MAX_LOAD_KG = 300.0
MAX_NOTE = 2000
MAX_RIR = 10
_ID = re.compile(r"[A-Za-z0-9_-]{8,64}")


class LogError(HipcoachError):
    """A log entry that cannot be stored; nothing of it is saved."""


class Side(StrEnum):
    """Which side a set worked."""

    LEFT = "left"
    RIGHT = "right"
    BOTH = "both"


class Effort(StrEnum):
    """How a set felt, for people who don't count reps in reserve."""

    EASY = "easy"
    HARD = "hard"
    FAILURE = "failure"


EFFORT_RIR: dict[Effort, int] = {Effort.EASY: 4, Effort.HARD: 1, Effort.FAILURE: 0}


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
    note: str = ""

    @property
    def amount(self) -> int:
        """The count that progresses: reps, steps or seconds held."""
        return self.reps or self.steps or self.hold_seconds or 0

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


@dataclass(frozen=True, slots=True)
class TrainingSession:
    """A day's training: when, which planned session it was, notes, next-day pain."""

    id: str
    date: date
    plan_week: int | None = None
    plan_session: int | None = None
    notes: str = ""
    next_day_pain: int | None = None
    version: int = 1


@dataclass(frozen=True, slots=True)
class Measurement:
    """Optional body measurements on a date; any of them may be missing."""

    id: str
    date: date
    hip_cm: float | None = None
    waist_cm: float | None = None
    weight_kg: float | None = None


def check_id(value: str, *, field: str = "id") -> str:
    """A client id: 8-64 letters, digits, '-' or '_' (a UUID fits)."""
    if not _ID.fullmatch(value):  # fullmatch: `$` would let a trailing newline through
        raise LogError(f"'{value}' is not a valid id (8-64 letters, digits, - or _).", field=field)
    return value


def check_pain(value: int | None, *, field: str = "pain") -> None:
    """Pain is a whole number from 0 (none) to 10 (worst imaginable)."""
    if value is not None and not 0 <= value <= MAX_PAIN:
        raise LogError(f"Pain must be between 0 and {MAX_PAIN} (got {value}).", field=field)


def _check_count(value: int | None, name: str, top: int) -> None:
    if value is not None and not 0 < value <= top:
        raise LogError(f"{name} must be between 1 and {top} (got {value}).", field=name)


def validate_set(logged: LoggedSet, catalogue: Catalogue) -> None:
    """Refuse a set that cannot be true or cannot be stored, with the reason."""
    check_id(logged.id)
    check_id(logged.session_id, field="session_id")
    exercise = catalogue.get(logged.exercise)
    given = [v for v in (logged.reps, logged.steps, logged.hold_seconds) if v is not None]
    if len(given) != 1:
        raise LogError("Give exactly one of reps, steps or hold seconds.", field="reps")
    _check_count(logged.reps, "reps", MAX_REPS)
    _check_count(logged.steps, "steps", MAX_STEPS)
    _check_count(logged.hold_seconds, "hold_seconds", MAX_HOLD_S)
    if logged.hold_seconds is not None and Dosage.HOLD_SECONDS not in exercise.dosage:
        raise LogError(f"{exercise.name} is not done as a hold.", field="hold_seconds")
    if logged.steps is not None and Dosage.STEPS_PER_SIDE not in exercise.dosage:
        raise LogError(f"{exercise.name} is counted in reps, not steps.", field="steps")
    check_pain(logged.pain)
    if logged.rir is not None and not 0 <= logged.rir <= MAX_RIR:
        raise LogError(f"Reps in reserve must be 0-{MAX_RIR} (got {logged.rir}).", field="rir")
    rungs = {s.key: s for s in build_ladder(exercise.equipment)}
    if logged.resistance_key not in rungs:
        raise LogError(
            f"'{logged.resistance_key}' is not a resistance step of {exercise.name}; "
            f"use one of: {', '.join(list(rungs)[:6])}...",
            field="resistance_key",
        )
    _check_load(logged, rungs[logged.resistance_key].load_kg)
    if len(logged.note) > MAX_NOTE:
        raise LogError(f"Notes are limited to {MAX_NOTE} characters.", field="note")


def _check_load(logged: LoggedSet, rung_load: float | None) -> None:
    load = logged.load_kg
    if load is None:
        return
    if math.isnan(load) or math.isinf(load) or not 0 < load <= MAX_LOAD_KG:
        raise LogError(f"A load must be between 0 and {MAX_LOAD_KG:g} kg.", field="load_kg")
    if logged.resistance_key == BODYWEIGHT.key or rung_load is None:
        raise LogError(
            "This step has no weight to record (bodyweight or a band); leave the load empty.",
            field="load_kg",
        )


def validate_session(session: TrainingSession) -> None:
    """Refuse impossible session fields."""
    check_id(session.id)
    check_pain(session.next_day_pain, field="next_day_pain")
    for value, name in ((session.plan_week, "plan_week"), (session.plan_session, "plan_session")):
        if value is not None and not 1 <= value <= 60:
            raise LogError(f"{name} must be between 1 and 60 (got {value}).", field=name)
    if len(session.notes) > MAX_NOTE:
        raise LogError(f"Notes are limited to {MAX_NOTE} characters.", field="notes")


def validate_measurement(measurement: Measurement) -> None:
    """Refuse measurements outside plausible human ranges."""
    check_id(measurement.id)
    ranges = {"hip_cm": (40.0, 250.0), "waist_cm": (30.0, 250.0), "weight_kg": (25.0, 350.0)}
    for name, (low, high) in ranges.items():
        value = getattr(measurement, name)
        if value is not None and (math.isnan(value) or not low <= value <= high):
            raise LogError(f"{name} must be between {low:g} and {high:g}.", field=name)
    if not any(getattr(measurement, n) is not None for n in ranges):
        raise LogError("Give at least one measurement.", field="hip_cm")
