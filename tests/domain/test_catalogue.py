"""Catalogue lookups, filters and ladders."""

from __future__ import annotations

import itertools

import pytest

from hipcoach.domain.catalogue import Catalogue, Role
from hipcoach.domain.equipment import Equipment
from hipcoach.domain.errors import UnknownKeyError
from hipcoach.domain.ladder import LadderIncrements, build_ladder, step_index
from hipcoach.domain.muscle import Muscle


def test_an_unknown_key_suggests_close_matches(catalogue: Catalogue) -> None:
    with pytest.raises(UnknownKeyError) as info:
        catalogue.get("clamshel")
    assert info.value.suggestions[0] == "clamshell"
    assert "Did you mean: clamshell" in info.value.message


def test_filter_by_equipment_keeps_only_doable_moves(catalogue: Catalogue) -> None:
    bodyweight = catalogue.filter(equipment=[Equipment.NONE])
    keys = {e.key for e in bodyweight}
    assert "cable_hip_abduction" not in keys
    assert "lateral_band_walk" not in keys
    assert "clamshell" in keys
    with_cable = {e.key for e in catalogue.filter(equipment=[Equipment.CABLE_MACHINE])}
    assert "cable_hip_abduction" in with_cable


def test_filter_by_muscle_and_role(catalogue: Catalogue) -> None:
    found = catalogue.filter(muscle=Muscle.GLUTEUS_MEDIUS, role=Role.ACTIVATION)
    assert found
    assert all(Role.ACTIVATION in e.roles for e in found)


def test_band_ladder_runs_from_bodyweight_to_extra_heavy() -> None:
    ladder = build_ladder((Equipment.NONE, Equipment.MINI_BAND))
    assert [s.key for s in ladder] == [
        "bodyweight",
        "mini_band_light",
        "mini_band_medium",
        "mini_band_heavy",
        "mini_band_extra_heavy",
    ]


def test_ankle_weights_climb_in_half_kilo_steps() -> None:
    ladder = build_ladder((Equipment.NONE, Equipment.ANKLE_WEIGHTS))
    loads = [s.load_kg for s in ladder[1:] if s.load_kg is not None]
    assert len(loads) == len(ladder) - 1
    assert loads[:3] == [0.5, 1.0, 1.5]
    assert all(round(b - a, 2) == 0.5 for a, b in itertools.pairwise(loads))


def test_increments_are_configurable() -> None:
    ladder = build_ladder((Equipment.DUMBBELL,), increments=LadderIncrements(dumbbell_step_kg=2.5))
    assert [s.load_kg for s in ladder[:3]] == [2.5, 5.0, 7.5]


def test_ladders_skip_equipment_the_person_lacks() -> None:
    ladder = build_ladder((Equipment.NONE, Equipment.MINI_BAND), frozenset())
    assert [s.key for s in ladder] == ["bodyweight"]
    assert step_index(ladder, "bodyweight") == 0
    assert step_index(ladder, "mini_band_light") == -1


def test_a_move_is_possible_with_bodyweight_only_when_it_needs_no_equipment(
    catalogue: Catalogue,
) -> None:
    assert catalogue.get("clamshell").bodyweight_possible
    assert not catalogue.get("cable_hip_abduction").bodyweight_possible
