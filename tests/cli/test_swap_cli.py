"""`hipcoach swap`: the person's own swap, shown by `hipcoach today`, kept, undone."""

from __future__ import annotations

import pytest
from tests.cli.test_training_cli import INIT, database, ok
from typer.testing import CliRunner

from hipcoach.cli.main import app

__all__ = ["database"]  # the fixture, shared with the training commands' tests

runner = CliRunner()
DAY = ["--date", "2026-01-05"]


def refused(args: list[str]) -> str:
    result = runner.invoke(app, args, env={"COLUMNS": "200"})
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    return result.stderr


@pytest.mark.usefixtures("database")
def test_a_swap_changes_today_and_undo_brings_the_plan_s_move_back() -> None:
    ok(INIT)
    listed = ok(["swap", "clamshell", *DAY])
    assert listed.startswith("Moves you can choose for clamshell: ")
    chosen = listed.split(": ", 1)[1].split(",")[0].strip(" .\n")
    assert f"clamshell: {chosen} from now on" in ok(["swap", "clamshell", chosen, *DAY])
    today = ok(["today", *DAY])
    assert "In place of Clamshell: Your choice:" in today
    assert "hipcoach swap clamshell --undo" in today
    assert "back to the coach's call" in ok(["swap", "clamshell", "--undo"])
    today = ok(["today", *DAY])
    assert "In place of Clamshell" not in today
    assert "no choice to undo" in ok(["swap", "clamshell", "--undo"])


@pytest.mark.usefixtures("database")
def test_keep_is_shown_on_today() -> None:
    ok(INIT)
    assert "you keep the plan's move" in ok(["swap", "clamshell", "--keep"])
    assert "Your choice: the plan's own move" in ok(["today", *DAY])


@pytest.mark.usefixtures("database")
def test_bad_input_is_a_clear_message_with_exit_2() -> None:
    ok(INIT)
    assert "Unknown exercise 'moonwalk'" in refused(["swap", "clamshell", "moonwalk", *DAY])
    assert "Unknown slot 'clamshel'" in refused(["swap", "clamshel", "--keep"])
    assert "Did you mean: clamshell" in refused(["swap", "clamshel", "--keep"])
    assert "one of EXERCISE, --keep or --undo" in refused(["swap", "clamshell", "--keep", "--undo"])
    assert "no choice to undo" in ok(["swap", "clamshell", "--undo"])  # nothing was stored


@pytest.mark.usefixtures("database")
def test_swap_before_a_plan_points_to_init() -> None:
    assert "hipcoach init" in refused(["swap", "clamshell", "--keep"])
