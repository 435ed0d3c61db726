"""Weekly hard sets per muscle, and the range (floor and ceiling) a plan stays inside.

Hard sets count working sets for gluteus medius: a set of a move where it is a primary mover
counts 1, where it is secondary 0.5 ("fractional" counting fitted best in Pelland 2024).
Activation sets are easy by design (about four reps in reserve), so they are not hard sets.

The range per goal and level is a derived default, not a single study's finding
(research/science.md section 2, "Suggested programming defaults"):

- the floor comes from "10+ hard sets a week for the abductors" (Pelland 2024; growth rises
  with weekly sets, Schoenfeld 2017), kept at 10 for trained people (one weekly session of
  four moves must still reach it), lowered for beginners, who start with fewer sets
  (ACSM 2009: novices 2-3 days a week), and for the strength and stability goals, whose
  heavier sets and holds aim at quality more than volume;
- the ceiling is a coaching convention: returns per extra set diminish (Pelland 2024;
  Schoenfeld 2017: +0.37 % growth per extra weekly set), so past a few sets above the floor
  one small muscle group gains little and fatigue keeps rising. Every ceiling is at least 12
  so that six short weekly sessions of one two-set move still fit inside it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from hipcoach.domain.catalogue import Catalogue, Exercise
from hipcoach.domain.muscle import Muscle
from hipcoach.domain.plan import BlockKind, Session
from hipcoach.domain.profile import Goal, Level

TARGET_MUSCLE = Muscle.GLUTEUS_MEDIUS
SECONDARY_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class SetRange:
    """Weekly hard sets for the target muscle: at least `floor`, at most `ceiling`."""

    floor: int
    ceiling: int

    def where(self, sets: float) -> str:
        """'below', 'inside' or 'above' the range."""
        if sets < self.floor:
            return "below"
        return "above" if sets > self.ceiling else "inside"


WEEKLY_SET_RANGE: dict[Goal, dict[Level, SetRange]] = {
    Goal.MUSCLE: {
        Level.BEGINNER: SetRange(8, 12),
        Level.INTERMEDIATE: SetRange(10, 16),
        Level.ADVANCED: SetRange(10, 20),
    },
    Goal.STRENGTH: {
        Level.BEGINNER: SetRange(6, 12),
        Level.INTERMEDIATE: SetRange(8, 12),
        Level.ADVANCED: SetRange(10, 14),
    },
    Goal.STABILITY: {
        Level.BEGINNER: SetRange(6, 12),
        Level.INTERMEDIATE: SetRange(8, 12),
        Level.ADVANCED: SetRange(8, 14),
    },
}
VOLUME_SOURCE = "Pelland 2024 (preprint); Schoenfeld 2017, J Sports Sci; ACSM 2009"


def hard_set_share(exercise: Exercise, muscle: Muscle = TARGET_MUSCLE) -> float:
    """How much one working set of a move counts for a muscle: 1, 0.5 or 0."""
    if muscle in exercise.primary:
        return 1.0
    return SECONDARY_SHARE if muscle in exercise.secondary else 0.0


def weekly_sets(sessions: Iterable[Session], catalogue: Catalogue) -> dict[Muscle, float]:
    """Hard sets per muscle over some sessions' working blocks: primary 1 per set, secondary 0.5."""
    totals: dict[Muscle, float] = defaultdict(float)
    for session in sessions:
        for item in session.items(BlockKind.WORKING):
            if item.exercise is None:
                continue
            exercise = catalogue.get(item.exercise)
            for muscle in exercise.primary:
                totals[muscle] += item.sets
            for muscle in exercise.secondary:
                totals[muscle] += SECONDARY_SHARE * item.sets
    return {m: totals[m] for m in Muscle if m in totals}
