"""The exercise catalogue: what each move is, how to do it, and what it is good for."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from hipcoach.domain.equipment import Equipment
from hipcoach.domain.errors import UnknownKeyError
from hipcoach.domain.evidence import EvidenceRow, best_activation, gta_index, has_usable_data
from hipcoach.domain.ladder import LadderStep, Placements, build_ladder
from hipcoach.domain.muscle import PRIMARY_TARGETS, Muscle

NAMED_FOR: Mapping[str, Equipment] = {"banded_squat": Equipment.MINI_BAND}
"""Moves whose name promises a piece of equipment: without it they are not that move (the
dumbbell of a banded squat adds load to the band, it does not replace it)."""


class Role(StrEnum):
    """What an exercise does in a session."""

    ACTIVATION = "activation"
    ISOLATION = "isolation"
    COMPOUND = "compound"
    STABILITY = "stability"


class Dosage(StrEnum):
    """How the work of one set is counted."""

    REPS = "reps"
    REPS_PER_SIDE = "reps_per_side"
    STEPS_PER_SIDE = "steps_per_side"
    HOLD_SECONDS = "hold_seconds"

    @property
    def measure(self) -> Measure:
        """What one set of this dosage counts."""
        return _MEASURE[self]


class Measure(StrEnum):
    """What one set counts; the value is the logged set's field that holds it."""

    REPS = "reps"
    STEPS = "steps"
    SECONDS = "hold_seconds"

    @property
    def unit(self) -> str:
        """The short word after a number: '12 reps', '10 steps', '30 s'."""
        return _UNIT[self]

    @property
    def plan_key(self) -> str:
        """The key of the target range in the plan document."""
        return _PLAN_KEY[self]


_MEASURE = {
    Dosage.REPS: Measure.REPS,
    Dosage.REPS_PER_SIDE: Measure.REPS,
    Dosage.STEPS_PER_SIDE: Measure.STEPS,
    Dosage.HOLD_SECONDS: Measure.SECONDS,
}
_UNIT = {Measure.REPS: "reps", Measure.STEPS: "steps", Measure.SECONDS: "s"}
_PLAN_KEY = {Measure.REPS: "reps", Measure.STEPS: "steps_per_side", Measure.SECONDS: "hold_seconds"}


class PainArea(StrEnum):
    """Where a person reports pain or an injury (`other` only for pain logged in training)."""

    KNEE = "knee"
    HIP = "hip"
    LOW_BACK = "low_back"
    OTHER = "other"


class PainAction(StrEnum):
    """What the planner does with an exercise when that area hurts."""

    AVOID = "avoid"
    NO_LOAD = "no_load"


@dataclass(frozen=True, slots=True)
class Variation:
    """An easier or harder version; `exercise_key` links to a catalogue entry if there is one."""

    name: str
    how: str
    exercise_key: str | None = None


@dataclass(frozen=True, slots=True)
class Exercise:
    """One catalogue entry with its how-to, ladder options and evidence."""

    key: str
    name: str
    aliases: tuple[str, ...]
    roles: tuple[Role, ...]
    primary: tuple[Muscle, ...]
    secondary: tuple[Muscle, ...]
    equipment: tuple[Equipment, ...]
    dosage: tuple[Dosage, ...]
    summary: str
    setup: str
    steps: tuple[str, ...]
    cues: tuple[str, ...]
    mistakes: tuple[str, ...]
    if_it_hurts: str
    easier: tuple[Variation, ...]
    harder: tuple[Variation, ...]
    pain: Mapping[PainArea, PainAction]
    sources: tuple[str, ...]
    evidence: tuple[EvidenceRow, ...] = field(default=())
    #: The moves a checked study found level with this one for gluteus medius (its evidence
    #: rows' `level_with`), resolved from the catalogue: they rank it when it has no figure.
    peers: tuple[Exercise, ...] = field(default=())
    #: Where a mini band may sit, easiest first (a variant the coach moves along), if it may
    #: sit in more than one place.
    placements: Placements | None = None

    def ladder(self, owned: frozenset[Equipment] | None = None) -> tuple[LadderStep, ...]:
        """The move's rungs, easiest first, on the equipment owned (all of it, if None)."""
        return build_ladder(self.equipment, owned, placements=self.placements)

    @property
    def unilateral(self) -> bool:
        """True when each side is worked in turn (dosage counted per side)."""
        return any(
            d in (Dosage.REPS_PER_SIDE, Dosage.STEPS_PER_SIDE, Dosage.HOLD_SECONDS)
            for d in self.dosage
        )

    @property
    def bodyweight_possible(self) -> bool:
        """True when the move can be done with no equipment at all."""
        return Equipment.NONE in self.equipment

    @property
    def targets_abductors(self) -> bool:
        """True when gluteus medius or minimus is a primary mover."""
        return bool(PRIMARY_TARGETS.intersection(self.primary))

    @property
    def gmed_activation(self) -> float | None:
        """Best checked %MVIC for gluteus medius, if any study measured it."""
        return best_activation(self.evidence, Muscle.GLUTEUS_MEDIUS)

    @property
    def gta_index(self) -> float | None:
        """Gluteal-to-TFL activation index, if measured."""
        return gta_index(self.evidence)

    @property
    def has_emg_data(self) -> bool:
        """True when at least one study gives checked evidence for this move."""
        return has_usable_data(self.evidence)

    def usable_with(self, owned: frozenset[Equipment]) -> bool:
        """True when the person owns at least one way of doing the move, and the piece the
        move is named for when it has one (a banded squat needs its band)."""
        needed = NAMED_FOR.get(self.key)
        if needed is not None and needed not in owned:
            return False
        return any(e is Equipment.NONE or e in owned for e in self.equipment)


@dataclass(frozen=True, slots=True)
class Catalogue:
    """All exercises, looked up by their stable key."""

    exercises: tuple[Exercise, ...]
    _by_key: Mapping[str, Exercise] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_key", {e.key: e for e in self.exercises})

    @property
    def keys(self) -> tuple[str, ...]:
        """Every exercise key, in catalogue order."""
        return tuple(e.key for e in self.exercises)

    def __contains__(self, key: object) -> bool:
        return key in self._by_key

    def get_suggestions(self, key: str) -> tuple[str, ...]:
        """Close matches for a mistyped exercise key."""
        return suggest(key, self.keys)

    def get(self, key: str) -> Exercise:
        """The exercise for a key, or an error that suggests close matches."""
        try:
            return self._by_key[key]
        except KeyError:
            raise UnknownKeyError("exercise", key, suggest(key, self.keys)) from None

    def filter(
        self,
        *,
        equipment: Iterable[Equipment] = (),
        muscle: Muscle | None = None,
        role: Role | None = None,
    ) -> tuple[Exercise, ...]:
        """Exercises doable with the given equipment, working the muscle, in the role."""
        owned = frozenset(equipment)
        return tuple(
            e
            for e in self.exercises
            if (not owned or e.usable_with(owned))
            and (muscle is None or muscle in e.primary or muscle in e.secondary)
            and (role is None or role in e.roles)
        )


def suggest(key: str, known: Iterable[str], *, limit: int = 3) -> tuple[str, ...]:
    """Close matches for a mistyped key (also matching on words within keys)."""
    known = tuple(known)
    close = difflib.get_close_matches(key, known, n=limit, cutoff=0.5)
    if len(close) < limit:
        extra = [k for k in known if key and key.lower() in k and k not in close]
        close.extend(extra[: limit - len(close)])
    return tuple(close)
