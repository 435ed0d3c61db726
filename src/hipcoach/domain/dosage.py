"""How much of each move: sets, reps/steps/holds, rest, effort, by level, goal and week.

Numbers follow the source's session structure (DOMAIN.md): isolation 3-4 sets of 10-20 reps;
compound and stability 3 sets of 10-15 steps per side or 30-60 s holds. Effort targets of
0-3 reps in reserve follow Robinson 2024 / Refalo 2023; lighter deload weeks cut sets and
effort (Bell 2022). Rest: longer for compound moves (Schoenfeld 2016), enough to keep reps
on band work (Longo 2022).

The strength goal lifts heavier for fewer reps: 8-12 reps on isolation moves and beginners'
compound moves (ACSM 2009: novices 8-12 RM), 6-10 for intermediate and advanced compound
moves (ACSM 2009: 1-12 RM for trained lifters; heavier loads build more 1RM strength,
Schoenfeld 2017), with 3 minutes' rest after loaded compound sets (ACSM 2009: 3-5 min for
heavy sets; Schoenfeld 2016: 3 min beat 1 min) and 90 s after loaded isolation sets.

A plan may use two sets per move instead of three (`base_sets`) when many sessions a week
or a short session would otherwise pass the weekly ceiling or the time (see `volume`).

Blocks (periodisation): a plan of 8 weeks or more is a run of 4-week blocks, and every other
block changes (`changed_block`) so that months of training do not repeat one week: the
planner rotates a move (see `planner`) and, for the muscle and strength goals, moves that
start loaded work a heavier, lower-rep range in a changed block (`changed_reps`): muscle
8-12, strength isolation 6-10 and compound 5-8. Light and heavy loads grow muscle alike when
sets go near failure, and heavy loads build more 1RM strength (Schoenfeld, Grgic et al. 2017);
intermediate and advanced lifters train 1-12 RM, periodised (ACSM 2009). The blocks that
alternate the ranges are a coaching convention built on those two findings, not a trial.
Beginners keep one range and learn their moves for two blocks; their changed blocks (weeks
9-12, 17-20, ...) rotate a move only. Holds, band walks and bodyweight moves keep their range:
a heavier range needs a load to make it heavier. The progression engine steps a rung heavier
when a block's range falls and a rung lighter when it rises (`progression`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from hipcoach.domain.catalogue import Dosage, Exercise, Role
from hipcoach.domain.equipment import Equipment
from hipcoach.domain.ladder import LadderStep
from hipcoach.domain.profile import Goal, Level

MESOCYCLE_WEEKS = 4  # three build weeks, then one lighter week
BLOCKS_FROM_WEEKS = 8  # shorter plans are one repeated block
ISOLATION_SETS = (3, 4)
COMPOUND_SETS = (3, 3)
DELOAD_SETS = 2
BASE_SETS = (
    3,
    2,
)  # sets per move in the build weeks: the source's 3, or 2 when volume or time binds
REPS_RANGE = (10, 20)
STEPS_RANGE = (10, 15)
HOLD_RANGE = (30, 60)

# Sets per build week (weeks 1-3 of each block) for isolation moves.
_ISOLATION_SETS_BY_LEVEL: dict[Level, tuple[int, int, int]] = {
    Level.BEGINNER: (3, 3, 3),
    Level.INTERMEDIATE: (3, 3, 4),
    Level.ADVANCED: (3, 4, 4),
}
# Target reps in reserve per build week, then the deload week.
_RIR_BY_LEVEL: dict[Level, tuple[int, int, int, int]] = {
    Level.BEGINNER: (3, 3, 2, 4),
    Level.INTERMEDIATE: (2, 2, 1, 4),
    Level.ADVANCED: (2, 1, 1, 4),
}
_REPS_BY_GOAL: dict[Goal, tuple[int, int]] = {
    Goal.MUSCLE: (12, 20),
    Goal.STRENGTH: (8, 12),
    Goal.STABILITY: (15, 20),
}
_STRENGTH_COMPOUND_REPS: dict[Level, tuple[int, int]] = {
    Level.BEGINNER: (8, 12),
    Level.INTERMEDIATE: (6, 10),
    Level.ADVANCED: (6, 10),
}
# A changed block's heavier range, by goal: (isolation, compound); stability keeps its range.
_CHANGED_REPS: dict[Goal, tuple[tuple[int, int], tuple[int, int]]] = {
    Goal.MUSCLE: ((8, 12), (8, 12)),
    Goal.STRENGTH: ((6, 10), (5, 8)),
}
_HOLD_BY_LEVEL: dict[Level, tuple[int, int]] = {
    Level.BEGINNER: (30, 40),
    Level.INTERMEDIATE: (30, 45),
    Level.ADVANCED: (40, 60),
}
# Where each level starts (coaching conventions, not study findings): beginners learn every
# move on its easiest rung; others start on a load most trained people manage for the target
# reps, the strength goal a step heavier. Compound moves hold the weight in the hands; an
# isolation move carries it on the leg, so it starts lighter.
_START_KG: dict[tuple[Equipment, bool], dict[Level, float]] = {
    (Equipment.DUMBBELL, True): {Level.INTERMEDIATE: 8.0, Level.ADVANCED: 12.0},
    (Equipment.DUMBBELL, False): {Level.INTERMEDIATE: 2.0, Level.ADVANCED: 4.0},
    (Equipment.KETTLEBELL, True): {Level.INTERMEDIATE: 8.0, Level.ADVANCED: 12.0},
    (Equipment.KETTLEBELL, False): {Level.INTERMEDIATE: 4.0, Level.ADVANCED: 6.0},
    (Equipment.ANKLE_WEIGHTS, True): {Level.INTERMEDIATE: 1.0, Level.ADVANCED: 2.0},
    (Equipment.ANKLE_WEIGHTS, False): {Level.INTERMEDIATE: 1.0, Level.ADVANCED: 2.0},
}
_STRENGTH_EXTRA_KG: dict[Equipment, float] = {
    Equipment.DUMBBELL: 4.0,
    Equipment.KETTLEBELL: 4.0,
    Equipment.ANKLE_WEIGHTS: 0.5,
}
_START_BAND: dict[Level, int] = {Level.INTERMEDIATE: 1, Level.ADVANCED: 2}  # medium, heavy
_START_PIN: dict[Level, int] = {Level.INTERMEDIATE: 3, Level.ADVANCED: 5}


def start_step(
    ladder: tuple[LadderStep, ...], level: Level, goal: Goal, role: Role, *, easier: bool = False
) -> LadderStep:
    """The rung a move starts on: the easiest for beginners; for others, the level's
    starting load on the first owned way of loading the move (a step heavier for strength).

    A band that may sit in several places starts where the move's how-to puts it, or on its
    easiest placement when `easier` (an older adult, or someone in pain: DOMAIN.md, "variants
    before load"), with the level's band there."""
    loaded = [s for s in ladder if s.equipment is not Equipment.NONE]
    if level is Level.BEGINNER or not loaded:
        return ladder[0]
    equipment = loaded[0].equipment
    rungs = [s for s in loaded if s.equipment is equipment]
    heavier = goal is Goal.STRENGTH
    if rungs[0].band_level is not None:
        first = rungs[0].placement
        rungs = [s for s in rungs if (s.placement is first if easier else s.home)]
        index = _START_BAND[level] + heavier
    elif rungs[0].cable_pin is not None:
        index = _START_PIN[level] - 1 + 2 * heavier
    else:
        # .get: equipment added later without a starting load starts on its lightest rung
        kg = _START_KG.get((equipment, role is not Role.ISOLATION), {}).get(level, 0.0)
        kg += _STRENGTH_EXTRA_KG.get(equipment, 0.0) if heavier and kg else 0.0
        index = sum(1 for s in rungs[1:] if (s.load_kg or 0.0) <= kg)
    return rungs[min(index, len(rungs) - 1)]


def working_role(exercise: Exercise) -> Role:
    """The role a move plays in the working block (its first role other than activation)."""
    return _working_role(exercise.roles)


def _working_role(roles: tuple[Role, ...]) -> Role:
    for role in roles:
        if role is not Role.ACTIVATION:
            return role
    return Role.ISOLATION


@dataclass(frozen=True, slots=True)
class Dose:
    """A move's prescription for one week (resistance is chosen separately)."""

    kind: Dosage
    sets: int
    target: tuple[int, int]
    per_side: bool
    rest_seconds: int
    target_rir: int


def dosage_kind(exercise: Exercise, goal: Goal) -> Dosage:
    """Holds for stability goals when the move allows them; otherwise its main dosage."""
    return _dosage_kind(exercise.dosage, goal)


def _dosage_kind(dosage: tuple[Dosage, ...], goal: Goal) -> Dosage:
    if goal is Goal.STABILITY and Dosage.HOLD_SECONDS in dosage:
        return Dosage.HOLD_SECONDS
    for kind in dosage:
        if kind is not Dosage.HOLD_SECONDS:
            return kind
    return dosage[0]


def week_in_block(week_number: int, total_weeks: int) -> tuple[int, bool]:
    """Position 0-2 in the build weeks, or (3, True) for a deload week."""
    position = (week_number - 1) % MESOCYCLE_WEEKS
    deload = position == MESOCYCLE_WEEKS - 1 and total_weeks >= MESOCYCLE_WEEKS
    return (position, deload)


def block_index(week_number: int) -> int:
    """The 4-week block a week belongs to, from 0."""
    return (week_number - 1) // MESOCYCLE_WEEKS


def changed_block(week_number: int, total_weeks: int, level: Level) -> bool:
    """True in a block that changes moves (and, where it applies, the range): every other block
    of a plan of 8+ weeks (weeks 5-8, 13-16, ...); beginners first keep their moves for two
    blocks, then change in weeks 9-12, 17-20, ..."""
    if total_weeks < BLOCKS_FROM_WEEKS:
        return False
    block = block_index(week_number)
    if level is Level.BEGINNER:
        return block >= 2 and block % 2 == 0
    return block % 2 == 1


def changed_reps(goal: Goal, level: Level) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """A changed block's (isolation, compound) rep ranges, or None when the range stays."""
    return None if level is Level.BEGINNER else _CHANGED_REPS.get(goal)


def _sets(role: Role, level: Level, position: int, deload: bool, base_sets: int) -> int:
    if deload:
        return DELOAD_SETS if base_sets == BASE_SETS[0] else base_sets - 1
    if base_sets != BASE_SETS[0]:
        return base_sets
    if role is Role.ISOLATION:
        return _ISOLATION_SETS_BY_LEVEL[level][min(position, 2)]
    return COMPOUND_SETS[0]


def _target(kind: Dosage, role: Role, level: Level, goal: Goal, heavier: bool) -> tuple[int, int]:
    if kind is Dosage.HOLD_SECONDS:
        return _HOLD_BY_LEVEL[level]
    if kind is Dosage.STEPS_PER_SIDE:
        return STEPS_RANGE
    changed = changed_reps(goal, level) if heavier else None
    if changed is not None:
        return changed[0] if role is Role.ISOLATION else changed[1]
    if role is Role.ISOLATION:
        return _REPS_BY_GOAL[goal]
    return _STRENGTH_COMPOUND_REPS[level] if goal is Goal.STRENGTH else STEPS_RANGE


def dose_for(
    exercise: Exercise,
    level: Level,
    goal: Goal,
    week_number: int,
    weeks: int,
    *,
    base_sets: int = BASE_SETS[0],
    loaded: bool = False,
) -> Dose:
    """The prescription of one move in one week of the plan (`loaded`: it starts on a weight
    or band, not bodyweight)."""
    return _dose(
        exercise.roles, exercise.dosage, level, goal, week_number, weeks, base_sets, loaded
    )


@lru_cache(maxsize=8192)  # pure and asked ~50 times a plan: a dose depends only on these
def _dose(
    roles: tuple[Role, ...],
    dosage: tuple[Dosage, ...],
    level: Level,
    goal: Goal,
    week_number: int,
    weeks: int,
    base_sets: int,
    loaded: bool,
) -> Dose:
    position, deload = week_in_block(week_number, weeks)
    role = _working_role(roles)
    kind = _dosage_kind(dosage, goal)
    heavier = loaded and changed_block(week_number, weeks, level)
    per_side = kind in (Dosage.REPS_PER_SIDE, Dosage.STEPS_PER_SIDE, Dosage.HOLD_SECONDS)
    # Long strength rests are for loaded lifts: a hold or a band walk (steps) recovers as fast
    # at the strength goal as at any other, so it keeps its usual rest.
    heavy = goal is Goal.STRENGTH and loaded and kind in (Dosage.REPS, Dosage.REPS_PER_SIDE)
    return Dose(
        kind=kind,
        sets=_sets(role, level, position, deload, base_sets),
        target=_target(kind, role, level, goal, heavier),
        per_side=per_side,
        rest_seconds=rest_seconds(role, level, per_side=per_side, heavy=heavy),
        target_rir=_RIR_BY_LEVEL[level][3 if deload else min(position, 2)],
    )


def rest_seconds(role: Role, level: Level, *, per_side: bool, heavy: bool = False) -> int:
    """Rest after each set (after both sides for one-sided moves); `heavy`: loaded strength sets."""
    if role is Role.COMPOUND:
        if heavy:
            return 180
        return 120 if level is Level.ADVANCED else 90
    if heavy:
        return 90
    if role is Role.STABILITY:
        return 60
    return 45 if per_side else 60


def peak_dose(
    exercise: Exercise,
    level: Level,
    goal: Goal,
    weeks: int,
    *,
    base_sets: int = BASE_SETS[0],
    loaded: bool = False,
) -> Dose:
    """The heaviest week's prescription (used to keep every week within the time budget):
    sets never fall across a block's build weeks, so it is the last of them; a changed block's
    range is never longer than the usual one."""
    week = min(weeks, MESOCYCLE_WEEKS - 1)
    return dose_for(exercise, level, goal, week, weeks, base_sets=base_sets, loaded=loaded)
