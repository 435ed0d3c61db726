"""Real SQLite and real PostgreSQL, schema by `alembic upgrade head`, one rolled-back transaction
per test.

PostgreSQL: each xdist worker gets its own fresh database on HIPCOACH_TEST_POSTGRES_URL's
server. When the server is unreachable the PostgreSQL half is skipped, unless
HIPCOACH_REQUIRE_POSTGRES=1 (as in CI) turns that into a failure.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import Connection, Engine
from sqlalchemy.engine import URL

from hipcoach.store import migrate
from hipcoach.store.engine import make_engine
from hipcoach.store.uow import SqlUnitOfWork
from tests.postgres import drop_database, recreate_database
from tests.store.records import ALICE, BOB, a_user

DATABASES = ["sqlite", "postgresql"]

UnitOfWorkFactory = Callable[[], SqlUnitOfWork]


@pytest.fixture(scope="session")
def worker() -> str:
    return os.environ.get("PYTEST_XDIST_WORKER", f"main{os.getpid()}")  # runs side by side


@contextmanager
def _new_database(kind: str, name: str, folder: Path) -> Iterator[Engine]:
    """An engine on a brand-new, empty database of the given kind, removed afterwards."""
    if kind == "sqlite":
        url: str | URL = f"sqlite:///{folder / f'{name}.db'}"
    else:
        url = recreate_database(name)
    engine = make_engine(url)
    try:
        yield engine
    finally:
        engine.dispose()
        if kind == "postgresql":
            drop_database(name)


@pytest.fixture(scope="session", params=DATABASES)
def engine(
    request: pytest.FixtureRequest, worker: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Engine]:
    """A database migrated to head once per test session (and xdist worker)."""
    folder = tmp_path_factory.mktemp("sqlite")
    with _new_database(request.param, f"hipcoach_test_{worker}_{os.getpid()}", folder) as migrated:
        migrate.upgrade(migrated)
        yield migrated


@pytest.fixture(params=DATABASES)
def empty_engine(request: pytest.FixtureRequest, worker: str, tmp_path: Path) -> Iterator[Engine]:
    """A fresh database with no schema at all, for migration tests that may break it."""
    with _new_database(
        request.param, f"hipcoach_test_{worker}_{os.getpid()}_empty", tmp_path
    ) as empty:
        yield empty


@pytest.fixture
def connection(engine: Engine) -> Iterator[Connection]:
    """One outer transaction per test, rolled back at the end whatever the test committed."""
    with engine.connect() as outer:
        transaction = outer.begin()
        try:
            yield outer
        finally:
            transaction.rollback()


@pytest.fixture
def uow(connection: Connection) -> UnitOfWorkFactory:
    """Units of work whose commit() releases a SAVEPOINT inside the test's transaction."""
    return lambda: SqlUnitOfWork(connection)


@pytest.fixture
def users(uow: UnitOfWorkFactory) -> tuple[str, str]:
    """Two stored people, Alice and Bob, whose data must never mix."""
    with uow() as work:
        work.users.add(a_user(ALICE))
        work.users.add(a_user(BOB))
        work.commit()
    return ALICE, BOB


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Run `sqlite_only` tests on SQLite alone (deselected, not skipped, elsewhere)."""
    keep, drop = [], []
    for item in items:
        callspec = getattr(item, "callspec", None)
        kind = callspec.params.get("engine") if callspec else None
        if item.get_closest_marker("sqlite_only") and kind not in (None, "sqlite"):
            drop.append(item)
        else:
            keep.append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep
