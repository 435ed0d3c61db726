"""The SQL unit of work: one Session, one transaction; the only place that commits."""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType
from typing import Self

from sqlalchemy.orm import Session

from hipcoach.services.ports import (
    AccountRepository,
    ApiTokenRepository,
    CalendarRepository,
    MeasurementRepository,
    PlanRepository,
    RateLimitRepository,
    SessionRepository,
    SetRepository,
    UserRepository,
    WebSessionRepository,
)
from hipcoach.store.auth import (
    SqlAccountRepository,
    SqlApiTokenRepository,
    SqlCalendarRepository,
    SqlRateLimitRepository,
    SqlWebSessionRepository,
)
from hipcoach.store.engine import READ_ONLY
from hipcoach.store.repositories import (
    SqlMeasurementRepository,
    SqlPlanRepository,
    SqlSessionRepository,
    SqlSetRepository,
    SqlUserRepository,
)


class SqlUnitOfWork:
    """`with uow: ...; uow.commit()` stores all of it together; leaving uncommitted undoes it."""

    # Typed as the ports so mypy proves each SQL repository fulfils its port.
    users: UserRepository
    accounts: AccountRepository
    web_sessions: WebSessionRepository
    api_tokens: ApiTokenRepository
    calendars: CalendarRepository
    rate_limits: RateLimitRepository
    plans: PlanRepository
    sessions: SessionRepository
    sets: SetRepository
    measurements: MeasurementRepository

    def __init__(self, session_factory: Callable[[], Session]) -> None:
        self._session_factory = session_factory
        self._session: Session | None = None
        self._read_only = False

    def read_only(self) -> Self:
        """Only read in the next `with` block: SQLite then runs it beside the writer."""
        self._read_only = True
        return self

    def __enter__(self) -> Self:
        if self._session is not None:
            raise RuntimeError("this unit of work is already in use; make a new one")
        session = self._session_factory()
        self._session = session
        if self._read_only:
            session.connection(execution_options={READ_ONLY: True})
        self.users = SqlUserRepository(session)
        self.accounts = SqlAccountRepository(session)
        self.web_sessions = SqlWebSessionRepository(session)
        self.api_tokens = SqlApiTokenRepository(session)
        self.calendars = SqlCalendarRepository(session)
        self.rate_limits = SqlRateLimitRepository(session)
        self.plans = SqlPlanRepository(session)
        self.sessions = SqlSessionRepository(session)
        self.sets = SqlSetRepository(session)
        self.measurements = SqlMeasurementRepository(session)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """Roll back anything not committed."""
        session = self._active()
        self._session = None
        self._read_only = False
        try:
            session.rollback()
        finally:
            session.close()

    def commit(self) -> None:
        if self._read_only:
            raise RuntimeError("a read-only unit of work cannot commit")
        self._active().commit()

    def rollback(self) -> None:
        self._active().rollback()

    def _active(self) -> Session:
        if self._session is None:
            raise RuntimeError("use the unit of work inside a `with` block")
        return self._session
