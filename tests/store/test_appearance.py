"""Each person's appearance: stored, read back, limited to the known schemes, and arriving as
`system` for everyone who existed before the column did (on SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from sqlalchemy import Connection, Engine, inspect
from sqlalchemy.exc import IntegrityError

from hipcoach.domain.appearance import Appearance
from hipcoach.store import migrate
from tests.store.conftest import UnitOfWorkFactory
from tests.store.records import ALICE, BOB

APPEARANCE = "dad9a8f00596"
BEFORE = "5c1f0e7a9b24"


def test_a_chosen_appearance_is_stored_for_that_person_only(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    with uow() as work:
        assert work.users.set_appearance(ALICE, Appearance.DARK)
        assert not work.users.set_appearance("user-nobody", Appearance.DARK)
        work.commit()
    with uow() as work:
        alice, bob = work.users.get(ALICE), work.users.get(BOB)
    assert alice is not None
    assert bob is not None
    assert (alice.appearance, bob.appearance) == (Appearance.DARK, Appearance.SYSTEM)


def test_the_database_refuses_an_unknown_appearance(
    users: tuple[str, str], connection: Connection
) -> None:
    with pytest.raises(IntegrityError), connection.begin_nested():
        connection.exec_driver_sql("UPDATE \"user\" SET appearance = 'sepia'")
    with connection.begin_nested():
        connection.exec_driver_sql("UPDATE \"user\" SET appearance = 'light'")


def _columns(engine: Engine) -> set[str]:
    return {column["name"] for column in inspect(engine).get_columns("user")}


def test_people_from_before_the_column_follow_their_device_and_downgrade_keeps_them(
    empty_engine: Engine,
) -> None:
    migrate.upgrade(empty_engine, BEFORE)
    with empty_engine.begin() as connection:
        connection.exec_driver_sql(
            'INSERT INTO "user" (id, name, created_at)'
            " VALUES ('user-alice', 'Alice', '2026-03-05 08:00:00')"
        )
    migrate.upgrade(empty_engine, APPEARANCE)
    with empty_engine.connect() as connection:
        found = connection.exec_driver_sql('SELECT appearance FROM "user"').scalars().all()
    assert found == ["system"]
    migrate.downgrade(empty_engine, BEFORE)
    assert "appearance" not in _columns(empty_engine)
    with empty_engine.connect() as connection:
        names = connection.exec_driver_sql('SELECT name FROM "user"').scalars().all()
    assert names == ["Alice"]
