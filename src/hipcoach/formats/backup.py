"""The complete backup: every plan (with the person's own swaps in it), session, set,
measurement, self-test result and set of an exercise of their own, as JSON.

Lossless: ids, versions and None values are kept; dates are ISO 8601 and datetimes carry their
UTC offset. Reading is strict: pydantic reads the file as JSON in strict mode (every field
present, no unknown ones, no "12" for 12, no naive times), then the domain's own validation
checks each record. Any bad field refuses the whole file with a LogError whose message starts
with the field's path, e.g. "sets[3].pain: Pain must be between 0 and 10".

The record shapes are derived from the domain's dataclasses (`_record_of`), so a field added
to a logged set, a session or a measurement is read and written here with no change; list it
in `ADDED_IN` under a new VERSION, so files written before it still import (the field takes
the record's default). A whole list added later goes in `LISTS_ADDED_IN` (older files: empty).
"""

from __future__ import annotations

import json
import typing
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, Protocol, TypeAlias, TypeVar

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, TypeAdapter, ValidationError
from pydantic import create_model as _create_model
from pydantic_core import ErrorDetails

from hipcoach.domain.account import PlanChoice, StoredPlan
from hipcoach.domain.catalogue import Catalogue
from hipcoach.domain.errors import HipcoachError
from hipcoach.domain.limits import NAME_LENGTH, Range
from hipcoach.domain.log import (
    LogError,
    LoggedSet,
    Measurement,
    OwnSet,
    SkippedMove,
    TrainingSession,
    validate_measurement,
    validate_own_set,
    validate_session,
    validate_set,
    validate_skip,
)
from hipcoach.domain.plan_document import plan_to_dict
from hipcoach.domain.profile import profile_to_dict
from hipcoach.domain.selftest import SelfTestResult, validate_result
from hipcoach.domain.text import refuse_control_characters
from hipcoach.formats.backup_plan import PlanRecord, stored_plan

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

FORMAT = "hipcoach-backup"
VERSION = 6
#: The record fields each version added; a file of an earlier version may lack them.
ADDED_IN: dict[int, frozenset[str]] = {
    2: frozenset({"pain_area", "pain_side", "next_day_pain_area", "next_day_pain_side"}),
    4: frozenset({"rpe"}),  # a session's perceived effort
}
#: The lists of records each version added; a file of an earlier version has none.
LISTS_ADDED_IN: dict[int, frozenset[str]] = {
    3: frozenset({"choices"}),
    5: frozenset({"self_tests"}),
    6: frozenset({"own_sets", "skips"}),  # own exercises' sets; moves left out of a session
}


class _Record(Protocol):
    @property
    def id(self) -> str: ...


T = TypeVar("T", bound=_Record)


@dataclass(frozen=True, slots=True)
class Backup:
    """Everything a backup file holds, checked record by record."""

    user_name: str
    exported_at: datetime
    plans: tuple[StoredPlan, ...]
    sessions: tuple[TrainingSession, ...]
    sets: tuple[LoggedSet, ...]
    measurements: tuple[Measurement, ...]
    choices: tuple[PlanChoice, ...] = ()
    self_tests: tuple[SelfTestResult, ...] = ()
    own_sets: tuple[OwnSet, ...] = ()
    skips: tuple[SkippedMove, ...] = ()


# Writing


def _plain(value: object) -> object:
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value


def _record_to_dict(record: DataclassInstance) -> dict[str, object]:
    return {f.name: _plain(getattr(record, f.name)) for f in fields(record)}


def _plan_record(stored: StoredPlan) -> dict[str, object]:
    return {
        "id": stored.id,
        "user_id": stored.user_id,
        "profile": profile_to_dict(stored.profile),
        "created_at": _plain(stored.created_at),
        "document": plan_to_dict(stored.plan),
    }


def _header(user_name: str, exported_at: datetime) -> dict[str, object]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": _plain(exported_at),
        "user_name": user_name,
    }


