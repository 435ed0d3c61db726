"""The ports the services need; `store/` implements them, tests use in-memory fakes.

Every method is scoped to one user: no repository method can reach another user's rows.
Only the unit of work commits.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from datetime import date, datetime, timedelta
from types import TracebackType
from typing import Protocol, Self

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
from hipcoach.domain.errors import BusyError
from hipcoach.domain.log import LoggedSet, Measurement, OwnSet, SkippedMove, TrainingSession
from hipcoach.domain.pain import PainReport
from hipcoach.domain.progress import SetTally
from hipcoach.domain.selftest import SelfTestResult


class UserRepository(Protocol):
    def get(self, user_id: str) -> User | None: ...
    def add(self, user: User) -> None: ...
    def set_time_zone(self, user_id: str, time_zone: str | None) -> bool:
        """Store the user's time zone (an IANA name; None: the server's); False if no user."""
        ...

    def set_appearance(self, user_id: str, appearance: Appearance) -> bool:
        """Store the colour scheme the user's pages use; False if no user."""
        ...

    def delete(self, user_id: str) -> bool:
        """Remove the user and, by cascade, every row that belongs to them."""
        ...


class AccountRepository(Protocol):
    def add(self, credential: Credential) -> bool:
        """Store a credential; False if its email is taken or, for an owner, one exists."""
        ...

    def by_email(self, email: str) -> Credential | None: ...
    def get(self, user_id: str) -> Credential | None: ...
    def owner(self) -> Credential | None:
        """The owner's credential, if an account exists."""
        ...

    def count(self) -> int:
        """How many accounts exist (the first one becomes the owner)."""
        ...

    def update(self, credential: Credential) -> None:
        """Replace password hash or units of an existing credential."""
        ...


class WebSessionRepository(Protocol):
    def add(self, session: WebSession) -> None: ...
    def get(self, token_hash: str) -> WebSession | None: ...
    def delete(self, token_hash: str) -> None: ...
    def delete_for_user(self, user_id: str, *, keep: str | None = None) -> int:
        """End every web session of the user but the one hashed `keep`; how many ended."""
        ...


class ApiTokenRepository(Protocol):
    def add(self, token: ApiToken) -> None: ...
    def by_hash(self, token_hash: str) -> ApiToken | None: ...
    def for_user(self, user_id: str) -> list[ApiToken]:
        """Every token of the user, newest first, revoked ones included."""
        ...

    def revoke(self, user_id: str, token_id: str, when: datetime) -> bool:
        """Mark a token revoked; False if the user has no such active token."""
        ...

    def revoke_all(self, user_id: str, when: datetime) -> int:
        """Revoke every active token of the user; how many were active."""
        ...


class CalendarRepository(Protocol):
    def set(self, feed: CalendarFeed) -> None:
        """Create or replace the user's feed (replacing revokes the old address)."""
        ...

    def get(self, user_id: str) -> CalendarFeed | None: ...
    def by_hash(self, token_hash: str) -> CalendarFeed | None: ...
    def delete(self, user_id: str) -> bool:
        """Turn the feed off; False if there was none."""
        ...


class AccessLinkRepository(Protocol):
    """The owner's one-time invite and reset links, by the hash of their token."""

    def add(self, link: AccessLink) -> None: ...
    def by_hash(self, token_hash: str) -> AccessLink | None: ...
    def use(self, token_hash: str, kind: LinkKind, now: datetime) -> AccessLink | None:
        """Mark the link used if it is of `kind`, unused and unexpired; the link, or None.

        Atomic: of two transactions using one link at once, only one gets it.
        """
        ...

    def withdraw_resets(self, user_id: str) -> int:
        """Delete the account's unused reset links; how many."""
        ...

    def prune(self, now: datetime) -> int:
        """Delete every expired link; how many."""
        ...


class RateLimitRepository(Protocol):
    """Attempts per key (hipcoach.domain.rate_limit), the same for every app process."""

    def count(self, key: str, now: datetime, window: timedelta) -> int | None:
        """Count one attempt unless `key` is waiting; the attempts of its window, or None.

        Atomic: concurrent attempts of one key are counted one after the other. A window
        starts at the first attempt counted and the count starts over once it has passed.
        """
        ...

    def block(self, key: str, until: datetime) -> None:
        """Refuse (and stop counting) attempts of `key` until `until`."""
        ...

    def blocked_until(self, key: str, now: datetime) -> datetime | None:
        """When `key` may try again, if it is waiting now."""
        ...

    def refund(self, key: str, free: int) -> None:
        """Take back one counted attempt of `key` (a success); below `free`, no more wait."""
        ...

    def clear(self, keys: list[str]) -> None:
        """Forget the attempts of these keys."""
        ...

    def prune(self, now: datetime, limit: int) -> int:
        """Delete up to `limit` keys whose window and wait are over; how many went."""
        ...


