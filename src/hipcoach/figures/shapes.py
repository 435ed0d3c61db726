"""What is drawn: the body's limbs, its working muscles and the equipment, as 3D shapes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from hipcoach.figures.geometry import Vec, add, column, scale
from hipcoach.figures.model import FIXED_GEAR, Gear, GearKind, MuscleRole
from hipcoach.figures.skeleton import HEAD_RADIUS, SIDES, Body

Resolve = Callable[[Body], tuple[Vec, ...]]

INK = "#4b5563"
FAR_INK = "#9ca3af"
COLOURS = {
    MuscleRole.PRIMARY: "#c2255c",
    MuscleRole.SECONDARY: "#1971c2",
    MuscleRole.WATCH: "#e8590c",
}
BAND = "#2f9e44"
METAL = "#343a40"
FURNITURE = "#adb5bd"
MAT = "#a5d8ff"


@dataclass(frozen=True, slots=True)
class Shape:
    """A polyline (or a dot when `radius` is set) through points that follow the body."""

    name: str
    resolve: Resolve
    width_m: float = 0.0
    stroke: str = INK
    fill: str = "none"
    radius_m: float = 0.0
    dashed: bool = False
    opacity: float = 1.0
    closed: bool = False
    fixed: bool = False


def _points(*names: str) -> Resolve:
    return lambda body: tuple(body.at(n) for n in names)


def body_shapes(far: frozenset[str]) -> tuple[Shape, ...]:
    """Limbs, trunk and head; limbs on the far side drawn lighter."""

    def ink(side: str) -> str:
        return FAR_INK if side in far else INK

    limbs = [
        shape
        for side in SIDES
        for shape in (
            Shape(
                f"leg_{side}",
                _points(f"hip_{side}", f"knee_{side}", f"ankle_{side}"),
                0.085,
                ink(side),
            ),
            Shape(
                f"foot_{side}",
                _points(f"ankle_{side}", f"heel_{side}", f"toe_{side}"),
                0.035,
                ink(side),
                fill=ink(side),
                closed=True,
            ),
            Shape(
                f"arm_{side}",
                _points(f"shoulder_{side}", f"elbow_{side}", f"wrist_{side}"),
                0.055,
                ink(side),
            ),
        )
    ]
    return (
        *limbs,
        Shape("pelvis", _points("hip_l", "hip_r"), 0.11),
        Shape("trunk", _points("pelvis", "chest"), 0.15),
        Shape("shoulders", _points("shoulder_l", "shoulder_r"), 0.07),
        Shape("neck", _points("chest", "head"), 0.05),
        Shape("head", _points("head"), 0.015, INK, "#f8f9fa", radius_m=HEAD_RADIUS),
        Shape("face", _points("nose"), 0.0, "none", INK, radius_m=0.018),
    )


_MUSCLES: dict[str, tuple[str, str, float]] = {
    "gluteus_medius": ("crest", "trochanter", 0.075),
    "gluteus_minimus": ("asis", "trochanter", 0.04),
    "tensor_fasciae_latae": ("asis", "thigh_side", 0.04),
    "gluteus_maximus": ("glute", "thigh_back", 0.08),
    "hamstrings": ("thigh_back", "knee_back", 0.06),
    "quadriceps": ("thigh_front", "knee_front", 0.065),
    "adductors": ("thigh_inner", "knee_inner", 0.05),
}


def muscle_shapes(
    muscles: tuple[tuple[str, MuscleRole], ...], sides: tuple[str, ...]
) -> tuple[Shape, ...]:
    """The working muscles on the working side(s), coloured by role."""
    shapes = []
    # Secondary first, so the primary targets are drawn on top.
    order = sorted(muscles, key=lambda m: (m[1] is MuscleRole.PRIMARY, m[1] is MuscleRole.WATCH))
    for muscle, role in order:
        colour, dashed = COLOURS[role], role is MuscleRole.WATCH
        if muscle == "core":
            core = _points("belly", "sternum")
            shapes.append(Shape("core", core, 0.09, colour, dashed=dashed, opacity=0.85))
            continue
        start, end, width = _MUSCLES[muscle]
        for side in sides:
            ends = _points(f"{start}_{side}", f"{end}_{side}")
            shapes.append(
                Shape(f"{muscle}_{side}", ends, width, colour, dashed=dashed, opacity=0.85)
            )
    return tuple(shapes)


def _fixed(*points: Vec) -> Resolve:
    return lambda _body: points


def _tether(fixed: Vec, attach: str) -> Resolve:
    return lambda body: (fixed, body.at(attach))


def _end(ends: Resolve, index: int) -> Resolve:
    return lambda body: (ends(body)[index],)


def _mid(names: tuple[str, ...], drop: float = 0.0) -> Resolve:
    def resolve(body: Body) -> tuple[Vec, ...]:
        total: Vec = (0.0, 0.0, 0.0)
        for n in names:
            total = add(total, body.at(n))
        return (add(scale(total, 1 / len(names)), (0.0, -drop, 0.0)),)

    return resolve


def _dumbbell(names: tuple[str, ...]) -> Resolve:
    def resolve(body: Body) -> tuple[Vec, ...]:
        (centre,) = _mid(names)(body)
        across = scale(column(body.pelvis, 2), 0.09)
        return (add(centre, scale(across, -1)), add(centre, across))

    return resolve


def _box(centre: Vec, half_x: float, half_z: float, y: float) -> tuple[Vec, ...]:
    x, _, z = centre
    return (
        (x - half_x, y, z - half_z),
        (x + half_x, y, z - half_z),
        (x + half_x, y, z + half_z),
        (x - half_x, y, z + half_z),
    )


def _chair(seat: Vec) -> tuple[Shape, ...]:
    corners = _box(seat, 0.2, 0.2, seat[1])
    legs = tuple(
        Shape(f"chair_leg_{i}", _fixed(c, (c[0], 0.0, c[2])), 0.025, FURNITURE, fixed=True)
        for i, c in enumerate(corners)
    )
    back = (corners[0], (corners[0][0], seat[1] + 0.45, corners[0][2]))
    back2 = ((corners[3][0], seat[1] + 0.45, corners[3][2]), corners[3])
    return (
        *legs,
        Shape("chair_seat", _fixed(*corners), 0.02, FURNITURE, "#dee2e6", closed=True, fixed=True),
        Shape("chair_back", _fixed(*back, *back2), 0.025, FURNITURE, fixed=True),
    )


def _block(name: str, centre: Vec, half_x: float, half_z: float, top: float) -> tuple[Shape, ...]:
    """A box standing on the floor (a step, a bench): its four sides, then its top."""
    upper = _box(centre, half_x, half_z, top)
    lower = _box(centre, half_x, half_z, 0.0)
    sides = tuple(
        Shape(
            f"{name}_side_{i}",
            _fixed(upper[i], upper[(i + 1) % 4], lower[(i + 1) % 4], lower[i]),
            0.015,
            FURNITURE,
            "#dee2e6",
            closed=True,
            fixed=True,
        )
        for i in range(4)
    )
    lid = Shape(f"{name}_top", _fixed(*upper), 0.015, FURNITURE, "#e9ecef", closed=True, fixed=True)
    return (*sides, lid)


def _machine(seat: Vec) -> tuple[Shape, ...]:
    """A seated abduction machine: a padded seat and backrest on a frame, the stack behind."""
    x, y, z = seat
    frame = (x, 0.0, z), (x, y, z)
    back = (x - 0.17, y + 0.04, z), (x - 0.22, y + 0.62, z)
    stack = (x - 0.5, 0.0, z), (x - 0.5, 1.4, z)
    return (
        Shape("machine_stack", _fixed(*stack), 0.14, FURNITURE, fixed=True),
        Shape("machine_frame", _fixed(*frame), 0.06, FURNITURE, fixed=True),
        *_block("machine_seat", (x + 0.1, 0.0, z), 0.24, 0.22, y)[-1:],
        Shape("machine_back", _fixed(*back), 0.09, METAL, fixed=True),
    )


def _barbell(names: tuple[str, ...]) -> Resolve:
    def resolve(body: Body) -> tuple[Vec, ...]:
        (centre,) = _mid(names)(body)
        across = scale(column(body.pelvis, 2), 0.55)
        return (add(centre, scale(across, -1)), add(centre, across))

    return resolve


def gear_shapes(gear: tuple[Gear, ...], start: Body) -> tuple[Shape, ...]:
    """Equipment: fixed pieces set up around the start pose, the rest following the body."""
    shapes: list[Shape] = []
    for item in gear:
        base = add(start.at(item.at[0]), item.offset) if item.kind in FIXED_GEAR else None
        match item.kind:
            case GearKind.MAT:
                xs = [p[0] for p in start.points.values()]
                zs = [p[2] for p in start.points.values()]
                centre = ((min(xs) + max(xs)) / 2, 0.0, (min(zs) + max(zs)) / 2)
                half_x, half_z = (max(xs) - min(xs)) / 2 + 0.08, (max(zs) - min(zs)) / 2 + 0.08
                mat = _box(centre, half_x, half_z, 0.0)
                shapes.append(Shape("mat", _fixed(*mat), 0.02, MAT, MAT, closed=True, fixed=True))
            case GearKind.WALL:
                assert base is not None
                post = ((base[0], 0.0, base[2]), (base[0], 1.3, base[2]))
                shapes.append(Shape("wall", _fixed(*post), 0.08, FURNITURE, fixed=True))
            case GearKind.CHAIR:
                assert base is not None
                shapes.extend(_chair(base))
            case GearKind.STEP:
                (centre,) = _mid(item.at)(start)
                x, _, z = add(centre, item.offset)
                shapes.extend(_block("step", (x, 0.0, z), 0.2, 0.16, item.height_m))
            case GearKind.BENCH:
                assert base is not None
                shapes.extend(_block("bench", base, 0.14, 0.4, base[1]))
            case GearKind.MACHINE:
                assert base is not None
                shapes.extend(_machine(base))
            case GearKind.MACHINE_PAD:
                for i, point in enumerate(item.at):
                    shapes.append(
                        Shape(f"machine_pad_{i}", _points(point), 0.0, "none", METAL, radius_m=0.05)
                    )
            case GearKind.BARBELL:
                ends = _barbell(item.at)
                shapes.append(Shape("barbell_bar", ends, 0.03, METAL))
                for i in (0, 1):
                    shapes.append(
                        Shape(f"barbell_{i}", _end(ends, i), 0.0, "none", METAL, radius_m=0.14)
                    )
            case GearKind.MINI_BAND:
                shapes.append(Shape("mini_band", _points(*item.at), 0.03, BAND))
            case GearKind.ANKLE_WEIGHT:
                shapes.append(
                    Shape("ankle_weight", _points(*item.at), 0.0, "none", METAL, radius_m=0.045)
                )
            case GearKind.DUMBBELL:
                ends = _dumbbell(item.at)
                shapes.append(Shape("dumbbell_bar", ends, 0.025, METAL))
                for i in (0, 1):
                    shapes.append(
                        Shape(f"dumbbell_{i}", _end(ends, i), 0.0, "none", METAL, radius_m=0.045)
                    )
            case GearKind.KETTLEBELL:
                shapes.append(
                    Shape("kettlebell", _mid(item.at, 0.1), 0.0, "none", METAL, radius_m=0.07)
                )
            case GearKind.LONG_BAND | GearKind.CABLE:
                anchor, attach = item.at[0], item.at[-1]
                low = add(start.at(anchor), item.offset)
                pulley = (low[0], 0.12, low[2])
                colour = BAND if item.kind is GearKind.LONG_BAND else METAL
                tall = 1.9 if item.kind is GearKind.CABLE else 0.5
                column_ = ((low[0], 0.0, low[2]), (low[0], tall, low[2]))
                shapes.append(
                    Shape(f"{item.kind}_post", _fixed(*column_), 0.09, FURNITURE, fixed=True)
                )
                shapes.append(
                    Shape(
                        item.kind.value,
                        _tether(pulley, attach),
                        0.012 if item.kind is GearKind.CABLE else 0.02,
                        colour,
                    )
                )
                shapes.append(Shape("cuff", _points(attach), 0.0, "none", colour, radius_m=0.035))
    return tuple(shapes)
