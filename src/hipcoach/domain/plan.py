"""The generated plan as plain values: weeks of sessions of blocks of prescribed items."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from hipcoach.domain.catalogue import Dosage, Measure
from hipcoach.domain.equipment import Equipment
from hipcoach.domain.muscle import Muscle
from hipcoach.domain.profile import Profile, Weekday
from hipcoach.domain.progression import Prescription

WARMUP_ROLE = "warmup"


class BlockKind(StrEnum):
    """The parts of a session, always in this order."""

    WARMUP = "warmup"
    ACTIVATION = "activation"
    WORKING = "working"
    COOLDOWN = "cooldown"


@dataclass(frozen=True, slots=True)
class Item:
    """One prescribed exercise: sets of a target range of reps, steps or seconds held."""

    exercise: str | None
    name: str
    role: str
    sets: int
    per_side: bool
    equipment: Equipment
    resistance: str
    resistance_key: str
    rest_seconds: int
    target_rir: int | None
    why: str
    measure: Measure
    target: tuple[int, int]

    @property
    def dosage(self) -> Dosage:
        """How the work of one set is counted, in the catalogue's terms."""
        if self.measure is Measure.SECONDS:
            return Dosage.HOLD_SECONDS
        if self.measure is Measure.STEPS:
            return Dosage.STEPS_PER_SIDE
        return Dosage.REPS_PER_SIDE if self.per_side else Dosage.REPS

    @property
    def is_warmup(self) -> bool:
        """Warm-up and cool-down items: plain movements, not logged set by set."""
        return self.role == WARMUP_ROLE

    def target_text(self, *, aim: int | None = None) -> str:
        """'12-20 reps per side', '10 steps per side', '30-45 s hold per side' or '120 s'."""
        low, high = (aim, aim) if aim is not None else self.target
        side = " per side" if self.per_side or self.measure is Measure.STEPS else ""
        unit = self.measure.unit
        if self.measure is Measure.SECONDS and aim is None and not self.is_warmup:
            unit = "s hold"
        span = f"{low}" if low == high else f"{low}-{high}"
        return f"{span} {unit}{side}"

    def prescription(self, *, sets: int | None = None, aim: int | None = None) -> str:
        """The one line of what to do: '3 x 12-20 reps per side' (or 3 x the aim, if given)."""
        count = self.sets if sets is None else sets
        target = self.target_text(aim=aim)
        return f"{count} x {target}" if count > 1 or aim is not None else target

    def progression_start(self) -> Prescription | None:
        """What the progression engine starts from, for catalogue moves (None for warm-ups)."""
        if self.exercise is None or self.is_warmup:
            return None
        return Prescription(
            exercise=self.exercise,
            kind=self.dosage,
            sets=self.sets,
            target=self.target,
            resistance_key=self.resistance_key,
            target_rir=self.target_rir or 0,
        )


@dataclass(frozen=True, slots=True)
class Block:
    """A run of items with one purpose."""

    kind: BlockKind
    items: tuple[Item, ...]


@dataclass(frozen=True, slots=True)
class Session:
    """One training day."""

    date: date
    weekday: Weekday
    estimated_minutes: int
    blocks: tuple[Block, ...]

    def items(self, kind: BlockKind) -> tuple[Item, ...]:
        """Every item of one block kind."""
        return tuple(i for b in self.blocks if b.kind is kind for i in b.items)


@dataclass(frozen=True, slots=True)
class Week:
    """A calendar week of the plan; deload weeks are deliberately lighter."""

    number: int
    deload: bool
    sessions: tuple[Session, ...]


@dataclass(frozen=True, slots=True)
class ScheduledSession:
    """A session with its place in the plan: week number, number within the week, lighter week."""

    week: int
    number: int
    deload: bool
    session: Session

    @property
    def date(self) -> date:
        """The day it is planned for."""
        return self.session.date

    @property
    def entries(self) -> tuple[tuple[BlockKind, Item], ...]:
        """Every item in session order, with the block it belongs to."""
        return tuple((b.kind, i) for b in self.session.blocks for i in b.items)


@dataclass(frozen=True, slots=True)
class Note:
    """Something the person must read: expectation, safety, nutrition, volume, recovery."""

    kind: str
    text: str


@dataclass(frozen=True, slots=True)
class Plan:
    """A whole program, with the profile and seed it was generated from."""

    profile: Profile
    notes: tuple[Note, ...]
    weeks: tuple[Week, ...]
    weekly_sets: dict[Muscle, float]
    weekly_set_target: float
    objective: float
    weekly_set_range: tuple[float, float] = (0.0, 0.0)  # (floor, ceiling) of hard sets a week

    def sessions(self) -> tuple[ScheduledSession, ...]:
        """Every session of the plan in date order, each with its week and number."""
        placed = [
            ScheduledSession(week.number, number, week.deload, session)
            for week in self.weeks
            for number, session in enumerate(week.sessions, 1)
        ]
        return tuple(sorted(placed, key=lambda s: s.date))

    def next_session(self, day: date) -> ScheduledSession | None:
        """The first session on or after a day, if the plan has one left."""
        return next((s for s in self.sessions() if s.date >= day), None)
