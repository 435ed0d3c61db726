"""Placing the key poses on the floor and sampling the motion between them."""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass

from hipcoach.figures.model import Figure, Variant
from hipcoach.figures.skeleton import Body, Pose, blend, grounded, pose_body

#: In-between frames drawn for each stretch of motion from one key pose to the next.
STEPS = 4


@dataclass(frozen=True, slots=True)
class Frame:
    """A body at a moment of the rep, as a fraction of the whole rep (0-1)."""

    time: float
    body: Body


def place(figure: Figure, poses: Mapping[str, Pose]) -> dict[str, Body]:
    """The key poses on the floor, each keeping its planted point where the previous one had it."""
    bodies: dict[str, Body] = {}
    previous: Body | None = None
    for name, pose in poses.items():
        anchor = figure.anchor_of(name)
        keep = (anchor, previous.at(anchor)) if anchor and previous else None
        bodies[name] = grounded(pose_body(pose), keep=keep, raised=figure.raised)
        previous = bodies[name]
    return bodies


def spoiled(figure: Figure, variant: Variant, index: int) -> tuple[str, Body, Body]:
    """A mistake's key pose name, the right body and the spoiled body, placed alike."""
    mistake = figure.mistakes[index]
    poses = figure.key_poses(variant)
    right = place(figure, poses)
    wrong = place(figure, {**poses, mistake.pose: poses[mistake.pose].changed(mistake.changes)})
    return mistake.pose, right[mistake.pose], wrong[mistake.pose]


def _between(figure: Figure, a: Body, pa: Pose, pb: Pose, anchor: str | None, t: float) -> Body:
    body = pose_body(blend(pa, pb, t))
    keep = (anchor, a.at(anchor)) if anchor else None
    return grounded(body, keep=keep, raised=figure.raised)


def _stretch(
    figure: Figure, names: list[str], poses: Mapping[str, Pose], bodies: Mapping[str, Body]
) -> list[Body]:
    """Bodies from the first named pose through the others (the first one included)."""
    order = list(poses)
    out = [bodies[names[0]]]
    for a, b in itertools.pairwise(names):
        # The way into the later key pose and the way back out of it share its planted point.
        anchor = figure.anchor_of(b if order.index(b) > order.index(a) else a)
        for step in range(1, STEPS):
            out.append(_between(figure, bodies[a], poses[a], poses[b], anchor, step / STEPS))
        out.append(bodies[b])
    return out


def frames(figure: Figure, variant: Variant) -> tuple[Frame, ...]:
    """One rep as timed frames: out, pause, back, rest (a cycle goes on through the poses)."""
    poses = figure.key_poses(variant)
    bodies = place(figure, poses)
    names = list(poses)
    tempo = figure.tempo
    if figure.cycle:
        out_names, back_names = names[:2], names[1:]
    else:
        out_names, back_names = names, names[::-1]
    timeline: list[Frame] = []
    clock = 0.0
    for stretch, seconds, pause in (
        (out_names, tempo.out_s, tempo.hold_s),
        (back_names, tempo.back_s, tempo.rest_s),
    ):
        moving = _stretch(figure, stretch, poses, bodies)
        for i, body in enumerate(moving):
            if i or not timeline:  # the pause frame before already shows the first body
                timeline.append(Frame(clock + seconds * i / (len(moving) - 1), body))
        clock += seconds + pause
        timeline.append(Frame(clock, moving[-1]))
    total = tempo.total_s
    timed = [Frame(min(f.time / total, 1.0), f.body) for f in timeline]
    # SMIL's keyTimes must end at exactly 1.
    return (*timed[:-1], Frame(1.0, timed[-1].body))
