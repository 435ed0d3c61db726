"""Engines tuned per database: SQLite for one person's file, PostgreSQL for a server."""

from __future__ import annotations

import threading
from typing import Any

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.engine import URL

SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=5000",
    "PRAGMA synchronous=NORMAL",
)


def make_engine(url: str | URL) -> Engine:
    """An engine for the database at `url` (sqlite or postgresql+psycopg)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed)
    return create_engine(parsed, pool_pre_ping=True, pool_size=5, max_overflow=5, pool_recycle=1800)


def _sqlite_engine(url: URL) -> Engine:
    engine = create_engine(url)
    gate = _WriteGate()
    event.listen(engine, "connect", _on_sqlite_connect)
    event.listen(engine, "begin", gate.begin)
    event.listen(engine, "commit", gate.end)
    event.listen(engine, "rollback", gate.end)
    return engine


class _WriteGate:
    """One SQLite transaction at a time per process, queued on a lock.

    SQLite allows one writer; when threads collide inside SQLite its busy handler sleeps in
    growing steps (1 ms ... 100 ms), which wrecks tail latency under load. Waiting on a Python
    lock wakes the next thread as soon as the previous one finishes. Across processes,
    BEGIN IMMEDIATE and busy_timeout still keep writers apart.
    """

    def __init__(self) -> None:
        self._lock = threading.RLock()

    def begin(self, connection: Any) -> None:
        if not self._lock.acquire(timeout=30):
            raise TimeoutError("the database stayed busy for 30 s")
        connection.info["hipcoach_gate"] = connection.info.get("hipcoach_gate", 0) + 1
        try:
            _on_sqlite_begin(connection)
        except BaseException:
            self.end(connection)
            raise

    def end(self, connection: Any) -> None:
        held = connection.info.get("hipcoach_gate", 0)
        if held:
            connection.info["hipcoach_gate"] = held - 1
            self._lock.release()


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # Hand transaction control to SQLAlchemy (see _on_sqlite_begin); this also lets the
    # journal-mode pragma run outside a transaction, as SQLite requires.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        for pragma in SQLITE_PRAGMAS:
            cursor.execute(pragma)
    finally:
        cursor.close()


def _on_sqlite_begin(connection: Any) -> None:
    # Python's sqlite3 only BEGINs before DML, which breaks SAVEPOINTs and transactional DDL;
    # emitting BEGIN ourselves gives every transaction (and migration) real atomicity.
    # IMMEDIATE takes the write lock up front: a unit of work reads, then writes, and in WAL
    # mode a deferred reader whose snapshot went stale cannot upgrade (SQLITE_BUSY at once,
    # busy_timeout never applies). Up front, a second writer waits for busy_timeout instead.
    connection.exec_driver_sql("BEGIN IMMEDIATE")
