"""The logbook: the one way sets and training days go into the log, and are read and edited.

Web, API, CLI, the Strong/Hevy importers and backup restore all store through here, so they
share one input type (the domain's `LoggedSet` and `TrainingSession`), one validation (the
domain's `validate_set` / `validate_session`) and one retry rule:

- the same id with the same values returns the stored record, marked as not new (a retried
  save from a phone that lost its connection, a double tap, a file imported twice);
- the same id with other values is a ConflictError naming the id, and nothing is stored.

A set's values are everything but the time it was sent at; a session's, everything but the
version it has reached. Editing a session needs the version that was read, so two devices
cannot overwrite each other unnoticed. A person has at most one session per day and plan
slot (the store's unique index): a second one for a taken slot is refused, or joined where a
caller says so. Every write either lands or raises; none reports success for nothing stored.
Every function is scoped to one user.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, tzinfo
from enum import Enum
from typing import TypeVar

from hipcoach.content.loader import load_catalogue
from hipcoach.domain.catalogue import PainArea
from hipcoach.domain.duration import SessionTime, day_window, span_time
from hipcoach.domain.errors import ConflictError, NotFoundError
from hipcoach.domain.log import (
    LogError,
    LoggedSet,
    Measurement,
    Side,
    SkippedMove,
    TrainingSession,
    validate_session,
    validate_set,
    validate_skip,
)
from hipcoach.domain.text import has_control_characters
from hipcoach.services.ports import UnitOfWork


class Keep(Enum):
    """Leave a field as it is (a partial update that does not mention it)."""

    KEEP = "keep"


KEEP = Keep.KEEP

T = TypeVar("T")


def _kept(given: T | Keep, existing: T) -> T:
    return existing if isinstance(given, Keep) else given


def _no_session(session_id: str) -> NotFoundError:
    return NotFoundError(f"No session {session_id}.", field="session_id")


def _no_set(set_id: str) -> NotFoundError:
    return NotFoundError(f"No set {set_id}.", field="set_id")


def _session(uow: UnitOfWork, user_id: str, session_id: str) -> TrainingSession:
    # An id with a control character was never stored (and PostgreSQL cannot be asked).
    found = None if has_control_characters(session_id) else uow.sessions.get(user_id, session_id)
    if found is None:
        raise _no_session(session_id)
    return found


def _set(uow: UnitOfWork, user_id: str, set_id: str) -> LoggedSet:
    found = None if has_control_characters(set_id) else uow.sets.get(user_id, set_id)
    if found is None:
        raise _no_set(set_id)
    return found


def _require_user(uow: UnitOfWork, user_id: str) -> None:
    if uow.users.get(user_id) is None:
        raise NotFoundError(
            "No account for this log yet: sign up, or run `hipcoach init` first.", field="user"
        )


def store_session(
    *, uow: UnitOfWork, user_id: str, session: TrainingSession, join_slot: bool = False
) -> tuple[TrainingSession, bool]:
    """Inside an open unit of work: (stored session, True if new), by the retry rule.

    When the day already has another session in the same plan slot, that one is returned
    (not new) with `join_slot`, else it is a ConflictError naming it. The session must have
    passed `validate_session`; nothing is committed here.
    """
    if uow.sessions.add(user_id, session):
        return session, True
    existing = uow.sessions.get(user_id, session.id)
    if existing is not None:
        if not existing.same_values(session):
            raise changed_session(session.id)
        return existing, False
    holder = _slot_holder(uow, user_id, session)
    if holder is None:  # the slot's session was deleted since the insert found it
        raise ConflictError("The day's sessions changed meanwhile; try again.", field="date")
    if join_slot:
        return holder, False
    raise taken_slot(session, holder.id)


def changed_session(session_id: str) -> ConflictError:
    """The retry rule's refusal: this session id is stored with other values."""
    return ConflictError(
        f"Session {session_id} already exists with other values; "
        "give this one a new id, or edit the stored one.",
        field="id",
    )


def changed_set(set_id: str) -> ConflictError:
    """The retry rule's refusal: this set id is stored with other values."""
    return ConflictError(
        f"Set {set_id} already exists with other values; "
        "give this one a new id, or correct the stored one.",
        field="id",
    )