def backup_to_dict(
    *,
    user_name: str,
    plans: Sequence[StoredPlan],
    sessions: Sequence[TrainingSession],
    sets: Sequence[LoggedSet],
    measurements: Sequence[Measurement],
    exported_at: datetime,
    choices: Sequence[PlanChoice] = (),
    self_tests: Sequence[SelfTestResult] = (),
    own_sets: Sequence[OwnSet] = (),
    skips: Sequence[SkippedMove] = (),
) -> dict[str, Any]:
    """A person's whole training history as JSON-ready values (naive datetimes count as UTC)."""
    return _header(user_name, exported_at) | {
        "plans": [_plan_record(p) for p in plans],
        "sessions": [_record_to_dict(s) for s in sessions],
        "sets": [_record_to_dict(s) for s in sets],
        "measurements": [_record_to_dict(m) for m in measurements],
        "choices": [_record_to_dict(c) for c in choices],
        "self_tests": [_record_to_dict(r) for r in self_tests],
        "own_sets": [_record_to_dict(o) for o in own_sets],
        "skips": [_record_to_dict(k) for k in skips],
    }


CHUNK_CHARS = 64 * 1024
"""About how much text `backup_chunks` gathers before handing it on."""


def backup_chunks(
    *,
    user_name: str,
    plans: Iterable[StoredPlan],
    sessions: Iterable[TrainingSession],
    sets: Iterable[LoggedSet],
    measurements: Iterable[Measurement],
    exported_at: datetime,
    choices: Iterable[PlanChoice] = (),
    self_tests: Iterable[SelfTestResult] = (),
    own_sets: Iterable[OwnSet] = (),
    skips: Iterable[SkippedMove] = (),
    indent: int | None = None,
) -> Iterator[str]:
    """The backup `backup_to_dict` describes as JSON text, written a record at a time: only
    one record (a plan is up to about 1 MB) and CHUNK_CHARS of text are held at once. The
    text is what `json.dumps` writes of the whole document, compact or with `indent`."""
    lists: list[tuple[str, Iterable[object]]] = [
        ("plans", (_plan_record(p) for p in plans)),
        ("sessions", (_record_to_dict(s) for s in sessions)),
        ("sets", (_record_to_dict(s) for s in sets)),
        ("measurements", (_record_to_dict(m) for m in measurements)),
        ("choices", (_record_to_dict(c) for c in choices)),
        ("self_tests", (_record_to_dict(r) for r in self_tests)),
        ("own_sets", (_record_to_dict(o) for o in own_sets)),
        ("skips", (_record_to_dict(k) for k in skips)),
    ]
    return gathered(_json_object(_header(user_name, exported_at), lists, indent))


def _dumps(value: object, indent: int | None) -> str:
    separators = (",", ":") if indent is None else (",", ": ")
    return json.dumps(
        value, ensure_ascii=False, allow_nan=False, indent=indent, separators=separators
    )


def _json_object(
    scalars: dict[str, object], lists: list[tuple[str, Iterable[object]]], indent: int | None
) -> Iterator[str]:
    """`json.dumps` of the object of `scalars` then `lists`, one list item at a time."""
    pad = "" if indent is None else "\n" + " " * indent
    inner = "" if indent is None else pad + " " * indent
    colon = ":" if indent is None else ": "
    members = [f"{pad}{_dumps(k, indent)}{colon}{_dumps(v, indent)}" for k, v in scalars.items()]
    yield "{" + ",".join(members)
    for name, items in lists:
        yield f",{pad}{_dumps(name, indent)}{colon}["
        empty = True
        for item in items:
            text = _dumps(item, indent)
            yield ("" if empty else ",") + inner + text.replace("\n", inner)
            empty = False
        yield "]" if empty else pad + "]"
    yield ("" if indent is None else "\n") + "}"


def gathered(pieces: Iterable[str]) -> Iterator[str]:
    """The pieces joined into chunks of about CHUNK_CHARS (fewer, larger writes)."""
    held: list[str] = []
    size = 0
    for piece in pieces:
        held.append(piece)
        size += len(piece)
        if size >= CHUNK_CHARS:
            yield "".join(held)
            held, size = [], 0
    if held:
        yield "".join(held)


# Reading: the shapes, derived from the domain's records

_STRICT = ConfigDict(strict=True, extra="forbid", allow_inf_nan=False)


#: What an INTEGER column holds on both databases (PostgreSQL's is 32 bits).
DATABASE_INT = Range(-(2**31), 2**31 - 1)
#: Tighter bounds of record fields the domain's checks leave open.
_INT_BOUNDS: dict[str, Range[int]] = {"version": Range(1, DATABASE_INT.high)}


def _shape_of(name: str, hint: Any) -> Any:
    """A field's type, with every whole number bounded to what its column can hold."""
    if hint is datetime:
        return AwareDatetime
    if hint is int or hint == int | None:
        bounds = _INT_BOUNDS.get(name, DATABASE_INT)
        return Annotated[hint, Field(ge=bounds.low, le=bounds.high)]
    return hint


