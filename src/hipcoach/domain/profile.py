"""Who the plan is for: level, goal, equipment, days, time, pain."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from hipcoach.domain.catalogue import PainArea
from hipcoach.domain.equipment import Equipment


class Level(StrEnum):
    """Training experience."""

    BEGINNER = "beginner"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"


class Goal(StrEnum):
    """What the person trains for: muscle is the hip-dip goal; all three build strength."""

    MUSCLE = "muscle"
    STRENGTH = "strength"
    STABILITY = "stability"


class Weekday(StrEnum):
    """Stable weekday keys, Monday first (matches date.weekday())."""

    MON = "mon"
    TUE = "tue"
    WED = "wed"
    THU = "thu"
    FRI = "fri"
    SAT = "sat"
    SUN = "sun"

    @property
    def ordinal(self) -> int:
        """0 for Monday ... 6 for Sunday."""
        return _ORDINALS[self]


_ORDINALS: dict[Weekday, int] = {day: i for i, day in enumerate(Weekday)}


DEFAULT_WEEKS = 12
MAX_WEEKS = 52


@dataclass(frozen=True, slots=True)
class Profile:
    """Everything the planner needs to know about a person; `seed` varies equal choices."""

    level: Level
    goal: Goal
    days: tuple[Weekday, ...]
    minutes: int
    start: date
    equipment: frozenset[Equipment] = field(default_factory=frozenset)
    weeks: int = DEFAULT_WEEKS
    pain: frozenset[PainArea] = field(default_factory=frozenset)
    avoid: frozenset[str] = field(default_factory=frozenset)
    weight_kg: float | None = None
    seed: int = 0

    @property
    def owned(self) -> frozenset[Equipment]:
        """Equipment available, bodyweight always included."""
        return self.equipment | {Equipment.NONE}

    @property
    def sorted_days(self) -> tuple[Weekday, ...]:
        """Training days in week order, without repeats."""
        return tuple(sorted(set(self.days), key=lambda d: d.ordinal))
