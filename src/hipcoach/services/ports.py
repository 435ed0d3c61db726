"""The ports the services need; `store/` implements them, tests use in-memory fakes.

Every method is scoped to one user: no repository method can reach another user's rows.
Only the unit of work commits.
"""

from __future__ import annotations

from datetime import date
from types import TracebackType
from typing import Protocol, Self

from hipcoach.domain.account import StoredPlan, User
from hipcoach.domain.log import LoggedSet, Measurement, TrainingSession


class UserRepository(Protocol):
    def get(self, user_id: str) -> User | None: ...
    def add(self, user: User) -> None: ...


class PlanRepository(Protocol):
    def add(self, plan: StoredPlan) -> None: ...
    def current(self, user_id: str) -> StoredPlan | None:
        """The newest plan of the user."""
        ...

    def all(self, user_id: str) -> list[StoredPlan]:
        """Every plan of the user, oldest first (for export and import)."""
        ...


class SessionRepository(Protocol):
    def add(self, user_id: str, session: TrainingSession) -> bool:
        """Store a new session; False (and no change) if its id already exists for the user."""
        ...

    def get(self, user_id: str, session_id: str) -> TrainingSession | None: ...

    def update(self, user_id: str, session: TrainingSession) -> bool:
        """Replace a session if its stored version is `session.version - 1`; False otherwise."""
        ...

    def delete(self, user_id: str, session_id: str) -> bool:
        """Remove a session and its sets; False if there was none."""
        ...

    def between(self, user_id: str, first: date, last: date) -> list[TrainingSession]:
        """Sessions dated first..last inclusive, oldest first."""
        ...

    def latest(self, user_id: str, limit: int) -> list[TrainingSession]:
        """The newest `limit` sessions, newest first."""
        ...

    def all(self, user_id: str) -> list[TrainingSession]:
        """Every session, oldest first (for export)."""
        ...


class SetRepository(Protocol):
    def add(self, user_id: str, logged: LoggedSet) -> bool:
        """Store a new set; False (and no change) if its id already exists for the user."""
        ...

    def get(self, user_id: str, set_id: str) -> LoggedSet | None: ...

    def delete(self, user_id: str, set_id: str) -> bool: ...

    def for_sessions(self, user_id: str, session_ids: list[str]) -> list[LoggedSet]:
        """Every set of the given sessions, in logged order."""
        ...

    def exposures(
        self, user_id: str, exercise: str, limit: int
    ) -> list[tuple[TrainingSession, list[LoggedSet]]]:
        """The newest `limit` sessions that included the exercise, newest first, with its sets."""
        ...

    def all(self, user_id: str) -> list[LoggedSet]:
        """Every set, in logged order (for export)."""
        ...


class MeasurementRepository(Protocol):
    def add(self, user_id: str, measurement: Measurement) -> bool:
        """Store a measurement; False if its id already exists for the user."""
        ...

    def all(self, user_id: str) -> list[Measurement]:
        """Every measurement, oldest first."""
        ...


class UnitOfWork(Protocol):
    """One transaction: everything inside is stored together, or nothing is."""

    users: UserRepository
    plans: PlanRepository
    sessions: SessionRepository
    sets: SetRepository
    measurements: MeasurementRepository

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """Roll back anything not committed."""
        ...

    def commit(self) -> None: ...

    def rollback(self) -> None: ...
