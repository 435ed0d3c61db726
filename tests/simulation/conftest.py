"""Virtual trainees train on a real SQLite database, one per test session and xdist worker."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.engine import Engine

from hipcoach.store import migrate
from hipcoach.store.engine import make_engine
from hipcoach.store.uow import SqlUnitOfWork
from tests.simulation.trainee import UnitOfWorkFactory


@pytest.fixture(scope="session")
def trainee_engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    folder = tmp_path_factory.mktemp("trainees")
    engine = make_engine(f"sqlite:///{folder / 'trainees.db'}")
    migrate.upgrade(engine)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def make(trainee_engine: Engine) -> UnitOfWorkFactory:
    return lambda: SqlUnitOfWork(trainee_engine)
