"""The stick skeleton: fixed segment lengths, joint angles with limits, and forward kinematics.

Body axes: x forward, y up, z to the person's right. The pelvis is the root; its world
orientation is `yaw` (turn about the vertical), `pitch` (tip about the left-right axis, + leans
the front up, as when lying back) and `roll` (about the forward axis, + drops the right side:
-90 lies on the left side), then `spin` about the body's own long axis (- lifts the right hip
when on all fours).
Limb angles are the anatomical ones, named `<joint>_<side>_<motion>`; 0 everywhere is standing
tall with the arms by the sides.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from hipcoach.figures.geometry import (
    Mat,
    Vec,
    add,
    apply,
    compose,
    rot_x,
    rot_y,
    rot_z,
)

SIDES = ("l", "r")
_SIGN = {"l": -1.0, "r": 1.0}

# Segment lengths in metres, for a person about 1.65 m tall.
HIP_HALF = 0.09
THIGH = 0.42
SHANK = 0.41
ANKLE_HEIGHT = 0.07
FOOT_FORWARD = 0.16
HEEL_BACK = 0.05
TRUNK = 0.50
NECK_TO_HEAD = 0.21
SHOULDER_DROP = 0.05
SHOULDER_HALF = 0.17
UPPER_ARM = 0.29
FOREARM = 0.27
HEAD_RADIUS = 0.1

#: Joint limits in degrees: a healthy adult's comfortable range, a little generous.
LIMITS: Mapping[str, tuple[float, float]] = MappingProxyType(
    {
        "yaw": (-180.0, 180.0),
        "pitch": (-180.0, 180.0),
        "roll": (-180.0, 180.0),
        "spin": (-90.0, 90.0),
        "trunk_flex": (-30.0, 100.0),
        "trunk_side": (-40.0, 40.0),
        "trunk_twist": (-45.0, 45.0),
        "neck_flex": (-40.0, 60.0),
        **{
            f"{joint}_{side}{motion}": limits
            for side in SIDES
            for joint, motion, limits in (
                ("hip", "_flex", (-30.0, 130.0)),
                ("hip", "_abd", (-30.0, 60.0)),
                ("hip", "_rot", (-45.0, 60.0)),
                ("knee", "", (0.0, 150.0)),
                ("ankle", "", (-50.0, 30.0)),
                ("shoulder", "_flex", (-60.0, 180.0)),
                ("shoulder", "_abd", (-30.0, 180.0)),
                ("elbow", "", (0.0, 150.0)),
            )
        },
    }
)
ANGLES = frozenset(LIMITS)

#: How far the flesh reaches beyond each point (what touches the floor first).
FLESH: Mapping[str, float] = MappingProxyType(
    {
        "pelvis": 0.09,
        "chest": 0.09,
        "head": HEAD_RADIUS,
        **{f"hip_{s}": 0.08 for s in SIDES},
        **{f"knee_{s}": 0.05 for s in SIDES},
        **{f"ankle_{s}": 0.04 for s in SIDES},
        **{f"shoulder_{s}": 0.06 for s in SIDES},
        **{f"elbow_{s}": 0.04 for s in SIDES},
        **{f"wrist_{s}": 0.03 for s in SIDES},
    }
)


def _foot_length() -> float:
    return float((FOOT_FORWARD**2 + ANKLE_HEIGHT**2) ** 0.5)


def _heel_length() -> float:
    return float((HEEL_BACK**2 + ANKLE_HEIGHT**2) ** 0.5)


#: Every rigid segment as (point, point, length in metres).
BONES: tuple[tuple[str, str, float], ...] = (
    ("hip_l", "hip_r", 2 * HIP_HALF),
    ("pelvis", "chest", TRUNK),
    ("chest", "head", NECK_TO_HEAD),
    ("shoulder_l", "shoulder_r", 2 * SHOULDER_HALF),
    *(
        bone
        for s in SIDES
        for bone in (
            (f"hip_{s}", f"knee_{s}", THIGH),
            (f"knee_{s}", f"ankle_{s}", SHANK),
            (f"ankle_{s}", f"toe_{s}", _foot_length()),
            (f"ankle_{s}", f"heel_{s}", _heel_length()),
            (f"shoulder_{s}", f"elbow_{s}", UPPER_ARM),
            (f"elbow_{s}", f"wrist_{s}", FOREARM),
        )
    ),
)


@dataclass(frozen=True, slots=True)
class Pose:
    """One key position: joint angles in degrees (missing ones are 0)."""

    angles: Mapping[str, float] = field(default_factory=dict)

    def angle(self, name: str) -> float:
        """One angle of the pose, 0 when not given."""
        return self.angles.get(name, 0.0)

    def changed(self, changes: Mapping[str, float]) -> Pose:
        """This pose with some angles set to new values."""
        return Pose({**self.angles, **changes})

    def out_of_limits(self) -> tuple[str, ...]:
        """Names of unknown angles or angles beyond their joint's range."""
        bad = []
        for name, value in self.angles.items():
            low, high = LIMITS.get(name, (1.0, -1.0))
            if not low <= value <= high:
                bad.append(name)
        return tuple(bad)


