"""Placement: a self-test result sets where a move's first prescription starts.

A self-test done before a move is first trained says more about the person than their level
does, so the move's first rung and aim come from the result instead of the level's default.
Only three moves have a test that measures them directly; every other move starts where the
plan puts it. The single-leg stance and the step-down checklist measure control, not a dose
of reps or seconds, so they place nothing.

The rules, and why (coaching conventions: research/science.md has no study of placing people
from these tests, so each number below is ours and is kept deliberately cautious):

- **A set is a share of a test to failure.** A test is done once, to failure; a training set
  is one of three, done with reps (or seconds) in reserve. `SET_SHARE` (65 %) of the test is
  where the first set starts: about what a beginner's three reps in reserve leave of a
  fresh 18-rep effort, and with the fatigue of three sets still within reach.
- **Side bridge** (the catalogue's hold, from the knees first): the aim is 65 % of the hold,
  in 5-second steps, at least `MIN_HOLD_S` (10 s). The knees test measures this very
  position; the full test (from the feet) is harder, so its time is a safe floor for the
  knees version. When both exist, the knees result is used. A short hold starts below the
  range's bottom (the range is then climbed 5 s at a time); a long one starts at its top.
- **Side plank with hip abduction** (the hardest move): lifting the leg needs the plank
  itself held well past a set's length. A full side-bridge hold under `READY_FULL_HOLD_S`
  (30 s), or only a knees result, starts it on the easiest rung with the aim scaled down by
  the share of those 30 s that was held (holds: 65 % of the hold). A longer hold changes
  nothing: this move is never placed higher than the plan puts it.
- **Side-lying abduction**: reps to fatigue without load (the test allows the same ankle
  weight each time, but the result does not record it, so it is read as unloaded: the
  cautious reading, since a loaded result understates the unloaded reps). 65 % of the reps
  is the aim at bodyweight. When that is above the range's top, bodyweight is too easy: the
  move starts one rung up (0.5 kg of ankle weight), one more for each further range's width,
  at most `MAX_RUNGS_UP` (2), at the bottom of the range. Without ankle weights it starts at
  the top of the range instead.

A placement only ever sets the start: from the first session on, the person climbs by the
usual rules, and a rung that proves too hard steps back at once (`progression.FAR_BELOW`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from hipcoach.domain.catalogue import Dosage
from hipcoach.domain.ladder import LadderStep
from hipcoach.domain.log import Side
from hipcoach.domain.progression import Prescription, State, start_rung
from hipcoach.domain.selftest import SelfTestResult, self_test

SET_SHARE = 0.65
MIN_HOLD_S = 10
HOLD_STEP_S = 5
READY_FULL_HOLD_S = 30
MAX_RUNGS_UP = 2

FULL_HOLD = "side_bridge_hold"
KNEES_HOLD = "side_bridge_hold_knees"
ABDUCTION_REPS = "side_lying_abduction_reps"

#: The tests that can place each move, the most direct first.
PLACED_BY: dict[str, tuple[str, ...]] = {
    "side_bridge": (KNEES_HOLD, FULL_HOLD),
    "side_plank_hip_abduction": (FULL_HOLD, KNEES_HOLD),
    "side_lying_hip_abduction": (ABDUCTION_REPS,),
}


@dataclass(frozen=True, slots=True)
class PlacedStart:
    """Where a move's first session starts, and the result that put it there."""

    rung: int
    aim: int
    why: str

    def state(self) -> State:
        """The progression state before the first session."""
        return State(rung=self.rung, aim=self.aim)


def standing_results(
    results: Iterable[SelfTestResult], *, on_or_before: date
) -> dict[tuple[str, Side], SelfTestResult]:
    """Each test and side's latest result on or before a day: what was known of the person
    when a move was first prescribed (later re-tests measure training, they do not re-place)."""
    found: dict[tuple[str, Side], SelfTestResult] = {}
    for result in results:
        key = (result.test, result.side)
        if result.date <= on_or_before and (key not in found or result.date >= found[key].date):
            found[key] = result
    return found