def _record_of(
    kind: type[DataclassInstance], lacking: frozenset[str] = frozenset(), suffix: str = ""
) -> type[BaseModel]:
    """The JSON shape of a domain record: each of its fields, every one required but those
    `lacking` (added after the file's version), which take the record's default."""
    hints = typing.get_type_hints(kind)
    shape: dict[str, Any] = {
        f.name: (_shape_of(f.name, hints[f.name]), f.default if f.name in lacking else ...)
        for f in fields(kind)
    }
    return _create_model(f"{kind.__name__}Record{suffix}", __config__=_STRICT, **shape)


if TYPE_CHECKING:  # made at import time; to mypy, models like any other
    _SessionRecord: TypeAlias = BaseModel
    _SetRecord: TypeAlias = BaseModel
    _MeasurementRecord: TypeAlias = BaseModel
    _ChoiceRecord: TypeAlias = BaseModel
    _SelfTestRecord: TypeAlias = BaseModel
    _OwnSetRecord: TypeAlias = BaseModel
    _SkipRecord: TypeAlias = BaseModel
else:
    _SessionRecord = _record_of(TrainingSession)
    _SetRecord = _record_of(LoggedSet)
    _MeasurementRecord = _record_of(Measurement)
    _ChoiceRecord = _record_of(PlanChoice)
    _SelfTestRecord = _record_of(SelfTestResult)
    _OwnSetRecord = _record_of(OwnSet)
    _SkipRecord = _record_of(SkippedMove)


class _BackupFile(BaseModel):
    model_config = _STRICT
    format: str
    version: int
    exported_at: AwareDatetime
    user_name: Annotated[str, Field(max_length=NAME_LENGTH.high)]
    plans: list[PlanRecord]
    sessions: list[_SessionRecord]
    sets: list[_SetRecord]
    measurements: list[_MeasurementRecord]
    choices: list[_ChoiceRecord]
    self_tests: list[_SelfTestRecord]
    own_sets: list[_OwnSetRecord]
    skips: list[_SkipRecord]


def _file_of(version: int) -> TypeAdapter[_BackupFile]:
    """The whole file as written by `version`: the current shape, less what came after it."""
    lacking = frozenset().union(*(added for v, added in ADDED_IN.items() if v > version))
    later = frozenset().union(*(added for v, added in LISTS_ADDED_IN.items() if v > version))
    if not lacking and not later:
        return TypeAdapter(_BackupFile)
    suffix = f"V{version}"
    kinds = {"sessions": TrainingSession, "sets": LoggedSet, "measurements": Measurement}
    shape: dict[str, Any] = {
        name: (list[_record_of(kind, lacking, suffix)], ...)  # type: ignore[misc]
        for name, kind in kinds.items()
        if lacking
    }
    lists: dict[str, Any] = {
        "choices": _ChoiceRecord,
        "self_tests": _SelfTestRecord,
        "own_sets": _OwnSetRecord,
        "skips": _SkipRecord,
    }
    shape |= {name: (list[lists[name]], []) for name in later}  # type: ignore[valid-type]
    older = _create_model(f"BackupFile{suffix}", __base__=_BackupFile, **shape)
    return TypeAdapter(older)


_FILES = {version: _file_of(version) for version in range(1, VERSION + 1)}


# Reading: pydantic's first error, in the words of the backup contract


def _fail(path: str, message: str) -> LogError:
    path = path or "backup"
    return LogError(f"{path}: {message}", field=path)


def _path(location: Sequence[int | str]) -> str:
    text = ""
    for part in location:
        text += f"[{part}]" if isinstance(part, int) else f".{part}" if text else part
    return text


def _choices(error: ErrorDetails) -> str:
    expected = str(error.get("ctx", {}).get("expected", ""))
    return expected.replace("'", "").replace(" or ", ", ")


