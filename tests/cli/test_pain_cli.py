"""`hipcoach log` says where it hurts: on a set, and as next-day pain for a session's date."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from tests.cli.test_training_cli import INIT, ok
from typer.testing import CliRunner

from hipcoach.cli.main import app

runner = CliRunner()
SET = ["log", "--exercise", "clamshell", "--reps", "12", "--date", "2026-01-05"]


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'hipcoach.db'}"
    monkeypatch.setenv("HIPCOACH_DATABASE_URL", url)
    return url


def refused(args: list[str]) -> str:
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    return result.output


def test_a_painful_set_says_where_and_shows_in_history_and_progress(database: str) -> None:
    ok(INIT)
    where = ["--pain", "4", "--pain-area", "knee"]
    located = [*SET, *where, "--pain-side", "right", "--id", "set-000001"]
    assert "Set saved." in ok(located)
    assert "already saved" in ok(located)  # the same id and values: nothing new
    assert "already exists with other values" in refused(
        [*SET, *where, "--pain-side", "left", "--id", "set-000001"]
    )
    history = ok(["history"])
    assert "4 Knee (right)" in history
    progress = ok(["progress", "--date", "2026-01-06"])
    assert "Pain over time (last 12 weeks)" in progress
    assert "2026-01-05" in progress
    assert "Knee (right)" in progress


def test_next_day_pain_goes_to_the_session_of_that_date(database: str) -> None:
    ok(INIT)
    ok([*SET, "--pain", "2", "--pain-area", "hip"])
    out = ok(
        [
            "log",
            "--next-day-pain",
            "5",
            "--date",
            "2026-01-05",
            "--pain-area",
            "low_back",
            "--pain-side",
            "both",
        ]
    )
    assert "pain the morning after 2026-01-05 was 5/10, Lower back (both sides)." in out
    history = ok(["history"])
    assert "(next morning)" in history
    assert "5 Lower back (both sides)" in history
    progress = ok(["progress", "--date", "2026-01-06"])
    assert "Hip, Lower back (both sides)" in progress


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["log", "--next-day-pain", "4", "--date", "2026-01-06"],
            "No training is logged on 2026-01-06",
        ),
        ([*SET, "--pain", "3", "--pain-area", "elbow"], "Unknown pain area 'elbow'"),
        (
            [*SET, "--pain", "3", "--pain-area", "hip", "--pain-side", "up"],
            "Unknown pain side 'up'",
        ),
        ([*SET, "--pain-area", "hip"], "Say where it hurts only when the pain is above 0"),
        ([*SET, "--pain", "3", "--pain-side", "left"], "Say where it hurts as well as which side"),
        ([*SET, "--next-day-pain", "3"], "not both"),
        (["log", "--pain-area", "hip"], "--pain-area and --pain-side go with one set"),
        (["log", "--next-day-pain", "11", "--date", "2026-01-05"], "Pain must be between 0 and 10"),
    ],
)
def test_bad_pain_flags_exit_2_and_store_nothing(
    database: str, args: list[str], message: str
) -> None:
    ok(INIT)
    ok([*SET, "--id", "first-set-01"])
    assert message in refused(args)
    history = ok(["history"])
    assert history.count("clamshell") == 1
    assert "next morning" not in history


def test_the_installed_command_logs_next_day_pain_or_says_there_was_no_session(
    tmp_path: Path,
) -> None:
    env = {**os.environ, "HIPCOACH_DATABASE_URL": f"sqlite:///{tmp_path / 'real.db'}"}
    exe = str(Path(sys.executable).parent / "hipcoach")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [exe, *args], capture_output=True, text=True, timeout=60, env=env, check=False
        )

    assert run(*INIT).returncode == 0
    pain = ("log", "--next-day-pain", "4", "--pain-area", "hip", "--pain-side", "left")
    missing = run(*pain, "--date", "2026-03-05")
    assert missing.returncode == 2
    assert "No training is logged on 2026-03-05" in missing.stderr
    assert "Traceback" not in missing.stderr
    assert run(*SET[:-1], "2026-03-05").returncode == 0
    saved = run(*pain, "--date", "2026-03-05")
    assert saved.returncode == 0, saved.stderr
    assert "4/10, Hip (left)" in saved.stdout
