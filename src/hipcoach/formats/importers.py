"""Read training history exported by Strong and Hevy (CSV, one row per set).

Each distinct workout start with a set of an exercise we know becomes one TrainingSession; each
working set of such an exercise becomes a LoggedSet (side "both", pain 0), and each working set
of any other exercise an OwnSet (the person's own exercise, kept as logged, never coached). Ids
are the first 32 hex digits of a sha256 over the id prefix and the row's identity in the source
(workout start, exercise name, set number), so importing the same export again yields the same
ids. Times in the files are taken as UTC. A malformed file (missing column, bad number, bad
date) raises LogError naming the row (the header is row 1, as in a spreadsheet) and the column;
nothing is returned.
"""

from __future__ import annotations

import csv
import hashlib
import io
import math
import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal

from hipcoach.domain.catalogue import Catalogue, Dosage, Exercise
from hipcoach.domain.errors import HipcoachError
from hipcoach.domain.ladder import BODYWEIGHT
from hipcoach.domain.limits import NOTE_LENGTH, OWN_EXERCISE_LENGTH
from hipcoach.domain.log import (
    Effort,
    LogError,
    LoggedSet,
    OwnSet,
    Side,
    TrainingSession,
    validate_own_set,
    validate_session,
    validate_set,
)
from hipcoach.formats.exercise_names import lookup_exercise, name_index

ImportFormat = Literal["strong", "hevy", "hipcoach"]
Unit = Literal["kg", "lb"]
LB_KG = 0.45359237

_DATE_FORMATS = (
    "%d %b %Y, %H:%M",  # Hevy: 14 Jul 2026, 18:05
    "%d %B %Y, %H:%M",
    "%b %d, %Y, %I:%M %p",  # Hevy: Jul 5, 2026, 10:21 AM
    "%B %d, %Y, %I:%M %p",
)
_DECIMAL_COMMA = re.compile(r"^-?\d+,\d{1,2}$")


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import would add, and what it left out and why."""

    sessions: tuple[TrainingSession, ...]
    sets: tuple[LoggedSet, ...]
    own: tuple[OwnSet, ...]  # sets of exercises that are none of our moves, kept as they were
    skipped: tuple[tuple[int, str], ...]  # (row number, reason)

    @property
    def own_exercises(self) -> dict[str, int]:
        """Each exercise of the person's own (not one of our moves) -> its sets kept."""
        return dict(Counter(own.exercise for own in self.own))


@dataclass(frozen=True, slots=True)
class _Record:
    """One CSV row, cells keyed by our column names, with the file's header for messages."""

    row: int
    cells: Mapping[str, str]
    headers: Mapping[str, str]

    def text(self, name: str) -> str:
        return self.cells.get(name, "").strip()

    def error(self, name: str, message: str) -> LogError:
        return LogError(f"row {self.row}, column '{self.headers[name]}': {message}", field=name)

    def decimal(self, name: str) -> float | None:
        raw = self.text(name)
        if not raw:
            return None
        try:
            value = float(raw.replace(",", ".") if _DECIMAL_COMMA.match(raw) else raw)
        except ValueError:
            value = math.nan
        if not math.isfinite(value):
            raise self.error(name, f"'{raw}' is not a number")
        return value

    def count(self, name: str) -> int | None:
        """A whole number of reps or seconds; empty or 0 means none."""
        value = self.decimal(name)
        if value is not None and (value < 0 or value != int(value)):
            raise self.error(name, f"'{self.text(name)}' is not a whole number")
        return int(value) if value else None

    def moment(self, name: str) -> datetime:
        raw = " ".join(self.text(name).split())
        try:
            parsed = datetime.fromisoformat(raw)
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
        except ValueError:
            pass
        for pattern in _DATE_FORMATS:
            try:
                return datetime.strptime(raw, pattern).replace(tzinfo=UTC)
            except ValueError:
                continue
        raise self.error(name, f"'{raw}' is not a date and time this importer reads")


@dataclass(frozen=True, slots=True)
class _Row:
    """A working set as the source app recorded it, before matching."""

    row: int
    start: datetime
    session_notes: str
    exercise: str
    marker: str
    failure: bool
    weight_kg: float | None
    reps: int | None
    seconds: int | None
    distance_m: float | None
    rpe: float | None
    note: str


