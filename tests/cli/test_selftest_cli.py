"""`hipcoach selftest`: the tests with how to do them, results logged per side, corrected and
deleted, bad input exit 2."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hipcoach.cli.main import app

runner = CliRunner()
INIT = [
    *("init", "--no-input", "--name", "Ana", "--level", "beginner", "--goal", "muscle"),
    *("--equipment", "mini_band", "--days", "mon,thu", "--minutes", "30", "--weeks", "8"),
    *("--start", "2026-01-05", "--pain", "none", "--avoid", "none"),
]


@pytest.fixture(autouse=True)
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'hipcoach.db'}"
    monkeypatch.setenv("HIPCOACH_DATABASE_URL", url)
    return url


def ok(args: list[str]) -> str:
    result = runner.invoke(app, args, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_list_says_how_to_do_each_test_and_that_all_are_due_at_first() -> None:
    ok(INIT)
    shown = ok(["selftest", "--date", "2026-01-05"])
    assert "not the shape of your hips" in shown
    assert "Due today: Side-bridge hold, 30-second single-leg stance" in shown
    assert "hipcoach selftest log single_leg_stance --left N --right N" in shown
    assert "Springer BA" in shown
    assert "[verified-qualitative: direction or rank read in the abstract" in shown


def test_a_logged_result_shows_in_progress_and_is_not_due_until_the_lighter_week() -> None:
    ok(INIT)
    saved = ok(
        [
            "selftest",
            "log",
            "side_bridge_hold",
            "--left",
            "40",
            "--right",
            "46",
            "--date",
            "2026-01-05",
        ]
    )
    assert "left 40, right 46 seconds" in saved
    ok(["selftest", "log", "side_bridge_hold", "--left", "52", "--date", "2026-01-27"])
    week_3 = ok(["selftest", "--date", "2026-01-22"])
    assert "Side-bridge hold (side_bridge_hold), last done 2026-01-05" in week_3
    report = ok(["progress", "--date", "2026-01-28"])
    assert "40 seconds (2026-01-05)" in report
    assert "52 seconds (2026-01-27)" in report
    assert "+12" in report


def test_the_installed_command_refuses_bad_results_with_exit_2_and_stores_nothing(
    tmp_path: Path,
) -> None:
    # (wide enough that the progress table keeps "3 points (2026-01-05)" on one line)
    env = {
        **os.environ,
        "HIPCOACH_DATABASE_URL": f"sqlite:///{tmp_path / 'real.db'}",
        "COLUMNS": "200",
    }
    exe = str(Path(sys.executable).parent / "hipcoach")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [exe, *args], capture_output=True, text=True, timeout=60, env=env, check=False
        )

    assert run(*INIT).returncode == 0
    day = ("--date", "2026-01-05")
    for args, said in (
        (("single_leg_stance", "--left", "20", "--right", "31"), "between 0 and 30 seconds"),
        (("plank", "--left", "3"), "Unknown test 'plank'"),
        (("step_down_quality",), "at least one side"),
        (("side_bridge_hold", "--left", "30", "--date", "2999-01-01"), "after today"),
    ):
        bad = run("selftest", "log", *args, *([] if "--date" in args else day))
        assert bad.returncode == 2, bad.stderr
        assert said in bad.stderr
        assert "Traceback" not in bad.stderr
    progress = run("progress", "--date", "2026-01-06")
    assert "Self-tests: none recorded yet" in progress.stdout
    good = run("selftest", "log", "step_down_quality", "--left", "3", "--right", "4", *day)
    assert good.returncode == 0, good.stderr
    assert "Step-down quality" in run("progress", "--date", "2026-01-06").stdout
    # A result typed or dated wrong is corrected in place; a wrong request changes nothing.
    for args, said in (
        (("step_down_quality", "--value", "3"), "name the side whose value to change"),
        (("step_down_quality", "--side", "left", "--value", "5"), "between 0 and 4 points"),
        (("step_down_quality", "--side", "middle", "--value", "2"), "left or right"),
        (("step_down_quality", "--side", "left"), "--value N and/or --new-date"),
        (("step_down_quality", "--new-date", "2999-01-01"), "after today"),
        (("step_down_quality", "--new-date", "soon"), "soon"),
        (("single_leg_stance", "--value", "20"), "No single_leg_stance result on 2026-01-05"),
        (("plank", "--value", "2"), "Unknown test 'plank'"),
    ):
        bad = run("selftest", "edit", *args, *day)
        assert bad.returncode == 2, (args, bad.stderr)
        assert said in bad.stderr, (args, bad.stderr)
        assert "Traceback" not in bad.stderr
    assert "3 points (2026-01-05)" in run("progress", "--date", "2026-01-06").stdout
    fixed = run("selftest", "edit", "step_down_quality", "--side", "left", "--value", "2", *day)
    assert fixed.returncode == 0, fixed.stderr
    assert "left 3 on 2026-01-05 is now 2 on 2026-01-05" in fixed.stdout
    moved = run("selftest", "edit", "step_down_quality", "--new-date", "2026-01-04", *day)
    assert "left 2 on 2026-01-05 is now 2 on 2026-01-04, right 4" in moved.stdout
    assert "2 points (2026-01-04)" in run("progress", "--date", "2026-01-06").stdout
    back = run(
        "selftest", "edit", "step_down_quality", "--date", "2026-01-04", "--new-date", day[1]
    )
    assert back.returncode == 0, back.stderr
    # A result recorded by mistake is deleted, one side or both; a wrong one says what is missing.
    for args, said in (
        (("step_down_quality", "--side", "middle"), "left or right"),
        (("single_leg_stance",), "No single_leg_stance result on 2026-01-05"),
    ):
        bad = run("selftest", "delete", *args, *day)
        assert bad.returncode == 2, bad.stderr
        assert said in bad.stderr
        assert "Traceback" not in bad.stderr
    one = run("selftest", "delete", "step_down_quality", "--side", "left", *day)
    assert one.returncode == 0, one.stderr
    assert "Deleted Step-down quality on 2026-01-05: left 2" in one.stdout  # as corrected
    both = run("selftest", "delete", "step_down_quality", *day)
    assert "right 4" in both.stdout
    assert "Self-tests: none recorded yet" in run("progress", "--date", "2026-01-06").stdout
