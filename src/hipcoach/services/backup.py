"""Export the whole log (JSON backup, CSV) and import a backup or a Strong/Hevy export.

An import is all or nothing: every record is validated before the first one is stored; the
sessions and sets are then staged a batch (IMPORT_BATCH) per short transaction, where no other
query sees them, and one last transaction checks and stores everything. So a large import
never holds SQLite's one write lock for long, and other writes go between its batches.
Sessions and sets are stored by the logbook's one retry rule: a record whose id is already
stored with the same values is left as it is (so importing the same file twice adds nothing
the second time), and one stored with other values refuses the whole import with a conflict
naming its id.
"""

from __future__ import annotations

import itertools
import json
import uuid
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any, Literal, TypeVar

from hipcoach.content.loader import load_catalogue
from hipcoach.domain.account import User
from hipcoach.domain.limits import EARLIER_PLANS_KEPT, IMPORT_BATCH, IMPORT_BYTES
from hipcoach.domain.log import LogError
from hipcoach.domain.text import control_character_at, refuse_control_characters
from hipcoach.formats.backup import Backup, backup_chunks, backup_from_text, gathered
from hipcoach.formats.importers import ImportResult, detect_format, parse_hevy, parse_strong
from hipcoach.formats.log_csv import csv_lines
from hipcoach.services import logbook
from hipcoach.services.ports import UnitOfWork

T = TypeVar("T")
STALE_STAGING = timedelta(hours=1)
"""What an import staged this long ago belongs to one that stopped half way: the next import
deletes it."""


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import stored, and what it left out."""

    kind: str
    plans: int = 0
    sessions: int = 0
    sets: int = 0
    measurements: int = 0
    skipped: tuple[tuple[int, str], ...] = ()
    self_tests: int = 0
    own_sets: int = 0  # sets of exercises of the person's own newly stored
    own_exercises: dict[str, int] = field(default_factory=dict)  # name -> sets in the file


def _started(chunks: Iterator[str]) -> Iterator[str]:
    """The chunks with the first one already read: a store that cannot be read fails here,
    where the adapter still answers with the error (a 503 when busy), not mid-download."""
    first = next(chunks, "")
    return itertools.chain((first,), chunks)


def stream_backup(
    *, uow: UnitOfWork, user_id: str, now: datetime, indent: int | None = None
) -> Iterator[str]:
    """Every record of the user as one JSON document (a complete, lossless backup), written
    a piece at a time from one read transaction: memory stays flat however long the log."""
    return _started(_backup_chunks(uow, user_id, now, indent))


def _backup_chunks(
    uow: UnitOfWork, user_id: str, now: datetime, indent: int | None
) -> Iterator[str]:
    with uow.read_only():
        user = uow.users.get(user_id)
        yield from backup_chunks(
            user_name=user.name if user else "",
            plans=uow.plans.each(user_id),
            sessions=uow.sessions.each(user_id),
            sets=uow.sets.each(user_id),
            measurements=uow.measurements.all(user_id),
            exported_at=now,
            choices=uow.choices.all(user_id),
            self_tests=uow.self_tests.all(user_id),
            own_sets=uow.own_sets.each(user_id),
            skips=uow.skips.all(user_id),
            indent=indent,
        )


def stream_csv(*, uow: UnitOfWork, user_id: str) -> Iterator[str]:
    """One row per logged set, for spreadsheets, written a piece at a time."""
    return _started(_csv_chunks(uow, user_id))


def _csv_chunks(uow: UnitOfWork, user_id: str) -> Iterator[str]:
    with uow.read_only():
        yield from gathered(csv_lines(uow.sets.each_by_day(user_id)))


def export_backup(*, uow: UnitOfWork, user_id: str, now: datetime) -> dict[str, Any]:
    """The whole backup as JSON values (what `stream_backup` writes, read back)."""
    document: dict[str, Any] = json.loads("".join(stream_backup(uow=uow, user_id=user_id, now=now)))
    return document


def export_csv(*, uow: UnitOfWork, user_id: str) -> str:
    """One row per logged set, for spreadsheets, as one text."""
    return "".join(stream_csv(uow=uow, user_id=user_id))


def _parse(
    text: str, user_id: str, unit: Literal["kg", "lb"], now: datetime
) -> Backup | ImportResult:
    if len(text.encode("utf-8", errors="ignore")) > IMPORT_BYTES:
        raise LogError(
            f"The file is larger than {IMPORT_BYTES // 2**20} MB; split it first.", field="file"
        )
    at = control_character_at(text)
    if at is not None:
        line = text.count("\n", 0, at) + 1
        refuse_control_characters(text[at], field="file", label=f"line {line} of the file")
    kind = detect_format(text)
    catalogue = load_catalogue()
    if kind == "hipcoach":
        return backup_from_text(text, catalogue, now=now)
    if kind == "strong":
        return parse_strong(text, catalogue, unit=unit, id_prefix=user_id)
    return parse_hevy(text, catalogue, id_prefix=user_id)


def import_text(
    *, uow: UnitOfWork, user_id: str, text: str, now: datetime, unit: Literal["kg", "lb"] = "kg"
) -> ImportReport:
    """Validate the whole file, stage its sessions and sets a batch per short transaction,
    then store everything in one: all or nothing, and other writers go between the batches."""
    parsed = _parse(text, user_id, unit, now)  # every record checked by the domain's validation
    with uow:
        if uow.users.get(user_id) is None:
            name = parsed.user_name if isinstance(parsed, Backup) else ""
            uow.users.add(User(user_id, name or "me", now))
        uow.staging.discard_stale(now - STALE_STAGING)
        uow.commit()
    import_id = uuid.uuid4().hex
    try:
        _stage(uow, import_id, user_id, parsed, now)
        with uow:
            report = _store(uow, import_id, user_id, parsed)
            uow.commit()
    finally:
        _discard(uow, import_id, user_id)
    return report


def _batches(records: Sequence[T]) -> Iterator[Sequence[T]]:
    for start in range(0, len(records), IMPORT_BATCH):
        yield records[start : start + IMPORT_BATCH]


def _stage(
    uow: UnitOfWork, import_id: str, user_id: str, parsed: Backup | ImportResult, now: datetime
) -> None:
    for sessions in _batches(parsed.sessions):
        with uow:
            uow.staging.stage_sessions(import_id, user_id, sessions, now)
            uow.commit()
    for sets in _batches(parsed.sets):
        with uow:
            uow.staging.stage_sets(import_id, user_id, sets, now)
            uow.commit()


def _discard(uow: UnitOfWork, import_id: str, user_id: str) -> None:
    for sets in (True, False):
        gone = IMPORT_BATCH
        while gone == IMPORT_BATCH:
            with uow:
                gone = uow.staging.discard(import_id, user_id, IMPORT_BATCH, sets=sets)
                uow.commit()


def _publish(uow: UnitOfWork, import_id: str, user_id: str) -> tuple[int, int]:
    """The staged sessions and sets checked by the logbook's retry rule, then stored."""
    changed = uow.staging.changed_session(import_id, user_id)
    if changed is not None:
        raise logbook.changed_session(changed)
    taken = uow.staging.taken_slot(import_id, user_id)
    if taken is not None:
        raise logbook.taken_slot(*taken)
    changed = uow.staging.changed_set(import_id, user_id)
    if changed is not None:
        raise logbook.changed_set(changed)
    return uow.staging.publish(import_id, user_id)


