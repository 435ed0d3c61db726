"""Body positions that matter when something hurts, and which pain rules them out.

A coach changes the position before the move: lateral hip pain is often worse lying on the
sore side and with the thigh pulled across the body (end-range adduction), so side-lying
moves, which work each side in turn and so lie on both, wait; a sore knee is spared kneeling
and deep knee bends under load. These are coaching conventions for common hip and knee
complaints (DOMAIN.md, coaching rules: "pain belongs to the person"), not findings of
research/science.md; a physical therapist's advice overrides them.

Keys of moves another checkout is adding (side_bridge, split_squat, single_leg_squat) are
listed too, so they are classified the day they arrive.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum

from hipcoach.domain.catalogue import Exercise, PainArea
from hipcoach.domain.profile import Level, Profile


class Position(Enum):
    """A position or motion that some pain rules out (internal: never stored or shown)."""

    SIDE_LYING = "side_lying"
    KNEELING = "kneeling"
    DEEP_KNEE_BEND = "deep_knee_bend"
    ACROSS_THE_BODY = "across_the_body"


POSITIONS: Mapping[str, frozenset[Position]] = {
    "clamshell": frozenset({Position.SIDE_LYING}),
    "side_lying_hip_abduction": frozenset({Position.SIDE_LYING}),
    "side_plank_hip_abduction": frozenset({Position.SIDE_LYING}),
    "side_bridge": frozenset({Position.SIDE_LYING}),
    "fire_hydrant": frozenset({Position.KNEELING}),
    "donkey_kick": frozenset({Position.KNEELING}),
    "curtsy_lunge": frozenset({Position.DEEP_KNEE_BEND, Position.ACROSS_THE_BODY}),
    "lateral_lunge": frozenset({Position.DEEP_KNEE_BEND}),
    "standing_kickback_lunge": frozenset({Position.DEEP_KNEE_BEND}),
    "split_squat": frozenset({Position.DEEP_KNEE_BEND}),
    "single_leg_squat": frozenset({Position.DEEP_KNEE_BEND}),
}
"""The positions each move puts the body in (moves not listed need none of them)."""

RULED_OUT: Mapping[PainArea, Mapping[Position, str]] = {
    PainArea.HIP: {
        Position.SIDE_LYING: "it means lying on each hip in turn, the sore one too",
        Position.ACROSS_THE_BODY: "it takes the thigh across the body",
    },
    PainArea.KNEE: {
        Position.KNEELING: "it puts your weight on the knees",
        Position.DEEP_KNEE_BEND: "it bends the knee deeply under load",
    },
}
"""Per pain area, the positions it rules out and why, in words a person understands."""


def position_reasons(exercise: Exercise, pain: frozenset[PainArea]) -> tuple[str, ...]:
    """Why the person's pain rules a move's position out (empty: the position is fine)."""
    held = POSITIONS.get(exercise.key)
    if not pain or held is None:  # the common case, asked for every move of every plan
        return ()
    return tuple(
        f"{area.value.replace('_', ' ')} pain: {why}"
        for area in sorted(pain)
        for position, why in RULED_OUT.get(area, {}).items()
        if position in held
    )


# The hardest moves wait for the first block to pass: a coach builds the base first
# (DOMAIN.md: "variants before load: knees-bent before full side bridge"; beginners, older
# adults and people in pain start on an easier variant). The side bridge (knees first) is
# their way in; the coach moves them on to the full side plank with a leg lift once its
# ladder is climbed (services/coaching.py, `harder_for`).
READY_FIRST: Mapping[str, str] = {
    "side_plank_hip_abduction": (
        "the full side plank with a leg lift comes after the first weeks of base work"
    ),
}


def ready_first(exercise: Exercise, profile: Profile) -> str | None:
    """Why a hard move waits for this person (a beginner, an older adult or anyone in pain),
    or None."""
    if exercise.key not in READY_FIRST:
        return None
    if profile.level is Level.BEGINNER or profile.pain or profile.older_adult:
        return READY_FIRST[exercise.key]
    return None
