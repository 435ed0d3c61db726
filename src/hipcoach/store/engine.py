"""Engines tuned per database: SQLite for one person's file, PostgreSQL for a server."""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from typing import Any

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.engine import URL

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: SQLite's busy timeout alone keeps order
    fcntl = None  # type: ignore[assignment]

BUSY_TIMEOUT_MS = 2000
"""How long a transaction waits for a program that skips the gate (a sqlite3 shell, a backup
tool) before the store says it is busy (StoreBusy: a 503 with Retry-After, not a hang)."""
OUTSIDE_WRITER_S = 1.0
"""After a transaction of this process found such a program holding the database, how long
the next ones try once instead of each waiting BUSY_TIMEOUT_MS in turn behind the gate."""
SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA foreign_keys=ON",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
    "PRAGMA synchronous=NORMAL",
    # A backstop only: _Checkpointer copies the WAL back long before it grows this far.
    "PRAGMA wal_autocheckpoint=20000",
)
CHECKPOINT_EVERY = 200
"""Commits of this process between background checkpoints (see `_Checkpointer`)."""
READ_ONLY = "hipcoach_read_only"
"""Execution option a unit of work sets when it will only read (see `_WriteGate`)."""
NO_WAIT = "hipcoach_no_wait"
"""Execution option: raise StoreBusy at once instead of queueing for the write gate."""
GATE_TIMEOUT_S = 30.0
BRIEF_WAIT_S = 0.005
"""How long a NO_WAIT transaction may still wait: about one other writer's turn."""
BRIEF_POLL_S = 0.00005


class GateBusy(Exception):
    """A NO_WAIT transaction found the gate held, or another program held the database past
    the busy timeout (the unit of work reports StoreBusy)."""


_BUSY_CODES = (5, 6)  # SQLITE_BUSY, SQLITE_LOCKED (the low byte of any extended code)


def is_busy(error: BaseException) -> bool:
    """Whether SQLite refused because another connection holds the database."""
    original = getattr(error, "orig", error)
    code = getattr(original, "sqlite_errorcode", None)
    return isinstance(original, sqlite3.OperationalError) and (
        code & 0xFF in _BUSY_CODES if isinstance(code, int) else "locked" in str(original)
    )


