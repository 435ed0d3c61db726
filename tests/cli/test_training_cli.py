"""init / today / log / progress / history / measure / db through CliRunner and a real process."""

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
    "init",
    "--no-input",
    "--name",
    "Ana",
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
    "--pain",
    "none",
    "--avoid",
    "none",
]


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'hipcoach.db'}"
    monkeypatch.setenv("HIPCOACH_DATABASE_URL", url)
    return url


def ok(args: list[str], *, input: str | None = None) -> str:
    result = runner.invoke(app, args, input=input, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return result.stdout


def test_init_then_today_shows_the_first_session(database: str) -> None:
    assert "Plan saved: 12 weeks from 2026-01-05" in ok(INIT)
    today = ok(["today", "--date", "2026-01-05"])
    assert "Today: 2026-01-05 (week 1, session 1)" in today
    assert "Clamshell" in today
    assert "First time" in today
    assert "cannot change bone" in today


def test_interactive_init_asks_each_question(database: str) -> None:
    answers = (
        "Ana\nintermediate\nstrength\nmini_band\nmon,wed,fri\n40\n8\n2026-02-02\nnone\nnone\n70\n"
    )
    out = ok(["init"], input=answers + "63\n")
    assert "Your experience" in out
    assert "Your age in years" in out
    assert "Plan saved: 8 weeks from 2026-02-02" in out
    assert "side_plank_hip_abduction" not in ok(["plan", "--current", "--format", "json"])


def test_an_age_that_is_not_a_number_exits_2_without_a_traceback(database: str) -> None:
    answers = "Ana\nbeginner\nmuscle\nnone\nmon,thu\n30\n12\n2026-02-02\nnone\nnone\n\nsixty\n"
    result = runner.invoke(app, ["init"], input=answers)
    assert result.exit_code == 2
    assert "Age is a whole number of years" in result.output
    assert "Traceback" not in result.output


def test_logging_one_set_is_idempotent_by_id_and_shows_in_history(database: str) -> None:
    ok(INIT)
    args = [
        "log",
        "--exercise",
        "clamshell",
        "--reps",
        "14",
        "--side",
        "left",
        "--resistance",
        "mini_band_light",
        "--pain",
        "1",
        "--date",
        "2026-01-05",
        "--id",
        "retry-safe-0001",
    ]
    assert "Set saved." in ok(args)
    assert "already saved" in ok(args)
    history = ok(["history"])
    assert history.count("clamshell") == 1


def test_the_same_id_with_other_values_exits_2_naming_it(database: str) -> None:
    ok(INIT)
    first = ["log", "--exercise", "clamshell", "--reps", "14", "--date", "2026-01-05"]
    ok([*first, "--id", "retry-safe-0002"])
    result = runner.invoke(app, [*first[:4], "15", *first[5:], "--id", "retry-safe-0002"])
    assert result.exit_code == 2, result.output
    assert "Set retry-safe-0002 already exists with other values" in result.output
    assert "Traceback" not in result.output
    assert ok(["history"]).count("clamshell") == 1  # the first set, kept as it was


def test_interactive_log_walks_the_session_with_prefilled_answers(database: str) -> None:
    ok(INIT)
    out = ok(["log", "--date", "2026-01-05"], input="\n" * 400)
    assert "Saved" in out
    after = ok(["today", "--date", "2026-01-08"])
    assert "Today: 2026-01-08" in after
    progress = ok(["progress", "--date", "2026-01-09"])
    assert "Adherence" in progress
    assert "1 / 2" in progress  # Monday done, Thursday missed


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["log", "--exercise", "clamshell", "--reps", "-2"], "reps must be between"),
        (
            ["log", "--exercise", "clamshell", "--reps", "10", "--pain", "11"],
            "Pain must be between",
        ),
        (["log", "--exercise", "deadlift", "--reps", "10"], "Unknown exercise 'deadlift'"),
        (
            ["log", "--exercise", "clamshell", "--reps", "10", "--load-kg", "5"],
            "no weight to record",
        ),
        (["log", "--exercise", "clamshell", "--reps", "10", "--side", "middle"], "Unknown side"),
        (["today", "--date", "2026-02-30"], "is not a date"),
        (["measure", "--hip-cm", "9"], "hip_cm must be between"),
    ],
)
def test_bad_input_exits_2_and_stores_nothing(database: str, args: list[str], message: str) -> None:
    ok(INIT)
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Traceback" not in result.output
    assert "Last 0 sessions" in ok(["history"])


def test_today_before_init_points_to_init(database: str) -> None:
    result = runner.invoke(app, ["today"])
    assert result.exit_code == 2
    assert "hipcoach init" in result.output


def test_measure_is_shown_with_the_honest_note(database: str) -> None:
    ok(INIT)
    assert "Tape measurements move slowly" in ok(
        ["measure", "--hip-cm", "98.5", "--date", "2026-01-05"]
    )
    ok(["measure", "--hip-cm", "99.0", "--date", "2026-03-05"])
    assert "hip_cm +0.5" in ok(["progress", "--date", "2026-03-06"])


def test_db_current_reports_up_to_date(database: str) -> None:
    ok(["db", "upgrade"])
    assert "up to date" in ok(["db", "current"])


def test_a_bad_database_url_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HIPCOACH_DATABASE_URL", "mysql://root@localhost/x")
    result = runner.invoke(app, ["today"])
    assert result.exit_code == 2
    assert "HIPCOACH_DATABASE_URL" in result.output


# Slow by nature (~1 s a command): six real processes, each importing the app and migrating the
# database at start, prove the installed entry point and its retry/conflict answers.
def test_the_installed_command_onboards_and_logs_for_real(tmp_path: Path) -> None:
    env = {**os.environ, "HIPCOACH_DATABASE_URL": f"sqlite:///{tmp_path / 'real.db'}"}
    exe = str(Path(sys.executable).parent / "hipcoach")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [exe, *args], capture_output=True, text=True, timeout=60, env=env, check=False
        )

    assert run(*INIT).returncode == 0
    one_set = ("log", "--exercise", "glute_bridge", "--date", "2026-01-05", "--id", "real-set-01")
    logged = run(*one_set, "--reps", "12")
    assert logged.returncode == 0, logged.stderr
    assert "already saved" in run(*one_set, "--reps", "12").stdout  # a retry: nothing new
    other = run(*one_set, "--reps", "13")  # the same id, other values: a conflict
    assert other.returncode == 2
    assert "Set real-set-01 already exists with other values" in other.stderr
    assert "Traceback" not in other.stderr
    assert "glute_bridge" in run("history").stdout


def test_after_the_last_week_today_offers_the_next_block(database: str) -> None:
    four = [*INIT]
    four[four.index("12")] = "4"
    ok(four)
    result = runner.invoke(app, ["today", "--date", "2026-03-30"], env={"COLUMNS": "200"})
    assert result.exit_code == 2, result.output
    assert "Your 4-week block ended with its last session on Thursday 29 January 2026" in (
        result.output
    )
    assert "`hipcoach plan --restart` starts the next block" in result.output
    assert "Traceback" not in result.output
    ok(["plan", "--restart", "--start", "2026-03-30"])
    assert "Today: 2026-03-30 (week 1, session 1)" in ok(["today", "--date", "2026-03-30"])
