"""Draw hipcoach's app icons: a figure lifting one leg out to the side, on our purple.

Writes src/hipcoach/web/static/icons/: icon.svg, icon-192.png, icon-512.png and
icon-maskable-512.png (the figure inside the maskable safe zone, the 80 % circle). The PNGs
are rasterised here, from the same shapes as the SVG, with only the standard library (zlib
for the image data): no image tool, no assets from elsewhere. Deterministic: running it
again writes the same bytes (tests/web/test_offline_app.py checks the committed files).

    .venv/bin/python scripts/make_icons.py
"""

from __future__ import annotations

import math
import struct
import zlib
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "hipcoach" / "web" / "static" / "icons"
BACKGROUND = (0x6B, 0x3D, 0x8F)  # --accent of app.css
FIGURE = (0xFF, 0xFF, 0xFF)
# On a 100 x 100 canvas: the head (a circle), then limbs as capsules (x1, y1, x2, y2, width).
HEAD = (50.0, 22.0, 8.0)
LIMBS = (
    (50.0, 33.0, 50.0, 58.0, 10.0),  # torso
    (50.0, 58.0, 47.0, 84.0, 9.0),  # standing leg
    (50.0, 58.0, 72.0, 76.0, 9.0),  # the leg lifted out to the side (hip abduction)
    (50.0, 38.0, 33.0, 52.0, 7.0),  # arms
    (50.0, 38.0, 67.0, 48.0, 7.0),
)
FILES = {"icon-192.png": (192, False), "icon-512.png": (512, False)}
MASKABLE = {"icon-maskable-512.png": (512, True)}


def _capsule(px: float, py: float, limb: tuple[float, float, float, float, float]) -> float:
    x1, y1, x2, y2, width = limb
    dx, dy = x2 - x1, y2 - y1
    t = max(0.0, min(1.0, ((px - x1) * dx + (py - y1) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (x1 + t * dx), py - (y1 + t * dy)) - width / 2


def _figure_distance(px: float, py: float) -> float:
    """Signed distance (canvas units) from a point to the figure; negative inside."""
    cx, cy, r = HEAD
    best = math.hypot(px - cx, py - cy) - r
    for limb in LIMBS:
        best = min(best, _capsule(px, py, limb))
    return best


def _rounded_square(px: float, py: float, size: float, radius: float) -> float:
    qx = abs(px - size / 2) - (size / 2 - radius)
    qy = abs(py - size / 2) - (size / 2 - radius)
    outside = math.hypot(max(qx, 0.0), max(qy, 0.0))
    return outside + min(max(qx, qy), 0.0) - radius


def _pixels(size: int, maskable: bool) -> bytes:
    """RGBA rows, each led by PNG's filter byte 0; edges anti-aliased by distance."""
    # A maskable icon is cropped to a circle of 80 %: the figure shrinks into it.
    scale = 100 / ((0.62 if maskable else 0.8) * size)  # canvas units per pixel
    offset = 50 - size * scale / 2
    rows = bytearray()
    for y in range(size):
        rows.append(0)
        for x in range(size):
            cx, cy = x + 0.5, y + 0.5
            back = 1.0 if maskable else _cover(_rounded_square(cx, cy, size, size * 0.18))
            fig = _cover(_figure_distance(cx * scale + offset, cy * scale + offset) / scale)
            rgb = [round(b + (f - b) * fig) for b, f in zip(BACKGROUND, FIGURE, strict=True)]
            rows += bytes((*rgb, round(255 * back)))
    return bytes(rows)


def _cover(distance_px: float) -> float:
    return max(0.0, min(1.0, 0.5 - distance_px))


def _chunk(kind: bytes, data: bytes) -> bytes:
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def png(size: int, *, maskable: bool = False) -> bytes:
    """A size x size RGBA PNG of the icon."""
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    data = zlib.compress(_pixels(size, maskable), 9)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", data)
        + _chunk(b"IEND", b"")
    )


def svg() -> str:
    """The same icon as SVG (the browser tab's icon)."""
    cx, cy, r = HEAD
    colour = "#{:02x}{:02x}{:02x}".format(*BACKGROUND)
    limbs = "".join(
        f'<line x1="{x1:g}" y1="{y1:g}" x2="{x2:g}" y2="{y2:g}" stroke-width="{w:g}"/>'
        for x1, y1, x2, y2, w in LIMBS
    )
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">'
        f'<rect width="100" height="100" rx="18" fill="{colour}"/>'
        f'<g transform="translate(10 10) scale(0.8)"><circle cx="{cx:g}" cy="{cy:g}" r="{r:g}" '
        f'fill="#fff"/><g stroke="#fff" stroke-linecap="round">{limbs}</g></g></svg>\n'
    )


def icons() -> dict[str, bytes]:
    """Every icon file by name."""
    made = {"icon.svg": svg().encode()}
    for name, (size, maskable) in {**FILES, **MASKABLE}.items():
        made[name] = png(size, maskable=maskable)
    return made


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, content in icons().items():
        (OUT / name).write_bytes(content)
        print(f"wrote {OUT / name} ({len(content):,} bytes)")  # noqa: T201


if __name__ == "__main__":
    main()
