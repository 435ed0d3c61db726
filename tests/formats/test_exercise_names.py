"""Strong and Hevy names of the moves added beyond the source articles map to our keys."""

from __future__ import annotations

import pytest

from hipcoach.domain.catalogue import Catalogue
from hipcoach.formats.exercise_names import match_exercise, name_index


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Hip Abduction (Machine)", "machine_hip_abduction"),
        ("Hip Abductor (Machine)", "machine_hip_abduction"),
        ("Seated Hip Abduction", "machine_hip_abduction"),
        ("Hip Thrust", "hip_thrust"),
        ("Hip Thrust (Barbell)", "hip_thrust"),
        ("Hip Thrust (Dumbbell)", "hip_thrust"),
        ("Barbell Hip Thrust", "hip_thrust"),
        ("Step Up", "step_up"),
        ("Step-Up (Dumbbell)", "step_up"),
        ("Box Step Up", "step_up"),
        ("Lateral Step Up", "lateral_step_up"),
        ("Lateral Step-Up (Dumbbell)", "lateral_step_up"),
        ("Split Squat (Dumbbell)", "split_squat"),
        ("Split Squat", "split_squat"),
        ("Single Leg Glute Bridge", "single_leg_bridge"),
        ("Single Leg Bridge", "single_leg_bridge"),
        ("Single Leg Squat", "single_leg_squat"),
        ("Step Down", "single_leg_squat"),
        ("Side Plank", "side_bridge"),
        ("Hip Hitch", "hip_hitch"),
        ("Pelvic Drop", "hip_hitch"),
        # still ours only where the move is ours: these stay unmatched
        ("Squat (Barbell)", None),
        ("Bulgarian Split Squat", None),
        ("Pistol Squat", None),
        ("Hip Adduction (Machine)", None),
    ],
)
def test_app_names_of_the_added_moves_match(
    name: str, key: str | None, catalogue: Catalogue
) -> None:
    assert match_exercise(name, catalogue) == key


def test_the_seated_band_and_machine_versions_stay_apart(catalogue: Catalogue) -> None:
    assert match_exercise("Seated Hip Abduction (Band)", catalogue) == "seated_banded_hip_abduction"
    assert match_exercise("Seated Hip Abduction (Machine)", catalogue) == "machine_hip_abduction"


def test_no_two_moves_share_a_name(catalogue: Catalogue) -> None:
    shared = [form for form, key in name_index(catalogue).items() if key is None]
    assert shared == []
