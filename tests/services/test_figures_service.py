"""Drawing figures through the service: cached, tagged, and errors a person can fix."""

from __future__ import annotations

import pytest

from hipcoach.domain.errors import KeyNotFoundError, UnknownKeyError
from hipcoach.domain.warmup import cooldown_items
from hipcoach.figures.render import FrameKind
from hipcoach.services import figures


def test_the_same_figure_is_drawn_once_and_keeps_its_tag() -> None:
    first = figures.exercise_figure(key="squat", frame=FrameKind.PAIR)
    assert figures.exercise_figure(key="squat", frame=FrameKind.PAIR) is first
    assert first.etag != figures.exercise_figure(key="squat", frame=FrameKind.START).etag


def test_warmup_items_are_found_by_name() -> None:
    name = cooldown_items()[0].name
    drawn = figures.warmup_figure(name=name, frame=FrameKind.ANIMATED, inline=True)
    assert name in drawn.svg
    assert "<style" not in drawn.svg
    with pytest.raises(KeyNotFoundError):
        figures.warmup_figure(name="Jumping jacks")


def test_bad_frames_variants_and_mistakes_are_refused_with_suggestions() -> None:
    with pytest.raises(UnknownKeyError, match="Did you mean: start"):
        figures.parse_frame("stat")
    with pytest.raises(UnknownKeyError, match="mini_band"):
        figures.exercise_figure(key="clamshell", variant="band")
    with pytest.raises(UnknownKeyError, match="mistake"):
        figures.exercise_figure(key="clamshell", mistake=5)
    with pytest.raises(KeyNotFoundError):
        figures.exercise_figure(key="clamshel")
    assert figures.mistake_figures(key="clamshell")[0].label.startswith("Pelvis")
