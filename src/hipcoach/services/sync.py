"""Replaying a device's outbox: many sets and session edits in one go, each judged on its own.

A phone that logged a session offline sends everything it queued at once. Every item follows
the logbook's one retry rule (the same id with the same values is "already stored", other
values are a conflict) and is all or nothing by itself: a refused item stores nothing, and
the items around it are stored regardless. Replaying the same outbox again stores nothing
new, so a device may resend whatever it has not heard back about.

Sets and sessions are written in one transaction (each item is one statement, so an item is
never half-stored); a session edit runs through `logbook.update_session`, and a skip (or its
undo) through `logbook.skip_move` (`unskip_move`), each in its own, after what came before it
is committed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import Enum

from hipcoach.content.loader import load_catalogue
from hipcoach.domain.catalogue import PainArea
from hipcoach.domain.errors import ConflictError, HipcoachError, NotFoundError, status_for
from hipcoach.domain.log import (
    LogError,
    LoggedSet,
    Side,
    SkippedMove,
    TrainingSession,
    validate_session,
    validate_set,
)
from hipcoach.services import logbook
from hipcoach.services.logbook import KEEP, Keep
from hipcoach.services.ports import UnitOfWork

MAX_ITEMS = 1000  # one outbox replay; a whole session is a few dozen, a week offline a few hundred


@dataclass(frozen=True, slots=True)
class SessionItem:
    """A training day to store; `join_day` stores the day's sets in the session already
    logged that day, if there is one (the web app's rule: one session a day)."""

    session: TrainingSession
    join_day: bool = False


@dataclass(frozen=True, slots=True)
class SetItem:
    """One set done, in the session its `session_id` names (or the one that session joined)."""

    logged: LoggedSet


@dataclass(frozen=True, slots=True)
class SessionEdit:
    """Notes, effort or next-day pain changed on a session read at `version`; KEEP leaves a
    field."""

    session_id: str
    version: int
    notes: str | Keep = KEEP
    next_day_pain: int | Keep | None = KEEP
    next_day_pain_area: PainArea | Keep | None = KEEP
    next_day_pain_side: Side | Keep | None = KEEP
    rpe: int | Keep | None = KEEP


@dataclass(frozen=True, slots=True)
class SkipItem:
    """A move left out of the session its `skip.session_id` names (or the one that session
    joined), with its reason; sent again with another reason, it replaces the first."""

    skip: SkippedMove


@dataclass(frozen=True, slots=True)
class UnskipItem:
    """A skip taken back: the move is done that day after all."""

    session_id: str
    exercise: str


SyncItem = SessionItem | SetItem | SessionEdit | SkipItem | UnskipItem
#: Items stored each in a transaction of their own, after the run before them is committed.
_ON_THEIR_OWN = (SessionEdit, SkipItem, UnskipItem)


class Outcome(Enum):
    """What became of one item."""

    CREATED = "created"
    UPDATED = "updated"
    ALREADY_STORED = "already_stored"
    REFUSED = "refused"


@dataclass(frozen=True, slots=True)
class ItemResult:
    """One item's outcome: the record as stored, or the error that refused it."""

    index: int
    outcome: Outcome
    stored: LoggedSet | TrainingSession | SkippedMove | None = None
    error: HipcoachError | None = None


class _Batch:
    """The open transaction of a run of sets and sessions, and the sessions it knows."""

    def __init__(self, uow: UnitOfWork, user_id: str) -> None:
        self.uow = uow
        self.user_id = user_id
        self.catalogue = load_catalogue()
        # The id items name a session by -> the stored session's id (a joined day's differs).
        self.sessions: dict[str, str] = {}
        self.stored: dict[str, dict[str, LoggedSet]] = {}  # a session's sets, read once
        # New sets wait here, by id, with the index of their item, and go in with one insert
        # when the run ends (`flush`): an outbox of 500 sets is one statement, not 500.
        self.pending: dict[str, tuple[int, LoggedSet]] = {}

    def session(self, item: SessionItem) -> tuple[TrainingSession, bool]:
        validate_session(item.session)
        wanted = item.session
        if item.join_day:
            same_day = self.uow.sessions.get(self.user_id, wanted.id) or next(
                iter(self.uow.sessions.between(self.user_id, wanted.date, wanted.date)), None
            )
            if same_day is not None:
                self.sessions[wanted.id] = same_day.id
                return same_day, False
        stored, created = logbook.store_session(uow=self.uow, user_id=self.user_id, session=wanted)
        self.sessions[wanted.id] = stored.id
        return stored, created

    def set(self, index: int, item: SetItem) -> tuple[LoggedSet, bool] | None:
        """The item's answer when it is known now; None when the set waits for `flush`."""
        logged = item.logged
        validate_set(logged, self.catalogue)
        session_id = self._session_id(logged.session_id)
        if session_id != logged.session_id:
            logged = replace(logged, session_id=session_id)
        # A replay is mostly sets stored already: one read of the session's sets answers
        # those; a new id waits for the run's one insert; other values are a conflict.
        if session_id not in self.stored:
            found = self.uow.sets.for_sessions(self.user_id, [session_id])
            self.stored[session_id] = {s.id: s for s in found}
        existing = self.stored[session_id].get(logged.id)
        if existing is None and logged.id in self.pending:
            existing = self.pending[logged.id][1]  # the same id twice in one outbox
        if existing is None:  # new here (an id stored in another session: judged at flush)
            self.pending[logged.id] = (index, logged)
            return None
        if existing.same_values(logged):
            return existing, False
        raise ConflictError(
            f"Set {logged.id} already exists with other values; "
            "give this one a new id, or correct the stored one.",
            field="id",
        )

    def flush(self) -> list[ItemResult]:
        """Store the waiting sets in one insert; an id someone else stored meanwhile is
        judged like a retry (the same values: already stored; others: a conflict)."""
        waiting, self.pending = list(self.pending.values()), {}
        stored = self.uow.sets.add_many(self.user_id, [logged for _, logged in waiting])
        results = []
        for index, logged in waiting:
            try:
                if logged.id in stored:
                    result = ItemResult(index, Outcome.CREATED, logged)
                else:  # the retry rule: the stored set with these values, or a conflict
                    result = _judge(
                        index, *logbook.store_set(uow=self.uow, user_id=self.user_id, logged=logged)
                    )
            except HipcoachError as error:
                results.append(ItemResult(index, Outcome.REFUSED, error=error))
                continue
            self.stored[logged.session_id][logged.id] = logged
            results.append(result)
        return results

    def _session_id(self, named: str) -> str:
        # Asked once per session: the set's insert must not fail on its foreign key, which
        # would end the whole transaction on PostgreSQL.
        if named not in self.sessions:
            if self.uow.sessions.get(self.user_id, named) is None:
                raise NotFoundError(
                    f"No session {named}: send the session before its sets.", field="session_id"
                )
            self.sessions[named] = named
        return self.sessions[named]


def _edit(uow: UnitOfWork, user_id: str, edit: SessionEdit) -> TrainingSession:
    return logbook.update_session(
        uow=uow,
        user_id=user_id,
        session_id=edit.session_id,
        version=edit.version,
        notes=edit.notes,
        next_day_pain=edit.next_day_pain,
        next_day_pain_area=edit.next_day_pain_area,
        next_day_pain_side=edit.next_day_pain_side,
        rpe=edit.rpe,
    )


def _skip(batch: _Batch, index: int, item: SkipItem | UnskipItem) -> ItemResult:
    """A skip stored (or taken back) by the logbook's own rules, in the session the outbox
    named or the day's session that one joined; the same skip again is already stored."""
    if isinstance(item, UnskipItem):
        session_id = batch.sessions.get(item.session_id, item.session_id)
        gone = logbook.unskip_move(
            uow=batch.uow, user_id=batch.user_id, session_id=session_id, exercise=item.exercise
        )
        return ItemResult(index, Outcome.UPDATED if gone else Outcome.ALREADY_STORED)
    session_id = batch.sessions.get(item.skip.session_id, item.skip.session_id)
    wanted = replace(item.skip, session_id=session_id)
    before = logbook.skips_of(uow=batch.uow, user_id=batch.user_id, session_id=session_id)
    if wanted in before:
        return ItemResult(index, Outcome.ALREADY_STORED, wanted)
    stored = logbook.skip_move(uow=batch.uow, user_id=batch.user_id, skip=wanted)
    replaced = any(s.exercise == wanted.exercise for s in before)
    return ItemResult(index, Outcome.UPDATED if replaced else Outcome.CREATED, stored)


def _judge(index: int, stored: LoggedSet | TrainingSession, created: bool) -> ItemResult:
    return ItemResult(index, Outcome.CREATED if created else Outcome.ALREADY_STORED, stored)


def replay_outbox(
    *, uow: UnitOfWork, user_id: str, items: Sequence[SyncItem | HipcoachError]
) -> list[ItemResult]:
    """Store what a device logged while it could not reach us, item by item, in order; an
    error in `items` (one the adapter could not read) is reported back in its place."""
    if len(items) > MAX_ITEMS:
        raise LogError(f"Send at most {MAX_ITEMS} items at a time.", field="items")
    results: list[ItemResult] = []
    start = 0
    with uow.read_only():
        if uow.users.get(user_id) is None:
            raise NotFoundError("No account for this log yet.", field="user")
    batch = _Batch(uow, user_id)
    while start < len(items):
        # A run of sets and sessions in one transaction, up to the next edit or skip.
        end = next(
            (i for i in range(start, len(items)) if isinstance(items[i], _ON_THEIR_OWN)),
            len(items),
        )
        if end > start:
            results += _store_run(batch, items, start, end)
        if end < len(items):
            own = items[end]
            try:
                if isinstance(own, SessionEdit):
                    results.append(ItemResult(end, Outcome.UPDATED, _edit(uow, user_id, own)))
                else:
                    assert isinstance(own, SkipItem | UnskipItem)
                    results.append(_skip(batch, end, own))
            except HipcoachError as error:
                if status_for(error) >= 500:
                    raise
                results.append(ItemResult(end, Outcome.REFUSED, error=error))
        start = end + 1
    return results


def _store_run(
    batch: _Batch, items: Sequence[SyncItem | HipcoachError], start: int, end: int
) -> list[ItemResult]:
    results: list[ItemResult] = []
    with batch.uow:
        for index in range(start, end):
            item = items[index]
            try:
                if isinstance(item, HipcoachError):
                    raise item
                if isinstance(item, SessionItem):
                    results.append(_judge(index, *batch.session(item)))
                elif isinstance(item, SetItem) and (known := batch.set(index, item)):
                    results.append(_judge(index, *known))
            except HipcoachError as error:
                if status_for(error) >= 500:  # the store itself is unavailable: all again
                    raise
                results.append(ItemResult(index, Outcome.REFUSED, error=error))
        results += batch.flush()
        batch.uow.commit()
    return sorted(results, key=lambda r: r.index)
