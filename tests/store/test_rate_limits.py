"""Rate limits live in the database: every app process counts the same attempts."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta, timezone

import pytest
from sqlalchemy import Connection, Engine, func, select

from hipcoach.store import migrate
from hipcoach.store.auth import rate_limit_key
from hipcoach.store.engine import make_engine
from hipcoach.store.tables import rate_limit_hit
from hipcoach.store.uow import SqlUnitOfWork
from tests.store.conftest import UnitOfWorkFactory
from tests.store.records import MORNING

WINDOW = timedelta(minutes=15)
KEY = "email:alice@example.com"


def _hit(uow: UnitOfWorkFactory, minutes: float, key: str = KEY) -> int:
    with uow() as work:
        count = work.rate_limits.hit(key, MORNING + timedelta(minutes=minutes), WINDOW)
        work.commit()
    return count


def _stored_rows(connection: Connection, key: str = KEY) -> int:
    query = select(func.count()).where(rate_limit_hit.c.key == rate_limit_key(key))
    return int(connection.execute(query).scalar_one())


def test_each_attempt_within_the_window_counts(uow: UnitOfWorkFactory) -> None:
    assert [_hit(uow, minute) for minute in (0, 1, 5, 14)] == [1, 2, 3, 4]


def test_attempts_older_than_the_window_stop_counting(uow: UnitOfWorkFactory) -> None:
    for minute in (0, 5, 10):
        _hit(uow, minute)
    assert _hit(uow, 16) == 3  # minute 0 has left the window; 5, 10 and 16 remain
    assert _hit(uow, 15 + 10) == 2  # 16 and 25
    assert _hit(uow, 60) == 1


def test_an_attempt_exactly_one_window_ago_no_longer_counts(uow: UnitOfWorkFactory) -> None:
    _hit(uow, 0)
    assert _hit(uow, 15) == 1


def test_expired_attempts_of_the_key_are_deleted_on_the_next_hit(
    uow: UnitOfWorkFactory, connection: Connection
) -> None:
    for minute in (0, 1, 2):
        _hit(uow, minute)
    _hit(uow, 0, key="client:203.0.113.7")
    assert _stored_rows(connection) == 3
    _hit(uow, 30)
    assert _stored_rows(connection) == 1
    assert _stored_rows(connection, "client:203.0.113.7") == 1  # other keys wait for their own hit


def test_keys_are_counted_apart(uow: UnitOfWorkFactory) -> None:
    assert _hit(uow, 0, key="email:alice@example.com") == 1
    assert _hit(uow, 1, key="email:bob@example.com") == 1
    assert _hit(uow, 2, key="email:alice@example.com") == 2


def test_any_key_fits_however_long_and_no_email_is_stored(
    uow: UnitOfWorkFactory, connection: Connection
) -> None:
    huge = "email:" + "ä" * 5000 + "@example.com"
    assert _hit(uow, 0, key=huge) == 1
    assert _hit(uow, 1, key=huge) == 2
    stored = connection.execute(select(rate_limit_hit.c.key)).scalars().all()
    assert stored == [rate_limit_key(huge)] * 2
    assert all("@" not in key for key in stored)


def test_the_window_is_measured_in_instants_whatever_the_time_zone(uow: UnitOfWorkFactory) -> None:
    paris = timezone(timedelta(hours=2))
    with uow() as work:
        assert work.rate_limits.hit(KEY, MORNING.astimezone(paris), WINDOW) == 1
        assert work.rate_limits.hit(KEY, MORNING + timedelta(minutes=10), WINDOW) == 2
        later = (MORNING + timedelta(minutes=20)).astimezone(paris)
        assert work.rate_limits.hit(KEY, later, WINDOW) == 2


def test_an_uncommitted_attempt_is_undone(uow: UnitOfWorkFactory) -> None:
    with uow() as work:
        work.rate_limits.hit(KEY, MORNING, WINDOW)
    assert _hit(uow, 1) == 1


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
    assert _hit(first, 0) == 1
    assert _hit(second, 1) == 2
    assert _hit(first, 2) == 3
    assert _hit(second, 16) == 2  # 0 and 1 expired, whichever process recorded them