_SAID: dict[str, Callable[[ErrorDetails], str]] = {
    "missing": lambda e: "missing",
    "int_type": lambda e: "must be a whole number",
    "int_parsing": lambda e: "must be a whole number",
    "int_from_float": lambda e: "must be a whole number",
    "float_type": lambda e: "must be a finite number",
    "float_parsing": lambda e: "must be a finite number",
    "finite_number": lambda e: "must be a finite number",
    "string_type": lambda e: "must be text",
    "bool_type": lambda e: "must be true or false",
    "list_type": lambda e: "must be a list",
    "tuple_type": lambda e: "must be a list",
    "set_type": lambda e: "must be a list",
    "frozen_set_type": lambda e: "must be a list",
    "dict_type": lambda e: "must be an object",
    "model_type": lambda e: "must be an object",
    "enum": lambda e: f"'{e['input']}' is not one of: {_choices(e)}",
    "date_type": lambda e: "must be a date (YYYY-MM-DD)",
    "date_parsing": lambda e: f"'{e['input']}' is not a date (YYYY-MM-DD)",
    "datetime_type": lambda e: "must be an ISO 8601 date and time",
    "datetime_parsing": lambda e: f"'{e['input']}' is not an ISO 8601 date and time",
    "timezone_aware": lambda e: "must carry a UTC offset, e.g. 2026-03-05T18:01:12+00:00",
    "greater_than_equal": lambda e: f"must be at least {e['ctx']['ge']}",
    "less_than_equal": lambda e: f"must be at most {e['ctx']['le']}",
    "string_too_long": lambda e: f"must be at most {e['ctx']['max_length']} characters",
    "string_pattern_mismatch": lambda e: f"'{e['input']}' is not a valid key",
    "too_short": lambda e: f"must hold at least {e['ctx']['min_length']}",
    "too_long": lambda e: f"must hold at most {e['ctx']['max_length']}",
    "value_error": lambda e: str(e["ctx"]["error"]),
}


def _refusal(error: ValidationError) -> LogError:
    first = error.errors(include_url=False)[0]
    location = first["loc"]
    if first["type"] == "extra_forbidden":
        return _fail(_path(location[:-1]), f"unknown field '{location[-1]}'")
    if first["type"] == "enum" and not isinstance(first["input"], str):
        return _fail(_path(location), "must be text")
    said = _SAID.get(first["type"])
    return _fail(_path(location), said(first) if said else first["msg"])


# Reading: the domain's checks, record by record


def _checked(
    name: str,
    records: Sequence[BaseModel],
    build: Callable[[BaseModel], T],
    check: Callable[[T], None],
) -> tuple[T, ...]:
    kept: list[T] = []
    seen: set[str] = set()
    for i, raw in enumerate(records):
        path = f"{name}[{i}]"
        try:
            record = build(raw)
            check(record)
        except HipcoachError as exc:
            raise _fail(f"{path}.{exc.field or 'id'}", exc.message) from None
        if record.id in seen:
            raise _fail(f"{path}.id", f"'{record.id}' appears twice")
        seen.add(record.id)
        kept.append(record)
    return tuple(kept)


def _check_header(data: dict[str, Any]) -> None:
    if data.get("format") != FORMAT:
        raise _fail("format", f'this is not a hipcoach backup (expected "{FORMAT}")')
    version = data.get("version")
    if type(version) is not int or version not in _FILES:
        raise _fail("version", f"{data.get('version')!r} is not a version this hipcoach reads")


class _Header(BaseModel):
    """The two fields that say which shape the rest of the file has (anything else: ignored
    here, read by that shape)."""

    model_config = ConfigDict(extra="ignore")
    format: Any = None
    version: Any = None


_HEADER = TypeAdapter(_Header)


def _not_json(error: ValidationError) -> LogError | None:
    first = error.errors(include_url=False)[0]
    if first["type"] != "json_invalid":
        return None
    said = str(first.get("ctx", {}).get("error", first["msg"]))
    return LogError(f"The backup is not valid JSON ({said}).", field="file")


def _read(text: str) -> _BackupFile:
    """The file's text read once, as JSON and strictly (what a backup file means: enum values
    and ISO dates are text), straight into the records of its version's shape."""
    try:
        header = _HEADER.validate_json(text)
    except ValidationError as exc:
        raise (_not_json(exc) or _refusal(exc)) from None
    _check_header({"format": header.format, "version": header.version})
    try:
        return _FILES[header.version].validate_json(text)
    except ValidationError as exc:
        raise (_not_json(exc) or _refusal(exc)) from None