class PasswordHasher(Protocol):
    """argon2id in production (hipcoach.passwords); a fast fake in tests."""

    def hash(self, password: str) -> str: ...
    def verify(self, password_hash: str, password: str) -> bool: ...


class PlanRepository(Protocol):
    def add(self, plan: StoredPlan) -> None: ...
    def current(self, user_id: str) -> StoredPlan | None:
        """The newest plan of the user."""
        ...

    def all(self, user_id: str) -> list[StoredPlan]:
        """Every plan of the user, oldest first (for export and import)."""
        ...

    def each(self, user_id: str) -> Iterator[StoredPlan]:
        """Every plan of the user, oldest first, read a few at a time (for export)."""
        ...

    def prune(self, user_id: str, keep: int) -> int:
        """Delete every plan of the user but the newest `keep` (and their choices); how many."""
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

    def days(self, user_id: str, first: date, last: date) -> list[date]:
        """The days with a session, first..last inclusive, oldest first."""
        ...

    def latest(self, user_id: str, limit: int) -> list[TrainingSession]:
        """The newest `limit` sessions, newest first."""
        ...

    def all(self, user_id: str) -> list[TrainingSession]:
        """Every session, oldest first (for export)."""
        ...

    def each(self, user_id: str) -> Iterator[TrainingSession]:
        """Every session, oldest first, read a batch at a time (for export)."""
        ...


class SetRepository(Protocol):
    def add(self, user_id: str, logged: LoggedSet) -> bool:
        """Store a new set; False (and no change) if its id already exists for the user.

        Raises NotFoundError when the set's session is not one of the user's.
        """
        ...

    def add_many(self, user_id: str, sets: Sequence[LoggedSet]) -> frozenset[str]:
        """Store new sets in one statement; the ids stored (an id the user already has is
        skipped, unchanged). Their sessions must be the user's (checked before)."""
        ...

    def get(self, user_id: str, set_id: str) -> LoggedSet | None: ...

    def delete(self, user_id: str, set_id: str) -> bool: ...

    def replace(self, user_id: str, logged: LoggedSet) -> bool:
        """Give the stored set with this id, in this session, these values (one atomic step);
        False if there is no such set (deleted meanwhile)."""
        ...

    def for_sessions(self, user_id: str, session_ids: list[str]) -> list[LoggedSet]:
        """Every set of the given sessions, in logged order."""
        ...

    def page(
        self, user_id: str, session_id: str, *, after: LoggedSet | None, limit: int
    ) -> list[LoggedSet]:
        """Up to `limit` sets of one session in logged order, those logged after `after`."""
        ...

    def span(
        self, user_id: str, session_id: str, since: datetime, until: datetime
    ) -> tuple[int, datetime | None, datetime | None]:
        """How many of a session's sets were logged in [since, until), and the first and
        last of those times (None when none was)."""
        ...

    def pain_reports(self, user_id: str, first: date, last: date) -> list[PainReport]:
        """Every report of pain during a set on days first..last, oldest first."""
        ...

    def exposures(
        self, user_id: str, exercise: str, limit: int
    ) -> list[tuple[TrainingSession, list[LoggedSet]]]:
        """The newest `limit` sessions that included the exercise, newest first, with its sets."""
        ...

    def all(self, user_id: str) -> list[LoggedSet]:
        """Every set, in logged order (for export)."""
        ...

    def each(self, user_id: str) -> Iterator[LoggedSet]:
        """Every set in logged order, read a batch at a time (for export)."""
        ...

    def each_by_day(self, user_id: str) -> Iterator[tuple[TrainingSession, LoggedSet]]:
        """Every set with its session, by the session's date, then logged order, read a
        batch at a time (for the CSV export)."""
        ...

    def bests(
        self, user_id: str, exercises: Collection[str], before: date
    ) -> dict[tuple[str, str], int]:
        """(move, rung) -> the most reps, steps or seconds in one set of the move at that rung
        in any session dated before `before` (moves never done: absent)."""
        ...

    def tallies(self, user_id: str, first: date, last: date) -> list[SetTally]:
        """Per session of days first..last, move, side and resistance: how many sets, and the
        best (reps, steps or seconds); oldest first (by date, session id, move, side,
        resistance). Sessions without sets are not listed."""
        ...


class MeasurementRepository(Protocol):
    def add(self, user_id: str, measurement: Measurement) -> bool:
        """Store a measurement; False if its id already exists for the user."""
        ...

    def all(self, user_id: str) -> list[Measurement]:
        """Every measurement, oldest first."""
        ...


