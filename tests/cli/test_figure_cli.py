"""`hipcoach exercise KEY --figure out.svg`."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from typer.testing import CliRunner

from hipcoach.cli.main import app

runner = CliRunner()
SVG_NS = "{http://www.w3.org/2000/svg}"


def test_it_writes_the_start_and_end_pair_as_svg(tmp_path: Path) -> None:
    out = tmp_path / "clam.svg"
    result = runner.invoke(app, ["exercise", "clamshell", "--figure", str(out)])
    assert result.exit_code == 0, result.output
    root = ET.fromstring(out.read_text("utf-8"))
    assert root.findtext(f"{SVG_NS}title") == "Clamshell: start and end positions"
    assert "Start" in out.read_text("utf-8")


def test_it_draws_a_chosen_version_and_frame(tmp_path: Path) -> None:
    out = tmp_path / "band.svg"
    args = ["exercise", "clamshell", "--figure", str(out), "--frame", "animated"]
    result = runner.invoke(app, [*args, "--variant", "mini_band"])
    assert result.exit_code == 0, result.output
    assert "<animate" in out.read_text("utf-8")


def test_bad_input_exits_2_with_a_message_and_no_traceback(tmp_path: Path) -> None:
    out = tmp_path / "x.svg"
    frame = runner.invoke(app, ["exercise", "clamshell", "--figure", str(out), "--frame", "mid"])
    assert frame.exit_code == 2
    assert "Unknown frame 'mid'" in frame.stderr
    variant = runner.invoke(app, ["exercise", "clamshell", "--figure", str(out), "--variant", "x"])
    assert variant.exit_code == 2
    assert "Unknown variant" in variant.stderr
    folder = runner.invoke(
        app, ["exercise", "clamshell", "--figure", str(tmp_path / "no" / "x.svg")]
    )
    assert folder.exit_code == 2
    assert "could not write" in folder.stderr
    assert "Traceback" not in frame.output + variant.output + folder.output
