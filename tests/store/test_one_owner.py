"""Exactly one owner, held by the database, however many first sign-ups arrive at once."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import Connection, Engine, insert, select
from sqlalchemy.exc import IntegrityError

from hipcoach.domain.auth import AuthError
from hipcoach.services import accounts
from hipcoach.store import migrate
from hipcoach.store.engine import make_engine
from hipcoach.store.tables import credential, user
from hipcoach.store.uow import SqlUnitOfWork
from tests.services.fakes import FakeHasher
from tests.store.records import MORNING

PEOPLE = 12
BEFORE_ONE_OWNER = "3f1a2b7c9d01"


def _owner_row(user_id: str) -> dict[str, object]:
    return {
        "user_id": user_id,
        "email": f"{user_id}@example.com",
        "password_hash": "x",
        "is_owner": True,
        "created_at": MORNING,
    }


def test_the_database_refuses_a_second_owner(connection: Connection) -> None:
    for user_id in ("first", "second"):
        connection.execute(insert(user).values(id=user_id, name=user_id, created_at=MORNING))
    connection.execute(insert(credential).values(_owner_row("first")))
    with pytest.raises(IntegrityError), connection.begin_nested():
        connection.execute(insert(credential).values(_owner_row("second")))
    member = _owner_row("second") | {"is_owner": False}
    connection.execute(insert(credential).values(member))  # members are many


@pytest.fixture
def processes(empty_engine: Engine) -> Iterator[tuple[Engine, Engine]]:
    migrate.upgrade(empty_engine)
    other = make_engine(empty_engine.url)
    try:
        yield empty_engine, other
    finally:
        other.dispose()


def _sign_up_together(engines: tuple[Engine, Engine], *, open_signup: bool) -> list[str]:
    start = threading.Barrier(PEOPLE)
    results: list[str] = []

    def sign_up(n: int) -> None:
        start.wait()
        try:
            accounts.sign_up(
                uow=SqlUnitOfWork(engines[n % 2]),
                hasher=FakeHasher(),
                email=f"person{n}@example.com",
                password="correct horse battery",
                name=f"P{n}",
                now=MORNING,
                open_signup=open_signup,
            )
        except AuthError as error:
            results.append("closed" if "closed" in error.message else error.message)
        else:
            results.append("in")

    threads = [threading.Thread(target=sign_up, args=(n,)) for n in range(PEOPLE)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def _owners(engine: Engine) -> tuple[int, int]:
    with engine.connect() as connection:
        flags = connection.execute(select(credential.c.is_owner)).scalars().all()
    return sum(flags), len(flags)


def test_simultaneous_first_sign_ups_on_a_closed_server_make_exactly_one_owner(
    processes: tuple[Engine, Engine],
) -> None:
    results = _sign_up_together(processes, open_signup=False)
    assert sorted(results) == ["closed"] * (PEOPLE - 1) + ["in"]
    assert _owners(processes[0]) == (1, 1)
    with processes[0].connect() as connection:  # the refused left no user behind
        assert len(connection.execute(select(user.c.id)).all()) == 1


def test_simultaneous_first_sign_ups_on_an_open_server_make_one_owner_and_members(
    processes: tuple[Engine, Engine],
) -> None:
    assert _sign_up_together(processes, open_signup=True) == ["in"] * PEOPLE
    assert _owners(processes[0]) == (1, PEOPLE)


def test_the_migration_keeps_the_earliest_of_several_owners(empty_engine: Engine) -> None:
    migrate.upgrade(empty_engine, BEFORE_ONE_OWNER)
    with empty_engine.begin() as connection:
        for user_id, minutes in (("late", 30), ("early", 0), ("middle", 10)):
            moment = MORNING + timedelta(minutes=minutes)
            connection.execute(insert(user).values(id=user_id, name=user_id, created_at=moment))
            connection.execute(
                insert(credential).values(_owner_row(user_id) | {"created_at": moment})
            )
    migrate.upgrade(empty_engine)
    with empty_engine.connect() as connection:
        owners = connection.execute(
            select(credential.c.user_id).where(credential.c.is_owner)
        ).scalars()
        assert list(owners) == ["early"]
