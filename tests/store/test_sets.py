"""Logged sets: round trips, idempotent adds, logged order, exposures, per-user scoping."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Connection

from hipcoach.domain.catalogue import PainArea
from hipcoach.domain.log import Effort, LoggedSet, Side
from tests.store.conftest import UnitOfWorkFactory
from tests.store.records import ALICE, BOB, a_session, a_set


def _store(uow: UnitOfWorkFactory, user_id: str, *sets: LoggedSet) -> None:
    """Store the sets, creating each session they name (dated like the set) on the way."""
    with uow() as work:
        for logged in sets:
            session = a_session(logged.session_id, day=logged.logged_at.date())
            work.sessions.add(user_id, session)
            work.sets.add(user_id, logged)
        work.commit()


def test_a_stored_set_comes_back_with_every_field(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    logged = a_set(
        "set-000001",
        "session-01",
        exercise="cable_hip_abduction",
        side=Side.LEFT,
        resistance_key="cable_10kg",
        load_kg=10.0,
        rir=2,
        effort=Effort.EASY,
        pain=3,
        note="slight pinch at the end",
        pain_area=PainArea.KNEE,
        pain_side=Side.RIGHT,
    )
    _store(uow, ALICE, logged)
    with uow() as work:
        assert work.sets.get(ALICE, "set-000001") == logged
        assert work.sets.get(ALICE, "set-999999") is None


def test_steps_and_holds_are_stored_as_given(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    walk = a_set("set-000001", "session-01", exercise="lateral_band_walk", reps=None, steps=15)
    hold = a_set(
        "set-000002",
        "session-01",
        exercise="side_plank_hip_abduction",
        reps=None,
        hold_seconds=30,
        effort=None,
    )
    _store(uow, ALICE, walk, hold)
    with uow() as work:
        assert work.sets.all(ALICE) == [walk, hold]


def test_adding_the_same_set_id_twice_stores_it_once(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    logged = a_set("set-000001", "session-01")
    _store(uow, ALICE, logged)
    with uow() as work:
        assert work.sets.add(ALICE, replace(logged, reps=20)) is False
        work.commit()
    with uow() as work:
        assert work.sets.all(ALICE) == [logged]


def test_a_logged_time_comes_back_as_the_same_instant_in_utc(
    uow: UnitOfWorkFactory, users: tuple[str, str], connection: Connection
) -> None:
    if connection.dialect.name == "postgresql":
        # A server session far from UTC proves the conversion is ours, not the server's.
        connection.exec_driver_sql("SET TIME ZONE 'Asia/Kolkata'")
    local = datetime(2026, 3, 2, 23, 45, 30, 123456, tzinfo=ZoneInfo("America/Los_Angeles"))
    logged = replace(a_set("set-000001", "session-01"), logged_at=local)
    _store(uow, ALICE, logged)
    with uow() as work:
        stored = work.sets.get(ALICE, "set-000001")
    assert stored is not None
    assert stored.logged_at == local
    assert stored.logged_at.utcoffset() == timedelta(0)
    assert stored.logged_at.tzinfo is not None


def test_sets_of_given_sessions_come_in_logged_order(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    first = a_set("set-000003", "session-01", minute=1)
    second = a_set("set-000001", "session-02", minute=2)
    third = a_set("set-000002", "session-01", minute=3)
    other = a_set("set-000004", "session-03", minute=0)
    _store(uow, ALICE, third, other, second, first)
    with uow() as work:
        wanted = work.sets.for_sessions(ALICE, ["session-01", "session-02"])
        assert wanted == [first, second, third]
        assert work.sets.for_sessions(ALICE, []) == []


def test_all_sets_come_in_logged_order(uow: UnitOfWorkFactory, users: tuple[str, str]) -> None:
    late = a_set("set-000001", "session-02", day=date(2026, 3, 5))
    early = a_set("set-000002", "session-01", day=date(2026, 3, 2))
    _store(uow, ALICE, late, early)
    _store(uow, BOB, a_set("set-000003", "session-01"))
    with uow() as work:
        assert work.sets.all(ALICE) == [early, late]


def test_deleting_a_set_leaves_the_rest_of_the_session(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    kept = a_set("set-000001", "session-01")
    _store(uow, ALICE, kept, a_set("set-000002", "session-01", minute=2))
    with uow() as work:
        assert work.sets.delete(ALICE, "set-000002") is True
        assert work.sets.delete(ALICE, "set-000002") is False
        work.commit()
    with uow() as work:
        assert work.sets.all(ALICE) == [kept]
        assert work.sessions.get(ALICE, "session-01") is not None


def test_exposures_are_the_newest_sessions_with_the_exercise_and_only_its_sets(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    days = {"session-01": 2, "session-02": 5, "session-03": 9, "session-04": 12}
    bridges = {
        sid: [a_set(f"set-{sid[-2:]}-{n}", sid, day=date(2026, 3, day), minute=n) for n in (1, 2)]
        for sid, day in days.items()
        if sid != "session-04"
    }
    clamshell = a_set("set-04-clam", "session-04", exercise="clamshell", day=date(2026, 3, 12))
    side_work = a_set("set-03-clam", "session-03", exercise="clamshell", day=date(2026, 3, 9))
    _store(uow, ALICE, *(s for sets in bridges.values() for s in sets), clamshell, side_work)
    with uow() as work:
        found = work.sets.exposures(ALICE, "glute_bridge", 2)
    assert [(session.id, sets) for session, sets in found] == [
        ("session-03", bridges["session-03"]),
        ("session-02", bridges["session-02"]),
    ]
    assert found[0][0].date == date(2026, 3, 9)


def test_exposures_on_the_same_day_are_ordered_by_their_last_set(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    morning = a_set("set-000001", "session-am", minute=0)
    evening = a_set("set-000002", "session-pm", minute=600)
    _store(uow, ALICE, evening, morning)
    with uow() as work:
        found = work.sets.exposures(ALICE, "glute_bridge", 5)
        assert [session.id for session, _ in found] == ["session-pm", "session-am"]
        assert work.sets.exposures(ALICE, "glute_bridge", 0) == []
        assert work.sets.exposures(ALICE, "clamshell", 5) == []


def test_one_person_cannot_read_delete_or_list_anothers_sets(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    mine = a_set("set-000001", "session-01")
    _store(uow, ALICE, mine)
    with uow() as work:
        assert work.sets.get(BOB, "set-000001") is None
        assert work.sets.delete(BOB, "set-000001") is False
        assert work.sets.for_sessions(BOB, ["session-01"]) == []
        assert work.sets.exposures(BOB, "glute_bridge", 5) == []
        assert work.sets.all(BOB) == []
        work.commit()
    with uow() as work:
        assert work.sets.get(ALICE, "set-000001") == mine


def test_two_people_can_use_the_same_set_id_independently(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    alices = a_set("set-000001", "session-01", reps=10)
    bobs = a_set("set-000001", "session-01", reps=15)
    _store(uow, ALICE, alices)
    _store(uow, BOB, bobs)
    with uow() as work:
        assert work.sets.get(ALICE, "set-000001") == alices
        assert work.sets.get(BOB, "set-000001") == bobs


def test_many_new_sets_go_in_with_one_statement_and_taken_ids_are_skipped(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    first = a_set("set-000001", "session-01")
    _store(uow, ALICE, first)
    _store(uow, BOB, a_set("set-000002", "session-01"))  # the same id in another account
    fresh = [a_set(f"set-{n:06d}", "session-01", reps=10 + n) for n in range(2, 40)]
    changed = replace(first, reps=99)
    with uow() as work:
        stored = work.sets.add_many(ALICE, [changed, *fresh])
        work.commit()
    assert stored == frozenset(s.id for s in fresh)  # set-000001 was taken: skipped
    with uow() as work:
        assert work.sets.get(ALICE, "set-000001") == first  # unchanged
        assert work.sets.get(ALICE, "set-000039") == fresh[-1]
        assert work.sets.get(BOB, "set-000002") == a_set("set-000002", "session-01")
        assert work.sets.add_many(ALICE, []) == frozenset()
