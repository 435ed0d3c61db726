"""The CSV export cannot run formulas in a spreadsheet, and a bare CR never starts a row."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime

import pytest

from hipcoach.domain.log import LoggedSet, Side, TrainingSession
from hipcoach.formats.log_csv import sets_to_csv

SESSION = TrainingSession("session-0001", date(2026, 3, 2))
WHEN = datetime(2026, 3, 2, 18, tzinfo=UTC)


def _exported(note: str) -> tuple[str, dict[str, str]]:
    logged = LoggedSet("set-00000001", SESSION.id, "clamshell", Side.LEFT, WHEN, reps=12, note=note)
    text = sets_to_csv([SESSION], [logged])
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert len(rows) == 1, text
    return text, rows[0]


@pytest.mark.parametrize(
    "note",
    ['=HYPERLINK("http://x")', "+1+2", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"],
)
def test_a_note_that_a_spreadsheet_would_run_gets_a_quote_in_front(note: str) -> None:
    _, row = _exported(note)
    assert row["note"] == "'" + note


@pytest.mark.parametrize("note", ["a=b", "fine - easy", "1+1", "", "knee @ 3"])
def test_other_notes_are_left_as_they_are(note: str) -> None:
    _, row = _exported(note)
    assert row["note"] == note


def test_a_bare_carriage_return_is_quoted_and_stays_inside_its_cell() -> None:
    text, row = _exported("left\rright")
    assert '"left\rright"' in text
    assert row["note"] == "left\rright"
    assert text.count("\n") == 2  # the header's line and the row's


def test_numbers_are_never_prefixed() -> None:
    _, row = _exported("x")
    assert row["reps"] == "12"


@pytest.mark.parametrize("note", ["left\nright", "left\r\nright", "ends with a break\n"])
def test_a_line_break_is_quoted_and_stays_inside_its_cell(note: str) -> None:
    text, row = _exported(note)
    assert '"' + note.replace('"', '""') + '"' in text
    assert row["note"] == note
