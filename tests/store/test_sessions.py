"""Training sessions: idempotent adds, optimistic updates, per-user scoping, cascades."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import Connection, Table, func, select

from hipcoach.domain.catalogue import PainArea
from hipcoach.domain.log import Side
from hipcoach.store.tables import logged_set, training_session
from tests.store.conftest import UnitOfWorkFactory
from tests.store.records import ALICE, BOB, a_session, a_set


def _count(connection: Connection, table: Table, user_id: str) -> int:
    query = select(func.count()).select_from(table).where(table.c.user_id == user_id)
    return int(connection.execute(query).scalar_one())


def test_a_stored_session_comes_back_whole(uow: UnitOfWorkFactory, users: tuple[str, str]) -> None:
    session = a_session(
        "session-01",
        plan_week=2,
        plan_session=1,
        notes="felt strong",
        next_day_pain=3,
        next_day_pain_area=PainArea.LOW_BACK,
        next_day_pain_side=Side.BOTH,
        rpe=7,
    )
    with uow() as work:
        assert work.sessions.add(ALICE, session) is True
        work.commit()
    with uow() as work:
        assert work.sessions.get(ALICE, "session-01") == session
        assert work.sessions.get(ALICE, "session-99") is None


def test_adding_the_same_session_id_twice_stores_it_once(
    uow: UnitOfWorkFactory, users: tuple[str, str], connection: Connection
) -> None:
    first = a_session("session-01", notes="first")
    with uow() as work:
        assert work.sessions.add(ALICE, first) is True
        assert work.sessions.add(ALICE, replace(first, notes="retry")) is False
        work.commit()
    with uow() as work:
        assert work.sessions.get(ALICE, "session-01") == first
    assert _count(connection, training_session, ALICE) == 1


def test_an_update_from_the_stored_version_replaces_the_session(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    with uow() as work:
        work.sessions.add(ALICE, a_session("session-01"))
        work.commit()
    edited = a_session("session-01", notes="knee fine", next_day_pain=2, version=2)
    with uow() as work:
        assert work.sessions.update(ALICE, edited) is True
        work.commit()
    with uow() as work:
        assert work.sessions.get(ALICE, "session-01") == edited


def test_an_update_from_a_stale_version_changes_nothing(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    with uow() as work:
        work.sessions.add(ALICE, a_session("session-01"))
        work.sessions.update(ALICE, a_session("session-01", notes="device A", version=2))
        work.commit()
    with uow() as work:
        stale = a_session("session-01", notes="device B", version=2)
        assert work.sessions.update(ALICE, stale) is False
        assert work.sessions.update(ALICE, a_session("session-99", version=2)) is False
        work.commit()
    with uow() as work:
        stored = work.sessions.get(ALICE, "session-01")
    assert stored is not None
    assert (stored.notes, stored.version) == ("device A", 2)


def test_deleting_a_session_removes_its_sets(
    uow: UnitOfWorkFactory, users: tuple[str, str], connection: Connection
) -> None:
    with uow() as work:
        work.sessions.add(ALICE, a_session("session-01"))
        work.sets.add(ALICE, a_set("set-000001", "session-01"))
        work.sets.add(ALICE, a_set("set-000002", "session-01", minute=3))
        work.commit()
    with uow() as work:
        assert work.sessions.delete(ALICE, "session-01") is True
        assert work.sessions.delete(ALICE, "session-01") is False
        work.commit()
    with uow() as work:
        assert work.sessions.get(ALICE, "session-01") is None
        assert work.sets.get(ALICE, "set-000001") is None
    assert _count(connection, logged_set, ALICE) == 0


def test_sessions_between_two_dates_are_inclusive_and_oldest_first(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    days = [date(2026, 3, d) for d in (9, 2, 5, 12, 1)]
    with uow() as work:
        for number, day in enumerate(days):
            work.sessions.add(ALICE, a_session(f"session-0{number}", day=day))
        work.commit()
    with uow() as work:
        found = work.sessions.between(ALICE, date(2026, 3, 2), date(2026, 3, 9))
    assert [s.date.day for s in found] == [2, 5, 9]


def test_the_latest_sessions_are_the_newest_few_newest_first(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    with uow() as work:
        for day in (3, 1, 4, 2):
            work.sessions.add(ALICE, a_session(f"session-0{day}", day=date(2026, 3, day)))
        work.commit()
    with uow() as work:
        assert [s.id for s in work.sessions.latest(ALICE, 2)] == ["session-04", "session-03"]
        assert work.sessions.latest(ALICE, 0) == []


def test_all_sessions_are_listed_oldest_first(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    with uow() as work:
        for day in (3, 1, 2):
            work.sessions.add(ALICE, a_session(f"session-0{day}", day=date(2026, 3, day)))
        work.sessions.add(BOB, a_session("session-bob", day=date(2026, 3, 2)))
        work.commit()
    with uow() as work:
        assert [s.id for s in work.sessions.all(ALICE)] == [
            "session-01",
            "session-02",
            "session-03",
        ]


def test_one_person_cannot_read_change_or_delete_anothers_session(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    mine = a_session("session-01", notes="alice's")
    with uow() as work:
        work.sessions.add(ALICE, mine)
        work.commit()
    with uow() as work:
        assert work.sessions.get(BOB, "session-01") is None
        assert work.sessions.update(BOB, replace(mine, notes="bob's", version=2)) is False
        assert work.sessions.delete(BOB, "session-01") is False
        assert work.sessions.between(BOB, date(2026, 1, 1), date(2026, 12, 31)) == []
        assert work.sessions.latest(BOB, 5) == []
        work.commit()
    with uow() as work:
        assert work.sessions.get(ALICE, "session-01") == mine


def test_two_people_can_use_the_same_session_id_independently(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    alices = a_session("session-01", notes="alice's")
    bobs = a_session("session-01", notes="bob's", day=date(2026, 3, 7))
    with uow() as work:
        assert work.sessions.add(ALICE, alices) is True
        assert work.sessions.add(BOB, bobs) is True
        work.commit()
    with uow() as work:
        assert work.sessions.delete(BOB, "session-01") is True
        work.commit()
    with uow() as work:
        assert work.sessions.get(ALICE, "session-01") == alices
        assert work.sessions.get(BOB, "session-01") is None