def _csv_rows(text: str) -> list[list[str]]:
    text = text.lstrip("\ufeff")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[list[str]] = []
    try:
        rows.extend(reader)
    except csv.Error as exc:
        raise LogError(f"row {len(rows) + 1}: the CSV is malformed ({exc}).", field="row") from None
    return rows


def _records(
    text: str, columns: Mapping[str, tuple[str, ...]], required: str
) -> tuple[Mapping[str, str], list[_Record]]:
    """The header (our column name -> the file's) and every non-blank row."""
    rows = _csv_rows(text)
    header = [h.strip() for h in rows[0]] if rows else []
    where = {h.lower(): i for i, h in reversed(list(enumerate(header)))}
    positions: dict[str, int] = {}
    for name, names in columns.items():
        found = [where[n.lower()] for n in names if n.lower() in where]
        if found:
            positions[name] = found[0]
        elif name in required.split():
            raise LogError(f"row 1: the column '{names[0]}' is missing.", field=name)
    headers = {name: header[i] for name, i in positions.items()}
    records = []
    for number, cells in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            raise LogError(f"row {number}: {len(cells)} columns, the header has {len(header)}.")
        records.append(_Record(number, {n: cells[i] for n, i in positions.items()}, headers))
    return headers, records


def detect_format(text: str) -> ImportFormat:
    """Which app wrote an export: Strong or Hevy CSV, or a hipcoach JSON backup."""
    body = text.lstrip("\ufeff \t\r\n")
    if body.startswith("{"):
        return "hipcoach"
    rows = _csv_rows(body.split("\n", 1)[0])
    header = {h.strip().lower() for h in rows[0]} if rows else set()
    if {"start_time", "exercise_title", "set_type"} <= header:
        return "hevy"
    if {"exercise name", "set order"} <= header:
        return "strong"
    raise LogError("This is not a Strong or Hevy CSV export, nor a hipcoach backup.", field="file")


def _make_id(prefix: str, *parts: str) -> str:
    return hashlib.sha256("\x1f".join((prefix, *parts)).encode()).hexdigest()[:32]


def _amount(row: _Row, exercise: Exercise) -> tuple[int | None, int | None, int | None] | str:
    """(reps, steps, hold_seconds), or why the row cannot be a set of this exercise."""
    if row.reps:
        counted = {Dosage.REPS, Dosage.REPS_PER_SIDE}.intersection(exercise.dosage)
        steps_only = Dosage.STEPS_PER_SIDE in exercise.dosage and not counted
        return (None, row.reps, None) if steps_only else (row.reps, None, None)
    if row.seconds:
        if Dosage.HOLD_SECONDS in exercise.dosage:
            return (None, None, row.seconds)
        return f"a timed set ({row.seconds} s), but {exercise.name} is not done as a hold"
    return "no reps or seconds"


def _resistance(weight_kg: float | None, exercise: Exercise) -> tuple[str, float | None, str]:
    """(ladder step, load_kg, note): the loaded step nearest the weight, else the lowest step."""
    ladder = exercise.ladder()
    loaded = [s for s in ladder if s.load_kg is not None]
    if weight_kg and weight_kg > 0 and loaded:
        nearest = min(loaded, key=lambda s: (abs((s.load_kg or 0) - weight_kg), s.load_kg))
        return nearest.key, weight_kg, ""
    notes = [f"load {weight_kg:g} kg not representable"] if weight_kg else []
    base = BODYWEIGHT if BODYWEIGHT in ladder else next(s for s in ladder if s.home)
    if base is not BODYWEIGHT:
        notes.append(f"resistance not recorded, assumed {base.label}")
    return base.key, None, "; ".join(notes)


