"""Placement: a self-test result sets where a move's first session starts, cautiously."""

from __future__ import annotations

from datetime import date

from hipcoach.domain.catalogue import Dosage
from hipcoach.domain.equipment import Equipment
from hipcoach.domain.ladder import build_ladder
from hipcoach.domain.log import Side
from hipcoach.domain.placement import place, standing_results
from hipcoach.domain.progression import Prescription
from hipcoach.domain.selftest import SelfTestResult

DAY = date(2026, 1, 5)
BODYWEIGHT = build_ladder((Equipment.NONE,))
ANKLE = build_ladder((Equipment.NONE, Equipment.ANKLE_WEIGHTS))


def _plan(
    exercise: str, kind: Dosage, target: tuple[int, int], rung: str = "bodyweight"
) -> Prescription:
    return Prescription(exercise, kind, 3, target, rung, 3)


BRIDGE = _plan("side_bridge", Dosage.HOLD_SECONDS, (30, 40))
RAISE = _plan("side_lying_hip_abduction", Dosage.REPS_PER_SIDE, (12, 20))
PLANK = _plan("side_plank_hip_abduction", Dosage.REPS_PER_SIDE, (10, 15))


def _results(*found: tuple[str, Side, int]) -> dict[tuple[str, Side], SelfTestResult]:
    made = [SelfTestResult(f"r-{i:04}", t, DAY, s, v) for i, (t, s, v) in enumerate(found)]
    return standing_results(made, on_or_before=DAY)


def test_a_short_knees_hold_starts_the_side_bridge_below_its_range() -> None:
    found = place(
        BRIDGE, BODYWEIGHT, _results(("side_bridge_hold_knees", Side.LEFT, 20)), Side.LEFT
    )
    assert found is not None
    assert (found.rung, found.aim) == (0, 15)  # 65 % of 20 s, in 5 s steps
    assert "from the knees" in found.why
    assert "20 seconds" in found.why


def test_a_long_full_hold_starts_the_knees_side_bridge_at_the_top_of_its_range() -> None:
    found = place(BRIDGE, BODYWEIGHT, _results(("side_bridge_hold", Side.RIGHT, 90)), Side.RIGHT)
    assert found is not None
    assert found.aim == 40


def test_the_knees_result_is_used_before_the_full_one_and_holds_never_start_under_10_s() -> None:
    both = _results(("side_bridge_hold", Side.LEFT, 90), ("side_bridge_hold_knees", Side.LEFT, 5))
    found = place(BRIDGE, BODYWEIGHT, both, Side.LEFT)
    assert found is not None
    assert found.aim == 10


def test_each_side_is_placed_by_its_own_result_and_a_whole_body_move_by_the_weaker() -> None:
    results = _results(
        ("side_lying_abduction_reps", Side.LEFT, 20), ("side_lying_abduction_reps", Side.RIGHT, 10)
    )
    left, right = (place(RAISE, ANKLE, results, side) for side in (Side.LEFT, Side.RIGHT))
    assert left is not None
    assert right is not None
    assert (left.aim, right.aim) == (13, 6)
    whole = place(RAISE, ANKLE, results, Side.BOTH)
    assert whole is not None
    assert whole.aim == 6


def test_many_side_lying_reps_start_higher_on_the_ladder_but_at_most_two_rungs() -> None:
    results = _results(("side_lying_abduction_reps", Side.LEFT, 34))  # 22 reps a set
    found = place(RAISE, ANKLE, results, Side.LEFT)
    assert found is not None
    assert (found.rung, found.aim) == (1, 12)
    assert ANKLE[1].label in found.why
    huge = place(RAISE, ANKLE, _results(("side_lying_abduction_reps", Side.LEFT, 400)), Side.LEFT)
    assert huge is not None
    assert huge.rung == 2
    bare = place(RAISE, BODYWEIGHT, results, Side.LEFT)
    assert bare is not None
    assert (bare.rung, bare.aim) == (0, 20)


def test_a_weak_result_places_lower_than_the_levels_start() -> None:
    intermediate = _plan("side_lying_hip_abduction", Dosage.REPS_PER_SIDE, (12, 20), "ankle_1kg")
    found = place(
        intermediate, ANKLE, _results(("side_lying_abduction_reps", Side.LEFT, 18)), Side.LEFT
    )
    assert found is not None
    assert (found.rung, found.aim) == (0, 11)


def test_the_side_plank_with_abduction_waits_for_a_30_second_full_hold() -> None:
    short = place(PLANK, ANKLE, _results(("side_bridge_hold", Side.LEFT, 15)), Side.LEFT)
    assert short is not None
    assert (short.rung, short.aim) == (0, 5)  # half the 30 s, half the range's bottom
    knees = place(PLANK, ANKLE, _results(("side_bridge_hold_knees", Side.LEFT, 60)), Side.LEFT)
    assert knees is not None
    assert knees.aim == 3
    assert place(PLANK, ANKLE, _results(("side_bridge_hold", Side.LEFT, 30)), Side.LEFT) is None


def test_timed_side_plank_sets_start_at_a_share_of_the_hold_never_above_the_range_bottom() -> None:
    timed = _plan("side_plank_hip_abduction", Dosage.HOLD_SECONDS, (20, 30))
    short = place(timed, ANKLE, _results(("side_bridge_hold", Side.LEFT, 20)), Side.LEFT)
    assert short is not None
    assert (short.rung, short.aim) == (0, 15)  # 65 % of 20 s, in 5 s steps
    nearly = place(timed, ANKLE, _results(("side_bridge_hold", Side.LEFT, 29)), Side.LEFT)
    assert nearly is not None
    assert nearly.aim == 20  # 65 % of 29 s is 20: the range's bottom, never more
    knees = place(timed, ANKLE, _results(("side_bridge_hold_knees", Side.LEFT, 90)), Side.LEFT)
    assert knees is not None
    assert (knees.aim, "from the knees" in knees.why) == (20, True)


def test_moves_no_test_measures_activation_and_no_result_keep_the_plans_start() -> None:
    results = _results(("single_leg_stance", Side.LEFT, 10), ("step_down_quality", Side.LEFT, 1))
    squat = _plan("single_leg_squat", Dosage.REPS_PER_SIDE, (6, 10))
    assert place(squat, BODYWEIGHT, results, Side.LEFT) is None
    assert place(RAISE, ANKLE, {}, Side.LEFT) is None
    warm = Prescription(
        "side_lying_hip_abduction", Dosage.REPS_PER_SIDE, 2, (12, 20), "bodyweight", 3, True
    )
    assert (
        place(warm, ANKLE, _results(("side_lying_abduction_reps", Side.LEFT, 10)), Side.LEFT)
        is None
    )


def test_the_result_standing_is_the_latest_on_or_before_the_first_session() -> None:
    made = [
        SelfTestResult("r-0001", "side_lying_abduction_reps", date(2026, 1, 1), Side.LEFT, 10),
        SelfTestResult("r-0002", "side_lying_abduction_reps", date(2026, 1, 4), Side.LEFT, 20),
        SelfTestResult("r-0003", "side_lying_abduction_reps", date(2026, 2, 1), Side.LEFT, 40),
    ]
    standing = standing_results(made, on_or_before=DAY)
    assert standing[("side_lying_abduction_reps", Side.LEFT)].value == 20
    assert standing_results(made, on_or_before=date(2025, 12, 31)) == {}
