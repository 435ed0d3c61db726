"""In-memory fakes of the service ports (our own ports: fakes, not mocks)."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta
from types import TracebackType
from typing import Any, Self

from hipcoach.domain.account import PlanChoice, StoredPlan, User
from hipcoach.domain.appearance import Appearance
from hipcoach.domain.auth import (
    AccessLink,
    ApiToken,
    CalendarFeed,
    Credential,
    LinkKind,
    WebSession,
)
from hipcoach.domain.errors import ConflictError, NotFoundError
from hipcoach.domain.log import LoggedSet, Measurement, OwnSet, Side, SkippedMove, TrainingSession
from hipcoach.domain.pain import PainReport
from hipcoach.domain.progress import SetTally
from hipcoach.domain.selftest import SelfTestResult
from hipcoach.services.ports import (
    AccessLinkRepository,
    AccountRepository,
    ApiTokenRepository,
    CalendarRepository,
    ChoiceRepository,
    ImportStaging,
    MeasurementRepository,
    OwnSetRepository,
    PasswordHasher,
    PlanRepository,
    RateLimitRepository,
    SelfTestRepository,
    SessionRepository,
    SetRepository,
    SkipRepository,
    UnitOfWork,
    UserRepository,
    WebSessionRepository,
)


class _Data:
    def __init__(self) -> None:
        self.users: dict[str, User] = {}
        self.plans: list[StoredPlan] = []
        self.sessions: dict[tuple[str, str], TrainingSession] = {}
        self.sets: dict[tuple[str, str], LoggedSet] = {}
        self.measurements: dict[tuple[str, str], Measurement] = {}
        self.self_tests: dict[tuple[str, str], SelfTestResult] = {}
        self.own_sets: dict[tuple[str, str], OwnSet] = {}
        # (user_id, session_id, exercise) -> skip, as the skipped_move table
        self.skips: dict[tuple[str, str, str], SkippedMove] = {}
        # (user_id, plan_id, slot) -> choice, as the plan_choice table
        self.choices: dict[tuple[str, str, str], PlanChoice] = {}
        self.accounts: dict[str, Credential] = {}
        self.web_sessions: dict[str, WebSession] = {}
        self.api_tokens: dict[str, ApiToken] = {}
        self.calendars: dict[str, CalendarFeed] = {}
        # key -> (attempts, window_start, blocked_until, expires_at), as the rate_limit table
        self.limits: dict[str, tuple[int, datetime, datetime | None, datetime]] = {}
        self.links: dict[str, AccessLink] = {}
        # (import_id, user_id, id) -> (record, staged at), as the staged_* tables
        self.staged_sessions: dict[tuple[str, str, str], tuple[TrainingSession, datetime]] = {}
        self.staged_sets: dict[tuple[str, str, str], tuple[LoggedSet, datetime]] = {}

    def copy(self) -> _Data:
        """Records are frozen, so copying the containers is a full snapshot."""
        other = _Data()
        for name, value in vars(self).items():
            setattr(other, name, type(value)(value))
        return other


class FakeUsers:
    def __init__(self, data: _Data) -> None:
        self.data = data

    def get(self, user_id: str) -> User | None:
        return self.data.users.get(user_id)

    def add(self, user: User) -> None:
        self.data.users[user.id] = user

    def set_time_zone(self, user_id: str, time_zone: str | None) -> bool:
        user = self.data.users.get(user_id)
        if user is None:
            return False
        self.data.users[user_id] = replace(user, time_zone=time_zone)
        return True

    def set_appearance(self, user_id: str, appearance: Appearance) -> bool:
        user = self.data.users.get(user_id)
        if user is None:
            return False
        self.data.users[user_id] = replace(user, appearance=appearance)
        return True

    def delete(self, user_id: str) -> bool:
        """Cascade like the database: every record keyed by this user goes."""
        if self.data.users.pop(user_id, None) is None:
            return False
        d = self.data
        d.plans = [p for p in d.plans if p.user_id != user_id]
        d.choices = {k: v for k, v in d.choices.items() if k[0] != user_id}
        for table in (d.sessions, d.sets, d.measurements, d.self_tests, d.own_sets):
            for key in [k for k in table if k[0] == user_id]:
                del table[key]
        d.accounts.pop(user_id, None)
        d.calendars.pop(user_id, None)
        d.web_sessions = {k: v for k, v in d.web_sessions.items() if v.user_id != user_id}
        d.api_tokens = {k: v for k, v in d.api_tokens.items() if v.user_id != user_id}
        d.links = {k: v for k, v in d.links.items() if user_id not in (v.user_id, v.created_by)}
        return True


class FakeAccounts:
    def __init__(self, data: _Data) -> None:
        self.data = data

    def add(self, credential: Credential) -> bool:
        if any(c.email == credential.email for c in self.data.accounts.values()):
            return False
        if credential.is_owner and any(c.is_owner for c in self.data.accounts.values()):
            return False  # the one-owner index
        self.data.accounts[credential.user_id] = credential
        return True

    def by_email(self, email: str) -> Credential | None:
        return next((c for c in self.data.accounts.values() if c.email == email), None)

    def get(self, user_id: str) -> Credential | None:
        return self.data.accounts.get(user_id)

    def owner(self) -> Credential | None:
        return next((c for c in self.data.accounts.values() if c.is_owner), None)

    def count(self) -> int:
        return len(self.data.accounts)

    def update(self, credential: Credential) -> None:
        self.data.accounts[credential.user_id] = credential


class FakeWebSessions:
    def __init__(self, data: _Data) -> None:
        self.data = data

    def add(self, session: WebSession) -> None:
        self.data.web_sessions[session.token_hash] = session

    def get(self, token_hash: str) -> WebSession | None:
        return self.data.web_sessions.get(token_hash)

    def delete(self, token_hash: str) -> None:
        self.data.web_sessions.pop(token_hash, None)

    def delete_for_user(self, user_id: str, *, keep: str | None = None) -> int:
        sessions = self.data.web_sessions
        kept = {k: v for k, v in sessions.items() if v.user_id != user_id or k == keep}
        self.data.web_sessions = kept
        return len(sessions) - len(kept)


class FakeApiTokens:
    def __init__(self, data: _Data) -> None:
        self.data = data

    def add(self, token: ApiToken) -> None:
        self.data.api_tokens[token.id] = token

    def by_hash(self, token_hash: str) -> ApiToken | None:
        return next((t for t in self.data.api_tokens.values() if t.token_hash == token_hash), None)

    def for_user(self, user_id: str) -> list[ApiToken]:
        mine = [t for t in self.data.api_tokens.values() if t.user_id == user_id]
        return sorted(mine, key=lambda t: (t.created_at, t.id), reverse=True)

    def revoke(self, user_id: str, token_id: str, when: datetime) -> bool:
        token = self.data.api_tokens.get(token_id)
        if token is None or token.user_id != user_id or not token.active:
            return False
        self.data.api_tokens[token_id] = ApiToken(
            token.id, token.user_id, token.name, token.token_hash, token.created_at, when
        )
        return True

    def revoke_all(self, user_id: str, when: datetime) -> int:
        mine = [t for t in self.data.api_tokens.values() if t.user_id == user_id and t.active]
        for token in mine:
            self.revoke(user_id, token.id, when)
        return len(mine)


class FakeCalendars:
    def __init__(self, data: _Data) -> None:
        self.data = data

    def set(self, feed: CalendarFeed) -> None:
        self.data.calendars[feed.user_id] = feed

    def get(self, user_id: str) -> CalendarFeed | None:
        return self.data.calendars.get(user_id)

    def by_hash(self, token_hash: str) -> CalendarFeed | None:
        return next((f for f in self.data.calendars.values() if f.token_hash == token_hash), None)

    def delete(self, user_id: str) -> bool:
        return self.data.calendars.pop(user_id, None) is not None


class FakeRateLimits:
    def __init__(self, data: _Data) -> None:
        self.data = data

    def count(self, key: str, now: datetime, window: timedelta) -> int | None:
        row = self.data.limits.get(key)
        if row is not None and row[2] is not None and row[2] > now:
            return None
        if row is None or row[1] <= now - window:
            row = (1, now, None, now + window)
        else:
            row = (row[0] + 1, row[1], None, row[3])
        self.data.limits[key] = row
        return row[0]

    def block(self, key: str, until: datetime) -> None:
        attempts, start, _, expires = self.data.limits[key]
        self.data.limits[key] = (attempts, start, until, max(expires, until))

    def blocked_until(self, key: str, now: datetime) -> datetime | None:
        row = self.data.limits.get(key)
        return row[2] if row is not None and row[2] is not None and row[2] > now else None

    def refund(self, key: str, free: int) -> None:
        row = self.data.limits.get(key)
        if row is not None and row[0] > 0:
            blocked = None if row[0] - 1 < free else row[2]
            self.data.limits[key] = (row[0] - 1, row[1], blocked, row[3])

    def clear(self, keys: list[str]) -> None:
        for key in keys:
            self.data.limits.pop(key, None)

    def prune(self, now: datetime, limit: int) -> int:
        expired = [k for k, row in self.data.limits.items() if row[3] <= now][:limit]
        for key in expired:
            del self.data.limits[key]
        return len(expired)


class FakeAccessLinks:
    def __init__(self, data: _Data) -> None:
        self.data = data

    def add(self, link: AccessLink) -> None:
        if link.token_hash in self.data.links:
            raise AssertionError("a clash of token hashes")  # the primary key
        self.data.links[link.token_hash] = link

    def by_hash(self, token_hash: str) -> AccessLink | None:
        return self.data.links.get(token_hash)

    def use(self, token_hash: str, kind: LinkKind, now: datetime) -> AccessLink | None:
        link = self.data.links.get(token_hash)
        if link is None or link.kind is not kind or not link.usable(now):
            return None
        used = self.data.links[token_hash] = replace(link, used_at=now)
        return used

    def withdraw_resets(self, user_id: str) -> int:
        gone = [
            k
            for k, v in self.data.links.items()
            if v.user_id == user_id and v.kind is LinkKind.RESET and v.used_at is None
        ]
        for key in gone:
            del self.data.links[key]
        return len(gone)

    def prune(self, now: datetime) -> int:
        gone = [k for k, v in self.data.links.items() if v.expires_at <= now]
        for key in gone:
            del self.data.links[key]
        return len(gone)


class FakeHasher:
    """Reversible on purpose (tests only): 'hashed:' + password."""

    def hash(self, password: str) -> str:
        return "hashed:" + password

    def verify(self, password_hash: str, password: str) -> bool:
        return password_hash == "hashed:" + password


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

    def each(self, user_id: str) -> Iterator[StoredPlan]:
        return iter(self.all(user_id))

    def prune(self, user_id: str, keep: int) -> int:
        newest_first = sorted(self.all(user_id), key=lambda p: (p.created_at, p.id), reverse=True)
        gone = {p.id for p in newest_first[keep:]}
        self.data.plans = [p for p in self.data.plans if p.user_id != user_id or p.id not in gone]
        self.data.choices = {
            k: c for k, c in self.data.choices.items() if k[0] != user_id or c.plan_id not in gone
        }
        return len(gone)


class FakeSessions:
    def __init__(self, data: _Data) -> None:
        self.data = data

    def add(self, user_id: str, session: TrainingSession) -> bool:
        if (user_id, session.id) in self.data.sessions or self._slot_taken(user_id, session):
            return False
        self.data.sessions[user_id, session.id] = session
        return True

    def _slot_taken(self, user_id: str, session: TrainingSession) -> bool:
        # The unique index on (user_id, date, plan_week, plan_session); NULLs are distinct.
        if session.plan_week is None or session.plan_session is None:
            return False
        slot = (session.date, session.plan_week, session.plan_session)
        return any(
            (s.date, s.plan_week, s.plan_session) == slot
            for (u, _), s in self.data.sessions.items()
            if u == user_id
        )

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

    def days(self, user_id: str, first: date, last: date) -> list[date]:
        return sorted({s.date for s in self.between(user_id, first, last)})

    def latest(self, user_id: str, limit: int) -> list[TrainingSession]:
        return list(reversed(self._mine(user_id)))[:limit]

    def all(self, user_id: str) -> list[TrainingSession]:
        return self._mine(user_id)

    def each(self, user_id: str) -> Iterator[TrainingSession]:
        return iter(self._mine(user_id))


class FakeSets:
    def __init__(self, data: _Data) -> None:
        self.data = data

    def add(self, user_id: str, logged: LoggedSet) -> bool:
        if (user_id, logged.id) in self.data.sets:
            return False
        if (user_id, logged.session_id) not in self.data.sessions:  # the foreign key
            raise NotFoundError(f"No session {logged.session_id}.", field="session_id")
        self.data.sets[user_id, logged.id] = logged
        return True

    def add_many(self, user_id: str, sets: Sequence[LoggedSet]) -> frozenset[str]:
        return frozenset(s.id for s in sets if self.add(user_id, s))

    def get(self, user_id: str, set_id: str) -> LoggedSet | None:
        return self.data.sets.get((user_id, set_id))

    def delete(self, user_id: str, set_id: str) -> bool:
        return self.data.sets.pop((user_id, set_id), None) is not None

    def replace(self, user_id: str, logged: LoggedSet) -> bool:
        old = self.data.sets.get((user_id, logged.id))
        if old is None or old.session_id != logged.session_id:
            return False
        self.data.sets[user_id, logged.id] = logged
        return True

    def _mine(self, user_id: str) -> list[LoggedSet]:
        return sorted(
            (s for (u, _), s in self.data.sets.items() if u == user_id),
            key=lambda s: (s.logged_at, s.id),
        )

    def for_sessions(self, user_id: str, session_ids: list[str]) -> list[LoggedSet]:
        wanted = set(session_ids)
        return [s for s in self._mine(user_id) if s.session_id in wanted]

    def page(
        self, user_id: str, session_id: str, *, after: LoggedSet | None, limit: int
    ) -> list[LoggedSet]:
        mine = [s for s in self._mine(user_id) if s.session_id == session_id]
        if after is not None:
            mine = [s for s in mine if (s.logged_at, s.id) > (after.logged_at, after.id)]
        return mine[:limit]

    def bests(
        self, user_id: str, exercises: Collection[str], before: date
    ) -> dict[tuple[str, str], int]:
        dates = {sid: s.date for (uid, sid), s in self.data.sessions.items() if uid == user_id}
        found: dict[tuple[str, str], int] = {}
        for s in self._mine(user_id):
            if s.exercise in exercises and dates.get(s.session_id, before) < before:
                key = (s.exercise, s.resistance_key)
                found[key] = max(found.get(key, 0), s.amount)
        return found

    def span(
        self, user_id: str, session_id: str, since: datetime, until: datetime
    ) -> tuple[int, datetime | None, datetime | None]:
        times = sorted(
            s.logged_at
            for s in self._mine(user_id)
            if s.session_id == session_id and since <= s.logged_at < until
        )
        return (len(times), times[0], times[-1]) if times else (0, None, None)

    def pain_reports(self, user_id: str, first: date, last: date) -> list[PainReport]:
        days = {
            sid: s.date
            for (uid, sid), s in self.data.sessions.items()
            if uid == user_id and first <= s.date <= last
        }
        found = [s for s in self._mine(user_id) if s.pain > 0 and s.session_id in days]
        found.sort(key=lambda s: (days[s.session_id], s.logged_at, s.id))
        return [
            PainReport(days[s.session_id], s.pain, s.pain_area, s.pain_side, s.exercise)
            for s in found
        ]

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

    def each(self, user_id: str) -> Iterator[LoggedSet]:
        return iter(self._mine(user_id))

    def each_by_day(self, user_id: str) -> Iterator[tuple[TrainingSession, LoggedSet]]:
        pairs = [(self.data.sessions[user_id, s.session_id], s) for s in self._mine(user_id)]
        return iter(sorted(pairs, key=lambda pair: pair[0].date))

    def tallies(self, user_id: str, first: date, last: date) -> list[SetTally]:
        found: dict[tuple[date, str, str, Side, str], list[int]] = {}
        for s in self._mine(user_id):
            session = self.data.sessions[user_id, s.session_id]
            if first <= session.date <= last:
                key = (session.date, session.id, s.exercise, s.side, s.resistance_key)
                found.setdefault(key, []).append(s.amount)
        return [
            SetTally(sid, day, exercise, side, rung, len(amounts), max(amounts))
            for (day, sid, exercise, side, rung), amounts in sorted(found.items())
        ]


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


class FakeSelfTests:
    def __init__(self, data: _Data) -> None:
        self.data = data

    def add(self, user_id: str, result: SelfTestResult) -> bool:
        if (user_id, result.id) in self.data.self_tests:
            return False
        self.data.self_tests[user_id, result.id] = result
        return True

    def all(self, user_id: str) -> list[SelfTestResult]:
        return sorted(
            (r for (u, _), r in self.data.self_tests.items() if u == user_id),
            key=lambda r: (r.date, r.test, r.id),
        )

    def delete(self, user_id: str, result_id: str) -> bool:
        return self.data.self_tests.pop((user_id, result_id), None) is not None

    def update(
        self, user_id: str, result_id: str, *, value: int, day: date
    ) -> SelfTestResult | None:
        found = self.data.self_tests.get((user_id, result_id))
        if found is None:
            return None
        changed = replace(found, value=value, date=day)
        self.data.self_tests[user_id, result_id] = changed
        return changed


class FakeSkips:
    def __init__(self, data: _Data) -> None:
        self.data = data

    def set(self, user_id: str, skip: SkippedMove) -> None:
        if (user_id, skip.session_id) not in self.data.sessions:
            raise NotFoundError(f"No session {skip.session_id}.", field="session_id")
        self.data.skips[user_id, skip.session_id, skip.exercise] = skip

    def delete(self, user_id: str, session_id: str, exercise: str) -> bool:
        return self.data.skips.pop((user_id, session_id, exercise), None) is not None

    def for_sessions(self, user_id: str, session_ids: list[str]) -> list[SkippedMove]:
        wanted = set(session_ids)
        found = [s for (u, sid, _), s in self.data.skips.items() if u == user_id and sid in wanted]
        return sorted(found, key=lambda s: (s.session_id, s.exercise))

    def all(self, user_id: str) -> list[SkippedMove]:
        found = [s for (u, _, _), s in self.data.skips.items() if u == user_id]
        return sorted(found, key=lambda s: (s.session_id, s.exercise))


class FakeOwnSets:
    def __init__(self, data: _Data) -> None:
        self.data = data

    def add_many(self, user_id: str, sets: Sequence[OwnSet]) -> int:
        new = {own.id: own for own in sets if (user_id, own.id) not in self.data.own_sets}
        self.data.own_sets.update({(user_id, i): own for i, own in new.items()})
        return len(new)

    def _of(self, user_id: str) -> list[OwnSet]:
        mine = [own for (u, _), own in self.data.own_sets.items() if u == user_id]
        return sorted(mine, key=lambda own: (own.logged_at, own.id))

    def each(self, user_id: str) -> Iterator[OwnSet]:
        return iter(self._of(user_id))

    def recent(self, user_id: str, limit: int) -> list[OwnSet]:
        return self._of(user_id)[::-1][:limit]


class FakeChoices:
    def __init__(self, data: _Data) -> None:
        self.data = data

    def set(self, user_id: str, choice: PlanChoice) -> None:
        if not any(p.user_id == user_id and p.id == choice.plan_id for p in self.data.plans):
            raise NotFoundError(f"No plan {choice.plan_id}.", field="plan")  # the foreign key
        self.data.choices[user_id, choice.plan_id, choice.slot] = choice

    def for_plan(self, user_id: str, plan_id: str) -> list[PlanChoice]:
        return [c for c in self.all(user_id) if c.plan_id == plan_id]

    def delete(self, user_id: str, plan_id: str, slot: str) -> bool:
        return self.data.choices.pop((user_id, plan_id, slot), None) is not None

    def all(self, user_id: str) -> list[PlanChoice]:
        return [c for k, c in sorted(self.data.choices.items()) if k[0] == user_id]


class FakeStaging:
    def __init__(self, data: _Data) -> None:
        self.data = data

    def stage_sessions(
        self, import_id: str, user_id: str, sessions: Sequence[TrainingSession], now: datetime
    ) -> None:
        for s in sessions:
            self.data.staged_sessions[import_id, user_id, s.id] = (s, now)

    def stage_sets(
        self, import_id: str, user_id: str, sets: Sequence[LoggedSet], now: datetime
    ) -> None:
        for s in sets:
            self.data.staged_sets[import_id, user_id, s.id] = (s, now)

    def _sessions(self, import_id: str, user_id: str) -> list[TrainingSession]:
        staged = self.data.staged_sessions.items()
        return [s for (i, u, _), (s, _) in staged if (i, u) == (import_id, user_id)]

    def _sets(self, import_id: str, user_id: str) -> list[LoggedSet]:
        staged = self.data.staged_sets.items()
        return [s for (i, u, _), (s, _) in staged if (i, u) == (import_id, user_id)]

    def changed_session(self, import_id: str, user_id: str) -> str | None:
        for s in self._sessions(import_id, user_id):
            stored = self.data.sessions.get((user_id, s.id))
            if stored is not None and not stored.same_values(s):
                return s.id
        return None

    def changed_set(self, import_id: str, user_id: str) -> str | None:
        for s in self._sets(import_id, user_id):
            stored = self.data.sets.get((user_id, s.id))
            if stored is not None and not stored.same_values(s):
                return s.id
        return None

    def taken_slot(self, import_id: str, user_id: str) -> tuple[TrainingSession, str] | None:
        for s in self._sessions(import_id, user_id):
            for (u, sid), other in self.data.sessions.items():
                slot = (other.date, other.plan_week, other.plan_session)
                same = slot == (s.date, s.plan_week, s.plan_session)
                if u == user_id and sid != s.id and same and None not in slot:
                    return s, sid
        return None

    def publish(self, import_id: str, user_id: str) -> tuple[int, int]:
        sessions = FakeSessions(self.data)
        new_sessions = 0
        for s in self._sessions(import_id, user_id):
            if sessions.add(user_id, s):
                new_sessions += 1
            elif (user_id, s.id) not in self.data.sessions:
                raise ConflictError("Two sessions of the file share a day.", field="plan_session")
        sets = FakeSets(self.data)
        return new_sessions, sum(sets.add(user_id, s) for s in self._sets(import_id, user_id))

    def discard(self, import_id: str, user_id: str, limit: int, *, sets: bool) -> int:
        staged: dict[Any, Any] = self.data.staged_sets if sets else self.data.staged_sessions
        keys = [k for k in staged if k[:2] == (import_id, user_id)][:limit]
        for key in keys:
            del staged[key]
        return len(keys)

    def discard_stale(self, before: datetime) -> int:
        gone = 0
        for staged in (self.data.staged_sets, self.data.staged_sessions):
            for key in [k for k, (_, at) in staged.items() if at < before]:
                del staged[key]
                gone += 1
        return gone


class FakeUnitOfWork:
    """Commits copy the working data over the committed data; rollback discards changes."""

    # Typed as the ports, like the SQL unit of work, so mypy proves each fake fulfils its port.
    users: UserRepository
    accounts: AccountRepository
    web_sessions: WebSessionRepository
    api_tokens: ApiTokenRepository
    calendars: CalendarRepository
    rate_limits: RateLimitRepository
    access_links: AccessLinkRepository
    plans: PlanRepository
    sessions: SessionRepository
    sets: SetRepository
    measurements: MeasurementRepository
    choices: ChoiceRepository
    self_tests: SelfTestRepository
    own_sets: OwnSetRepository
    skips: SkipRepository
    staging: ImportStaging

    def __init__(self) -> None:
        self.committed = _Data()
        self.commits = 0
        self.reading = False

    def read_only(self) -> Self:
        self.reading = True
        return self

    def __enter__(self) -> Self:
        self._work = self.committed.copy()
        self.users = FakeUsers(self._work)
        self.accounts = FakeAccounts(self._work)
        self.web_sessions = FakeWebSessions(self._work)
        self.api_tokens = FakeApiTokens(self._work)
        self.calendars = FakeCalendars(self._work)
        self.rate_limits = FakeRateLimits(self._work)
        self.access_links = FakeAccessLinks(self._work)
        self.plans = FakePlans(self._work)
        self.sessions = FakeSessions(self._work)
        self.sets = FakeSets(self._work)
        self.measurements = FakeMeasurements(self._work)
        self.choices = FakeChoices(self._work)
        self.self_tests = FakeSelfTests(self._work)
        self.own_sets = FakeOwnSets(self._work)
        self.skips = FakeSkips(self._work)
        self.staging = FakeStaging(self._work)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.reading = False
        self.rollback()

    def commit(self) -> None:
        if self.reading:
            raise RuntimeError("a read-only unit of work cannot commit")
        self.committed = self._work.copy()
        self.commits += 1

    def rollback(self) -> None:
        self._work = self.committed.copy()


# Static proofs that the fakes fit the ports the services declare.
_hasher: PasswordHasher = FakeHasher()
_uow: type[UnitOfWork] = FakeUnitOfWork