def _choices_of(
    records: Sequence[BaseModel], plans: set[str], catalogue: Catalogue
) -> tuple[PlanChoice, ...]:
    """The person's swaps: each for a plan in the backup, once per slot, with known moves."""
    kept: dict[tuple[str, str], PlanChoice] = {}
    for i, raw in enumerate(records):
        choice = PlanChoice(**dict(raw))
        path = f"choices[{i}]"
        if choice.plan_id not in plans:
            raise _fail(f"{path}.plan_id", f"plan '{choice.plan_id}' is not in the backup")
        for name in ("slot", "exercise"):
            if getattr(choice, name) not in catalogue:
                raise _fail(f"{path}.{name}", f"'{getattr(choice, name)}' is not a known move")
        if (choice.plan_id, choice.slot) in kept:
            raise _fail(f"{path}.slot", f"'{choice.slot}' appears twice for its plan")
        kept[choice.plan_id, choice.slot] = choice
    return tuple(kept.values())


def _skips_of(
    records: Sequence[BaseModel], sessions: set[str], catalogue: Catalogue
) -> tuple[SkippedMove, ...]:
    """Moves left out: each of a session in the backup, once per session and move."""
    kept: dict[tuple[str, str], SkippedMove] = {}
    for i, raw in enumerate(records):
        skip = SkippedMove(**dict(raw))
        path = f"skips[{i}]"
        try:
            validate_skip(skip, catalogue)
        except HipcoachError as exc:
            raise _fail(f"{path}.{exc.field or 'exercise'}", exc.message) from None
        if skip.session_id not in sessions:
            raise _fail(f"{path}.session_id", f"session '{skip.session_id}' is not in the backup")
        if (skip.session_id, skip.exercise) in kept:
            raise _fail(f"{path}.exercise", f"'{skip.exercise}' appears twice for its session")
        kept[skip.session_id, skip.exercise] = skip
    return tuple(kept.values())


def backup_from_dict(data: Any, catalogue: Catalogue, *, now: datetime) -> Backup:
    """`backup_from_text` of a backup already read as JSON values."""
    if not isinstance(data, dict):
        raise _fail("backup", "must be an object")
    _check_header(data)
    try:
        text = json.dumps(data, allow_nan=True)
    except (RecursionError, ValueError, TypeError) as exc:
        raise _fail("backup", f"cannot be read ({exc})") from None
    return backup_from_text(text, catalogue, now=now)


def backup_from_text(text: str, catalogue: Catalogue, *, now: datetime) -> Backup:
    """Read a backup file imported at `now`, refusing the whole file at the first bad or
    inconsistent field. The text is parsed once, into the records themselves: no document
    of Python values is built on the way (a 20 MB file would be several times that)."""
    read = _read(text)
    try:
        user_name = refuse_control_characters(
            read.user_name, field="user_name", label="the backup's user name"
        )
    except HipcoachError as exc:
        raise _fail("user_name", exc.message) from None
    plans = _checked(
        "plans",
        read.plans,
        lambda raw: stored_plan(typing.cast(PlanRecord, raw), catalogue, now),
        lambda plan: None,
    )
    sessions = _checked(
        "sessions", read.sessions, lambda v: TrainingSession(**dict(v)), validate_session
    )
    known = {s.id for s in sessions}

    def check_set(logged: LoggedSet) -> None:
        validate_set(logged, catalogue)
        if logged.session_id not in known:
            raise LogError(
                f"session '{logged.session_id}' is not in the backup", field="session_id"
            )

    return Backup(
        choices=_choices_of(read.choices, {p.id for p in plans}, catalogue),
        user_name=user_name,
        exported_at=read.exported_at,
        plans=plans,
        sessions=sessions,
        sets=_checked("sets", read.sets, lambda v: LoggedSet(**dict(v)), check_set),
        measurements=_checked(
            "measurements",
            read.measurements,
            lambda v: Measurement(**dict(v)),
            validate_measurement,
        ),
        self_tests=_checked(
            "self_tests", read.self_tests, lambda v: SelfTestResult(**dict(v)), validate_result
        ),
        own_sets=_checked("own_sets", read.own_sets, lambda v: OwnSet(**dict(v)), validate_own_set),
        skips=_skips_of(read.skips, known, catalogue),
    )


def set_to_json(logged: LoggedSet) -> str:
    """One logged set as the backup writes it (compact JSON): how a deleted set travels until
    it is restored ("Undo")."""
    return _dumps(_record_to_dict(logged), None)


def set_from_json(text: str) -> LoggedSet:
    """A set `set_to_json` wrote, read as strictly as a backup's sets (the logbook then checks
    it like any other set)."""
    try:
        record = _SetRecord.model_validate_json(text)
    except ValidationError as exc:
        raise (_not_json(exc) or _refusal(exc)) from None
    return LoggedSet(**dict(record))
