"""The complete backup: every plan, session, set and measurement of one person, as JSON.

Lossless: ids, versions and None values are kept; dates are ISO 8601 and datetimes carry their
UTC offset. Reading is strict: any bad field refuses the whole file with a LogError whose
message starts with the field's path, e.g. "sets[3].pain: Pain must be between 0 and 10".
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime
from enum import Enum, StrEnum
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from hipcoach.domain.account import StoredPlan
from hipcoach.domain.catalogue import Catalogue, PainArea
from hipcoach.domain.equipment import Equipment
from hipcoach.domain.errors import HipcoachError
from hipcoach.domain.log import (
    Effort,
    LogError,
    LoggedSet,
    Measurement,
    Side,
    TrainingSession,
    check_id,
    validate_measurement,
    validate_session,
    validate_set,
)
from hipcoach.domain.profile import (
    Goal,
    Level,
    Profile,
    Weekday,
    profile_from_dict,
    profile_to_dict,
)

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

FORMAT = "hipcoach-backup"
VERSION = 1


class _Record(Protocol):
    @property
    def id(self) -> str: ...


T = TypeVar("T", bound=_Record)
Parse = Callable[[Any, str], Any]


@dataclass(frozen=True, slots=True)
class Backup:
    """Everything a backup file holds, checked record by record."""

    user_name: str
    exported_at: datetime
    plans: tuple[StoredPlan, ...]
    sessions: tuple[TrainingSession, ...]
    sets: tuple[LoggedSet, ...]
    measurements: tuple[Measurement, ...]


def _plain(value: object) -> object:
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Profile):
        return profile_to_dict(value)
    return value


def _record_to_dict(record: DataclassInstance) -> dict[str, object]:
    return {f.name: _plain(getattr(record, f.name)) for f in fields(record)}


def backup_to_dict(
    *,
    user_name: str,
    plans: Sequence[StoredPlan],
    sessions: Sequence[TrainingSession],
    sets: Sequence[LoggedSet],
    measurements: Sequence[Measurement],
    exported_at: datetime,
) -> dict[str, Any]:
    """A person's whole training history as JSON-ready values (naive datetimes count as UTC)."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": _plain(exported_at),
        "user_name": user_name,
        "plans": [_record_to_dict(p) for p in plans],
        "sessions": [_record_to_dict(s) for s in sessions],
        "sets": [_record_to_dict(s) for s in sets],
        "measurements": [_record_to_dict(m) for m in measurements],
    }


def _fail(path: str, message: str) -> LogError:
    path = path or "backup"
    return LogError(f"{path}: {message}", field=path)


def _text(value: Any, path: str) -> str:
    if not isinstance(value, str):
        raise _fail(path, "must be text")
    return value


