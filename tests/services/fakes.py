"""In-memory fakes of the service ports (our own ports: fakes, not mocks)."""

from __future__ import annotations

from datetime import date
from types import TracebackType
from typing import Self

from hipcoach.domain.account import StoredPlan, User
from hipcoach.domain.log import LoggedSet, Measurement, TrainingSession


class _Data:
    def __init__(self) -> None:
        self.users: dict[str, User] = {}
        self.plans: list[StoredPlan] = []
        self.sessions: dict[tuple[str, str], TrainingSession] = {}
        self.sets: dict[tuple[str, str], LoggedSet] = {}
        self.measurements: dict[tuple[str, str], Measurement] = {}

    def copy(self) -> _Data:
        """Records are frozen, so copying the containers is a full snapshot."""
        other = _Data()
        other.users, other.plans = dict(self.users), list(self.plans)
        other.sessions, other.sets = dict(self.sessions), dict(self.sets)
        other.measurements = dict(self.measurements)
        return other


class FakeUsers:
    def __init__(self, data: _Data) -> None:
        self.data = data

    def get(self, user_id: str) -> User | None:
        return self.data.users.get(user_id)

    def add(self, user: User) -> None:
        self.data.users[user.id] = user


class FakePlans:
    def __init__(self, data: _Data) -> None:
        self.data = data

    def add(self, plan: StoredPlan) -> None:
        self.data.plans.append(plan)

    def current(self, user_id: str) -> StoredPlan | None:
        mine = self.all(user_id)
        return mine[-1] if mine else None

    def all(self, user_id: str) -> list[StoredPlan]:
        return [p for p in self.data.plans if p.user_id == user_id]


class FakeSessions:
    def __init__(self, data: _Data) -> None:
        self.data = data

    def add(self, user_id: str, session: TrainingSession) -> bool:
        if (user_id, session.id) in self.data.sessions:
            return False
        self.data.sessions[user_id, session.id] = session
        return True

    def get(self, user_id: str, session_id: str) -> TrainingSession | None:
        return self.data.sessions.get((user_id, session_id))

    def update(self, user_id: str, session: TrainingSession) -> bool:
        old = self.data.sessions.get((user_id, session.id))
        if old is None or old.version != session.version - 1:
            return False
        self.data.sessions[user_id, session.id] = session
        return True

    def delete(self, user_id: str, session_id: str) -> bool:
        if self.data.sessions.pop((user_id, session_id), None) is None:
            return False
        for key in [
            k for k, s in self.data.sets.items() if k[0] == user_id and s.session_id == session_id
        ]:
            del self.data.sets[key]
        return True

    def _mine(self, user_id: str) -> list[TrainingSession]:
        return sorted(
            (s for (u, _), s in self.data.sessions.items() if u == user_id),
            key=lambda s: (s.date, s.id),
        )

    def between(self, user_id: str, first: date, last: date) -> list[TrainingSession]:
        return [s for s in self._mine(user_id) if first <= s.date <= last]

    def latest(self, user_id: str, limit: int) -> list[TrainingSession]:
        return list(reversed(self._mine(user_id)))[:limit]

    def all(self, user_id: str) -> list[TrainingSession]:
        return self._mine(user_id)


class FakeSets:
    def __init__(self, data: _Data) -> None:
        self.data = data

    def add(self, user_id: str, logged: LoggedSet) -> bool:
        if (user_id, logged.id) in self.data.sets:
            return False
        self.data.sets[user_id, logged.id] = logged
        return True

    def get(self, user_id: str, set_id: str) -> LoggedSet | None:
        return self.data.sets.get((user_id, set_id))

    def delete(self, user_id: str, set_id: str) -> bool:
        return self.data.sets.pop((user_id, set_id), None) is not None

    def _mine(self, user_id: str) -> list[LoggedSet]:
        return sorted(
            (s for (u, _), s in self.data.sets.items() if u == user_id),
            key=lambda s: (s.logged_at, s.id),
        )

    def for_sessions(self, user_id: str, session_ids: list[str]) -> list[LoggedSet]:
        wanted = set(session_ids)
        return [s for s in self._mine(user_id) if s.session_id in wanted]

    def exposures(
        self, user_id: str, exercise: str, limit: int
    ) -> list[tuple[TrainingSession, list[LoggedSet]]]:
        by_session: dict[str, list[LoggedSet]] = {}
        for s in self._mine(user_id):
            if s.exercise == exercise:
                by_session.setdefault(s.session_id, []).append(s)
        sessions = [self.data.sessions[user_id, sid] for sid in by_session]
        sessions.sort(
            key=lambda s: (s.date, max(x.logged_at for x in by_session[s.id])), reverse=True
        )
        return [(s, by_session[s.id]) for s in sessions[:limit]]

    def all(self, user_id: str) -> list[LoggedSet]:
        return self._mine(user_id)


class FakeMeasurements:
    def __init__(self, data: _Data) -> None:
        self.data = data

    def add(self, user_id: str, measurement: Measurement) -> bool:
        if (user_id, measurement.id) in self.data.measurements:
            return False
        self.data.measurements[user_id, measurement.id] = measurement
        return True

    def all(self, user_id: str) -> list[Measurement]:
        return sorted(
            (m for (u, _), m in self.data.measurements.items() if u == user_id),
            key=lambda m: m.date,
        )


class FakeUnitOfWork:
    """Commits copy the working data over the committed data; rollback discards changes."""

    def __init__(self) -> None:
        self.committed = _Data()
        self.commits = 0

    def __enter__(self) -> Self:
        self._work = self.committed.copy()
        self.users = FakeUsers(self._work)
        self.plans = FakePlans(self._work)
        self.sessions = FakeSessions(self._work)
        self.sets = FakeSets(self._work)
        self.measurements = FakeMeasurements(self._work)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.rollback()

    def commit(self) -> None:
        self.committed = self._work.copy()
        self.commits += 1

    def rollback(self) -> None:
        self._work = self.committed.copy()