def _logged_set(
    row: _Row,
    exercise: Exercise,
    amount: tuple[int | None, int | None, int | None],
    ids: tuple[str, str],
    at: datetime,
) -> LoggedSet:
    reps, steps, hold = amount
    resistance, load, resistance_note = _resistance(row.weight_kg, exercise)
    rir = None if not row.rpe else max(0, round(10 - row.rpe))
    return LoggedSet(
        id=ids[0],
        session_id=ids[1],
        exercise=exercise.key,
        side=Side.BOTH,
        logged_at=at,
        reps=reps,
        steps=steps,
        hold_seconds=hold,
        resistance_key=resistance,
        load_kg=load,
        rir=rir,
        effort=Effort.FAILURE if row.failure else None,
        note="; ".join(n for n in (row.note, resistance_note) if n)[: NOTE_LENGTH.high],
    )


def _own_set(row: _Row, set_id: str, at: datetime) -> OwnSet | str:
    """The row as a set of the person's own exercise, or why it cannot be kept."""
    if not row.reps and not row.seconds and not row.distance_m:
        return "no reps, seconds or distance"
    own = OwnSet(
        id=set_id,
        exercise=" ".join(row.exercise.split())[: OWN_EXERCISE_LENGTH.high],
        logged_at=at,  # a second apiece keeps them in file order
        reps=row.reps or None,
        seconds=row.seconds or None,
        distance_m=row.distance_m or None,
        load_kg=row.weight_kg if row.weight_kg and row.weight_kg > 0 else None,
        rir=None if not row.rpe else max(0, round(10 - row.rpe)),
        note=row.note[: NOTE_LENGTH.high],
    )
    try:
        validate_own_set(own)
    except HipcoachError as exc:
        return exc.message
    return own


def _build(
    rows: list[_Row], skipped: list[tuple[int, str]], catalogue: Catalogue, prefix: str
) -> ImportResult:
    index = name_index(catalogue)
    sessions: dict[str, TrainingSession] = {}
    sets: list[LoggedSet] = []
    own: list[OwnSet] = []
    per_workout: Counter[str] = Counter()  # own sets so far in each workout
    seen: Counter[str] = Counter()
    per_session: Counter[str] = Counter()
    for row in rows:
        start = row.start.isoformat()
        identity = f"{start}\x1f{row.exercise}\x1f{row.marker}"
        key = lookup_exercise(row.exercise, index)
        if key is None:
            seen[f"own\x1f{identity}"] += 1
            set_id = _make_id(prefix, "own", identity, str(seen[f"own\x1f{identity}"]))
            kept = _own_set(row, set_id, row.start + timedelta(seconds=per_workout[start]))
            if isinstance(kept, str):
                skipped.append((row.row, kept))
            else:
                own.append(kept)
                per_workout[start] += 1
            continue
        exercise = catalogue.get(key)
        amount = _amount(row, exercise)
        if isinstance(amount, str):
            skipped.append((row.row, amount))
            continue
        seen[identity] += 1
        ids = (
            _make_id(prefix, "set", identity, str(seen[identity])),
            _make_id(prefix, "session", start),
        )
        # Sets of a workout share its start time; a second apiece keeps them in file order.
        at = row.start + timedelta(seconds=per_session[ids[1]])
        logged = _logged_set(row, exercise, amount, ids, at)
        try:
            validate_set(logged, catalogue)
        except LogError as exc:
            skipped.append((row.row, exc.message))
            continue
        sets.append(logged)
        per_session[ids[1]] += 1
        if start not in sessions:
            sessions[start] = TrainingSession(ids[1], row.start.date(), notes=row.session_notes)
            validate_session(sessions[start])
    return ImportResult(tuple(sessions.values()), tuple(sets), tuple(own), tuple(sorted(skipped)))


def _session_notes(*parts: str) -> str:
    return "\n".join(p for p in parts if p)[: NOTE_LENGTH.high]


def _weight(record: _Record, unit: Unit) -> float | None:
    weight = record.decimal("weight")
    if weight is None or unit == "kg":
        return weight
    return round(weight * LB_KG, 1)


_METRES = {"km": 1000.0, "mile": 1609.344, "mi)": 1609.344}


def _distance_m(record: _Record) -> float | None:
    """The distance in metres, by the unit the column's header names (metres when none)."""
    distance = record.decimal("distance")
    if not distance or distance <= 0:
        return None
    header = record.headers.get("distance", "").lower()
    factor = next((f for unit, f in _METRES.items() if unit in header), 1.0)
    return round(distance * factor, 1)


