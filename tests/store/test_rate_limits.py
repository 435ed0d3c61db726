"""Rate limits live in the database: every app process counts the same attempts, atomically."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import timedelta, timezone

import pytest
from sqlalchemy import Connection, Engine, func, select

from hipcoach.domain.auth import AuthError, RateLimitedError
from hipcoach.domain.rate_limit import (
    SIGN_IN_EMAIL_FROM_CLIENT,
    password_generation,
    sign_in_keys,
)
from hipcoach.services import accounts
from hipcoach.store import migrate
from hipcoach.store.auth import rate_limit_key
from hipcoach.store.engine import make_engine
from hipcoach.store.tables import rate_limit
from hipcoach.store.uow import SqlUnitOfWork
from tests.services.fakes import FakeHasher
from tests.store.conftest import UnitOfWorkFactory
from tests.store.records import MORNING

WINDOW = timedelta(minutes=15)
KEY = "email:alice@example.com"


def _count(uow: UnitOfWorkFactory, minutes: float, key: str = KEY) -> int | None:
    with uow() as work:
        count = work.rate_limits.count(key, MORNING + timedelta(minutes=minutes), WINDOW)
        work.commit()
    return count


def _stored_rows(connection: Connection) -> int:
    return int(connection.execute(select(func.count()).select_from(rate_limit)).scalar_one())


def test_each_attempt_within_the_window_counts(uow: UnitOfWorkFactory) -> None:
    assert [_count(uow, minute) for minute in (0, 1, 5, 14)] == [1, 2, 3, 4]


def test_the_count_starts_over_when_the_window_has_passed(uow: UnitOfWorkFactory) -> None:
    for minute in (0, 5, 10):
        _count(uow, minute)
    assert _count(uow, 15) == 1  # the window began at minute 0
    assert _count(uow, 16) == 2


def test_a_waiting_key_is_refused_without_being_counted(uow: UnitOfWorkFactory) -> None:
    _count(uow, 0)
    with uow() as work:
        work.rate_limits.block(KEY, MORNING + timedelta(minutes=2))
        work.commit()
        assert work.rate_limits.blocked_until(KEY, MORNING) == MORNING + timedelta(minutes=2)
    assert _count(uow, 1) is None
    assert _count(uow, 1.5) is None
    assert _count(uow, 2) == 2  # the refused ones never counted
    with uow() as work:
        assert work.rate_limits.blocked_until(KEY, MORNING + timedelta(minutes=2)) is None


def test_keys_are_counted_apart_and_cleared_apart(uow: UnitOfWorkFactory) -> None:
    assert _count(uow, 0, key="email:alice@example.com") == 1
    assert _count(uow, 1, key="email:bob@example.com") == 1
    with uow() as work:
        work.rate_limits.clear(["email:alice@example.com"])
        work.commit()
    assert _count(uow, 2, key="email:alice@example.com") == 1
    assert _count(uow, 2, key="email:bob@example.com") == 2


def test_expired_rows_are_pruned_a_batch_at_a_time(
    uow: UnitOfWorkFactory, connection: Connection
) -> None:
    for n in range(5):
        _count(uow, 0, key=f"client:203.0.113.{n}")
    with uow() as work:
        work.rate_limits.block("client:203.0.113.0", MORNING + timedelta(hours=1))
        assert work.rate_limits.prune(MORNING + WINDOW, 3) == 3
        assert work.rate_limits.prune(MORNING + WINDOW, 3) == 1  # the waiting one stays
        work.commit()
    assert _stored_rows(connection) == 1


def test_any_key_fits_however_long_and_no_email_is_stored(
    uow: UnitOfWorkFactory, connection: Connection
) -> None:
    huge = "email:" + "ä" * 5000 + "@example.com"
    assert _count(uow, 0, key=huge) == 1
    assert _count(uow, 1, key=huge) == 2
    stored = connection.execute(select(rate_limit.c.key)).scalars().all()
    assert stored == [rate_limit_key(huge)]


def test_the_window_is_measured_in_instants_whatever_the_time_zone(uow: UnitOfWorkFactory) -> None:
    paris = timezone(timedelta(hours=2))
    with uow() as work:
        assert work.rate_limits.count(KEY, MORNING.astimezone(paris), WINDOW) == 1
        assert work.rate_limits.count(KEY, MORNING + timedelta(minutes=10), WINDOW) == 2
        later = (MORNING + timedelta(minutes=15)).astimezone(paris)
        assert work.rate_limits.count(KEY, later, WINDOW) == 1


def test_an_uncommitted_attempt_is_undone(uow: UnitOfWorkFactory) -> None:
    with uow() as work:
        work.rate_limits.count(KEY, MORNING, WINDOW)
    assert _count(uow, 1) == 1


@pytest.fixture
def two_processes(empty_engine: Engine) -> Iterator[tuple[UnitOfWorkFactory, UnitOfWorkFactory]]:
    """Two app processes: separate engines (pools) on one migrated database."""
    migrate.upgrade(empty_engine)
    other = make_engine(empty_engine.url)
    try:
        first, second = empty_engine, other
        yield (lambda: SqlUnitOfWork(first)), (lambda: SqlUnitOfWork(second))
    finally:
        other.dispose()


def test_attempts_made_through_different_processes_add_up(
    two_processes: tuple[UnitOfWorkFactory, UnitOfWorkFactory],
) -> None:
    first, second = two_processes
    assert _count(first, 0) == 1
    assert _count(second, 1) == 2
    assert _count(first, 2) == 3
    assert _count(second, 16) == 1  # the window began at 0, whichever process counted it


BURST = 24


def test_a_burst_of_simultaneous_guesses_gets_no_more_checks_than_the_limit(
    two_processes: tuple[UnitOfWorkFactory, UnitOfWorkFactory],
) -> None:
    """24 wrong guesses at once from two processes: exactly `free` are checked, the rest wait."""
    first, second = two_processes
    accounts.sign_up(
        uow=first(),
        hasher=FakeHasher(),
        email="ana@example.com",
        password="correct horse battery",
        name="Ana",
        now=MORNING,
        open_signup=True,
    )
    start = threading.Barrier(BURST)
    results: list[str] = []

    def guess(n: int) -> None:
        start.wait()
        try:
            accounts.sign_in(
                uow=(first if n % 2 else second)(),
                hasher=FakeHasher(),
                email="ana@example.com",
                password=f"wrong guess {n:02d}",
                client="203.0.113.9",
                now=MORNING,
            )
        except RateLimitedError:
            results.append("wait")
        except AuthError:
            results.append("wrong")
        else:
            results.append("in")

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(BURST)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    free = SIGN_IN_EMAIL_FROM_CLIENT.free
    assert sorted(results) == sorted(["wait"] * (BURST - free) + ["wrong"] * free)
    with first() as work:
        known = work.accounts.by_email("ana@example.com")
        generation = password_generation(known.password_hash if known else None)
        pair_key = sign_in_keys("ana@example.com", "203.0.113.9", generation)[0][0]
        assert work.rate_limits.blocked_until(pair_key, MORNING) is not None


def test_a_refund_takes_back_one_attempt_and_below_the_free_ones_the_wait(
    uow: UnitOfWorkFactory,
) -> None:
    for minute in (0, 1, 2):
        _count(uow, minute)
    with uow() as work:
        work.rate_limits.block(KEY, MORNING + timedelta(hours=1))
        work.rate_limits.refund(KEY, 4)  # 3 - 1 = 2 attempts, below 4 free: no wait
        work.commit()
    assert _count(uow, 3) == 3
    with uow() as work:
        work.rate_limits.block(KEY, MORNING + timedelta(hours=1))
        work.rate_limits.refund(KEY, 2)  # 3 - 1 = 2, not below 2 free: still waiting
        work.commit()
    assert _count(uow, 4) is None
