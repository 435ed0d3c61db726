"""`hipcoach progress`: a calendar of days and each move's challenge, side by side."""

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


def ok(args: list[str], *, input: str | None = None) -> str:
    result = runner.invoke(app, args, input=input, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return result.stdout


def _log(day: str, side: str, reps: str) -> None:
    args = ["log", "--exercise", "clamshell", "--reps", reps, "--side", side, "--date", day]
    ok([*args, "--resistance", "mini_band_light"])


def test_progress_shows_the_days_done_and_missed_and_each_side_of_a_move() -> None:
    ok(INIT)
    _log("2026-01-05", "left", "12")
    _log("2026-01-05", "right", "10")
    _log("2026-01-12", "left", "14")
    _log("2026-01-12", "right", "13")
    out = ok(["progress", "--date", "2026-01-13"])
    assert "x . . - . . ." in out  # week 1: Monday done, Thursday missed
    assert "x o . o . . ." not in out
    assert "x . . o . . ." in out  # week 2: Monday done, Thursday to come
    assert "light mini band x 12 reps (2026-01-05)" in out
    assert "light mini band x 14 reps (2026-01-12)" in out  # the left side's latest
    assert "light mini band x 13 reps (2026-01-12)" in out  # the right side's latest
    assert "Left" in out
    assert "Right" in out
    assert "▁" not in out  # no sparkline without axes


def test_an_import_keeps_other_exercises_as_ones_own_and_history_shows_them(
    tmp_path: Path, database: str
) -> None:
    export = tmp_path / "strong.csv"
    export.write_text(
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,RPE\n"
        "2026-01-05 18:00:00,Gym,1h,Clamshell,1,0,15,0,0,\n"
        "2026-01-05 18:00:00,Gym,1h,Lat Pulldown (Cable),1,40,10,0,0,\n"
        "2026-01-05 18:00:00,Gym,1h,Lat Pulldown (Cable),2,45,8,0,0,\n",
        encoding="utf-8",
    )
    ok(INIT)
    command = [str(Path(sys.executable).parent / "hipcoach")]
    env = {**os.environ, "HIPCOACH_DATABASE_URL": database, "COLUMNS": "200"}
    done = subprocess.run(
        [*command, "import", str(export)], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert "1 sessions, 1 sets" in done.stdout
    assert "Kept as your own exercises (2 sets new" in done.stdout
    assert "Lat Pulldown (Cable) (2 sets)" in done.stdout
    shown = subprocess.run(
        [*command, "history"], capture_output=True, text=True, env=env, timeout=60
    )
    assert shown.returncode == 0, shown.stderr
    assert "Your own exercises" in shown.stdout
    assert "2 sets: 10 at 40 kg, 8 at 45 kg" in shown.stdout
