"""Browse the exercise catalogue and the learn pages."""

from __future__ import annotations

from typing import TypeVar

from hipcoach.content.loader import load_catalogue, load_learn
from hipcoach.domain.appearance import Appearance
from hipcoach.domain.catalogue import Exercise, PainArea, Role, suggest
from hipcoach.domain.equipment import Equipment
from hipcoach.domain.errors import KeyNotFoundError, UnknownKeyError
from hipcoach.domain.learn import Topic
from hipcoach.domain.log import Effort, Side, SkipReason
from hipcoach.domain.muscle import Muscle
from hipcoach.domain.profile import Goal, Level, Weekday

E = TypeVar(
    "E",
    Equipment,
    Muscle,
    Role,
    Level,
    Goal,
    Weekday,
    PainArea,
    Side,
    Effort,
    Appearance,
    SkipReason,
)


def parse_choice(kind: str, enum: type[E], value: str) -> E:
    """Turn user text into a stable key, with close matches when it is not one."""
    try:
        return enum(value)
    except ValueError:
        raise UnknownKeyError(kind, value, suggest(value, [m.value for m in enum])) from None


def list_exercises(
    *, equipment: str | None = None, muscle: str | None = None, role: str | None = None
) -> tuple[Exercise, ...]:
    """Exercises matching the filters (equipment means 'doable with this')."""
    owned = [parse_choice("equipment", Equipment, equipment)] if equipment else []
    return load_catalogue().filter(
        equipment=owned,
        muscle=parse_choice("muscle", Muscle, muscle) if muscle else None,
        role=parse_choice("role", Role, role) if role else None,
    )


def get_exercise(*, key: str) -> Exercise:
    """One exercise by key (an unknown key is not found, with suggestions)."""
    try:
        return load_catalogue().get(key)
    except UnknownKeyError as error:
        raise KeyNotFoundError.of(error) from None


def list_topics() -> tuple[Topic, ...]:
    """Every learn page in reading order."""
    return load_learn().topics


def get_topic(*, key: str) -> Topic:
    """One learn page by key (an unknown key is not found, with suggestions)."""
    try:
        return load_learn().get(key)
    except UnknownKeyError as error:
        raise KeyNotFoundError.of(error) from None
