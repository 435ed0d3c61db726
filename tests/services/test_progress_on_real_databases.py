"""The progress report's counts come from SQL on both databases: the same two months of
training give the same report on SQLite, PostgreSQL and the in-memory fakes."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine

from hipcoach.services import progress
from hipcoach.store import migrate
from hipcoach.store.engine import make_engine
from hipcoach.store.uow import SqlUnitOfWork
from tests.postgres import drop_database, recreate_database
from tests.services import simulation
from tests.services.fakes import FakeUnitOfWork

AFTER = simulation.PROFILE.start + timedelta(weeks=8)


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    name = f"hipcoach_progress_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}_{os.getpid()}"
    url = f"sqlite:///{tmp_path / 'p.db'}" if request.param == "sqlite" else recreate_database(name)
    made = make_engine(url)
    migrate.upgrade(made)
    try:
        yield made
    finally:
        made.dispose()
        if request.param == "postgresql":
            drop_database(name)


def _comparable(report: progress.ProgressReport) -> tuple[object, ...]:
    return (
        report.adherence,
        report.weekly_sets,
        report.trends,
        report.moves,
        report.milestones,
        report.pain,
        report.lighter_weeks,
    )


def test_sql_and_the_fakes_give_the_same_report(engine: Engine) -> None:
    simulation.run(lambda: SqlUnitOfWork(engine))
    fake = FakeUnitOfWork()
    simulation.run(fake)
    real = progress.progress_report(uow=SqlUnitOfWork(engine), user_id=simulation.USER, today=AFTER)
    faked = progress.progress_report(uow=fake, user_id=simulation.USER, today=AFTER)
    assert real.moves
    assert _comparable(real) == _comparable(faked)
    sessions, counts = progress.recent_session_counts(
        uow=SqlUnitOfWork(engine), user_id=simulation.USER, limit=3
    )
    assert len(sessions) == 3
    assert all(counts[s.id] > 0 for s in sessions)
