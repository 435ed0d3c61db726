"""The SVG is valid, accessible, animated by its tempo, and still under reduced motion."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET

import pytest

from hipcoach.content.figure_loader import load_figures, load_warmup_figures
from hipcoach.figures.model import Figure
from hipcoach.figures.render import REDUCED_MOTION_CSS, FrameKind, render_figure, render_mistake

NS = {"svg": "http://www.w3.org/2000/svg"}
EVERY = [*load_figures().values(), *load_warmup_figures().values()]
IDS = [f.key for f in EVERY]


def _parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


@pytest.mark.parametrize("figure", EVERY, ids=IDS)
@pytest.mark.parametrize("frame", list(FrameKind))
def test_every_frame_parses_and_names_position_and_motion(figure: Figure, frame: FrameKind) -> None:
    for variant in figure.variants or (figure.default_variant,):
        root = _parse(render_figure(figure, variant, frame, ident=f"f-{figure.key}"))
        title = root.findtext("svg:title", namespaces=NS) or ""
        desc = root.findtext("svg:desc", namespaces=NS) or ""
        assert title.startswith(figure.name)
        assert figure.position in desc
        assert figure.view.name in desc
        assert variant.label in desc
        assert root.get("aria-labelledby") == f"f-{figure.key}-t f-{figure.key}-d"
        assert root.get("viewBox", "").startswith("0 0 320 ")


@pytest.mark.parametrize("figure", EVERY, ids=IDS)
def test_the_animation_runs_for_one_rep_at_the_moves_tempo(figure: Figure) -> None:
    root = _parse(render_figure(figure, figure.default_variant, FrameKind.ANIMATED))
    animations = root.findall(".//svg:animate", NS)
    assert animations
    for animate in animations:
        assert animate.get("dur") == f"{figure.tempo.total_s:g}s"
        assert animate.get("repeatCount") == "indefinite"
        times = [float(t) for t in (animate.get("keyTimes") or "").split(";")]
        values = (animate.get("values") or "").split(";")
        assert times[0] == 0
        assert times[-1] == 1
        assert times == sorted(times)
        assert len(values) == len(times)


@pytest.mark.parametrize("figure", EVERY, ids=IDS)
def test_reduced_motion_shows_the_start_and_end_frames_instead(figure: Figure) -> None:
    svg = render_figure(figure, figure.default_variant, FrameKind.ANIMATED)
    root = _parse(svg)
    still = root.find(".//svg:g[@class='fig-still']", NS)
    assert still is not None
    assert still.get("display") == "none"  # until the reduced-motion rule shows it
    assert still.get("data-frames") == "start end"
    frames = still.findall("svg:g", NS)
    assert len(frames) == 2
    assert not still.findall(".//svg:animate", NS)
    assert REDUCED_MOTION_CSS in svg


def test_an_inlined_figure_carries_no_style_element() -> None:
    figure = load_figures()["clamshell"]
    svg = render_figure(figure, figure.default_variant, FrameKind.ANIMATED, standalone=False)
    assert "<style" not in svg
    assert not re.search(r"\sstyle=", svg)


def test_working_muscles_are_coloured_by_role_with_a_legend() -> None:
    figure = load_figures()["side_lying_hip_abduction"]
    svg = render_figure(figure, figure.default_variant, FrameKind.END)
    assert "Main target: gluteus medius, gluteus minimus" in svg
    assert "Tends to take over: tensor fasciae latae" in svg
    assert 'stroke="#c2255c"' in svg  # primary
    assert 'stroke="#e8590c"' in svg
    assert "stroke-dasharray" in svg
    bare = render_figure(figure, figure.default_variant, FrameKind.END, legend=False)
    assert "Main target" not in bare


def test_equipment_is_drawn_for_its_variant() -> None:
    figure = load_figures()["clamshell"]
    plain, banded = (figure.variant(k) for k in ("none", "mini_band"))
    assert plain is not None
    assert banded is not None
    assert "#2f9e44" not in render_figure(figure, plain, FrameKind.START)
    assert "#2f9e44" in render_figure(figure, banded, FrameKind.START)
    assert figure.variant("kettlebell") is None
    assert figure.variant(None) == plain


@pytest.mark.parametrize("figure", load_figures().values(), ids=list(load_figures()))
def test_mistake_frames_are_labelled_not_like_this(figure: Figure) -> None:
    for i, mistake in enumerate(figure.mistakes):
        root = _parse(render_mistake(figure, figure.default_variant, i))
        assert mistake.label in (root.findtext("svg:title", namespaces=NS) or "")
        texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
        assert "Like this" in texts
        assert "Not like this" in texts


def test_every_legend_row_fits_the_narrowest_figure() -> None:
    from hipcoach.figures.render import LEGEND_CHARS, PAD

    x = f'x="{PAD + 22:g}"'  # the legend's text column, beside the swatches
    for key, figure in load_figures().items():
        svg = render_figure(figure, figure.default_variant, FrameKind.END)
        rows = re.findall(rf"<text {x} y=\"[^\"]*\">([^<]*)</text>", svg)
        assert rows, key
        for row in rows:
            assert len(html.unescape(row)) <= LEGEND_CHARS, (key, row)
