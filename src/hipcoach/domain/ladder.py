"""Resistance ladders: the ordered steps an exercise climbs as it gets easier."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from hipcoach.domain.equipment import Equipment

BAND_LEVELS: tuple[str, ...] = ("light", "medium", "heavy", "extra_heavy")
KETTLEBELL_KG: tuple[float, ...] = (4.0, 6.0, 8.0, 10.0, 12.0, 14.0, 16.0, 20.0, 24.0)
#: A standard bar alone is 20 kg; plates go on in pairs, 2.5 kg a side.
BARBELL_KG: tuple[float, ...] = tuple(float(kg) for kg in range(20, 155, 5))


class Placement(StrEnum):
    """Where a move's lever ends, as a variant of the move, not only a load: where a mini band
    sits on the legs, or what a hold rests on (the knees, then the feet)."""

    KNEES = "knees"
    ANKLES = "ankles"
    FEET = "feet"

    @property
    def words(self) -> str:
        """Where the band goes, as the end of a phrase: 'light mini band above the knees'."""
        return _PLACEMENT_WORDS[Equipment.MINI_BAND, self]


_PLACEMENT_WORDS = {
    (Equipment.MINI_BAND, Placement.KNEES): "above the knees",
    (Equipment.MINI_BAND, Placement.ANKLES): "at the ankles",
    (Equipment.MINI_BAND, Placement.FEET): "around the feet",
    (Equipment.NONE, Placement.KNEES): "from the knees",
    (Equipment.NONE, Placement.FEET): "from the feet",
}


@dataclass(frozen=True, slots=True)
class Placements:
    """A move's placements, easiest first, and where its how-to starts: a mini band's
    (`on` the band) or a bodyweight hold's (`on` no equipment: the side bridge from the knees,
    then from the feet).

    DOMAIN.md: "variants before load: knees-bent before full side bridge, band at knees before
    ankles before feet". The lower the band sits, or the longer the body, the longer the lever
    on the hip; `source` names the study that measured the order for this move (None: the order
    rests on that lever alone, a coaching convention).
    """

    order: tuple[Placement, ...]
    home: Placement
    source: str | None = None
    on: Equipment = Equipment.MINI_BAND

    def __post_init__(self) -> None:
        if self.home not in self.order or len(set(self.order)) != len(self.order):
            raise ValueError(f"placements {self.order} must be distinct and hold {self.home}")
        if any((self.on, p) not in _PLACEMENT_WORDS for p in self.order):
            raise ValueError(f"placements {self.order} do not all apply to {self.on.value}")

    @property
    def easiest(self) -> Placement:
        """Where beginners, older adults and people in pain start."""
        return self.order[0]

    def words(self, placement: Placement) -> str:
        """Where this move's placement is, as the end of a phrase."""
        return _PLACEMENT_WORDS[self.on, placement]


#: The band levels an easier placement climbs before the band moves lower (it then starts
#: again on the lightest band), and those a harder one uses after the home placement's
#: heaviest band (one band lighter there, since the lower band asks more of the hip).
EASIER_PLACEMENT_LEVELS = ("light", "medium")
HARDER_PLACEMENT_LEVELS = ("heavy", "extra_heavy")


@dataclass(frozen=True, slots=True)
class LadderIncrements:
    """How big each step is for the loadable equipment (the user may change these)."""

    ankle_step_kg: float = 0.5
    ankle_max_kg: float = 5.0
    dumbbell_step_kg: float = 2.0
    dumbbell_max_kg: float = 30.0
    cable_pin_max: int = 15
    machine_step_kg: float = 5.0
    machine_max_kg: float = 100.0


@dataclass(frozen=True, slots=True)
class LadderStep:
    """One rung: what resistance is used, as a stable key and a readable label."""

    key: str
    label: str
    equipment: Equipment
    load_kg: float | None = None
    band_level: str | None = None
    cable_pin: int | None = None
    #: Where the band sits, for a move whose band placement is a variant (else None).
    placement: Placement | None = None
    #: False on an easier or harder placement than the move's how-to describes.
    home: bool = True


BODYWEIGHT = LadderStep("bodyweight", "bodyweight", Equipment.NONE)


def _kg(value: float) -> str:
    return f"{value:g}"


