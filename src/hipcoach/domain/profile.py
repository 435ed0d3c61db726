"""Who the plan is for: level, goal, equipment, days, time, pain."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from hipcoach.domain.catalogue import PainArea
from hipcoach.domain.equipment import Equipment
from hipcoach.domain.log import Side


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

#: From this age a person counts as an older adult: the hardest variants wait for the base
#: work, as they do for beginners and people in pain (DOMAIN.md, "variants before load").
OLDER_ADULT_AGE = 60

#: The pain areas a profile may name: the ones the exercises' pain rules know. `other` is
#: only for pain logged in training (where it hurts), not something a plan can be shaped around.
PROFILE_PAIN_AREAS: tuple[PainArea, ...] = (PainArea.KNEE, PainArea.HIP, PainArea.LOW_BACK)


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
    pain_sides: tuple[tuple[PainArea, Side], ...] = ()  # one-sided pain; unnamed means both
    age: int | None = None  # years; optional (older records and people who prefer not to say)

    @property
    def older_adult(self) -> bool:
        """True from OLDER_ADULT_AGE on (unknown age: not assumed)."""
        return self.age is not None and self.age >= OLDER_ADULT_AGE

    def pain_side(self, area: PainArea) -> Side:
        """Which side of a pain area hurts (both, unless the person named one)."""
        return next((side for a, side in self.pain_sides if a is area), Side.BOTH)

    def pain_label(self, area: PainArea) -> str:
        """'left hip', 'knee', 'low back': the area and, when only one hurts, its side."""
        side = self.pain_side(area)
        named = area.value.replace("_", " ")
        return named if side is Side.BOTH else f"{side.value} {named}"

    @property
    def owned(self) -> frozenset[Equipment]:
        """Equipment available, bodyweight always included."""
        return self.equipment | {Equipment.NONE}

    @property
    def sorted_days(self) -> tuple[Weekday, ...]:
        """Training days in week order, without repeats."""
        return tuple(sorted(set(self.days), key=lambda d: d.ordinal))


def profile_to_dict(profile: Profile) -> dict[str, object]:
    """The request a plan was generated from, as plain JSON-ready values (age only when
    given, so a plan made without one keeps its calendar ids)."""
    stored: dict[str, object] = {
        "level": profile.level.value,
        "goal": profile.goal.value,
        "equipment": sorted(e.value for e in profile.equipment),
        "days": [d.value for d in profile.sorted_days],
        "minutes": profile.minutes,
        "weeks": profile.weeks,
        "start": profile.start.isoformat(),
        "pain": sorted(p.value for p in profile.pain),
        "avoid": sorted(profile.avoid),
        "weight_kg": profile.weight_kg,
        "seed": profile.seed,
        "pain_sides": [
            [a.value, side.value]
            for a, side in sorted(profile.pain_sides)
            if side is not Side.BOTH and a in profile.pain
        ],
    }
    if profile.age is not None:  # absent otherwise: older plans keep their calendar ids
        stored["age"] = profile.age
    return stored


def profile_from_dict(data: dict[str, Any]) -> Profile:
    """Rebuild a profile stored with `profile_to_dict` (trusted input: our own records)."""
    return Profile(
        level=Level(data["level"]),
        goal=Goal(data["goal"]),
        days=tuple(Weekday(d) for d in data["days"]),
        minutes=int(data["minutes"]),
        start=date.fromisoformat(data["start"]),
        equipment=frozenset(Equipment(e) for e in data.get("equipment", [])),
        weeks=int(data.get("weeks", DEFAULT_WEEKS)),
        pain=frozenset(PainArea(p) for p in data.get("pain", [])),
        avoid=frozenset(data.get("avoid", [])),
        weight_kg=data.get("weight_kg"),
        age=data.get("age"),
        seed=int(data.get("seed", 0)),
        pain_sides=pain_sides_from(data.get("pain_sides") or ()),
    )


def pain_sides_from(sides: Iterable[Sequence[str]]) -> tuple[tuple[PainArea, Side], ...]:
    """One-sided pain from [area, side] pairs (older records have none: both sides)."""
    found = ((PainArea(a), Side(s)) for a, s in sides)
    return tuple(sorted((a, s) for a, s in found if s is not Side.BOTH))
