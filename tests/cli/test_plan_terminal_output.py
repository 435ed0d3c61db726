"""What the CLI prints cannot drive the terminal: no escape, CR or C1 code from stored text."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from hipcoach.cli.main import app
from hipcoach.cli.output import SHOWN_INSTEAD, console, json_text
from hipcoach.cli.plan_view import plan_table
from hipcoach.content.loader import load_catalogue
from hipcoach.domain.plan import Note
from hipcoach.domain.planner import generate_plan
from hipcoach.domain.profile import Goal, Level, Profile, Weekday

PROFILE = Profile(Level.BEGINNER, Goal.MUSCLE, (Weekday.MON, Weekday.THU), 30, date(2026, 3, 2))
CONTROLS = "\x1b\x9b\r\x07\x00\x7f\x85"


def _printed(*renderables: object) -> str:
    shown = console()
    shown.file = io.StringIO()
    shown.print(*renderables)
    text = shown.file.getvalue()
    assert isinstance(text, str)
    return text


def test_a_plan_whose_texts_hold_escapes_prints_them_harmlessly() -> None:
    plan = generate_plan(PROFILE, load_catalogue())
    hostile = Note("safety", "Read\x1b]0;owned\x07 this\x9b2J [link=file:///etc]here[/link]")
    printed = _printed(plan_table(replace(plan, notes=(hostile,))))
    assert not any(ch in printed for ch in CONTROLS)
    assert f"Read{SHOWN_INSTEAD}]0;owned this{SHOWN_INSTEAD}2J" in printed
    assert "[link=file:///etc]here[/link]" in printed  # markup in a text is shown, not obeyed


def test_rich_styles_still_reach_a_real_terminal_but_stored_escapes_do_not() -> None:
    screen = io.StringIO()
    terminal = Console(file=screen, force_terminal=True, color_system="standard", highlight=False)
    terminal.push_render_hook(console()._render_hooks[0])
    terminal.print("[bold]ok[/bold] \x1b[31mred")
    text = screen.getvalue()
    assert "\x1b[1mok" in text  # Rich's own styling
    assert "\x1b[31m" not in text
    assert f"{SHOWN_INSTEAD}[31m" in text


def test_json_on_the_terminal_escapes_c1_codes_and_stays_the_same_document() -> None:
    import json

    data = {"note": "a\x1bb\x9bc\x85d"}
    text = json_text(data)
    assert not any(ch in text for ch in CONTROLS)
    assert json.loads(text) == data


def test_an_error_naming_hostile_input_prints_it_harmlessly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIPCOACH_DATABASE_URL", f"sqlite:///{tmp_path / 'hipcoach.db'}")
    result = CliRunner().invoke(app, ["plan", "--level", "be\x1b[2Jginner", "--days", "mon"])
    assert result.exit_code == 2
    assert "\x1b" not in result.output
    assert SHOWN_INSTEAD in result.output
