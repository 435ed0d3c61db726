"""The generated plan as plain values: weeks of sessions of blocks of prescribed items."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from hipcoach.domain.equipment import Equipment
from hipcoach.domain.muscle import Muscle
from hipcoach.domain.profile import Profile, Weekday


class BlockKind(StrEnum):
    """The parts of a session, always in this order."""

    WARMUP = "warmup"
    ACTIVATION = "activation"
    WORKING = "working"
    COOLDOWN = "cooldown"


@dataclass(frozen=True, slots=True)
class Item:
    """One prescribed exercise: exactly one of reps, steps_per_side, hold_seconds is set."""

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
    reps: tuple[int, int] | None = None
    steps_per_side: tuple[int, int] | None = None
    hold_seconds: tuple[int, int] | None = None


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