def _result_for(
    results: Mapping[tuple[str, Side], SelfTestResult], test: str, side: Side
) -> SelfTestResult | None:
    """The side's own result; for a move done for the body as a whole, the weaker side's."""
    if side is not Side.BOTH:
        return results.get((test, side)) or results.get((test, Side.BOTH))
    found = [r for (key, _), r in results.items() if key == test]
    return min(found, key=lambda r: r.value, default=None)


def _hold_aim(seconds: int, high: int) -> int:
    share = round(seconds * SET_SHARE / HOLD_STEP_S) * HOLD_STEP_S
    return max(MIN_HOLD_S, min(high, share))


def _said(result: SelfTestResult) -> str:
    test = self_test(result.test)
    side = "" if result.side is Side.BOTH else f" ({result.side.value} side)"
    return f"{test.name}{side} {result.value} {test.unit} on {result.date.isoformat()}"


def _side_bridge(
    plan: Prescription, ladder: tuple[LadderStep, ...], r: SelfTestResult
) -> PlacedStart:
    aim = _hold_aim(r.value, plan.target[1])
    knees = " from the knees" if r.test == FULL_HOLD else ""
    return PlacedStart(
        start_rung(plan, ladder),
        aim,
        f"Your {_said(r)} places the first holds at {aim} s{knees}.",
    )


def _side_plank(plan: Prescription, r: SelfTestResult) -> PlacedStart | None:
    low, high = plan.target
    if r.test == FULL_HOLD and r.value >= READY_FULL_HOLD_S:
        return None
    if plan.kind is Dosage.HOLD_SECONDS:
        aim = min(_hold_aim(r.value, high), low)
    else:
        held = r.value if r.test == FULL_HOLD else 0
        aim = max(3, min(low, round(low * held / READY_FULL_HOLD_S)))
    short = (
        f"is short of the {READY_FULL_HOLD_S} s from the feet this move needs"
        if r.test == FULL_HOLD
        else f"is from the knees; this move needs {READY_FULL_HOLD_S} s from the feet"
    )
    return PlacedStart(
        0,
        aim,
        f"Your {_said(r)} {short}: start at the easiest step, aim {aim}, and build the "
        "side bridge itself too.",
    )


def _side_lying(
    plan: Prescription, ladder: tuple[LadderStep, ...], r: SelfTestResult
) -> PlacedStart:
    low, high = plan.target
    aim = max(1, int(r.value * SET_SHARE))
    if aim <= high:
        return PlacedStart(0, aim, f"Your {_said(r)} places the first sets at {aim} reps.")
    if len(ladder) == 1:
        return PlacedStart(0, high, f"Your {_said(r)} starts this move at the top, {high} reps.")
    up = min(MAX_RUNGS_UP, 1 + (aim - high - 1) // (high - low + 1), len(ladder) - 1)
    return PlacedStart(
        up,
        low,
        f"Your {_said(r)} makes bodyweight too easy: start at {ladder[up].label}, aim {low}.",
    )


def place(
    plan: Prescription,
    ladder: tuple[LadderStep, ...],
    results: Mapping[tuple[str, Side], SelfTestResult],
    side: Side,
) -> PlacedStart | None:
    """Where a move's first session starts given the self-test results standing then
    (None: no test measures this move, or none was done, so the plan's start stands)."""
    if plan.activation or not ladder:
        return None
    for test in PLACED_BY.get(plan.exercise, ()):
        found = _result_for(results, test, side)
        if found is None:
            continue
        if plan.exercise == "side_bridge":
            return _side_bridge(plan, ladder, found)
        if plan.exercise == "side_plank_hip_abduction":
            return _side_plank(plan, found)
        return _side_lying(plan, ladder, found)
    return None
