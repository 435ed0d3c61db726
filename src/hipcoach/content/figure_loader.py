"""Read the figure data of the content files into `hipcoach.figures` values."""

from __future__ import annotations

import tomllib
from functools import cache

from pydantic import ValidationError

from hipcoach.content.figure_schema import VIEWS, FigureFile, GearFile, WarmupFigures
from hipcoach.content.loader import _read_exercise, _root
from hipcoach.domain.errors import ContentError
from hipcoach.domain.muscle import Muscle
from hipcoach.figures.model import (
    Check,
    Figure,
    Gear,
    Mistake,
    MuscleRole,
    Tempo,
    Variant,
    View,
)
from hipcoach.figures.skeleton import Pose


def _gear(items: list[GearFile]) -> tuple[Gear, ...]:
    return tuple(Gear(g.kind, tuple(g.at), g.offset, g.height_m) for g in items)


def _muscles(
    primary: list[Muscle], secondary: list[Muscle], watch: list[Muscle]
) -> tuple[tuple[str, MuscleRole], ...]:
    """Roles as drawn: the TFL (or any watched muscle) always in the warning colour."""
    watched = {*watch, Muscle.TENSOR_FASCIAE_LATAE}
    out: dict[str, MuscleRole] = {}
    for muscles, role in ((primary, MuscleRole.PRIMARY), (secondary, MuscleRole.SECONDARY)):
        for m in muscles:
            out.setdefault(m.value, MuscleRole.WATCH if m in watched else role)
    for m in watch:
        out.setdefault(m.value, MuscleRole.WATCH)
    return tuple(out.items())


def figure_from_file(
    data: FigureFile, *, key: str, name: str, primary: list[Muscle], secondary: list[Muscle]
) -> Figure:
    """One validated figure section as a Figure."""
    words, azimuth, elevation = VIEWS[data.view]
    start = Pose(dict(data.start))
    poses = {"start": start}
    if data.middle is not None:
        poses["middle"] = start.changed(data.middle)
    poses["end"] = start.changed(data.end)
    for name_, pose in poses.items():
        if pose.out_of_limits():
            raise ContentError(f"{key}: {name_} pose beyond joint limits: {pose.out_of_limits()}")
    return Figure(
        key=key,
        name=name,
        position=data.position,
        motion=data.motion,
        view=View(words, azimuth, elevation),
        poses=poses,
        tempo=Tempo(*data.tempo_s),
        anchor=data.anchor,
        anchors={str(k): v for k, v in data.anchors.items()},
        cycle=data.cycle,
        gear=_gear(data.gear),
        sides=tuple(data.sides),
        muscles=_muscles(primary, secondary, data.watch),
        checks=tuple(
            Check(c.says, tuple(c.poses), c.point, c.reference, c.axis, c.moved, c.min_m, c.max_m)
            for c in data.check
        ),
        mistakes=tuple(Mistake(m.mistake, m.label, m.pose, dict(m.changes)) for m in data.mistake),
        variants=tuple(
            Variant(v.key, v.label, _gear(v.gear), {k: dict(c) for k, c in v.changes.items()})
            for v in data.variant
        ),
    )


@cache
def load_figures() -> dict[str, Figure]:
    """The figure of every catalogue move that has one, by exercise key."""
    folder = _root() / "exercises"
    out: dict[str, Figure] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".toml"):
            continue
        data = _read_exercise(entry)
        if data.figure is None:
            continue
        for m in data.figure.mistake:
            if m.mistake >= len(data.mistakes):
                raise ContentError(f"{data.key}: figure mistake {m.mistake} is not in `mistakes`")
        out[data.key] = figure_from_file(
            data.figure,
            key=data.key,
            name=data.name,
            primary=list(data.primary),
            secondary=list(data.secondary),
        )
    return out


@cache
def load_warmup_figures() -> dict[str, Figure]:
    """The figure of every warm-up and cool-down item, by the item's name."""
    path = _root() / "figures" / "warmup.toml"
    try:
        index = WarmupFigures.model_validate(tomllib.loads(path.read_text("utf-8")))
    except (tomllib.TOMLDecodeError, ValidationError) as exc:
        raise ContentError(f"figures/warmup.toml: {exc}") from exc
    return {
        item.name: figure_from_file(
            item, key=item.key, name=item.name, primary=item.primary, secondary=item.secondary
        )
        for item in index.item
    }