def _whole(value: Any, path: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _fail(path, "must be a whole number")
    return value


def _number(value: Any, path: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise _fail(path, "must be a finite number")
    return float(value)


def _day(value: Any, path: str) -> date:
    try:
        return date.fromisoformat(_text(value, path))
    except ValueError:
        raise _fail(path, f"'{value}' is not a date (YYYY-MM-DD)") from None


def _moment(value: Any, path: str) -> datetime:
    try:
        moment = datetime.fromisoformat(_text(value, path))
    except ValueError:
        raise _fail(path, f"'{value}' is not an ISO 8601 date and time") from None
    if moment.tzinfo is None:
        raise _fail(path, "must carry a UTC offset, e.g. 2026-03-05T18:01:12+00:00")
    return moment


def _optional(parse: Parse) -> Parse:
    return lambda value, path: None if value is None else parse(value, path)


def _choice(kind: type[StrEnum]) -> Parse:
    def parse(value: Any, path: str) -> StrEnum:
        try:
            return kind(_text(value, path))
        except ValueError:
            allowed = ", ".join(m.value for m in kind)
            raise _fail(path, f"'{value}' is not one of: {allowed}") from None

    return parse


def _list_of(parse: Parse) -> Parse:
    def each(value: Any, path: str) -> list[Any]:
        if not isinstance(value, list):
            raise _fail(path, "must be a list")
        return [parse(item, f"{path}[{i}]") for i, item in enumerate(value)]

    return each


def _object(value: Any, path: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _fail(path, "must be an object")
    return value


def _fields(data: Any, path: str, spec: dict[str, Parse]) -> dict[str, Any]:
    data = _object(data, path)
    unknown = sorted(set(data) - set(spec))
    if unknown:
        raise _fail(path, f"unknown field '{unknown[0]}'")
    paths = {name: f"{path}.{name}" if path else name for name in spec}
    for name in spec:
        if name not in data:
            raise _fail(paths[name], "missing")
    return {name: parse(data[name], paths[name]) for name, parse in spec.items()}


def _enum_value(kind: type[StrEnum]) -> Parse:
    return lambda value, path: _choice(kind)(value, path).value


_PROFILE: dict[str, Parse] = {
    "level": _enum_value(Level),
    "goal": _enum_value(Goal),
    "equipment": _list_of(_enum_value(Equipment)),
    "days": _list_of(_enum_value(Weekday)),
    "minutes": _whole,
    "weeks": _whole,
    "start": lambda v, p: _day(v, p).isoformat(),
    "pain": _list_of(_enum_value(PainArea)),
    "avoid": _list_of(_text),
    "weight_kg": _optional(_number),
    "seed": _whole,
}

_SPECS: dict[type, dict[str, Parse]] = {
    StoredPlan: {
        "id": _text,
        "user_id": _text,
        "profile": lambda v, p: profile_from_dict(_fields(v, p, _PROFILE)),
        "created_at": _moment,
        "document": _object,
    },
    TrainingSession: {
        "id": _text,
        "date": _day,
        "plan_week": _optional(_whole),
        "plan_session": _optional(_whole),
        "notes": _text,
        "next_day_pain": _optional(_whole),
        "version": _whole,
    },
    LoggedSet: {
        "id": _text,
        "session_id": _text,
        "exercise": _text,
        "side": _choice(Side),
        "logged_at": _moment,
        "reps": _optional(_whole),
        "steps": _optional(_whole),
        "hold_seconds": _optional(_whole),
        "resistance_key": _text,
        "load_kg": _optional(_number),
        "rir": _optional(_whole),
        "effort": _optional(_choice(Effort)),
        "pain": _whole,
        "note": _text,
    },
    Measurement: {
        "id": _text,
        "date": _day,
        "hip_cm": _optional(_number),
        "waist_cm": _optional(_number),
        "weight_kg": _optional(_number),
    },
}


def _records(data: dict[str, Any], name: str, kind: type[T], check: Callable[[T], None]) -> list[T]:
    records: list[T] = []
    seen: set[str] = set()
    for i, raw in enumerate(_list_of(_object)(data[name], name)):
        path = f"{name}[{i}]"
        record = kind(**_fields(raw, path, _SPECS[kind]))
        try:
            check(record)
        except HipcoachError as exc:
            raise _fail(f"{path}.{exc.field or 'id'}", exc.message) from None
        if record.id in seen:
            raise _fail(f"{path}.id", f"'{record.id}' appears twice")
        seen.add(record.id)
        records.append(record)
    return records


_HEADER: dict[str, Parse] = {
    "format": _text,
    "version": _whole,
    "exported_at": _moment,
    "user_name": _text,
    **dict.fromkeys(("plans", "sessions", "sets", "measurements"), _list_of(_object)),
}


def _check_header(data: dict[str, Any]) -> None:
    if data.get("format") != FORMAT:
        raise _fail("format", f'this is not a hipcoach backup (expected "{FORMAT}")')
    if data.get("version") != VERSION:
        raise _fail("version", f"{data.get('version')!r} is not a version this hipcoach reads")
    _fields(data, "", _HEADER)


def _check_plan(plan: StoredPlan) -> None:
    check_id(plan.id)


def backup_from_dict(data: Any, catalogue: Catalogue) -> Backup:
    """Read a backup, refusing the whole file at the first bad or inconsistent field."""
    data = _object(data, "backup")
    _check_header(data)
    plans = _records(data, "plans", StoredPlan, _check_plan)
    sessions = _records(data, "sessions", TrainingSession, validate_session)
    known = {s.id for s in sessions}

    def check_set(logged: LoggedSet) -> None:
        validate_set(logged, catalogue)
        if logged.session_id not in known:
            raise LogError(
                f"session '{logged.session_id}' is not in the backup", field="session_id"
            )

    return Backup(
        user_name=_text(data["user_name"], "user_name"),
        exported_at=_moment(data["exported_at"], "exported_at"),
        plans=tuple(plans),
        sessions=tuple(sessions),
        sets=tuple(_records(data, "sets", LoggedSet, check_set)),
        measurements=tuple(_records(data, "measurements", Measurement, validate_measurement)),
    )
