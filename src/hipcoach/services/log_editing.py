"""Edit the training log record by record: sessions and their sets, by their client ids.

Creating is idempotent: saving a record whose id already exists with the same content returns
the stored one (a retried save from a phone that lost its connection); with different content
it is a conflict. Editing a session needs the version that was read, so two devices cannot
overwrite each other unnoticed. Every function is scoped to one user.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import Enum

from hipcoach.content.loader import load_catalogue
from hipcoach.domain.errors import ConflictError, NotFoundError
from hipcoach.domain.ladder import BODYWEIGHT
from hipcoach.domain.log import (
    Effort,
    LogError,
    LoggedSet,
    Measurement,
    Side,
    TrainingSession,
    check_id,
    validate_session,
    validate_set,
)
from hipcoach.services.input_text import has_control_characters, refuse_control_characters
from hipcoach.services.ports import UnitOfWork


class Keep(Enum):
    """Leave a field as it is (a partial update that does not mention it)."""

    KEEP = "keep"


KEEP = Keep.KEEP


@dataclass(frozen=True, slots=True)
class SetValues:
    """What was done in one set; its id, session and time are given separately."""

    exercise: str
    side: Side = Side.BOTH
    reps: int | None = None
    steps: int | None = None
    hold_seconds: int | None = None
    resistance_key: str = BODYWEIGHT.key
    load_kg: float | None = None
    rir: int | None = None
    effort: Effort | None = None
    pain: int = 0
    note: str = ""

    def to_set(self, *, set_id: str, session_id: str, logged_at: datetime) -> LoggedSet:
        """The logged set these values make."""
        return LoggedSet(
            id=set_id,
            session_id=session_id,
            exercise=self.exercise,
            side=self.side,
            logged_at=logged_at,
            reps=self.reps,
            steps=self.steps,
            hold_seconds=self.hold_seconds,
            resistance_key=self.resistance_key,
            load_kg=self.load_kg,
            rir=self.rir,
            effort=self.effort,
            pain=self.pain,
            note=self.note,
        )


def check_logged_at(moment: datetime) -> datetime:
    """A set's time must exist in UTC too (it is stored so): not before year 1, not after 9999."""
    try:
        moment.astimezone(UTC)
    except OverflowError:
        raise LogError(
            f"{moment.isoformat()} is outside the calendar once taken to UTC.", field="logged_at"
        ) from None
    return moment


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


def list_sessions(
    *, uow: UnitOfWork, user_id: str, limit: int, offset: int
) -> list[TrainingSession]:
    """A page of the training diary, newest session first."""
    with uow.read_only():
        return uow.sessions.latest(user_id, limit + offset)[offset:]


def get_session_with_sets(
    *, uow: UnitOfWork, user_id: str, session_id: str
) -> tuple[TrainingSession, list[LoggedSet]]:
    """One training day and every set done in it, in the order logged."""
    with uow.read_only():
        session = _session(uow, user_id, session_id)
        return session, uow.sets.for_sessions(user_id, [session_id])


def create_session(
    *, uow: UnitOfWork, user_id: str, session: TrainingSession
) -> tuple[TrainingSession, bool]:
    """Start a training day; (stored session, True if it was new). Same id, other content: 409."""
    validate_session(session)
    refuse_control_characters(session.notes, field="notes")
    with uow:
        if uow.users.get(user_id) is None:
            raise NotFoundError("No account for this log.", field="user")
        existing = uow.sessions.get(user_id, session.id)
        if existing is None:
            if uow.sessions.add(user_id, session):
                uow.commit()
                return session, True
            # Stored meanwhile by a concurrent request (another worker or app process).
            existing = uow.sessions.get(user_id, session.id)
        if existing is None or replace(existing, version=session.version) != session:
            raise ConflictError(
                f"Session {session.id} already exists with other content.", field="id"
            )
        return existing, False


def update_session(
    *,
    uow: UnitOfWork,
    user_id: str,
    session_id: str,
    version: int,
    notes: str | Keep = KEEP,
    next_day_pain: int | Keep | None = KEEP,
) -> TrainingSession:
    """Change a day's notes or next-day pain, if nobody changed it since `version` was read."""
    if not isinstance(notes, Keep):
        refuse_control_characters(notes, field="notes")
    with uow:
        existing = _session(uow, user_id, session_id)
        if existing.version != version:
            raise ConflictError(
                f"The session is at version {existing.version}, not {version}: "
                "reload it and try again.",
                field="version",
            )
        updated = replace(
            existing,
            notes=existing.notes if isinstance(notes, Keep) else notes,
            next_day_pain=(
                existing.next_day_pain if isinstance(next_day_pain, Keep) else next_day_pain
            ),
            version=version + 1,
        )
        validate_session(updated)
        if not uow.sessions.update(user_id, updated):
            raise ConflictError("The session changed meanwhile; reload it and try again.")
        uow.commit()
    return updated


def delete_session(*, uow: UnitOfWork, user_id: str, session_id: str) -> None:
    """Remove a training day and every set in it."""
    with uow:
        if has_control_characters(session_id) or not uow.sessions.delete(user_id, session_id):
            raise _no_session(session_id)
        uow.commit()


def add_set(
    *,
    uow: UnitOfWork,
    user_id: str,
    session_id: str,
    set_id: str,
    values: SetValues,
    logged_at: datetime,
) -> tuple[LoggedSet, bool]:
    """Log one set in an existing session; (stored set, True if it was new)."""
    logged = values.to_set(
        set_id=set_id, session_id=session_id, logged_at=check_logged_at(logged_at)
    )
    check_id(set_id)
    validate_set(logged, load_catalogue())
    refuse_control_characters(values.note, field="note")
    with uow:
        # One statement on the usual path: the insert itself proves the session is the
        # user's (foreign key) and that the id is new (primary key).
        if uow.sets.add(user_id, logged):
            uow.commit()
            return logged, True
        existing = uow.sets.get(user_id, set_id)
        # A retry may carry a new time; the values are what must match.
        if existing is None or replace(existing, logged_at=logged_at) != logged:
            raise ConflictError(f"Set {set_id} already exists with other values.", field="id")
        return existing, False


def get_set(*, uow: UnitOfWork, user_id: str, set_id: str) -> LoggedSet:
    """One logged set."""
    with uow.read_only():
        return _set(uow, user_id, set_id)


def replace_set(
    *,
    uow: UnitOfWork,
    user_id: str,
    set_id: str,
    values: SetValues,
    logged_at: datetime | None = None,
) -> LoggedSet:
    """Correct a logged set: new values, same id and session (and time, unless given)."""
    refuse_control_characters(values.note, field="note")
    if logged_at is not None:
        check_logged_at(logged_at)
    with uow:
        existing = _set(uow, user_id, set_id)
        logged = values.to_set(
            set_id=set_id,
            session_id=existing.session_id,
            logged_at=existing.logged_at if logged_at is None else logged_at,
        )
        validate_set(logged, load_catalogue())
        uow.sets.delete(user_id, set_id)
        uow.sets.add(user_id, logged)
        uow.commit()
    return logged


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
