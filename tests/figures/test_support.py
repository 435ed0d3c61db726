"""Moves done on a step, a bench or a machine: the body rests on the gear it is drawn with."""

from __future__ import annotations

import pytest

from hipcoach.content.figure_loader import load_figures
from hipcoach.figures.model import GearKind
from hipcoach.figures.motion import frames, place
from hipcoach.figures.shapes import gear_shapes
from hipcoach.figures.skeleton import Pose, grounded, pose_body

FIGURES = load_figures()
ON_A_STEP = ("hip_hitch", "lateral_step_up", "step_up")


def test_a_point_on_a_step_rests_at_the_steps_height() -> None:
    standing = pose_body(Pose({"hip_r_flex": 40, "knee_r": 60}))
    on_floor = grounded(standing)
    on_step = grounded(standing, raised={"heel_l": 0.2, "toe_l": 0.2})
    assert on_floor.at("heel_l")[1] == pytest.approx(0.0)
    assert on_step.at("heel_l")[1] == pytest.approx(0.2)
    assert on_step.lowest({"heel_l": 0.2, "toe_l": 0.2}) == pytest.approx(0.0)


def test_a_free_foot_hanging_lower_than_the_step_is_high_reaches_the_floor_first() -> None:
    hanging = pose_body(Pose({"roll": 10, "hip_l_abd": -10, "hip_r_abd": 10}))  # 3 cm lower
    low_step = grounded(hanging, raised={"heel_l": 0.02, "toe_l": 0.02})
    assert low_step.at("heel_r")[1] == pytest.approx(0.0)
    assert low_step.at("heel_l")[1] > 0.02
    high_step = grounded(hanging, raised={"heel_l": 0.2, "toe_l": 0.2})
    assert high_step.at("heel_l")[1] == pytest.approx(0.2)
    assert high_step.at("heel_r")[1] > 0.1


@pytest.mark.parametrize("key", ON_A_STEP)
def test_the_standing_foot_never_leaves_the_step(key: str) -> None:
    figure = FIGURES[key]
    (step,) = (g for g in figure.gear if g.kind is GearKind.STEP)
    assert set(figure.raised) == set(step.at)
    for variant in figure.variants:
        for frame in frames(figure, variant):
            heel = frame.body.at("heel_l")[1]
            assert step.height_m - 1e-6 <= heel <= step.height_m + 0.01, (key, frame.time)


@pytest.mark.parametrize("key", ON_A_STEP)
def test_the_step_is_drawn_under_the_standing_foot(key: str) -> None:
    figure = FIGURES[key]
    start = place(figure, figure.key_poses(figure.default_variant))["start"]
    shapes = {s.name: s for s in gear_shapes(figure.gear, start)}
    top = shapes["step_top"].resolve(start)
    assert all(s.fixed for s in shapes.values() if s.name.startswith("step"))
    assert {round(p[1], 6) for p in top} == {figure.raised["heel_l"]}
    xs, zs = [p[0] for p in top], [p[2] for p in top]
    heel = start.at("heel_l")
    assert min(xs) <= heel[0] <= max(xs)
    assert min(zs) <= heel[2] <= max(zs)


def test_figures_on_the_floor_stand_on_nothing_else() -> None:
    for key, figure in FIGURES.items():
        if key not in ON_A_STEP:
            assert figure.raised == {}, key


def test_the_hip_thrust_bench_is_under_the_upper_back() -> None:
    figure = FIGURES["hip_thrust"]
    bodies = place(figure, figure.key_poses(figure.default_variant))
    shapes = {s.name: s for s in gear_shapes(figure.gear, bodies["start"])}
    top = shapes["bench_top"].resolve(bodies["start"])
    height = top[0][1]
    for body in bodies.values():
        shoulder = body.at("shoulder_l")
        assert 0.0 < shoulder[1] - height < 0.09  # resting on it, not sunk into it
        assert min(p[0] for p in top) <= shoulder[0] <= max(p[0] for p in top)


def test_the_barbell_and_machine_pads_move_with_the_body() -> None:
    thrust = FIGURES["hip_thrust"]
    barbell = thrust.variant("barbell")
    assert barbell is not None
    bodies = place(thrust, thrust.key_poses(barbell))
    bar = next(s for s in gear_shapes(barbell.gear, bodies["start"]) if s.name == "barbell_bar")
    assert not bar.fixed
    lift = bar.resolve(bodies["end"])[0][1] - bar.resolve(bodies["start"])[0][1]
    assert lift == pytest.approx(bodies["end"].at("pelvis")[1] - bodies["start"].at("pelvis")[1])
    machine = FIGURES["machine_hip_abduction"]
    variant = machine.default_variant
    placed = place(machine, machine.key_poses(variant))
    pads = [
        s for s in gear_shapes(variant.gear, placed["start"]) if s.name.startswith("machine_pad")
    ]
    apart = [
        abs(p.resolve(placed["end"])[0][2]) - abs(p.resolve(placed["start"])[0][2]) for p in pads
    ]
    assert len(pads) == 2
    assert min(apart) > 0.08


def test_a_step_in_one_version_only_is_refused() -> None:
    from pydantic import ValidationError

    from hipcoach.content.figure_schema import VariantFile

    with pytest.raises(ValidationError, match="whole figure"):
        VariantFile.model_validate(
            {"key": "box", "label": "on a box", "gear": [{"kind": "step", "at": ["heel_l"]}]}
        )
