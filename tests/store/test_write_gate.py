"""SQLite's one writer: writers queue on the gate (threads and processes), readers never do."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import sessionmaker

from hipcoach.store import migrate
from hipcoach.store.engine import make_engine
from hipcoach.store.tables import user as user_table
from hipcoach.store.uow import SqlUnitOfWork
from tests.store.records import a_user

WAIT_S = 10.0


@pytest.fixture
def database(tmp_path: Path) -> Iterator[tuple[str, Engine]]:
    url = f"sqlite:///{tmp_path / 'gate.db'}"
    engine = make_engine(url)
    migrate.upgrade(engine)
    yield url, engine
    engine.dispose()


def _uow(engine: Engine) -> SqlUnitOfWork:
    return SqlUnitOfWork(sessionmaker(bind=engine, expire_on_commit=False))


def _users(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(user_table)).scalar_one())


def test_a_reader_runs_while_a_writer_holds_the_gate_and_a_second_writer_waits(
    database: tuple[str, Engine],
) -> None:
    _, engine = database
    holding, release = threading.Event(), threading.Event()

    def first_writer() -> None:
        with _uow(engine) as work:
            work.users.add(a_user("user-first"))
            holding.set()
            release.wait(WAIT_S)
            work.commit()

    def second_writer() -> None:
        with _uow(engine) as work:
            work.users.add(a_user("user-second"))
            work.commit()

    first = threading.Thread(target=first_writer)
    first.start()
    assert holding.wait(WAIT_S)
    started = time.monotonic()
    with _uow(engine).read_only() as work:  # sees the last commit, without waiting
        assert work.users.get("user-first") is None
    assert time.monotonic() - started < 1.0
    second = threading.Thread(target=second_writer)
    second.start()
    second.join(0.3)
    assert second.is_alive(), "the second writer should queue behind the first"
    release.set()
    first.join(WAIT_S)
    second.join(WAIT_S)
    assert not second.is_alive()
    assert _users(engine) == 2


def test_a_read_only_unit_of_work_refuses_to_commit(database: tuple[str, Engine]) -> None:
    _, engine = database
    with _uow(engine).read_only() as work, pytest.raises(RuntimeError, match="read-only"):
        work.commit()
    with _uow(engine) as work:  # the next block writes again
        work.users.add(a_user("user-after"))
        work.commit()
    assert _users(engine) == 1


WRITER = textwrap.dedent(
    """
    import sys
    import time
    from datetime import UTC, datetime
    from sqlalchemy import event
    from sqlalchemy.orm import sessionmaker
    from hipcoach.domain.account import User
    from hipcoach.store.engine import make_engine
    from hipcoach.store.uow import SqlUnitOfWork

    url, name, count, start = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
    engine = make_engine(url)

    # No busy timeout: any moment SQLite finds the database locked fails at once, so only
    # the gate keeps these writers apart.
    @event.listens_for(engine, "connect")
    def no_waiting(dbapi_connection, _record):
        dbapi_connection.execute("PRAGMA busy_timeout=0")

    factory = sessionmaker(bind=engine, expire_on_commit=False)
    now = datetime.now(UTC)
    time.sleep(max(0.0, start - time.time()))  # both processes start writing together
    for number in range(count):
        with SqlUnitOfWork(factory) as work:
            work.users.add(User(f"{name}-{number}", name, now))
            work.commit()
    """
)


def _writer(url: str, name: str, count: int, start: float) -> subprocess.Popen[str]:
    command = [sys.executable, "-c", WRITER, url, name, str(count), str(start)]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_writers_in_two_processes_take_turns_without_sqlite_ever_finding_a_lock(
    database: tuple[str, Engine],
) -> None:
    url, engine = database
    count, start = 500, time.time() + 3.0
    writers = [_writer(url, name, count, start) for name in ("left", "right")]
    results = [writer.communicate(timeout=120) for writer in writers]
    for writer, (_, errors) in zip(writers, results, strict=True):
        assert writer.returncode == 0, errors
    assert _users(engine) == 2 * count
