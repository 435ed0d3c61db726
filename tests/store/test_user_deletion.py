"""Deleting a user removes every row of theirs, on both databases, and nobody else's."""

from __future__ import annotations

import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import Connection, Engine, Table, func, select

from hipcoach.domain.account import PlanChoice
from hipcoach.domain.log import OwnSet, SkippedMove, SkipReason
from hipcoach.store import migrate, tables
from hipcoach.store.engine import make_engine
from hipcoach.store.uow import SqlUnitOfWork
from tests.store.conftest import UnitOfWorkFactory
from tests.store.records import (
    ALICE,
    BOB,
    MORNING,
    a_calendar_feed,
    a_credential,
    a_measurement,
    a_plan,
    a_self_test_result,
    a_session,
    a_set,
    a_user,
    a_web_session,
    an_api_token,
)

OWNED = [
    tables.plan,
    tables.training_session,
    tables.logged_set,
    tables.measurement,
    tables.credential,
    tables.web_session,
    tables.api_token,
    tables.calendar_feed,
    tables.plan_choice,
    tables.self_test_result,
    tables.own_set,
    tables.skipped_move,
]


def _store_everything_of(uow: UnitOfWorkFactory, user_id: str) -> None:
    with uow() as work:
        work.plans.add(a_plan("plan-0001", user_id))
        work.choices.set(user_id, PlanChoice("plan-0001", "clamshell", "fire_hydrant", MORNING))
        work.sessions.add(user_id, a_session("session-01"))
        work.sets.add(user_id, a_set("set-000001", "session-01"))
        work.measurements.add(user_id, a_measurement("measure-01"))
        work.self_tests.add(user_id, a_self_test_result("result-0001"))
        work.skips.set(user_id, SkippedMove("session-01", "clamshell", SkipReason.TIME))
        work.own_sets.add_many(user_id, [OwnSet("own-set-0001", "Plank", MORNING, seconds=60)])
        work.accounts.add(a_credential(user_id))
        work.web_sessions.add(a_web_session(f"cookie-{user_id}", user_id))
        work.api_tokens.add(an_api_token(f"tok-{user_id}", user_id))
        work.calendars.set(a_calendar_feed(user_id, f"feed-{user_id}"))
        work.commit()


def _rows(connection: Connection, table: Table, user_id: str) -> int:
    query = select(func.count()).select_from(table).where(table.c.user_id == user_id)
    return int(connection.execute(query).scalar_one())


def test_deleting_a_user_cascades_to_every_table_and_spares_others(
    uow: UnitOfWorkFactory, users: tuple[str, str], connection: Connection
) -> None:
    for person in users:
        _store_everything_of(uow, person)
    assert {t.name: _rows(connection, t, ALICE) for t in OWNED} == {t.name: 1 for t in OWNED}
    with uow() as work:
        assert work.users.delete(ALICE) is True
        work.commit()
    assert {t.name: _rows(connection, t, ALICE) for t in OWNED} == {t.name: 0 for t in OWNED}
    assert {t.name: _rows(connection, t, BOB) for t in OWNED} == {t.name: 1 for t in OWNED}
    with uow() as work:
        assert work.users.get(ALICE) is None
        assert work.users.get(BOB) == a_user(BOB)
        assert work.accounts.get(BOB) == a_credential(BOB)


def test_deleting_an_unknown_user_reports_nothing_deleted(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    with uow() as work:
        assert work.users.delete("user-nobody") is False
        work.commit()
    with uow() as work:
        assert work.users.get(ALICE) == a_user(ALICE)


def test_a_deletion_left_uncommitted_keeps_everything(
    uow: UnitOfWorkFactory, users: tuple[str, str], connection: Connection
) -> None:
    _store_everything_of(uow, ALICE)
    with uow() as work:
        work.users.delete(ALICE)
    assert {t.name: _rows(connection, t, ALICE) for t in OWNED} == {t.name: 1 for t in OWNED}


@pytest.fixture
def two_processes(empty_engine: Engine) -> Iterator[tuple[UnitOfWorkFactory, UnitOfWorkFactory]]:
    """Two app processes with their own engines on one migrated database, Alice and Bob in it."""
    migrate.upgrade(empty_engine)
    other = make_engine(empty_engine.url)
    first, second = empty_engine, other
    with SqlUnitOfWork(first) as work:
        work.users.add(a_user(ALICE))
        work.users.add(a_user(BOB))
        work.commit()
    try:
        yield (lambda: SqlUnitOfWork(first)), (lambda: SqlUnitOfWork(second))
    finally:
        other.dispose()


def test_two_sign_ups_racing_for_one_email_store_exactly_one(
    two_processes: tuple[UnitOfWorkFactory, UnitOfWorkFactory],
) -> None:
    first, second = two_processes

    def bob_signs_up() -> bool:
        with second() as work:
            added = work.accounts.add(a_credential(BOB, email="same@example.com"))
            work.commit()
        return added

    with first() as work, ThreadPoolExecutor(max_workers=1) as pool:
        assert work.accounts.add(a_credential(ALICE, email="same@example.com")) is True
        bob = pool.submit(bob_signs_up)
        time.sleep(0.2)  # let Bob's insert reach Alice's uncommitted row and wait on it
        work.commit()
        assert bob.result(timeout=30) is False
    with first() as work:
        assert work.accounts.count() == 1
        found = work.accounts.by_email("same@example.com")
    assert found is not None
    assert found.user_id == ALICE
