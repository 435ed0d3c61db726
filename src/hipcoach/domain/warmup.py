"""The fixed parts of a session: warm-up, activation and cool-down.

The warm-up is about five minutes; a short session (`short`) gets a two-minute one, so its
minutes go to the working moves (DOMAIN.md: short sessions stay hip sessions). Pain shapes
the parts too: a sore hip swings the leg forward and back only and skips the side-reach
stretch (both take the thigh toward the other leg), a sore knee warms up with a hip hinge
instead of a squat and skips the half-kneeling stretch (see `position`).
"""

from __future__ import annotations

from hipcoach.domain.catalogue import Catalogue, Exercise, Measure, PainAction, PainArea
from hipcoach.domain.equipment import Equipment
from hipcoach.domain.ladder import BODYWEIGHT
from hipcoach.domain.plan import WARMUP_ROLE, Item
from hipcoach.domain.scoring import pain_action
from hipcoach.domain.timing import SHORT_WARMUP_S, SIDE_SWITCH_S, WARMUP_S

ACTIVATION_CHOICES = (
    "clamshell",
    "seated_banded_hip_abduction",
    "standing_banded_hip_abduction",
    "side_lying_hip_abduction",
    # for a sore hip with no band (side-lying waits, see `position`): lying on the back, then
    # standing
    "glute_bridge",
    "standing_hip_abduction",
)
ACTIVATION_REPS = (10, 15)
ACTIVATION_REST_S = 30


def _item(name: str, amount: int, why: str, *, timed: bool, per_side: bool) -> Item:
    return Item(
        exercise=None,
        name=name,
        role=WARMUP_ROLE,
        sets=1,
        per_side=per_side,
        equipment=Equipment.NONE,
        resistance=BODYWEIGHT.label,
        resistance_key=BODYWEIGHT.key,
        rest_seconds=0,
        target_rir=None,
        why=why,
        measure=Measure.SECONDS if timed else Measure.REPS,
        target=(amount, amount),
    )


# (name, amount, timed?, per side?, why)
_WARMUP = (
    (
        "Brisk marching on the spot or easy step-ups",
        120,
        True,
        False,
        "Light cardio raises body temperature and heart rate.",
    ),
    (
        "Leg swings, forward-back then side to side",
        10,
        False,
        True,
        "Takes the hip through its range before loading it.",
    ),
    ("Standing hip circles (knee lifted)", 8, False, True, "Moves the hip in every direction."),
)
_SQUAT = (
    "Bodyweight squat to a comfortable depth",
    10,
    False,
    False,
    "Rehearses the hip and knee pattern.",
)
_SWING_FORWARD_BACK = (
    "Leg swings, forward and back",
    10,
    False,
    True,
    "Takes the hip through its range without crossing the body.",
)
_SHORT_MARCH = (
    _WARMUP[0][0],
    60,
    True,
    False,
    "A minute of light cardio to raise body temperature.",
)
_HINGE = (
    "Hip hinge: hands on hips, push the hips back",
    10,
    False,
    False,
    "Warms the hips without deep knee bending.",
)
_COOLDOWN = (
    ("Figure-four stretch, lying on your back", 30, True, True, ""),
    ("Half-kneeling hip-flexor stretch", 30, True, True, ""),
    ("Standing side reach, leaning away from the working hip", 30, True, True, ""),
)
_COOLDOWN_WHY = "Optional calm finish: stretching won't build strength but may feel good."


def warmup_items(pain: frozenset[PainArea], *, short: bool = False) -> tuple[Item, ...]:
    """About five minutes (two when `short`) of light cardio and dynamic moves, gentler on a
    sore hip or knee."""
    march, swings, circles = _WARMUP
    specs = [_SHORT_MARCH if short else march]
    specs.append(_SWING_FORWARD_BACK if PainArea.HIP in pain else swings)
    specs.append(circles)
    if not short:
        specs.append(_HINGE if PainArea.KNEE in pain else _SQUAT)
    return tuple(
        _item(name, amount, why, timed=timed, per_side=per_side)
        for name, amount, timed, per_side, why in specs
    )


def warmup_seconds(*, short: bool) -> int:
    """How long the warm-up takes."""
    return SHORT_WARMUP_S if short else WARMUP_S


def cooldown_items(pain: frozenset[PainArea] = frozenset()) -> tuple[Item, ...]:
    """About three minutes of easy stretches for the hips and the front of the thigh, leaving
    out the side reach for a sore hip and the half-kneeling stretch for a sore knee."""
    figure_four, kneeling, side_reach = _COOLDOWN
    specs = [figure_four]
    if PainArea.KNEE not in pain:
        specs.append(kneeling)
    if PainArea.HIP not in pain:
        specs.append(side_reach)
    return tuple(
        _item(name, amount, _COOLDOWN_WHY, timed=timed, per_side=per_side)
        for name, amount, timed, per_side, _ in specs
    )


def choose_activation(
    catalogue: Catalogue,
    owned: frozenset[Equipment],
    pain: frozenset[PainArea],
    avoid: frozenset[str],
) -> Exercise | None:
    """The first activation move the person can do without pain limits or avoidance."""
    usable = [
        catalogue.get(k)
        for k in ACTIVATION_CHOICES
        if k not in avoid and catalogue.get(k).usable_with(owned)
    ]
    for exercise in usable:
        if pain_action(exercise, pain) is None:
            return exercise
    return next((e for e in usable if pain_action(e, pain) is not PainAction.AVOID), None)


def activation_item(exercise: Exercise, owned: frozenset[Equipment], sets: int) -> Item:
    """1-2 easy sets of the activation move, with a light band when there is one."""
    ladder = exercise.ladder(owned)
    band = next((s for s in ladder if s.band_level == "light" and s.home), None)
    step = band or ladder[0]
    return Item(
        exercise=exercise.key,
        name=exercise.name,
        role="activation",
        sets=sets,
        per_side=exercise.unilateral,
        equipment=step.equipment,
        resistance=step.label,
        resistance_key=step.key,
        rest_seconds=ACTIVATION_REST_S,
        target_rir=4,
        why="Activation first: easy reps that get the outer glutes working before the main "
        "moves (the source's 1-2 sets of clamshells or banded abductions).",
        measure=Measure.REPS,
        target=ACTIVATION_REPS,
    )


def activation_seconds(exercise: Exercise, sets: int) -> float:
    """Time for the activation block."""
    sides = 2 if exercise.unilateral else 1
    per_set = ACTIVATION_REPS[1] * 3.0 * sides + (SIDE_SWITCH_S if sides == 2 else 0)
    return sets * per_set + (sets - 1) * ACTIVATION_REST_S + 30
