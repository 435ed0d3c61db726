"""docs/figures.png: every figure's start and end frames on one sheet, drawn by Chromium.

`make docs` writes it (`python -m tests.figures.contact_sheet`), with the two animated figures
the README shows (docs/figures/*.svg). The PNG carries a digest of
the figures it shows in a text chunk; a test checks that the committed sheet is what the pose
data draws today, so a changed or added figure is not forgotten.
"""

from __future__ import annotations

import hashlib
import struct
import sys
import zlib
from html import escape
from pathlib import Path

from hipcoach.content.figure_loader import load_figures, load_warmup_figures
from hipcoach.figures.model import Figure, Variant
from hipcoach.figures.render import REDUCED_MOTION_CSS, FrameKind, render_figure

DOCS = Path(__file__).resolve().parents[2] / "docs"
OUT = DOCS / "figures.png"
SHOWN = ("clamshell", "side_lying_hip_abduction")  # the README's two animated figures
KEYWORD = b"hipcoach-figures"
COLUMNS = 5
WIDTH_PX = COLUMNS * 260


def cells() -> list[tuple[str, Figure, Variant]]:
    """Every move in each of its versions, then every warm-up and cool-down item."""
    found: list[tuple[str, Figure, Variant]] = []
    for figure in load_figures().values():
        for variant in figure.variants or (figure.default_variant,):
            caption = figure.name if not figure.variants else f"{figure.name} ({variant.label})"
            found.append((caption, figure, variant))
    for figure in load_warmup_figures().values():
        found.append((figure.name, figure, figure.default_variant))
    return found


def _svg(figure: Figure, variant: Variant, n: int) -> str:
    return render_figure(
        figure, variant, FrameKind.PAIR, legend=False, standalone=False, ident=f"sheet-{n}"
    )


def digest() -> str:
    """What the sheet shows: every caption and drawing, hashed."""
    h = hashlib.sha256()
    for n, (caption, figure, variant) in enumerate(cells()):
        h.update(caption.encode())
        h.update(_svg(figure, variant, n).encode())
    return h.hexdigest()


def sheet_html() -> str:
    """One page with a captioned start/end pair per figure, in a grid."""
    body = "\n".join(
        f"<figure>{_svg(figure, variant, n)}<figcaption>{escape(caption)}</figcaption></figure>"
        for n, (caption, figure, variant) in enumerate(cells())
    )
    style = (
        "body{margin:12px;font:13px system-ui,sans-serif;color:#1d1d1f;background:#fff}"
        f"main{{display:grid;align-items:start;grid-template-columns:repeat({COLUMNS},1fr);gap:10px}}"
        "figure{margin:0;border:1px solid #ddd;border-radius:6px;padding:4px}"
        "svg{width:100%;height:auto}figcaption{text-align:center}" + REDUCED_MOTION_CSS
    )
    count = len(cells())
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><style>{style}</style>'
        f"</head><body><h1>hipcoach figures: {count} moves, versions and warm-up items</h1>"
        f"<main>\n{body}\n</main></body></html>"
    )


def readme_figures() -> dict[Path, str]:
    """The README's animated figures (standalone SVG files), by path."""
    figures = load_figures()
    return {
        DOCS / "figures" / f"{key}.svg": render_figure(
            figures[key], figures[key].default_variant, FrameKind.ANIMATED, ident=f"fig-{key}"
        )
        for key in SHOWN
    }


def png_text(data: bytes) -> dict[bytes, bytes]:
    """The tEXt chunks of a PNG file."""
    found: dict[bytes, bytes] = {}
    at = 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind, chunk = data[at + 4 : at + 8], data[at + 8 : at + 8 + length]
        if kind == b"tEXt":
            keyword, _, text = chunk.partition(b"\0")
            found[keyword] = text
        at += 12 + length
    return found


def _with_text(data: bytes, keyword: bytes, text: bytes) -> bytes:
    """The PNG with one more tEXt chunk just after its header chunk."""
    chunk = keyword + b"\0" + text
    packed = struct.pack(">I", len(chunk)) + b"tEXt" + chunk
    packed += struct.pack(">I", zlib.crc32(b"tEXt" + chunk) & 0xFFFFFFFF)
    header_end = 8 + 12 + struct.unpack(">I", data[8:12])[0]
    return data[:header_end] + packed + data[header_end:]


def main() -> int:
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import LAUNCH_ARGS, _chromium

    chromium = _chromium()
    if chromium is None:
        sys.stderr.write("Chromium not found: run `make browser` first\n")
        return 1
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=LAUNCH_ARGS)
        page = browser.new_page(
            viewport={"width": WIDTH_PX, "height": 800}, reduced_motion="reduce"
        )
        page.set_content(sheet_html())
        shot = page.screenshot(full_page=True)
        browser.close()
    OUT.write_bytes(_with_text(shot, KEYWORD, digest().encode()))
    for path, svg in readme_figures().items():
        path.parent.mkdir(exist_ok=True)
        path.write_text(svg)
    sys.stdout.write(f"wrote {OUT} ({len(cells())} figures, {len(shot) // 1024} KiB)\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
