"""The committed contact sheet and README figures are what the pose data draws today."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hipcoach.content.figure_loader import load_figures, load_warmup_figures
from tests.figures.contact_sheet import (
    KEYWORD,
    OUT,
    cells,
    digest,
    png_text,
    readme_figures,
    sheet_html,
)


def test_the_sheet_shows_every_move_in_each_version_and_every_warm_up_item() -> None:
    moves = load_figures().values()
    expected = sum(len(f.variants) or 1 for f in moves) + len(load_warmup_figures())
    assert len(cells()) == expected
    html = sheet_html()
    assert html.count("<figcaption>") == expected
    assert html.count("<svg") == expected


def test_the_committed_sheet_is_current() -> None:
    stored = png_text(OUT.read_bytes()).get(KEYWORD)
    assert stored == digest().encode(), "figures changed: run `make docs` and commit the sheet"


def test_the_readme_figures_are_current_and_animated() -> None:
    for path, svg in readme_figures().items():
        assert path.read_text() == svg, f"{path.name} changed: run `make docs`"
        root = ET.fromstring(svg)
        assert root.find(".//{http://www.w3.org/2000/svg}animate") is not None
