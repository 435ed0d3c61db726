"""What a figure is: key poses, view, tempo, equipment, working muscles, checks and mistakes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from hipcoach.figures.geometry import Vec
from hipcoach.figures.skeleton import Pose

#: Key poses in the order the move passes through them.
POSE_ORDER = ("start", "middle", "end")


class GearKind(StrEnum):
    """Equipment the figures can draw."""

    MAT = "mat"
    MINI_BAND = "mini_band"
    LONG_BAND = "long_band"
    ANKLE_WEIGHT = "ankle_weight"
    DUMBBELL = "dumbbell"
    KETTLEBELL = "kettlebell"
    CABLE = "cable"
    WALL = "wall"
    CHAIR = "chair"
    STEP = "step"
    BENCH = "bench"
    MACHINE = "machine"
    MACHINE_PAD = "machine_pad"
    BARBELL = "barbell"


#: Gear that stays where it was set up; the rest moves with the body.
FIXED_GEAR = frozenset(
    {GearKind.MAT, GearKind.WALL, GearKind.CHAIR, GearKind.STEP, GearKind.BENCH, GearKind.MACHINE}
)


class MuscleRole(StrEnum):
    """How a drawn muscle is coloured."""

    PRIMARY = "primary"
    SECONDARY = "secondary"
    WATCH = "watch"


class Axis(StrEnum):
    """Directions a check measures along: the world's, or the pelvis's own."""

    HEIGHT = "height"
    WORLD_X = "world_x"
    WORLD_Z = "world_z"
    FORWARD = "forward"
    UP = "up"
    RIGHT = "right"


@dataclass(frozen=True, slots=True)
class View:
    """Where the camera stands: turned `azimuth` degrees about the vertical, raised `elevation`."""

    name: str
    azimuth: float
    elevation: float


@dataclass(frozen=True, slots=True)
class Gear:
    """One piece of equipment: attached to body points, or set up beside a point (fixed gear)."""

    kind: GearKind
    at: tuple[str, ...]
    offset: Vec = (0.0, 0.0, 0.0)
    #: A step's height: the points in `at` stand on it (a raised floor for them).
    height_m: float = 0.0


@dataclass(frozen=True, slots=True)
class Check:
    """A geometric fact the drawing must show, written beside the poses in the content.

    Measures `point` relative to `reference` (or the floor origin) in each of `poses`, as a
    distance or a signed offset along `axis`; with `moved`, measures how far `point` travels
    from the first pose to the second. Passes when the value lies within [min_m, max_m].
    """

    says: str
    poses: tuple[str, ...]
    point: str
    reference: str | None = None
    axis: Axis | None = None
    moved: bool = False
    min_m: float | None = None
    max_m: float | None = None


@dataclass(frozen=True, slots=True)
class Mistake:
    """A common mistake drawn as a 'not like this' figure: one key pose, spoiled."""

    index: int
    label: str
    pose: str
    changes: Mapping[str, float]


@dataclass(frozen=True, slots=True)
class Variant:
    """A version of the move (its equipment, or an easier set-up) and what it changes."""

    key: str
    label: str
    gear: tuple[Gear, ...] = ()
    changes: Mapping[str, Mapping[str, float]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Tempo:
    """Seconds for one rep: out, pause at the end position, back, rest at the start."""

    out_s: float = 1.0
    hold_s: float = 1.0
    back_s: float = 2.0
    rest_s: float = 0.5

    @property
    def total_s(self) -> float:
        """One whole rep."""
        return self.out_s + self.hold_s + self.back_s + self.rest_s


@dataclass(frozen=True, slots=True)
class Figure:
    """Everything needed to draw one move or warm-up item."""

    key: str
    name: str
    position: str
    motion: str
    view: View
    poses: Mapping[str, Pose]
    tempo: Tempo = Tempo()
    anchor: str | None = None
    anchors: Mapping[str, str] = field(default_factory=dict)
    cycle: bool = False
    gear: tuple[Gear, ...] = ()
    sides: tuple[str, ...] = ("r",)
    muscles: tuple[tuple[str, MuscleRole], ...] = ()
    checks: tuple[Check, ...] = ()
    mistakes: tuple[Mistake, ...] = ()
    variants: tuple[Variant, ...] = ()

    @property
    def default_variant(self) -> Variant:
        """The version drawn when none is asked for: the first one listed."""
        return self.variants[0] if self.variants else Variant("none", "no equipment")

    def variant(self, key: str | None) -> Variant | None:
        """One version by key (None for the default), or None when there is no such version."""
        if key is None:
            return self.default_variant
        return next((v for v in (self.default_variant, *self.variants) if v.key == key), None)

    def key_poses(self, variant: Variant) -> dict[str, Pose]:
        """The key poses, in order, with the variant's changes applied."""
        return {
            name: self.poses[name].changed(variant.changes.get(name, {}))
            for name in POSE_ORDER
            if name in self.poses
        }

    @property
    def raised(self) -> Mapping[str, float]:
        """Points that stand on a step, with the step's height (their floor is raised)."""
        return {p: g.height_m for g in self.gear if g.kind is GearKind.STEP for p in g.at}

    def anchor_of(self, pose: str) -> str | None:
        """The point that stays planted on the way into this key pose."""
        return self.anchors.get(pose, self.anchor)