def make_engine(url: str | URL) -> Engine:
    """An engine for the database at `url` (sqlite or postgresql+psycopg)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed)
    return create_engine(parsed, pool_pre_ping=True, pool_size=5, max_overflow=5, pool_recycle=1800)


def _sqlite_engine(url: URL) -> Engine:
    engine = create_engine(url)
    gate = _gate_for(url.database)
    event.listen(engine, "connect", _on_sqlite_connect)
    event.listen(engine, "begin", gate.begin)
    event.listen(engine, "commit", gate.commit)
    event.listen(engine, "rollback", gate.rollback)
    return engine


_GATES: dict[str, _WriteGate] = {}
_GATES_LOCK = threading.Lock()


def _gate_for(database: str | None) -> _WriteGate:
    """The one gate of this process for this database file (shared by all its engines)."""
    if not database or database == ":memory:" or database.startswith("file:"):
        return _WriteGate(None)  # private to its engine: no file to share or lock
    key = os.path.realpath(database)
    with _GATES_LOCK:
        if key not in _GATES:
            _GATES[key] = _WriteGate(key)
        return _GATES[key]


class _WriteGate:
    """SQLite has one writer at a time; queue writers on locks that wake them at once.

    When writers collide inside SQLite, its busy handler sleeps in growing steps (1 ms ...
    100 ms), which wrecks tail latency under load, and more so between worker processes.
    So a write transaction first takes this process's lock (threads queue on it), then an
    exclusive `flock` on a `-writer` file beside the database (processes queue in the kernel
    and wake as soon as the holder commits, or dies). BEGIN IMMEDIATE then finds the database
    free; busy_timeout only matters against programs that skip the gate.

    Such a program makes a transaction wait BUSY_TIMEOUT_MS at most, then GateBusy. NO_WAIT
    transactions (run on the event loop) never wait for it at all: their busy timeout is 0.

    NO_WAIT transactions only take the locks when they are free, and never ahead of a writer
    that queues: in this process a count of waiting threads says so, across processes a
    `-queue` file that queued writers hold while they wait. Without that, a stream of quick
    NO_WAIT writers could keep a queued writer waiting (measured: a 387 ms p99).

    Read-only units of work skip the gate: in WAL mode a reader sees a consistent snapshot and
    neither waits for the writer nor holds it up.
    """

    def __init__(self, database: str | None) -> None:
        lock_path = None if database is None else f"{database}-writer"
        self._checkpointer = None if database is None else _Checkpointer(database)
        self._lock = threading.RLock()
        self._waiting = 0  # threads of this process queued for the lock
        self._counting = threading.Lock()
        self._lock_path = lock_path
        self._fd: int | None = None
        self._queue_fd: int | None = None
        self._depth = 0  # nested holds by the thread that has the lock (several engines)
        self._outside_until = 0.0  # monotonic time; see OUTSIDE_WRITER_S

    def begin(self, connection: Any) -> None:
        options = connection.get_execution_options()
        wait = not options.get(NO_WAIT)
        if options.get(READ_ONLY):
            _busy_timeout(connection, BUSY_TIMEOUT_MS if wait else 0)
            connection.exec_driver_sql("BEGIN")
            return
        if wait:
            self._acquire_waiting()
        elif self._waiting or not self._lock.acquire(timeout=BRIEF_WAIT_S):
            raise GateBusy("another writer holds the database")
        try:
            if self._depth == 0:
                self._lock_file(wait)
            self._depth += 1
        except BaseException:
            self._lock.release()
            raise
        connection.info["hipcoach_gate"] = connection.info.get("hipcoach_gate", 0) + 1
        patient = wait and time.monotonic() >= self._outside_until
        _busy_timeout(connection, BUSY_TIMEOUT_MS if patient else 0)
        try:
            _on_sqlite_begin(connection)
        except BaseException as exc:
            self.end(connection)
            if not is_busy(exc):
                raise
            if patient:
                self._outside_until = time.monotonic() + OUTSIDE_WRITER_S
            raise GateBusy("another program holds the database") from exc

    def _acquire_waiting(self) -> None:
        with self._counting:
            self._waiting += 1
        try:
            acquired = self._lock.acquire(timeout=GATE_TIMEOUT_S)
        finally:
            with self._counting:
                self._waiting -= 1
        if not acquired:
            raise GateBusy(f"the database stayed busy for {GATE_TIMEOUT_S:.0f} s")

    # SQLAlchemy announces a commit or rollback before it runs; finishing it here first means
    # the next writer never finds the database still locked after the gate opens.
    def commit(self, connection: Any) -> None:
        self._finish(connection, "commit")

    def rollback(self, connection: Any) -> None:
        self._finish(connection, "rollback")

    def _finish(self, connection: Any, how: str) -> None:
        held = connection.info.get("hipcoach_gate", 0)
        if not held:
            return
        try:
            # The DBAPI connection directly: SQLAlchemy's own call that follows is then a
            # no-op (no transaction is open any more).
            getattr(connection.connection.dbapi_connection, how)()
        finally:
            self.end(connection)
        if how == "commit" and self._checkpointer is not None:
            self._checkpointer.committed()

    def end(self, connection: Any) -> None:
        held = connection.info.get("hipcoach_gate", 0)
        if not held:
            return
        connection.info["hipcoach_gate"] = held - 1
        self._depth -= 1
        try:
            if self._depth == 0 and self._fd is not None:  # opened only where fcntl exists
                fcntl.flock(self._fd, fcntl.LOCK_UN)
        finally:
            self._lock.release()

    def _lock_file(self, wait: bool) -> None:
        if self._lock_path is None or fcntl is None:
            return
        if self._fd is None or self._queue_fd is None:
            self._fd = os.open(self._lock_path, os.O_RDWR | os.O_CREAT, 0o600)
            self._queue_fd = os.open(f"{self._lock_path}-queue", os.O_RDWR | os.O_CREAT, 0o600)
        if wait:  # hold the queue file while waiting, so NO_WAIT writers hold back
            fcntl.flock(self._queue_fd, fcntl.LOCK_EX)
            try:
                fcntl.flock(self._fd, fcntl.LOCK_EX)
            finally:
                fcntl.flock(self._queue_fd, fcntl.LOCK_UN)
            return
        deadline = time.monotonic() + BRIEF_WAIT_S
        while True:
            try:
                fcntl.flock(self._queue_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise GateBusy("a writer in another process is queued") from None
            try:
                fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise GateBusy("another process writes to the database") from None
            finally:
                fcntl.flock(self._queue_fd, fcntl.LOCK_UN)
            time.sleep(BRIEF_POLL_S)


class _Checkpointer:
    """Copies the WAL back into the database in a helper thread, off every request's path.

    SQLite's automatic checkpoint runs inside the COMMIT that takes the WAL past 1,000 pages:
    that request waited for it (about 6 ms here) while holding the write gate, and every
    queued writer with it. A PASSIVE checkpoint from another connection neither waits for nor
    blocks readers and writers, so this one runs beside them every CHECKPOINT_EVERY commits.
    """

    def __init__(self, database: str) -> None:
        self._database = database
        self._commits = 0
        self._counting = threading.Lock()
        self._running = threading.Lock()

    def committed(self) -> None:
        with self._counting:
            self._commits += 1
            if self._commits < CHECKPOINT_EVERY:
                return
            self._commits = 0
        if self._running.acquire(blocking=False):  # one at a time; a busy round is skipped
            threading.Thread(
                target=self._checkpoint, name="hipcoach-checkpoint", daemon=True
            ).start()

    def _checkpoint(self) -> None:
        try:
            connection = sqlite3.connect(self._database, timeout=0)
            try:
                connection.execute("PRAGMA wal_checkpoint(PASSIVE)")
            finally:
                connection.close()
        except sqlite3.Error:
            pass  # the next round, or SQLite's backstop, copies what this one could not
        finally:
            self._running.release()


def _on_sqlite_connect(dbapi_connection: Any, record: Any) -> None:
    # Hand transaction control to SQLAlchemy (see _on_sqlite_begin); this also lets the
    # journal-mode pragma run outside a transaction, as SQLite requires.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        for pragma in SQLITE_PRAGMAS:
            cursor.execute(pragma)
    finally:
        cursor.close()
    record.info[_BUSY_MS] = BUSY_TIMEOUT_MS


_BUSY_MS = "hipcoach_busy_ms"


def _busy_timeout(connection: Any, milliseconds: int) -> None:
    # Set per transaction, as pooled connections serve both kinds; only when it changes.
    if connection.info.get(_BUSY_MS) != milliseconds:
        connection.connection.dbapi_connection.execute(f"PRAGMA busy_timeout={milliseconds}")
        connection.info[_BUSY_MS] = milliseconds


def _on_sqlite_begin(connection: Any) -> None:
    # Python's sqlite3 only BEGINs before DML, which breaks SAVEPOINTs and transactional DDL;
    # emitting BEGIN ourselves gives every transaction (and migration) real atomicity.
    # IMMEDIATE takes the write lock up front: a unit of work reads, then writes, and in WAL
    # mode a deferred reader whose snapshot went stale cannot upgrade (SQLITE_BUSY at once,
    # busy_timeout never applies). Up front, a second writer waits for busy_timeout instead.
    connection.exec_driver_sql("BEGIN IMMEDIATE")
