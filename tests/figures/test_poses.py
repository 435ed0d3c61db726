"""The drawings are right, not just present: every move, variant, mistake and warm-up item."""

from __future__ import annotations

import pytest

from hipcoach.content.figure_loader import load_figures, load_warmup_figures
from hipcoach.content.loader import load_catalogue
from hipcoach.domain.catalogue import PainArea
from hipcoach.domain.warmup import cooldown_items, warmup_items
from hipcoach.figures.check import below_floor, bone_errors, evaluate
from hipcoach.figures.model import Figure, Variant
from hipcoach.figures.motion import frames, place

FIGURES = load_figures()
WARMUPS = load_warmup_figures()
EVERY = [*FIGURES.values(), *WARMUPS.values()]
CASES = [(f, v) for f in EVERY for v in (f.variants or (f.default_variant,))]
IDS = [f"{f.key}-{v.key}" for f, v in CASES]


def test_every_catalogue_move_has_a_figure() -> None:
    assert set(FIGURES) == set(load_catalogue().keys)


def test_every_warmup_and_cooldown_item_has_a_figure() -> None:
    items = {
        *warmup_items(frozenset()),
        *warmup_items(frozenset({PainArea.KNEE})),
        *cooldown_items(),
    }
    assert {i.name for i in items} <= set(WARMUPS)


def test_every_equipment_option_of_a_move_has_a_drawn_version() -> None:
    for key, figure in FIGURES.items():
        drawn = {v.key for v in figure.variants}
        options = {e.value for e in load_catalogue().get(key).equipment}
        assert options <= drawn, key


@pytest.mark.parametrize(("figure", "variant"), CASES, ids=IDS)
def test_the_skeleton_keeps_its_bones_and_stays_above_the_floor(
    figure: Figure, variant: Variant
) -> None:
    timeline = frames(figure, variant)
    assert len(timeline) > 8
    for frame in timeline:
        assert bone_errors(frame.body) == ()
        assert not below_floor(frame.body)
    times = [f.time for f in timeline]
    assert times == sorted(times)
    assert (times[0], times[-1]) == (0.0, 1.0)


@pytest.mark.parametrize(("figure", "variant"), CASES, ids=IDS)
def test_every_key_pose_stays_within_the_joint_limits(figure: Figure, variant: Variant) -> None:
    for name, pose in figure.key_poses(variant).items():
        assert pose.out_of_limits() == (), name
    for mistake in figure.mistakes:
        assert figure.poses[mistake.pose].changed(mistake.changes).out_of_limits() == ()


@pytest.mark.parametrize(("figure", "variant"), CASES, ids=IDS)
def test_the_move_satisfies_its_own_geometric_checks(figure: Figure, variant: Variant) -> None:
    assert figure.checks, "every figure states at least one fact about its poses"
    bodies = place(figure, figure.key_poses(variant))
    failed = [
        (o.check.says, o.values) for c in figure.checks if not (o := evaluate(c, bodies)).passed
    ]
    assert failed == []


@pytest.mark.parametrize("figure", FIGURES.values(), ids=list(FIGURES))
def test_every_mistake_frame_breaks_a_check_the_right_pose_keeps(figure: Figure) -> None:
    assert 2 <= len(figure.mistakes) <= 3
    mistakes = load_catalogue().get(figure.key).mistakes
    variant = figure.default_variant
    poses = figure.key_poses(variant)
    for mistake in figure.mistakes:
        assert mistake.index < len(mistakes)
        wrong = place(figure, {**poses, mistake.pose: poses[mistake.pose].changed(mistake.changes)})
        broken = [c.says for c in figure.checks if not evaluate(c, wrong).passed]
        assert broken, f"{figure.key}: '{mistake.label}' looks like the right move"
        assert not any(below_floor(b) or bone_errors(b) for b in wrong.values())


def test_named_checks_from_the_issue_are_written_beside_the_poses() -> None:
    says = {f.key: " ".join(c.says.lower() for c in f.checks) for f in FIGURES.values()}
    assert "feet stay together" in says["clamshell"]
    assert "knee opens" in says["clamshell"]
    assert "in line with the trunk, not in front" in says["side_lying_hip_abduction"]
    assert "pelvis is held off the floor" in says["side_plank_hip_abduction"]
