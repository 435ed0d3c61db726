"""How much of each move: sets, reps/steps/holds, rest, effort, by level, goal and week.

Numbers follow the source's session structure (DOMAIN.md): isolation 3-4 sets of 10-20 reps;
compound and stability 3 sets of 10-15 steps per side or 30-60 s holds. Effort targets of
0-3 reps in reserve follow Robinson 2024 / Refalo 2023; lighter deload weeks cut sets and
effort (Bell 2022). Rest: longer for compound moves (Schoenfeld 2016), enough to keep reps
on band work (Longo 2022).
"""

from __future__ import annotations

from dataclasses import dataclass

from hipcoach.domain.catalogue import Dosage, Exercise, Role
from hipcoach.domain.profile import Goal, Level

MESOCYCLE_WEEKS = 4  # three build weeks, then one lighter week
ISOLATION_SETS = (3, 4)
COMPOUND_SETS = (3, 3)
DELOAD_SETS = 2
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
    Goal.STRENGTH: (10, 15),
    Goal.STABILITY: (15, 20),
}
_HOLD_BY_LEVEL: dict[Level, tuple[int, int]] = {
    Level.BEGINNER: (30, 40),
    Level.INTERMEDIATE: (30, 45),
    Level.ADVANCED: (40, 60),
}
# Where on the resistance ladder each level starts (0 = the easiest rung).
START_RUNG: dict[Level, int] = {Level.BEGINNER: 0, Level.INTERMEDIATE: 1, Level.ADVANCED: 2}


def working_role(exercise: Exercise) -> Role:
    """The role a move plays in the working block (its first role other than activation)."""
    for role in exercise.roles:
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
    if goal is Goal.STABILITY and Dosage.HOLD_SECONDS in exercise.dosage:
        return Dosage.HOLD_SECONDS
    for kind in exercise.dosage:
        if kind is not Dosage.HOLD_SECONDS:
            return kind
    return exercise.dosage[0]


def week_in_block(week_number: int, total_weeks: int) -> tuple[int, bool]:
    """Position 0-2 in the build weeks, or (3, True) for a deload week."""
    position = (week_number - 1) % MESOCYCLE_WEEKS
    deload = position == MESOCYCLE_WEEKS - 1 and total_weeks >= MESOCYCLE_WEEKS
    return (position, deload)


def dose_for(exercise: Exercise, level: Level, goal: Goal, week_number: int, weeks: int) -> Dose:
    """The prescription of one move in one week of the plan."""
    position, deload = week_in_block(week_number, weeks)
    role = working_role(exercise)
    kind = dosage_kind(exercise, goal)
    isolation = role is Role.ISOLATION
    if deload:
        sets = DELOAD_SETS
    elif isolation:
        sets = _ISOLATION_SETS_BY_LEVEL[level][min(position, 2)]
    else:
        sets = COMPOUND_SETS[0]
    if kind is Dosage.HOLD_SECONDS:
        target = _HOLD_BY_LEVEL[level]
    elif kind is Dosage.STEPS_PER_SIDE or not isolation:
        target = STEPS_RANGE
    else:
        target = _REPS_BY_GOAL[goal]
    per_side = kind in (Dosage.REPS_PER_SIDE, Dosage.STEPS_PER_SIDE, Dosage.HOLD_SECONDS)
    return Dose(
        kind=kind,
        sets=sets,
        target=target,
        per_side=per_side,
        rest_seconds=rest_seconds(role, level, per_side=per_side),
        target_rir=_RIR_BY_LEVEL[level][3 if deload else min(position, 2)],
    )


def rest_seconds(role: Role, level: Level, *, per_side: bool) -> int:
    """Rest after each set (after both sides for one-sided moves)."""
    if role is Role.COMPOUND:
        return 120 if level is Level.ADVANCED else 90
    if role is Role.STABILITY:
        return 60
    return 45 if per_side else 60


def peak_dose(exercise: Exercise, level: Level, goal: Goal, weeks: int) -> Dose:
    """The heaviest week's prescription (used to keep every week within the time budget)."""
    doses = [dose_for(exercise, level, goal, w, weeks) for w in range(1, min(weeks, 3) + 1)]
    return max(doses, key=lambda d: d.sets)
