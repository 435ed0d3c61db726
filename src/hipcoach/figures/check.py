"""The geometric checks written beside each move's poses, and the body-wide ones."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from hipcoach.figures.geometry import Vec, column, distance, dot, sub
from hipcoach.figures.model import Axis, Check
from hipcoach.figures.skeleton import BONES, Body

#: How far a bone may differ from its length, or flesh sink below the floor (metres).
TOLERANCE_M = 1e-6

_WORLD: Mapping[Axis, Vec] = {
    Axis.HEIGHT: (0.0, 1.0, 0.0),
    Axis.WORLD_X: (1.0, 0.0, 0.0),
    Axis.WORLD_Z: (0.0, 0.0, 1.0),
}
_BODY = {Axis.FORWARD: 0, Axis.UP: 1, Axis.RIGHT: 2}


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a check measured in each pose and whether every value was in range."""

    check: Check
    values: tuple[float, ...]
    passed: bool


def _direction(axis: Axis, body: Body) -> Vec:
    if axis in _WORLD:
        return _WORLD[axis]
    return column(body.pelvis, _BODY[axis])


def _measure(offset: Vec, axis: Axis | None, body: Body) -> float:
    if axis is None:
        return distance(offset, (0.0, 0.0, 0.0))
    return dot(offset, _direction(axis, body))


def _in_range(check: Check, value: float) -> bool:
    low = check.min_m if check.min_m is not None else float("-inf")
    high = check.max_m if check.max_m is not None else float("inf")
    return low <= value <= high


def evaluate(check: Check, bodies: Mapping[str, Body]) -> Outcome:
    """Measure one check on placed key poses."""
    if check.moved:
        first, second = (bodies[name] for name in check.poses[:2])
        travel = sub(second.at(check.point), first.at(check.point))
        values: tuple[float, ...] = (_measure(travel, check.axis, first),)
    else:
        values = tuple(
            _measure(
                sub(
                    body.at(check.point),
                    body.at(check.reference) if check.reference else (0.0, 0.0, 0.0),
                ),
                check.axis,
                body,
            )
            for body in (bodies[name] for name in check.poses)
        )
    return Outcome(check, values, all(_in_range(check, v) for v in values))


def bone_errors(body: Body) -> tuple[str, ...]:
    """Bones whose length differs from the skeleton's (none, for a rigid skeleton)."""
    return tuple(
        f"{a}-{b}"
        for a, b, length in BONES
        if abs(distance(body.at(a), body.at(b)) - length) > TOLERANCE_M
    )


def below_floor(body: Body) -> bool:
    """True when any flesh sinks through the floor."""
    return body.lowest() < -TOLERANCE_M
