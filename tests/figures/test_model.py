"""The figure model's own rules: joint limits, versions, checks and the content schema."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from hipcoach.content.figure_schema import CheckFile, FigureFile
from hipcoach.figures.check import evaluate
from hipcoach.figures.model import Axis, Check, Figure, View
from hipcoach.figures.skeleton import Pose, blend, grounded, pose_body

MINIMAL = {"position": "Standing tall", "motion": "The arm lifts.", "view": "front"}


def test_a_pose_reports_unknown_angles_and_angles_beyond_their_joint() -> None:
    assert Pose({"knee_l": 90}).out_of_limits() == ()
    assert Pose({"knee_l": -5, "elbow_x": 1}).out_of_limits() == ("knee_l", "elbow_x")


def test_blending_poses_goes_joint_by_joint() -> None:
    half = blend(Pose({"knee_l": 90}), Pose({"hip_r_flex": 40}), 0.5)
    assert half.angles == {"hip_r_flex": 20.0, "knee_l": 45.0}


def test_standing_puts_the_feet_on_the_floor_and_the_head_on_top() -> None:
    body = grounded(pose_body(Pose()))
    assert body.lowest() == pytest.approx(0.0)
    assert body.at("head")[1] > 1.5
    assert body.at("toe_r")[1] == pytest.approx(0.0)


def test_a_figure_without_versions_draws_one_plain_version() -> None:
    figure = Figure("x", "X", "Standing", "Nothing moves.", View("from the front", 90, 0), {})
    assert figure.default_variant.key == "none"
    assert figure.variant("none") == figure.default_variant
    assert figure.variant("mini_band") is None


def test_a_check_measures_distance_offset_and_travel() -> None:
    start = grounded(pose_body(Pose()))
    end = grounded(pose_body(Pose({"hip_r_abd": 40})))
    bodies = {"start": start, "end": end}
    apart = Check("feet apart", ("end",), "ankle_r", "ankle_l", min_m=0.4)
    rises = Check("lifts", ("start", "end"), "ankle_r", axis=Axis.HEIGHT, moved=True, min_m=0.1)
    level = Check("level", ("start",), "hip_r", "hip_l", Axis.UP, min_m=-0.01, max_m=0.01)
    assert evaluate(apart, bodies).passed
    assert evaluate(rises, bodies).passed
    assert evaluate(level, bodies).passed
    assert not evaluate(Check("close", ("end",), "ankle_r", "ankle_l", max_m=0.1), bodies).passed


def test_the_schema_refuses_unknown_angles_points_views_and_open_checks() -> None:
    FigureFile.model_validate({**MINIMAL, "start": {}, "end": {"shoulder_r_abd": 90}})
    with pytest.raises(ValidationError, match="unknown joint angles"):
        FigureFile.model_validate({**MINIMAL, "start": {"knee": 9}, "end": {}})
    with pytest.raises(ValidationError, match="unknown view"):
        FigureFile.model_validate({**MINIMAL, "view": "top", "start": {}, "end": {}})
    with pytest.raises(ValidationError, match="tempo"):
        FigureFile.model_validate({**MINIMAL, "tempo_s": [0, 1, 1, 1], "start": {}, "end": {}})
    check = {"says": "Feet together", "poses": ["start"], "point": "ankle_r"}
    with pytest.raises(ValidationError, match="unknown body point"):
        CheckFile.model_validate({**check, "point": "ankel_r", "max_m": 1})
    with pytest.raises(ValidationError, match="min_m or max_m"):
        CheckFile.model_validate(check)
    with pytest.raises(ValidationError, match="exactly two poses"):
        CheckFile.model_validate({**check, "moved": True, "max_m": 1})