def _placed_band(placements: Placements) -> tuple[LadderStep, ...]:
    """A mini band's rungs across its placements, easiest first: each easier placement's
    light and medium bands, every band at home, then each harder placement's two heaviest.
    Home rungs keep the plain band keys, so sets logged before placements existed stay on
    their rung."""
    home = placements.order.index(placements.home)
    steps = []
    for i, at in enumerate(placements.order):
        levels = (
            EASIER_PLACEMENT_LEVELS
            if i < home
            else BAND_LEVELS
            if i == home
            else HARDER_PLACEMENT_LEVELS
        )
        for level in levels:
            key = f"mini_band_{level}" if i == home else f"mini_band_{level}_{at.value}"
            label = f"{level.replace('_', ' ')} mini band {at.words}"
            steps.append(
                LadderStep(
                    key,
                    label,
                    Equipment.MINI_BAND,
                    band_level=level,
                    placement=at,
                    home=i == home,
                )
            )
    return tuple(steps)


def _placed_bodyweight(placements: Placements) -> tuple[LadderStep, ...]:
    """A bodyweight hold's rungs across its placements: the how-to's own position is plain
    bodyweight (the sets logged before placements existed stay on it), the others say where."""
    return tuple(
        BODYWEIGHT
        if at is placements.home
        else LadderStep(
            f"bodyweight_{at.value}",
            f"bodyweight, {placements.words(at)}",
            Equipment.NONE,
            placement=at,
            home=False,
        )
        for at in placements.order
    )


def _steps_for(
    equipment: Equipment, inc: LadderIncrements, placements: Placements | None = None
) -> tuple[LadderStep, ...]:
    if placements is not None and equipment is placements.on:
        if equipment is Equipment.NONE:
            return _placed_bodyweight(placements)
        return _placed_band(placements)
    if equipment in (Equipment.MINI_BAND, Equipment.LONG_BAND):
        noun = "mini band" if equipment is Equipment.MINI_BAND else "long band"
        prefix = equipment.value
        return tuple(
            LadderStep(
                f"{prefix}_{level}",
                f"{level.replace('_', ' ')} {noun}",
                equipment,
                band_level=level,
            )
            for level in BAND_LEVELS
        )
    if equipment is Equipment.ANKLE_WEIGHTS:
        return _loads(equipment, "ankle", "ankle weights", inc.ankle_step_kg, inc.ankle_max_kg)
    if equipment is Equipment.DUMBBELL:
        return _loads(equipment, "dumbbell", "dumbbell", inc.dumbbell_step_kg, inc.dumbbell_max_kg)
    if equipment is Equipment.KETTLEBELL:
        return tuple(
            LadderStep(f"kettlebell_{_kg(kg)}kg", f"{_kg(kg)} kg kettlebell", equipment, load_kg=kg)
            for kg in KETTLEBELL_KG
        )
    if equipment is Equipment.ABDUCTION_MACHINE:
        return _loads(
            equipment, "machine", "on the machine", inc.machine_step_kg, inc.machine_max_kg
        )
    if equipment is Equipment.BARBELL:
        return tuple(
            LadderStep(f"barbell_{_kg(kg)}kg", f"{_kg(kg)} kg barbell", equipment, load_kg=kg)
            for kg in BARBELL_KG
        )
    if equipment is Equipment.CABLE_MACHINE:
        return tuple(
            LadderStep(f"cable_pin_{pin}", f"cable pin {pin}", equipment, cable_pin=pin)
            for pin in range(1, inc.cable_pin_max + 1)
        )
    return (BODYWEIGHT,)


def _loads(
    equipment: Equipment, prefix: str, noun: str, step: float, top: float
) -> tuple[LadderStep, ...]:
    count = round(top / step)
    loads = [round(step * i, 2) for i in range(1, count + 1)]
    return tuple(
        LadderStep(f"{prefix}_{_kg(kg)}kg", f"{_kg(kg)} kg {noun}", equipment, load_kg=kg)
        for kg in loads
    )


@lru_cache(maxsize=4096)  # pure, and called for every move of every plan: worth remembering
def build_ladder(
    options: tuple[Equipment, ...],
    owned: frozenset[Equipment] | None = None,
    increments: LadderIncrements | None = None,
    placements: Placements | None = None,
) -> tuple[LadderStep, ...]:
    """The exercise's ladder: bodyweight first (if allowed), then each owned option's steps
    (a mini band's across its `placements`, when the move has them). Moves call it through
    `Exercise.ladder`."""
    inc = increments or LadderIncrements()
    steps: list[LadderStep] = []
    for equipment in options:
        if owned is not None and equipment is not Equipment.NONE and equipment not in owned:
            continue
        steps.extend(_steps_for(equipment, inc, placements))
    return tuple(steps)


def step_index(ladder: tuple[LadderStep, ...], key: str) -> int:
    """Position of a step on a ladder; -1 if the ladder has no such step."""
    for i, step in enumerate(ladder):
        if step.key == key:
            return i
    return -1