def _store(
    uow: UnitOfWork, import_id: str, user_id: str, parsed: Backup | ImportResult
) -> ImportReport:
    sessions, sets = _publish(uow, import_id, user_id)
    if isinstance(parsed, ImportResult):
        return ImportReport(
            "strong/hevy",
            sessions=sessions,
            sets=sets,
            skipped=parsed.skipped,
            own_sets=uow.own_sets.add_many(user_id, parsed.own),
            own_exercises=parsed.own_exercises,
        )
    known = {p.id for p in uow.plans.all(user_id)}
    plans = 0
    for plan in parsed.plans:
        if plan.id in known:
            continue  # a plan already here keeps its own choices
        if plan.user_id != user_id:
            plan = replace(plan, user_id=user_id)
        uow.plans.add(plan)
        plans += 1
        for choice in (c for c in parsed.choices if c.plan_id == plan.id):
            uow.choices.set(user_id, choice)
    if plans:
        uow.plans.prune(user_id, EARLIER_PLANS_KEPT + 1)
    measurements = sum(uow.measurements.add(user_id, m) for m in parsed.measurements)
    results = sum(uow.self_tests.add(user_id, r) for r in parsed.self_tests)
    own = uow.own_sets.add_many(user_id, parsed.own_sets)
    for skip in parsed.skips:  # their sessions are published above
        uow.skips.set(user_id, skip)
    return ImportReport(
        "hipcoach backup",
        plans,
        sessions,
        sets,
        measurements,
        self_tests=results,
        own_sets=own,
        own_exercises=dict(Counter(o.exercise for o in parsed.own_sets)),
    )
