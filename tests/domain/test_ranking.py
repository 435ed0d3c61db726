"""Ranking uses comparable rows only: means against means, the prescribed variant's own
study for the TFL, fine-wire data first (research/science.md, "Three cautions")."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from hipcoach.content.loader import load_catalogue
from hipcoach.domain.catalogue import Exercise
from hipcoach.domain.evidence import Electrode, EvidenceRow, Load, Method, Verification
from hipcoach.domain.profile import Goal
from hipcoach.domain.scoring import evidence_backed_abductor, exercise_value, tfl_ratio

CATALOGUE = load_catalogue()
NOTHING: frozenset[Any] = frozenset()


def _row(
    measure: str,
    mean: float | None,
    *,
    variant: str = "base",
    study: str = "Example 2020",
    method: Method = Method.MEAN,
    load: Load = Load.BODYWEIGHT,
    electrode: Electrode = Electrode.SURFACE,
) -> EvidenceRow:
    return EvidenceRow(
        "side_lying_hip_abduction",
        variant,
        f"{variant} ({study})",
        measure,
        mean,
        None,
        study,
        Verification.VERIFIED_ABSTRACT,
        "",
        method,
        load,
        electrode,
    )


def _with(*rows: EvidenceRow) -> Exercise:
    return replace(CATALOGUE.get("side_lying_hip_abduction"), evidence=rows)


def _value(exercise: Exercise) -> float:
    return exercise_value(exercise, Goal.STABILITY, NOTHING, NOTHING)


def test_a_peak_row_never_outranks_a_mean_row() -> None:
    gmed = "gluteus_medius"
    mean_only = _with(_row(gmed, 40.0))
    peak_high = _with(_row(gmed, 40.0), _row(gmed, 100.0, study="Boren", method=Method.PEAK))
    assert mean_only.gmed_activation == peak_high.gmed_activation == 40.0
    assert _value(peak_high) == _value(mean_only)
    # a move with only peak figures converts nothing: it scores like a direction-only finding
    peak_only = _with(_row(gmed, 100.0, method=Method.PEAK))
    direction_only = _with(_row(gmed, None))
    assert _value(peak_only) == _value(direction_only) < _value(mean_only)
    assert evidence_backed_abductor(peak_only)  # still a checked figure, only not ranked
    assert not evidence_backed_abductor(direction_only)


def test_the_full_side_plank_with_peak_only_figures_ranks_below_the_side_bridge() -> None:
    plank, bridge = CATALOGUE.get("side_plank_hip_abduction"), CATALOGUE.get("side_bridge")
    assert plank.gmed_activation is None
    assert bridge.gmed_activation == 74
    assert _value(plank) < _value(bridge)


def test_a_bodyweight_figure_scores_before_a_loaded_one() -> None:
    gmed = "gluteus_medius"
    both = _with(_row(gmed, 99.9, load=Load.LOADED), _row(gmed, 36.6))
    assert both.gmed_activation == 36.6
    assert _with(_row(gmed, 99.9, load=Load.LOADED)).gmed_activation == 99.9  # all there is


def test_the_tfl_ratio_uses_the_fine_wire_row_when_there_is_one() -> None:
    wire = Electrode.FINE_WIRE
    exercise = _with(
        _row("gluteus_medius", 40.0),
        _row("tensor_fasciae_latae", 40.0),  # surface: ratio 1.0
        _row("gluteus_medius", 50.0, study="Wire 2013", electrode=wire),
        _row("tensor_fasciae_latae", 20.0, study="Wire 2013", electrode=wire),  # ratio 0.4
    )
    assert tfl_ratio(exercise) == pytest.approx(0.4)


def test_a_fine_wire_index_sets_the_surface_ratio_aside() -> None:
    clam = CATALOGUE.get("clamshell")
    assert clam.gta_index == 115  # Selkowitz 2013, fine-wire
    assert tfl_ratio(clam) is None  # McBeth's loaded surface TFL = GMed is not used
    assert tfl_ratio(replace(clam, evidence=tuple(r for r in clam.evidence if not r.is_gta_index)))


def test_the_tfl_ratio_is_the_prescribed_variants_not_the_best_case() -> None:
    raise_ = CATALOGUE.get("side_lying_hip_abduction")
    # PTK's traditional raise, bodyweight: 31.0 / 36.6; the best case (hip extension) is 0.58
    assert tfl_ratio(raise_) == pytest.approx(31.0 / 36.6)
    loaded_only = _with(
        _row("gluteus_medius", 70.0, load=Load.LOADED),
        _row("tensor_fasciae_latae", 35.0, load=Load.LOADED),
    )
    assert tfl_ratio(loaded_only) == pytest.approx(0.5)


def test_without_the_prescribed_variant_the_tfl_ratio_is_the_median() -> None:
    rows = []
    for variant, tfl in (("a", 10.0), ("b", 20.0), ("c", 60.0)):
        rows += [
            _row("gluteus_medius", 40.0, variant=variant),
            _row("tensor_fasciae_latae", tfl, variant=variant),
        ]
    exercise = _with(_row("gluteus_maximus", 30.0), *rows)  # the default variant has no pair
    assert tfl_ratio(exercise) == pytest.approx(0.5)
    assert tfl_ratio(_with(_row("gluteus_medius", 40.0))) is None
    peak = _with(
        _row("gluteus_medius", 40.0, method=Method.PEAK),
        _row("tensor_fasciae_latae", 40.0, method=Method.PEAK),
    )
    assert tfl_ratio(peak) is None  # peak pairs are not a mean ratio