def taken_slot(session: TrainingSession, holder_id: str) -> ConflictError:
    """The day's plan slot of `session` is already logged as session `holder_id`."""
    return ConflictError(
        f"Week {session.plan_week}, session {session.plan_session} is already logged on "
        f"{session.date.isoformat()} as session {holder_id}: add the sets to that one, or "
        "send this session without a plan week and session.",
        field="plan_session",
    )


def _slot_holder(uow: UnitOfWork, user_id: str, session: TrainingSession) -> TrainingSession | None:
    slot = (session.plan_week, session.plan_session)
    day = uow.sessions.between(user_id, session.date, session.date)
    return next((s for s in day if (s.plan_week, s.plan_session) == slot), None)


def store_set(*, uow: UnitOfWork, user_id: str, logged: LoggedSet) -> tuple[LoggedSet, bool]:
    """Inside an open unit of work: (stored set, True if new), by the retry rule.

    The set must have passed `validate_set`; nothing is committed here. One statement on the
    usual path: the insert itself proves the session is the user's (foreign key) and that
    the id is new (primary key).
    """
    if uow.sets.add(user_id, logged):
        return logged, True
    existing = uow.sets.get(user_id, logged.id)
    if existing is None or not existing.same_values(logged):
        raise changed_set(logged.id)
    return existing, False


def create_session(
    *, uow: UnitOfWork, user_id: str, session: TrainingSession
) -> tuple[TrainingSession, bool]:
    """Start a training day; (stored session, True if it was new)."""
    validate_session(session)
    with uow:
        _require_user(uow, user_id)
        stored = store_session(uow=uow, user_id=user_id, session=session)
        uow.commit()
    return stored


def log_set(
    *, uow: UnitOfWork, user_id: str, logged: LoggedSet, session: TrainingSession | None = None
) -> tuple[LoggedSet, bool]:
    """Store one set done; (stored set, True if it was new).

    Without `session` the set's session must exist already; with it, that training day is
    created on its first set (by the same retry rule), in the same transaction, unless the
    day already has a session in its plan slot (a second tap got there first): then the set
    goes into that one, and the set returned names it.
    """
    return log_sets(uow=uow, user_id=user_id, sets=[logged], session=session)[0]


def log_sets(
    *,
    uow: UnitOfWork,
    user_id: str,
    sets: Sequence[LoggedSet],
    session: TrainingSession | None = None,
) -> list[tuple[LoggedSet, bool]]:
    """Store sets done together (a set's left and right side) in one transaction, each by
    `log_set`'s validation and retry rule; (stored set, True if new) for each, in order."""
    catalogue = load_catalogue()
    for logged in sets:
        validate_set(logged, catalogue)
    if session is not None:
        if any(logged.session_id != session.id for logged in sets):
            raise LogError("The set belongs to a different session.", field="session_id")
        validate_session(session)
    with uow:
        if session is not None:
            _require_user(uow, user_id)
            day, _ = store_session(uow=uow, user_id=user_id, session=session, join_slot=True)
            sets = [replace(s, session_id=day.id) for s in sets]
        stored = [store_set(uow=uow, user_id=user_id, logged=s) for s in sets]
        uow.commit()
    return stored


def skip_move(
    *, uow: UnitOfWork, user_id: str, skip: SkippedMove, session: TrainingSession | None = None
) -> SkippedMove:
    """Leave a planned move out of a day's session, saying why (a second skip of the same move
    replaces the first). With `session`, that training day is created first, as by a first set;
    the skip returned names the session it went into."""
    validate_skip(skip, load_catalogue())
    if session is not None:
        validate_session(session)
    with uow:
        if session is not None:
            _require_user(uow, user_id)
            day, _ = store_session(uow=uow, user_id=user_id, session=session, join_slot=True)
            skip = replace(skip, session_id=day.id)
        uow.skips.set(user_id, skip)
        uow.commit()
    return skip


def unskip_move(*, uow: UnitOfWork, user_id: str, session_id: str, exercise: str) -> bool:
    """Take a skip back; False when there was none (an undo sent twice changes nothing).
    The session must be the person's (NotFoundError)."""
    with uow:
        _session(uow, user_id, session_id)
        gone = uow.skips.delete(user_id, session_id, exercise)
        uow.commit()
    return gone


