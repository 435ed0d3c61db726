"""The catalogue commands through CliRunner, and one real subprocess."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from hipcoach.cli.main import app

runner = CliRunner()


def test_exercises_json_lists_all_twenty_seven_keys() -> None:
    result = runner.invoke(app, ["exercises", "--json"])
    assert result.exit_code == 0, result.output
    assert len({e["key"] for e in json.loads(result.stdout)}) == 27


def test_exercises_filters_by_equipment_muscle_and_role() -> None:
    result = runner.invoke(app, ["exercises", "--json", "--equipment", "cable_machine"])
    keys = {e["key"] for e in json.loads(result.stdout)}
    assert "cable_hip_abduction" in keys
    result = runner.invoke(app, ["exercises", "--json", "--role", "activation"])
    assert all("activation" in e["roles"] for e in json.loads(result.stdout))


def test_exercise_card_shows_steps_cues_ladder_and_cited_evidence() -> None:
    result = runner.invoke(app, ["exercise", "clamshell"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    for heading in ("Steps", "Form cues", "Ladder", "Evidence", "If it hurts"):
        assert heading in result.stdout
    assert "Selkowitz 2013" in result.stdout
    assert "verified-abstract" in result.stdout
    assert "extra heavy mini band" in result.stdout


def test_exercise_json_carries_evidence_labels() -> None:
    data = json.loads(runner.invoke(app, ["exercise", "clamshell", "--json"]).stdout)
    assert data["key"] == "clamshell"
    assert data["evidence"]
    assert {r["verification"] for r in data["evidence"]} >= {"verified-abstract", "secondary"}
    assert data["ladder"][0]["key"] == "bodyweight"


def test_a_move_without_emg_data_says_so() -> None:
    result = runner.invoke(app, ["exercise", "fire_hydrant"], env={"COLUMNS": "200"})
    assert "No EMG data" in result.stdout


def test_unknown_exercise_exits_2_with_suggestions_and_no_traceback() -> None:
    result = runner.invoke(app, ["exercise", "clamshel"])
    assert result.exit_code == 2
    assert "Unknown exercise 'clamshel'" in result.output
    assert "clamshell" in result.output
    assert "Traceback" not in result.output


def test_unknown_filter_value_exits_2() -> None:
    result = runner.invoke(app, ["exercises", "--equipment", "trapbar"])
    assert result.exit_code == 2
    assert "Unknown equipment 'trapbar'" in result.output


def test_learn_lists_topics_and_shows_one_page() -> None:
    listing = runner.invoke(app, ["learn", "--json"])
    assert "hip_dips" in {t["key"] for t in json.loads(listing.stdout)}
    page = runner.invoke(app, ["learn", "safety"], env={"COLUMNS": "120"})
    assert page.exit_code == 0
    assert "Sources" in page.stdout


def test_unknown_topic_exits_2_with_close_matches() -> None:
    result = runner.invoke(app, ["learn", "safty"])
    assert result.exit_code == 2
    assert "safety" in result.output


def test_no_command_shows_the_honest_line_and_the_catalogue() -> None:
    result = runner.invoke(app, [], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "cannot change bone" in result.stdout
    assert "side_lying_hip_abduction" in result.stdout
    assert "hipcoach plan" in result.stdout


def _installed_hipcoach() -> str:
    script = Path(sys.executable).parent / "hipcoach"
    found = str(script) if script.exists() else shutil.which("hipcoach")
    assert found, "the hipcoach entry point is not installed"
    return found


# Two real processes (one success, one user error): the only proof the entry point is installed.
def test_the_installed_entry_point_runs_as_a_real_process() -> None:
    ok = subprocess.run(
        [_installed_hipcoach(), "exercise", "clamshell", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["name"] == "Clamshell"
    bad = subprocess.run(
        [_installed_hipcoach(), "exercise", "nope"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert bad.returncode == 2
    assert "Unknown exercise 'nope'" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_exercise_card_shows_how_each_figure_was_measured() -> None:
    # An ordinary 80-column terminal: each figure on its own line with how it was measured.
    result = runner.invoke(app, ["exercise", "side_lying_hip_abduction"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    assert "gluteus medius: 81% ± 42 · mean · no added load · surface" in result.stdout
    assert "DiStefano 2009 JOSPT 39(7):532-540 · verified-abstract" in result.stdout
    assert "side_lying_abduction_10rm" in result.stdout
    for value in ("mean", "peak", "loaded", "no added load", "surface"):
        assert value in result.stdout
    assert "Ranked by: Side-lying hip abduction (bodyweight)" in result.stdout
    plank = runner.invoke(app, ["exercise", "side_plank_hip_abduction"], env={"COLUMNS": "220"})
    assert "No comparable mean figure" in plank.stdout
