"""Small 3D vector and rotation arithmetic for posing the skeleton (metres and degrees)."""

from __future__ import annotations

import math

Vec = tuple[float, float, float]
#: A rotation as its three rows.
Mat = tuple[Vec, Vec, Vec]

IDENTITY: Mat = ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0))


def add(a: Vec, b: Vec) -> Vec:
    """a + b."""
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def sub(a: Vec, b: Vec) -> Vec:
    """a - b."""
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def scale(a: Vec, k: float) -> Vec:
    """a times k."""
    return (a[0] * k, a[1] * k, a[2] * k)


def dot(a: Vec, b: Vec) -> float:
    """The dot product."""
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def norm(a: Vec) -> float:
    """The length of a."""
    return math.sqrt(dot(a, a))


def distance(a: Vec, b: Vec) -> float:
    """How far apart two points are."""
    return norm(sub(a, b))


def apply(m: Mat, v: Vec) -> Vec:
    """The rotation m applied to v."""
    (a, b, c), (d, e, f), (g, h, i) = m
    x, y, z = v
    return (a * x + b * y + c * z, d * x + e * y + f * z, g * x + h * y + i * z)


def compose(a: Mat, b: Mat) -> Mat:
    """The rotation 'b, then a' (a times b)."""
    (b0, b1, b2), (b3, b4, b5), (b6, b7, b8) = b
    rows = []
    for x, y, z in a:
        rows.append((x * b0 + y * b3 + z * b6, x * b1 + y * b4 + z * b7, x * b2 + y * b5 + z * b8))
    return (rows[0], rows[1], rows[2])


def column(m: Mat, index: int) -> Vec:
    """Where the rotation sends the index-th unit axis."""
    return (m[0][index], m[1][index], m[2][index])


def rot_x(degrees: float) -> Mat:
    """Rotation about x: turns y toward z."""
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    return ((1.0, 0.0, 0.0), (0.0, c, -s), (0.0, s, c))


def rot_y(degrees: float) -> Mat:
    """Rotation about y: turns z toward x."""
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    return ((c, 0.0, s), (0.0, 1.0, 0.0), (-s, 0.0, c))


def rot_z(degrees: float) -> Mat:
    """Rotation about z: turns x toward y."""
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    return ((c, -s, 0.0), (s, c, 0.0), (0.0, 0.0, 1.0))