class ChoiceRepository(Protocol):
    """The person's own swaps and keeps, per plan and slot (the plan item's exercise key)."""

    def set(self, user_id: str, choice: PlanChoice) -> None:
        """Store or replace the choice for its plan and slot.

        Raises NotFoundError when the plan is not one of the user's.
        """
        ...

    def for_plan(self, user_id: str, plan_id: str) -> list[PlanChoice]:
        """The choices of one plan, by slot."""
        ...

    def delete(self, user_id: str, plan_id: str, slot: str) -> bool:
        """Forget the choice for a slot; False if there was none."""
        ...

    def all(self, user_id: str) -> list[PlanChoice]:
        """Every choice of every plan of the user, by plan and slot (for export)."""
        ...


class ImportStaging(Protocol):
    """Where an import puts its sessions and sets, a batch per transaction, before one short
    transaction publishes them all; nothing staged is seen anywhere else."""

    def stage_sessions(
        self, import_id: str, user_id: str, sessions: Sequence[TrainingSession], now: datetime
    ) -> None: ...
    def stage_sets(
        self, import_id: str, user_id: str, sets: Sequence[LoggedSet], now: datetime
    ) -> None: ...
    def changed_session(self, import_id: str, user_id: str) -> str | None:
        """The id of a staged session already stored with other values, if any."""
        ...

    def changed_set(self, import_id: str, user_id: str) -> str | None:
        """The id of a staged set already stored with other values, if any."""
        ...

    def taken_slot(self, import_id: str, user_id: str) -> tuple[TrainingSession, str] | None:
        """A staged session whose day and plan slot another stored session holds, and that
        session's id."""
        ...

    def publish(self, import_id: str, user_id: str) -> tuple[int, int]:
        """Store the staged sessions, then sets (records already stored are left as they
        are); how many of each were new. ConflictError if two staged sessions share a slot."""
        ...

    def discard(self, import_id: str, user_id: str, limit: int, *, sets: bool) -> int:
        """Forget up to `limit` staged records (sets, or sessions) of one import; how many."""
        ...

    def discard_stale(self, before: datetime) -> int:
        """Forget whatever imports that stopped half way staged before `before`."""
        ...


class StoreBusy(BusyError):
    """The store was busy (another writer held it); the unit of work stored nothing.

    A unit of work made not to wait raises it at its first statement; any other one after
    a short wait. Adapters answer it as the busy error it is (503 with Retry-After).
    """


class SelfTestRepository(Protocol):
    def add(self, user_id: str, result: SelfTestResult) -> bool:
        """Store a self-test result; False if its id already exists for the user."""
        ...

    def all(self, user_id: str) -> list[SelfTestResult]:
        """Every self-test result, oldest first."""
        ...

    def delete(self, user_id: str, result_id: str) -> bool:
        """Remove one of the user's results; False if they have none with that id."""
        ...

    def update(
        self, user_id: str, result_id: str, *, value: int, day: date
    ) -> SelfTestResult | None:
        """Change one of the user's results' value and day (its test and side stay); the
        result as stored now, or None if they have none with that id."""
        ...


class SkipRepository(Protocol):
    """Planned moves left out of a day's session on purpose."""

    def set(self, user_id: str, skip: SkippedMove) -> None:
        """Store the skip (a second one for the same session and move replaces it)."""
        ...

    def delete(self, user_id: str, session_id: str, exercise: str) -> bool:
        """Take a skip back; False if there was none."""
        ...

    def for_sessions(self, user_id: str, session_ids: list[str]) -> list[SkippedMove]:
        """The skips of the given sessions, by session then move."""
        ...

    def all(self, user_id: str) -> list[SkippedMove]:
        """Every skip of the user, by session then move (a backup's; they are few)."""
        ...


class OwnSetRepository(Protocol):
    """Sets of exercises of the person's own (imported, none of our moves)."""

    def add_many(self, user_id: str, sets: Sequence[OwnSet]) -> int:
        """Store the sets whose ids are new for the user (one already stored is left as it
        is); how many were stored."""
        ...

    def each(self, user_id: str) -> Iterator[OwnSet]:
        """Every one of the user's own sets, oldest first, a page at a time."""
        ...

    def recent(self, user_id: str, limit: int) -> list[OwnSet]:
        """The newest `limit` own sets, newest first."""
        ...


class UnitOfWork(Protocol):
    """One transaction: everything inside is stored together, or nothing is."""

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

    def read_only(self) -> Self:
        """Promise that the next `with` block only reads (committing in it is an error).

        The store may then run it beside a writer instead of queueing behind it.
        """
        ...

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
