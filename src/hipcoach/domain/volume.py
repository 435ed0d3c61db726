"""Weekly hard sets per muscle, and the targets a plan aims for.

Targets count sets for gluteus medius: a set of a move where it is a primary mover counts 1,
where it is secondary 0.5 ("fractional" counting fitted best in Pelland 2024). Numbers are
derived defaults (research/science.md section 2, "Suggested programming defaults"): 10+ hard
sets a week for the abductors (Pelland 2024; more volume, more growth with diminishing
returns, Schoenfeld 2017), spread over 2+ sessions (Schoenfeld 2016), scaled down for
strength and stability goals and up with experience.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from hipcoach.domain.catalogue import Catalogue
from hipcoach.domain.muscle import Muscle
from hipcoach.domain.plan import BlockKind, Session
from hipcoach.domain.profile import Goal, Level

WEEKLY_SET_TARGET: dict[Goal, dict[Level, int]] = {
    Goal.MUSCLE: {Level.BEGINNER: 10, Level.INTERMEDIATE: 14, Level.ADVANCED: 18},
    Goal.STRENGTH: {Level.BEGINNER: 8, Level.INTERMEDIATE: 12, Level.ADVANCED: 14},
    Goal.STABILITY: {Level.BEGINNER: 8, Level.INTERMEDIATE: 10, Level.ADVANCED: 12},
}
VOLUME_SOURCE = "Pelland 2024 (preprint); Schoenfeld 2017, J Sports Sci; Schoenfeld 2016"


def weekly_sets(sessions: Iterable[Session], catalogue: Catalogue) -> dict[Muscle, float]:
    """Hard sets per muscle over some sessions: primary movers 1 per set, secondary 0.5."""
    totals: dict[Muscle, float] = defaultdict(float)
    for session in sessions:
        for kind in (BlockKind.ACTIVATION, BlockKind.WORKING):
            for item in session.items(kind):
                if item.exercise is None:
                    continue
                exercise = catalogue.get(item.exercise)
                for muscle in exercise.primary:
                    totals[muscle] += item.sets
                for muscle in exercise.secondary:
                    totals[muscle] += 0.5 * item.sets
    return {m: totals[m] for m in Muscle if m in totals}


def exercises_per_session(goal: Goal, level: Level, days: int) -> int:
    """How many working moves a session holds so the week lands near its set target."""
    target = WEEKLY_SET_TARGET[goal][level]
    per_session = -(-target // (days * 3))  # ceiling division: about 3 sets per move
    return max(2, min(4, per_session))