def _working_set(
    record: _Record, unit: Unit, start: datetime, *, marker: str, failure: bool
) -> _Row:
    return _Row(
        row=record.row,
        start=start,
        session_notes=_session_notes(record.text("workout"), record.text("workout_notes")),
        exercise=record.text("exercise"),
        marker=marker,
        failure=failure,
        weight_kg=_weight(record, unit),
        reps=record.count("reps"),
        seconds=record.count("seconds"),
        distance_m=_distance_m(record),
        rpe=record.decimal("rpe"),
        note=record.text("notes"),
    )


_STRONG = {
    "date": ("Date",),
    "workout": ("Workout Name",),
    "exercise": ("Exercise Name",),
    "order": ("Set Order",),
    "weight": ("Weight", "Weight (kg)", "Weight (lbs)"),
    "reps": ("Reps",),
    "seconds": ("Seconds",),
    "distance": (
        "Distance",
        "Distance (meters)",
        "Distance (m)",
        "Distance (km)",
        "Distance (miles)",
    ),
    "rpe": ("RPE",),
    "notes": ("Notes",),
    "workout_notes": ("Workout Notes",),
}


def _strong_row(record: _Record, unit: Unit) -> _Row | str:
    start = record.moment("date")
    order = record.text("order").upper()
    if order == "REST TIMER":
        return "rest timer"
    if order == "W":
        return "warm-up set"
    if not order.isdigit() and order not in ("D", "F"):
        return f"unknown set order '{record.text('order')}'"
    return _working_set(record, unit, start, marker=order, failure=order == "F")


def _parse(
    records: list[_Record],
    read: Callable[[_Record, Unit], _Row | str],
    unit: Unit,
    catalogue: Catalogue,
    prefix: str,
) -> ImportResult:
    rows: list[_Row] = []
    skipped: list[tuple[int, str]] = []
    for record in records:
        row = read(record, unit)
        if isinstance(row, str):
            skipped.append((record.row, row))
        else:
            rows.append(row)
    return _build(rows, skipped, catalogue, prefix)


def parse_strong(text: str, catalogue: Catalogue, *, unit: Unit, id_prefix: str) -> ImportResult:
    """Sessions and sets from a Strong CSV export; `unit` applies when the header has none."""
    if unit not in ("kg", "lb"):
        raise ValueError(f"unit must be 'kg' or 'lb', not {unit!r}")
    headers, records = _records(text, _STRONG, required="date exercise order weight reps")
    weight = headers["weight"].lower()
    unit = "lb" if weight == "weight (lbs)" else "kg" if weight == "weight (kg)" else unit
    return _parse(records, _strong_row, unit, catalogue, f"{id_prefix}\x1fstrong")


_HEVY = {
    "date": ("start_time",),
    "workout": ("title",),
    "workout_notes": ("description",),
    "exercise": ("exercise_title",),
    "notes": ("exercise_notes",),
    "order": ("set_index",),
    "type": ("set_type",),
    "weight": ("weight_kg", "weight_lbs"),
    "reps": ("reps",),
    "seconds": ("duration_seconds",),
    "distance": ("distance_km", "distance_miles", "distance_meters"),
    "rpe": ("rpe",),
}
_HEVY_WORKING = ("normal", "failure", "dropset", "drop")


def _hevy_row(record: _Record, unit: Unit) -> _Row | str:
    start = record.moment("date")
    kind = record.text("type").lower()
    if kind == "warmup":
        return "warm-up set"
    if kind not in _HEVY_WORKING:
        return f"unknown set type '{record.text('type')}'"
    return _working_set(record, unit, start, marker=record.text("order"), failure=kind == "failure")


def parse_hevy(text: str, catalogue: Catalogue, *, id_prefix: str) -> ImportResult:
    """Sessions and sets from a Hevy CSV export (weight_kg or weight_lbs)."""
    headers, records = _records(text, _HEVY, required="date exercise order type weight reps")
    unit: Unit = "lb" if headers["weight"].lower() == "weight_lbs" else "kg"
    return _parse(records, _hevy_row, unit, catalogue, f"{id_prefix}\x1fhevy")