def blend(a: Pose, b: Pose, t: float) -> Pose:
    """The pose a fraction t of the way from a to b, joint by joint."""
    names = a.angles.keys() | b.angles.keys()
    return Pose({n: a.angle(n) + (b.angle(n) - a.angle(n)) * t for n in sorted(names)})


@dataclass(frozen=True, slots=True)
class Body:
    """A posed skeleton: named points in world metres and the pelvis orientation."""

    points: Mapping[str, Vec]
    pelvis: Mat

    def at(self, name: str) -> Vec:
        """One point of the body."""
        return self.points[name]

    def moved(self, offset: Vec) -> Body:
        """The same body shifted by an offset."""
        return Body({k: add(v, offset) for k, v in self.points.items()}, self.pelvis)

    def lowest(self, raised: Mapping[str, float] | None = None) -> float:
        """The height of the lowest flesh above what it rests on (0 when it rests on it).

        `raised` names points that stand on a step, with the step's height.
        """
        up = raised or {}
        return min(
            p[1] - FLESH.get(name, 0.0) - up.get(name, 0.0) for name, p in self.points.items()
        )


def _at(origin: Vec, frame: Mat, local: Vec) -> Vec:
    return add(origin, apply(frame, local))


def _leg(pose: Pose, pelvis: Mat, side: str, points: dict[str, Vec]) -> None:
    s = _SIGN[side]
    hip = _at((0.0, 0.0, 0.0), pelvis, (0.0, 0.0, s * HIP_HALF))
    thigh = compose(
        pelvis,
        compose(
            rot_z(pose.angle(f"hip_{side}_flex")),
            compose(
                rot_x(-s * pose.angle(f"hip_{side}_abd")), rot_y(-s * pose.angle(f"hip_{side}_rot"))
            ),
        ),
    )
    knee = _at(hip, thigh, (0.0, -THIGH, 0.0))
    shank = compose(thigh, rot_z(-pose.angle(f"knee_{side}")))
    ankle = _at(knee, shank, (0.0, -SHANK, 0.0))
    foot = compose(shank, rot_z(pose.angle(f"ankle_{side}")))
    points[f"hip_{side}"] = hip
    points[f"knee_{side}"] = knee
    points[f"ankle_{side}"] = ankle
    points[f"toe_{side}"] = _at(ankle, foot, (FOOT_FORWARD, -ANKLE_HEIGHT, 0.0))
    points[f"heel_{side}"] = _at(ankle, foot, (-HEEL_BACK, -ANKLE_HEIGHT, 0.0))
    # Landmarks where the muscles are drawn.
    points[f"trochanter_{side}"] = _at(hip, thigh, (0.0, -0.05, s * 0.06))
    points[f"thigh_side_{side}"] = _at(hip, thigh, (0.03, -0.2, s * 0.05))
    points[f"thigh_front_{side}"] = _at(hip, thigh, (0.06, -0.12, 0.0))
    points[f"thigh_back_{side}"] = _at(hip, thigh, (-0.06, -0.1, 0.0))
    points[f"thigh_inner_{side}"] = _at(hip, thigh, (0.0, -0.08, -s * 0.05))
    points[f"knee_front_{side}"] = _at(knee, thigh, (0.05, 0.08, 0.0))
    points[f"knee_back_{side}"] = _at(knee, thigh, (-0.05, 0.08, 0.0))
    points[f"knee_inner_{side}"] = _at(knee, thigh, (0.0, 0.1, -s * 0.04))
    points[f"crest_{side}"] = _at((0.0, 0.0, 0.0), pelvis, (-0.01, 0.11, s * 0.12))
    points[f"asis_{side}"] = _at((0.0, 0.0, 0.0), pelvis, (0.07, 0.07, s * 0.1))
    points[f"glute_{side}"] = _at((0.0, 0.0, 0.0), pelvis, (-0.1, 0.05, s * 0.05))


