"""The database itself refuses impossible sets, whatever code writes them."""

from __future__ import annotations

import pytest
from sqlalchemy import Connection, insert
from sqlalchemy.exc import IntegrityError

from hipcoach.domain.errors import NotFoundError
from hipcoach.store.mapping import session_to_row, set_to_row
from hipcoach.store.tables import logged_set, training_session
from tests.store.conftest import UnitOfWorkFactory
from tests.store.records import ALICE, BOB, a_session, a_set


def _insert_raw(connection: Connection, row: dict[str, object]) -> None:
    """Write a row straight to the table, past every check of the domain and repositories."""
    with connection.begin_nested():
        connection.execute(insert(logged_set).values(row))


@pytest.mark.parametrize(
    "bad",
    [
        pytest.param({"pain": 11}, id="pain-11"),
        pytest.param({"pain": -1}, id="pain-negative"),
        pytest.param({"reps": 10, "steps": 10}, id="reps-and-steps"),
        pytest.param({"reps": None}, id="no-amount"),
        pytest.param({"reps": 10, "steps": 10, "hold_seconds": 30}, id="all-three-amounts"),
        pytest.param({"side": "middle"}, id="unknown-side"),
        pytest.param({"pain": 4, "pain_area": "elbow"}, id="unknown-pain-area"),
        pytest.param({"pain": 4, "pain_area": "hip", "pain_side": "up"}, id="unknown-pain-side"),
    ],
)
def test_the_database_rejects_an_impossible_set(
    uow: UnitOfWorkFactory, users: tuple[str, str], connection: Connection, bad: dict[str, object]
) -> None:
    with uow() as work:
        work.sessions.add(ALICE, a_session("session-01"))
        work.commit()
    good = set_to_row(ALICE, a_set("set-000001", "session-01"))
    with pytest.raises(IntegrityError):
        _insert_raw(connection, good | bad)
    _insert_raw(connection, good)  # the same row without the fault is fine
    with uow() as work:
        assert [s.id for s in work.sets.all(ALICE)] == ["set-000001"]


@pytest.mark.parametrize(
    "bad",
    [
        pytest.param({"next_day_pain_area": "elbow"}, id="unknown-area"),
        pytest.param({"next_day_pain_side": "middle"}, id="unknown-side"),
    ],
)
def test_the_database_rejects_an_unknown_next_day_pain_location(
    users: tuple[str, str], connection: Connection, bad: dict[str, object]
) -> None:
    good = session_to_row(ALICE, a_session("session-01", next_day_pain=4))
    with pytest.raises(IntegrityError), connection.begin_nested():
        connection.execute(insert(training_session).values(good | bad))
    with connection.begin_nested():
        connection.execute(insert(training_session).values(good | {"next_day_pain_area": "hip"}))


@pytest.mark.parametrize("rpe", [0, 11, -1])
def test_the_database_rejects_a_session_effort_outside_1_to_10(
    users: tuple[str, str], connection: Connection, rpe: int
) -> None:
    good = session_to_row(ALICE, a_session("session-01"))
    with pytest.raises(IntegrityError), connection.begin_nested():
        connection.execute(insert(training_session).values(good | {"rpe": rpe}))
    with connection.begin_nested():
        connection.execute(insert(training_session).values(good | {"rpe": 10}))


def test_a_failed_save_through_a_repository_stores_nothing(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    def save_session_with_a_painful_set() -> None:
        with uow() as work:
            work.sessions.add(ALICE, a_session("session-01"))
            work.sets.add(ALICE, a_set("set-000001", "session-01", pain=11))
            work.commit()

    with pytest.raises(IntegrityError):
        save_session_with_a_painful_set()
    with uow() as work:
        assert work.sessions.all(ALICE) == []
        assert work.sets.all(ALICE) == []


def test_a_set_must_belong_to_a_session_of_the_same_person(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    with uow() as work:
        work.sessions.add(BOB, a_session("session-bob"))
        work.commit()
    # The composite foreign key refuses it; the repository reports it as "no such session".
    with pytest.raises(NotFoundError, match="No session session-bob"), uow() as work:
        work.sets.add(ALICE, a_set("set-000001", "session-bob"))


def test_a_session_needs_a_stored_person(uow: UnitOfWorkFactory) -> None:
    with pytest.raises(IntegrityError), uow() as work:
        work.sessions.add("user-nobody", a_session("session-01"))
