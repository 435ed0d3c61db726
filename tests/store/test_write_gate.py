"""SQLite's one writer: writers queue on the gate (threads and processes), readers never do."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from hipcoach.services.ports import StoreBusy
from hipcoach.store import migrate
from hipcoach.store.engine import BUSY_TIMEOUT_MS, CHECKPOINT_EVERY, make_engine
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
    return SqlUnitOfWork(engine)


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
    from datetime import UTC, datetime
    from sqlalchemy import event
    from hipcoach.domain.account import User
    from hipcoach.store.engine import make_engine
    from hipcoach.store.uow import SqlUnitOfWork

    url, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    engine = make_engine(url)

    # No busy timeout: any moment SQLite finds the database locked fails at once, so only
    # the gate keeps these writers apart.
    @event.listens_for(engine, "connect")
    def no_waiting(dbapi_connection, _record):
        dbapi_connection.execute("PRAGMA busy_timeout=0")

    now = datetime.now(UTC)
    with engine.connect():  # connected, so nothing but writing is left to do
        pass
    print("ready", flush=True)
    sys.stdin.readline()  # both processes start writing together, on the test's word
    for number in range(count):
        with SqlUnitOfWork(engine) as work:
            work.users.add(User(f"{name}-{number}", name, now))
            work.commit()
    """
)


def _writer(url: str, name: str, count: int) -> subprocess.Popen[str]:
    command = [sys.executable, "-c", WRITER, url, name, str(count)]
    return subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def test_writers_in_two_processes_take_turns_without_sqlite_ever_finding_a_lock(
    database: tuple[str, Engine],
) -> None:
    url, engine = database
    count = 500
    writers = [_writer(url, name, count) for name in ("left", "right")]
    # A handshake, not a fixed head start: both have started up before either writes.
    for writer in writers:
        assert writer.stdout is not None
        assert writer.stdout.readline() == "ready\n", writer.communicate(timeout=120)[1]
    for writer in writers:
        assert writer.stdin is not None
        writer.stdin.write("go\n")
        writer.stdin.flush()
    results = [writer.communicate(timeout=120) for writer in writers]
    for writer, (_, errors) in zip(writers, results, strict=True):
        assert writer.returncode == 0, errors
    assert _users(engine) == 2 * count


def _add_and_commit(uow: SqlUnitOfWork, user_id: str) -> None:
    with uow as work:
        work.users.add(a_user(user_id))
        work.commit()


def test_a_no_wait_unit_of_work_steps_back_from_a_busy_gate_and_stores_nothing(
    database: tuple[str, Engine],
) -> None:
    _, engine = database
    holding, release = threading.Event(), threading.Event()

    def writer() -> None:
        with _uow(engine) as work:
            work.users.add(a_user("user-holder"))
            holding.set()
            release.wait(WAIT_S)
            work.commit()

    holder = threading.Thread(target=writer)
    holder.start()
    assert holding.wait(WAIT_S)
    try:
        with pytest.raises(StoreBusy):
            _add_and_commit(SqlUnitOfWork(engine, no_wait=True), "user-hasty")
        with SqlUnitOfWork(engine, no_wait=True).read_only() as work:  # reading never waits
            assert work.users.get("user-holder") is None
    finally:
        release.set()
        holder.join(WAIT_S)
    _add_and_commit(SqlUnitOfWork(engine, no_wait=True), "user-hasty")  # free: at once
    with _uow(engine).read_only() as work:
        assert work.users.get("user-holder") is not None
        assert work.users.get("user-hasty") is not None


def test_the_wal_is_copied_back_into_the_database_in_the_background(
    database: tuple[str, Engine], tmp_path: Path
) -> None:
    _, engine = database
    main_file = tmp_path / "gate.db"
    plain = sqlite3.connect(main_file)  # start from a fully checkpointed file
    try:
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        plain.close()
    before = main_file.stat().st_size
    for number in range(CHECKPOINT_EVERY):
        _add_and_commit(_uow(engine), f"user-{number:04d}")
    deadline = time.monotonic() + WAIT_S
    while main_file.stat().st_size == before and time.monotonic() < deadline:
        time.sleep(0.05)
    assert main_file.stat().st_size > before, "no checkpoint copied the new rows back"
    assert _users(engine) == CHECKPOINT_EVERY


def test_another_program_holding_the_file_makes_writes_busy_soon_and_reads_go_on(
    database: tuple[str, Engine], tmp_path: Path
) -> None:
    _, engine = database
    outside = sqlite3.connect(tmp_path / "gate.db", isolation_level=None)  # skips the gate
    try:
        outside.execute("BEGIN IMMEDIATE")
        started = time.monotonic()
        with pytest.raises(StoreBusy):
            _add_and_commit(SqlUnitOfWork(engine, no_wait=True), "user-hasty")
        assert time.monotonic() - started < 0.2, "a no-wait write must not wait at all"
        started = time.monotonic()
        with pytest.raises(StoreBusy) as busy:
            _add_and_commit(_uow(engine), "user-patient")
        waited = time.monotonic() - started
        assert BUSY_TIMEOUT_MS / 1000 * 0.9 <= waited < BUSY_TIMEOUT_MS / 1000 + 1.0
        assert busy.value.retry_after_s >= 1
        started = time.monotonic()
        with pytest.raises(StoreBusy):  # right after: once, not the whole wait again
            _add_and_commit(_uow(engine), "user-next")
        assert time.monotonic() - started < 0.2
        with _uow(engine).read_only() as work:
            assert work.users.get("user-patient") is None
    finally:
        outside.execute("ROLLBACK")
        outside.close()
    _add_and_commit(_uow(engine), "user-patient")
    assert _users(engine) == 1