def skips_of(*, uow: UnitOfWork, user_id: str, session_id: str) -> list[SkippedMove]:
    """The moves left out of one of the person's sessions."""
    with uow.read_only():
        return uow.skips.for_sessions(user_id, [session_id])


def log_session(
    *, uow: UnitOfWork, user_id: str, session: TrainingSession, sets: Sequence[LoggedSet]
) -> int:
    """Store a training day with many sets in one transaction (all or nothing); how many
    sets were new. Each set follows the same validation and retry rule as `log_set`."""
    catalogue = load_catalogue()
    validate_session(session)
    for logged in sets:
        validate_set(logged, catalogue)
        if logged.session_id != session.id:
            raise LogError("The set belongs to a different session.", field="session_id")
    with uow:
        _require_user(uow, user_id)
        store_session(uow=uow, user_id=user_id, session=session)
        created = sum(store_set(uow=uow, user_id=user_id, logged=s)[1] for s in sets)
        uow.commit()
    return created


def list_sessions(
    *, uow: UnitOfWork, user_id: str, limit: int, offset: int
) -> list[TrainingSession]:
    """A page of the training diary, newest session first."""
    with uow.read_only():
        return uow.sessions.latest(user_id, limit + offset)[offset:]


def get_session(*, uow: UnitOfWork, user_id: str, session_id: str) -> TrainingSession:
    """One of the person's training days (NotFoundError for none, or someone else's)."""
    with uow.read_only():
        return _session(uow, user_id, session_id)


def get_session_with_sets(
    *, uow: UnitOfWork, user_id: str, session_id: str
) -> tuple[TrainingSession, list[LoggedSet]]:
    """One training day and every set done in it, in the order logged."""
    with uow.read_only():
        session = _session(uow, user_id, session_id)
        return session, uow.sets.for_sessions(user_id, [session_id])


@dataclass(frozen=True, slots=True)
class SessionDetail:
    """A training day with the first page of its sets and how long it took."""

    session: TrainingSession
    sets: list[LoggedSet]
    more: bool  # more sets follow the page (list_sets after the last one)
    time: SessionTime | None


def session_detail(
    *, uow: UnitOfWork, user_id: str, session_id: str, zone: tzinfo, limit: int
) -> SessionDetail:
    """One training day, its first `limit` sets in the order logged, and its start, end and
    duration from the store's own count (all its sets are never held at once)."""
    with uow.read_only():
        session = _session(uow, user_id, session_id)
        found = uow.sets.page(user_id, session_id, after=None, limit=limit + 1)
        since, until = day_window(session.date, zone)
        span = uow.sets.span(user_id, session_id, since, until)
    return SessionDetail(session, found[:limit], len(found) > limit, span_time(*span, zone))


def list_sets(
    *, uow: UnitOfWork, user_id: str, session_id: str, after: str | None, limit: int
) -> tuple[list[LoggedSet], bool]:
    """A page of one training day's sets in the order logged, those after the set `after`;
    and whether more follow."""
    with uow.read_only():
        _session(uow, user_id, session_id)
        cursor = None
        if after is not None:
            cursor = None if has_control_characters(after) else uow.sets.get(user_id, after)
            if cursor is None or cursor.session_id != session_id:
                raise NotFoundError(f"No set {after} in session {session_id}.", field="after")
        found = uow.sets.page(user_id, session_id, after=cursor, limit=limit + 1)
    return found[:limit], len(found) > limit


