"""Which move takes the place of a top held too long (domain/rotation.py, substitution.py)."""

from __future__ import annotations

from datetime import date

from hipcoach.content.loader import load_catalogue
from hipcoach.domain.catalogue import Role
from hipcoach.domain.dosage import working_role
from hipcoach.domain.equipment import Equipment
from hipcoach.domain.profile import Goal, Level, Profile, Weekday
from hipcoach.domain.rotation import Candidate, rotation_order
from hipcoach.domain.substitution import harder_for, rotations_for

CATALOGUE = load_catalogue()
NO_KIT = Profile(
    level=Level.ADVANCED,
    goal=Goal.MUSCLE,
    days=(Weekday.MON, Weekday.THU),
    minutes=30,
    start=date(2026, 1, 5),
    weeks=52,
    equipment=frozenset(),
)


def test_fresh_work_with_rungs_left_comes_before_the_goal_s_order() -> None:
    order = rotation_order(
        [
            Candidate("first", rungs_left=0),
            Candidate("climbs", rungs_left=2),
            Candidate("waiting", rungs_left=3, at_top=True),
        ]
    )
    assert order == ("climbs", "first", "waiting")


def test_a_move_at_its_own_top_with_nowhere_to_go_is_left_out() -> None:
    stuck = Candidate("stuck", rungs_left=0, at_top=True, stuck=True)
    assert rotation_order([stuck, Candidate("fresh", rungs_left=0)]) == ("fresh",)
    assert rotation_order([stuck]) == ()


def test_the_move_standing_in_keeps_its_place_even_at_its_own_top() -> None:
    standing = Candidate("standing", 0, at_top=True, stuck=True, stood_in=date(2026, 5, 4))
    later = Candidate("later", 3, stood_in=date(2026, 6, 1))  # standing in for another slot
    fresh = Candidate("fresh", rungs_left=4)
    assert rotation_order([fresh, standing]) == ("standing", "fresh")
    assert rotation_order([fresh, later, standing]) == ("standing", "later", "fresh")


def test_a_move_done_beside_the_held_one_has_a_place_of_its_own() -> None:
    beside = Candidate("beside", rungs_left=3, stood_in=date(2026, 5, 4), alongside=True)
    assert rotation_order([beside, Candidate("fresh", 0)]) == ("fresh",)


def test_the_side_plank_with_abduction_makes_way_for_the_hip_hitch_not_its_easier_bridge() -> None:
    plank = CATALOGUE.get("side_plank_hip_abduction")
    assert harder_for(plank, NO_KIT, CATALOGUE) is None  # the top of its line: nowhere to go
    # Moves that can play its stability role; the side bridge is its own easier variation.
    fresh = rotations_for(plank, NO_KIT, CATALOGUE)
    assert fresh == ("hip_hitch", "single_leg_squat", "standing_kickback_lunge")
    # Held in a compound slot (a side plank standing in), compound moves fit the slot.
    assert "lateral_lunge" in rotations_for(plank, NO_KIT, CATALOGUE, role=Role.COMPOUND)


def test_every_fresh_move_plays_the_same_role_shares_a_muscle_and_is_doable() -> None:
    for exercise in CATALOGUE.exercises:
        for key in rotations_for(exercise, NO_KIT, CATALOGUE):
            other = CATALOGUE.get(key)
            assert working_role(exercise) in other.roles, (exercise.key, key)
            assert set(other.primary) & set(exercise.primary), (exercise.key, key)
            assert other.usable_with(frozenset({Equipment.NONE})), (exercise.key, key)
            easier = {v.exercise_key for v in other.harder}
            assert exercise.key not in easier, (exercise.key, key)
