"""`hipcoach plan` and `hipcoach schema plan` through CliRunner and a real process."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
from typer.testing import CliRunner

from hipcoach.cli.main import app

runner = CliRunner()
ISSUE_EXAMPLE = [
    "plan",
    "--level",
    "beginner",
    "--goal",
    "muscle",
    "--equipment",
    "mini_band,ankle_weights",
    "--days",
    "mon,thu",
    "--minutes",
    "30",
    "--weeks",
    "12",
    "--start",
    "2026-01-05",
    "--weight-kg",
    "62",
]


def test_the_issue_example_prints_a_readable_table() -> None:
    result = runner.invoke(app, ISSUE_EXAMPLE, env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    assert "Week 1" in result.stdout
    assert "Clamshell" in result.stdout
    assert "cannot change bone" in result.stdout
    assert "more weeks" in result.stdout


def test_json_output_matches_the_published_schema() -> None:
    plan = json.loads(runner.invoke(app, [*ISSUE_EXAMPLE, "--format", "json"]).stdout)
    schema = json.loads(runner.invoke(app, ["schema", "plan"]).stdout)
    jsonschema.validate(plan, schema)
    assert len(plan["weeks"]) == 12
    assert plan["profile"]["equipment"] == ["ankle_weights", "mini_band"]


def test_the_same_request_prints_the_same_plan() -> None:
    one = runner.invoke(app, [*ISSUE_EXAMPLE, "--format", "json", "--seed", "3"]).stdout
    two = runner.invoke(app, [*ISSUE_EXAMPLE, "--format", "json", "--seed", "3"]).stdout
    assert one == two


def test_output_writes_each_format_to_a_file(tmp_path: Path) -> None:
    for fmt in ("json", "markdown", "html", "ics", "table"):
        target = tmp_path / f"plan.{fmt}"
        result = runner.invoke(app, [*ISSUE_EXAMPLE, "--format", fmt, "--output", str(target)])
        assert result.exit_code == 0, result.output
        assert target.stat().st_size > 1000
    assert (tmp_path / "plan.ics").read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")


def test_too_few_minutes_names_a_minimum_that_really_works() -> None:
    result = runner.invoke(app, [*ISSUE_EXAMPLE, "--minutes", "5"])
    assert result.exit_code == 2
    found = re.search(r"at least (\d+) minutes", result.output)
    assert found, result.output
    enough = runner.invoke(app, [*ISSUE_EXAMPLE, "--minutes", found.group(1)])
    assert enough.exit_code == 0, enough.output


def test_bad_input_exits_2_with_a_message_and_no_traceback() -> None:
    cases = {
        ("--days", "mon,tue"): "back to back",
        ("--days", "mon,funday"): "Unknown weekday 'funday'",
        ("--equipment", "trampoline"): "Unknown equipment 'trampoline'",
        ("--pain", "elbow"): "Unknown pain area 'elbow'",
        ("--pain", "hip:up"): "Unknown pain side 'up'",
        ("--avoid", "squats"): "Did you mean: squat",
        ("--start", "05/01/2026"): "is not a date",
        ("--minutes", "0"): "Minutes per session must be between",
        ("--level", "pro"): "Unknown level 'pro'",
    }
    for args, message in cases.items():
        result = runner.invoke(app, [*ISSUE_EXAMPLE, *args])
        assert result.exit_code == 2, (args, result.output)
        assert message in result.output, (args, result.output)
        assert "Traceback" not in result.output


def test_plan_runs_as_a_real_process_and_writes_ics(tmp_path: Path) -> None:
    target = tmp_path / "plan.ics"
    done = subprocess.run(
        [
            str(Path(sys.executable).parent / "hipcoach"),
            *ISSUE_EXAMPLE,
            "--format",
            "ics",
            "--output",
            str(target),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert target.read_text().count("BEGIN:VEVENT") == 24


def test_pain_can_name_its_side() -> None:
    result = runner.invoke(app, [*ISSUE_EXAMPLE, "--pain", "hip:left,knee", "--format", "json"])
    assert result.exit_code == 0, result.output
    profile = json.loads(result.output)["profile"]
    assert profile["pain"] == ["hip", "knee"]
    assert profile["pain_sides"] == [["hip", "left"]]


def test_an_age_from_60_keeps_the_full_side_plank_for_later_and_a_bad_age_exits_2() -> None:
    hipcoach = str(Path(sys.executable).parent / "hipcoach")
    base = [hipcoach, "plan", "--level", "intermediate", "--days", "mon,thu"]
    base += ["--start", "2026-12-07", "--format", "json"]
    older = subprocess.run([*base, "--age", "64"], capture_output=True, text=True, check=False)
    assert older.returncode == 0, older.stderr
    assert "side_plank_hip_abduction" not in older.stdout
    assert '"exercise": "side_bridge"' in older.stdout  # the easier variant is the way in
    assert json.loads(older.stdout)["profile"]["age"] == 64
    younger = subprocess.run([*base, "--age", "35"], capture_output=True, text=True, check=False)
    assert younger.returncode == 0, younger.stderr
    assert json.loads(younger.stdout)["profile"]["age"] == 35
    bad = subprocess.run([*base, "--age", "140"], capture_output=True, text=True, check=False)
    assert bad.returncode == 2
    assert "Age must be between 13 and 100 years" in bad.stderr
    assert "Traceback" not in bad.stderr
