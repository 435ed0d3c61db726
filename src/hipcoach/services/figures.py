"""Figures of the moves and warm-up items: SVG drawn from the pose data, cached once drawn."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from hipcoach.content.figure_loader import load_figures, load_warmup_figures
from hipcoach.domain.catalogue import suggest
from hipcoach.domain.errors import KeyNotFoundError, UnknownKeyError
from hipcoach.domain.plan import Plan
from hipcoach.figures.model import Figure, Variant
from hipcoach.figures.render import FrameKind, render_figure, render_mistake
from hipcoach.services.catalogue import get_exercise

FRAMES = tuple(f.value for f in FrameKind)


@dataclass(frozen=True, slots=True)
class DrawnFigure:
    """SVG text and its entity tag (a hash of the text)."""

    svg: str
    etag: str


@dataclass(frozen=True, slots=True)
class MistakeFigure:
    """One 'not like this' figure and the mistake it shows."""

    label: str
    svg: str


def parse_frame(value: str) -> FrameKind:
    """A frame name from user text (start, end, pair or animated)."""
    try:
        return FrameKind(value)
    except ValueError:
        raise UnknownKeyError("frame", value, suggest(value, FRAMES) or FRAMES) from None


def _figure(key: str) -> Figure:
    get_exercise(key=key)  # unknown keys are not found, with suggestions
    figure = load_figures().get(key)
    if figure is None:
        raise KeyNotFoundError("exercise figure", key)
    return figure


def _variant(figure: Figure, key: str | None) -> Variant:
    found = figure.variant(key)
    if found is None:
        known = [v.key for v in figure.variants]
        raise UnknownKeyError("variant", str(key), suggest(str(key), known) or tuple(known))
    return found


def variants(*, key: str) -> tuple[Variant, ...]:
    """The versions of a move that have a figure (the first is the default)."""
    figure = _figure(key)
    return figure.variants or (figure.default_variant,)


@lru_cache(maxsize=512)
def _drawn(
    key: str, variant: str | None, frame: FrameKind, mistake: int | None, legend: bool, inline: bool
) -> DrawnFigure:
    figure = _figure(key)
    chosen = _variant(figure, variant)
    ident = f"fig-{key}-{frame.value}" + (f"-m{mistake}" if mistake is not None else "")
    if mistake is None:
        svg = render_figure(
            figure, chosen, frame, legend=legend, standalone=not inline, ident=ident
        )
    else:
        if not 0 <= mistake < len(figure.mistakes):
            known = tuple(str(i) for i in range(len(figure.mistakes)))
            raise UnknownKeyError("mistake", str(mistake), known)
        svg = render_mistake(figure, chosen, mistake, standalone=not inline, ident=ident)
    return DrawnFigure(svg, '"' + hashlib.sha256(svg.encode()).hexdigest()[:20] + '"')


def exercise_figure(
    *,
    key: str,
    variant: str | None = None,
    frame: FrameKind = FrameKind.ANIMATED,
    mistake: int | None = None,
    legend: bool = True,
    inline: bool = False,
) -> DrawnFigure:
    """A move's figure as SVG: a key pose, the pair, the animation, or one mistake frame."""
    return _drawn(key, variant, frame, mistake, legend, inline)


def mistake_figures(*, key: str, variant: str | None = None) -> tuple[MistakeFigure, ...]:
    """Every 'not like this' figure of a move, ready to inline in a page."""
    figure = _figure(key)
    return tuple(
        MistakeFigure(
            m.label, exercise_figure(key=key, variant=variant, mistake=i, inline=True).svg
        )
        for i, m in enumerate(figure.mistakes)
    )


@lru_cache(maxsize=64)
def warmup_figure(
    *, name: str, frame: FrameKind = FrameKind.ANIMATED, inline: bool = False
) -> DrawnFigure:
    """The figure of a warm-up or cool-down item, found by the item's name."""
    figures = load_warmup_figures()
    figure = figures.get(name)
    if figure is None:
        raise KeyNotFoundError("warm-up item", name, suggest(name, figures))
    ident = f"fig-{figure.key}-{frame.value}"
    svg = render_figure(figure, figure.default_variant, frame, standalone=not inline, ident=ident)
    return DrawnFigure(svg, '"' + hashlib.sha256(svg.encode()).hexdigest()[:20] + '"')


def item_figure(
    *,
    exercise: str | None,
    name: str,
    equipment: str,
    frame: FrameKind = FrameKind.ANIMATED,
    inline: bool = True,
    resistance_key: str | None = None,
) -> DrawnFigure | None:
    """The figure of one planned item, in the version of its equipment when the move has one
    (and of the band's placement on `resistance_key`'s rung, when that is drawn); warm-up and
    cool-down items by their name; None for an item with no drawing."""
    try:
        if exercise is None:
            return warmup_figure(name=name, frame=frame, inline=inline)
        versions = {v.key for v in variants(key=exercise)}
        placed = _placed_version(exercise, equipment, resistance_key)
        variant = placed if placed in versions else equipment if equipment in versions else None
        return exercise_figure(key=exercise, variant=variant, frame=frame, inline=inline)
    except (UnknownKeyError, KeyNotFoundError):
        return None


def _placed_version(exercise: str, equipment: str, resistance_key: str | None) -> str | None:
    """The figure version of a rung whose band sits elsewhere than the how-to's place
    ('mini_band_knees'), or None."""
    if resistance_key is None:
        return None
    ladder = get_exercise(key=exercise).ladder()
    rung = next((s for s in ladder if s.key == resistance_key), None)
    if rung is None or rung.home or rung.placement is None:
        return None
    return f"{equipment}_{rung.placement.value}"


class PlanFigure(NamedTuple):
    """The start and end frames of one item of a plan, for printed and exported plans."""

    title: str
    svg: str


def plan_figures(plan: Plan, *, inline: bool = True) -> tuple[PlanFigure, ...]:
    """Start/end frames of every distinct move and warm-up item in a plan, in first-use order."""
    items = (i for w in plan.weeks for s in w.sessions for b in s.blocks for i in b.items)
    seen: set[str] = set()
    found: list[PlanFigure] = []
    for item in items:
        key = item.exercise or item.name
        if key in seen:
            continue
        seen.add(key)
        drawn = item_figure(
            exercise=item.exercise,
            name=item.name,
            equipment=item.equipment.value,
            frame=FrameKind.PAIR,
            inline=inline,
            resistance_key=item.resistance_key,
        )
        if drawn is not None:
            found.append(PlanFigure(item.name, drawn.svg))
    return tuple(found)
