"""The training log as a CSV table: one row per set, for spreadsheets.

Columns (LOG_CSV_HEADER), in order: the session's date, plan position and effort, then every
value of the logged set in the order `LoggedSet` declares them, then the time it was logged:
  date            the session's date, YYYY-MM-DD
  plan_week       week number of the plan the session followed, empty if none
  plan_session    session number within that week, empty if none
  session_rpe     how hard the whole session felt, 1-10 (session RPE), empty if not rated
  exercise        catalogue key, e.g. side_plank_hip_abduction
  side            left, right or both
  reps, steps, hold_seconds   exactly one of the three is filled
  resistance_key  ladder step, e.g. bodyweight, mini_band_medium, ankle_1.5kg
  load_kg         the load actually used, empty for bodyweight and bands
  rir             reps in reserve as logged, empty if not logged
  effort          easy, hard or failure, empty if not logged
  pain            0 (none) to 10 during the set
  pain_area       where it hurt: knee, hip, low_back or other; empty if not said (or no pain)
  pain_side       which side hurt: left, right or both; empty if not said
  note            free text; commas, quotes and line breaks (a bare CR too) are quoted per
                  RFC 4180, and a text starting with = + - @, tab or CR gets a ' in front,
                  so a spreadsheet shows it instead of running it as a formula
  logged_at       when the set was logged, ISO 8601 with UTC offset
Rows are ordered by session date, then by logged_at; lines end with "\\n".
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import fields
from datetime import UTC, datetime

from hipcoach.domain.log import LogError, LoggedSet, TrainingSession

# What was done in a set: all its values but where it belongs (id, session) and when.
_SET_VALUES = tuple(
    f.name for f in fields(LoggedSet) if f.name not in ("id", "session_id", "logged_at")
)
LOG_CSV_HEADER: tuple[str, ...] = (
    "date",
    "plan_week",
    "plan_session",
    "session_rpe",
    *_SET_VALUES,
    "logged_at",
)


# A text starting with one of these is a formula to a spreadsheet ("=HYPERLINK(...)"); a
# single quote in front makes it plain text there (OWASP, "CSV Injection").
FORMULA_STARTS = frozenset("=+-@\t\r")
_NEEDS_QUOTES = frozenset(',"\r\n')


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return format(value, ".10g")
    text = str(value)  # an enum of the log (side, effort) is a StrEnum: its value
    if isinstance(value, str) and text[:1] in FORMULA_STARTS:
        return "'" + text
    return text


def _quoted(cell: str) -> str:
    """RFC 4180: quoted when it holds a comma, a quote or any line break (a bare CR too,
    which the csv module leaves bare when lines end with LF)."""
    if _NEEDS_QUOTES.isdisjoint(cell):
        return cell
    return '"' + cell.replace('"', '""') + '"'


def _logged_at(logged: LoggedSet) -> datetime:
    """Naive datetimes (as some stores return them) count as UTC."""
    moment = logged.logged_at
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _row(session: TrainingSession, logged: LoggedSet) -> list[str]:
    values: list[object] = [
        session.date.isoformat(),
        session.plan_week,
        session.plan_session,
        session.rpe,
        *(getattr(logged, name) for name in _SET_VALUES),
        _logged_at(logged).isoformat(),
    ]
    return [_cell(v) for v in values]


def _line(cells: Iterable[str]) -> str:
    return ",".join(_quoted(cell) for cell in cells) + "\n"


def csv_lines(rows: Iterable[tuple[TrainingSession, LoggedSet]]) -> Iterator[str]:
    """The header, then one line per (session, set), in the order given (by session date,
    then logged order, as the store reads them): a table of any length, a line at a time."""
    yield _line(LOG_CSV_HEADER)
    for session, logged in rows:
        yield _line(_row(session, logged))


def sets_to_csv(sessions: Sequence[TrainingSession], sets: Sequence[LoggedSet]) -> str:
    """Every logged set as one spreadsheet row, with its session's date and plan position."""
    by_id = {s.id: s for s in sessions}
    missing = next((s for s in sets if s.session_id not in by_id), None)
    if missing is not None:
        raise LogError(
            f"Set '{missing.id}' belongs to session '{missing.session_id}', which was not given.",
            field="session_id",
        )
    ordered = sorted(sets, key=lambda s: (by_id[s.session_id].date, _logged_at(s)))
    return "".join(csv_lines((by_id[s.session_id], s) for s in ordered))