def update_session(
    *,
    uow: UnitOfWork,
    user_id: str,
    session_id: str,
    version: int,
    notes: str | Keep = KEEP,
    next_day_pain: int | Keep | None = KEEP,
    next_day_pain_area: PainArea | Keep | None = KEEP,
    next_day_pain_side: Side | Keep | None = KEEP,
    rpe: int | Keep | None = KEEP,
) -> TrainingSession:
    """Change a day's notes, how hard it felt (session RPE) or next-day pain (and where it
    hurt), if nobody changed it since `version` was read. Pain set to 0 or none drops where it
    hurt, unless that is given too."""
    with uow:
        existing = _session(uow, user_id, session_id)
        if existing.version != version:
            raise ConflictError(
                f"The session is at version {existing.version}, not {version}: "
                "reload it and try again.",
                field="version",
            )
        pain = _kept(next_day_pain, existing.next_day_pain)
        # A kept location means nothing once the pain is gone: it goes with the pain.
        located = bool(pain)
        updated = replace(
            existing,
            notes=_kept(notes, existing.notes),
            rpe=_kept(rpe, existing.rpe),
            next_day_pain=pain,
            next_day_pain_area=_kept(
                next_day_pain_area, existing.next_day_pain_area if located else None
            ),
            next_day_pain_side=_kept(
                next_day_pain_side, existing.next_day_pain_side if located else None
            ),
            version=version + 1,
        )
        validate_session(updated)
        if not uow.sessions.update(user_id, updated):
            raise ConflictError("The session changed meanwhile; reload it and try again.")
        uow.commit()
    return updated


def record_next_day_pain(
    *,
    uow: UnitOfWork,
    user_id: str,
    session_id: str,
    pain: int,
    area: PainArea | None = None,
    side: Side | None = None,
) -> TrainingSession:
    """Note how the trained area felt the next morning (0-10), and where and on which side."""
    with uow:
        session = _session(uow, user_id, session_id)
        return _record_next_day_pain(uow, user_id, session, pain, area, side)


def record_next_day_pain_for_day(
    *,
    uow: UnitOfWork,
    user_id: str,
    day: date,
    pain: int,
    area: PainArea | None = None,
    side: Side | None = None,
) -> TrainingSession:
    """Next-day pain for the training done on `day`; no training logged that day is not found."""
    with uow:
        trained = uow.sessions.between(user_id, day, day)
        if not trained:
            raise NotFoundError(
                f"No training is logged on {day.isoformat()}, so there is no session to add "
                "next-day pain to. Give the day you trained (not the morning after).",
                field="date",
            )
        return _record_next_day_pain(uow, user_id, trained[0], pain, area, side)


def _record_next_day_pain(
    uow: UnitOfWork,
    user_id: str,
    session: TrainingSession,
    pain: int,
    area: PainArea | None,
    side: Side | None,
) -> TrainingSession:
    # Inside an open unit of work; validated as a whole session, so nothing half-stored.
    updated = replace(
        session,
        next_day_pain=pain,
        next_day_pain_area=area,
        next_day_pain_side=side,
        version=session.version + 1,
    )
    validate_session(updated)
    if not uow.sessions.update(user_id, updated):
        raise ConflictError("The session changed meanwhile; reload and try again.")
    uow.commit()
    return updated


def delete_session(*, uow: UnitOfWork, user_id: str, session_id: str) -> None:
    """Remove a training day and every set in it."""
    with uow:
        if has_control_characters(session_id) or not uow.sessions.delete(user_id, session_id):
            raise _no_session(session_id)
        uow.commit()


def get_set(*, uow: UnitOfWork, user_id: str, set_id: str) -> LoggedSet:
    """One logged set."""
    with uow.read_only():
        return _set(uow, user_id, set_id)


def replace_set(*, uow: UnitOfWork, user_id: str, corrected: LoggedSet) -> LoggedSet:
    """Correct a logged set: the stored set with this id takes these values, in its session.

    Corrections sent at once each land in turn (the last one stays); a set deleted meanwhile
    is not found, and nothing is stored."""
    validate_set(corrected, load_catalogue())
    with uow:
        existing = _set(uow, user_id, corrected.id)
        if existing.session_id != corrected.session_id:
            raise LogError(
                f"Set {corrected.id} belongs to session {existing.session_id}; "
                "a correction cannot move it to another one.",
                field="session_id",
            )
        if not uow.sets.replace(user_id, corrected):
            raise _no_set(corrected.id)
        uow.commit()
    return corrected


def delete_set(*, uow: UnitOfWork, user_id: str, set_id: str) -> None:
    """Remove one logged set."""
    with uow:
        if has_control_characters(set_id) or not uow.sets.delete(user_id, set_id):
            raise _no_set(set_id)
        uow.commit()


def list_measurements(*, uow: UnitOfWork, user_id: str) -> list[Measurement]:
    """Every body measurement, oldest first."""
    with uow.read_only():
        return uow.measurements.all(user_id)
