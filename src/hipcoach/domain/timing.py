"""Honest session-length estimates from reps, tempo, sides, rest and changeovers."""

from __future__ import annotations

from hipcoach.domain.catalogue import Dosage

SECONDS_PER_REP = 3.0  # about 1 s up, a short pause, 2 s down
SECONDS_PER_STEP = 1.5
SIDE_SWITCH_S = 10
CHANGEOVER_S = 30  # set up the next move, adjust a band or weight
WARMUP_S = 300
SHORT_WARMUP_S = 120  # marching for a minute, leg swings and hip circles
COOLDOWN_S = 180


def set_seconds(kind: Dosage, top: int, *, per_side: bool) -> float:
    """Time under work for one set at the top of its range (both sides if one-sided)."""
    if kind is Dosage.HOLD_SECONDS:
        work = float(top)
    elif kind is Dosage.STEPS_PER_SIDE:
        work = top * SECONDS_PER_STEP
    else:
        work = top * SECONDS_PER_REP
    return work * 2 + SIDE_SWITCH_S if per_side else work


def exercise_seconds(kind: Dosage, sets: int, top: int, *, per_side: bool, rest_s: int) -> float:
    """Whole time for one move: its sets, the rests between them, and the changeover."""
    return sets * set_seconds(kind, top, per_side=per_side) + (sets - 1) * rest_s + CHANGEOVER_S