def _arm(pose: Pose, trunk: Mat, chest: Vec, side: str, points: dict[str, Vec]) -> None:
    s = _SIGN[side]
    shoulder = _at(chest, trunk, (0.0, -SHOULDER_DROP, s * SHOULDER_HALF))
    upper = compose(
        trunk,
        compose(
            rot_z(pose.angle(f"shoulder_{side}_flex")),
            rot_x(-s * pose.angle(f"shoulder_{side}_abd")),
        ),
    )
    elbow = _at(shoulder, upper, (0.0, -UPPER_ARM, 0.0))
    fore = compose(upper, rot_z(pose.angle(f"elbow_{side}")))
    points[f"shoulder_{side}"] = shoulder
    points[f"elbow_{side}"] = elbow
    points[f"wrist_{side}"] = _at(elbow, fore, (0.0, -FOREARM, 0.0))


def pose_body(pose: Pose) -> Body:
    """The skeleton in this pose, pelvis at the origin (not yet on the floor)."""
    pelvis = compose(
        rot_y(pose.angle("yaw")),
        compose(
            rot_z(pose.angle("pitch")),
            compose(rot_x(pose.angle("roll")), rot_y(pose.angle("spin"))),
        ),
    )
    origin: Vec = (0.0, 0.0, 0.0)
    points: dict[str, Vec] = {"pelvis": origin}
    for side in SIDES:
        _leg(pose, pelvis, side, points)
    trunk = compose(
        pelvis,
        compose(
            rot_z(-pose.angle("trunk_flex")),
            compose(rot_x(pose.angle("trunk_side")), rot_y(pose.angle("trunk_twist"))),
        ),
    )
    chest = _at(origin, trunk, (0.0, TRUNK, 0.0))
    points["chest"] = chest
    points["belly"] = _at(origin, trunk, (0.09, 0.15, 0.0))
    points["sternum"] = _at(origin, trunk, (0.09, 0.38, 0.0))
    head = compose(trunk, rot_z(-pose.angle("neck_flex")))
    points["head"] = _at(chest, head, (0.0, NECK_TO_HEAD, 0.0))
    points["nose"] = _at(chest, head, (HEAD_RADIUS * 0.95, NECK_TO_HEAD, 0.0))
    for side in SIDES:
        _arm(pose, trunk, chest, side, points)
    return Body(points, pelvis)


def grounded(
    body: Body,
    *,
    keep: tuple[str, Vec] | None = None,
    raised: Mapping[str, float] | None = None,
) -> Body:
    """The body resting on the floor; `keep` holds one point's floor position (a planted foot);
    the points in `raised` rest on a step of that height instead of the floor."""
    dx = dz = 0.0
    if keep is not None:
        name, where = keep
        now = body.at(name)
        dx, dz = where[0] - now[0], where[2] - now[2]
    return body.moved((dx, -body.lowest(raised), dz))
