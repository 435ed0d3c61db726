"""The ceiling: a bare ASGI app doing the same work hipcoach's two measured endpoints do.

POST .../sets inserts the same single row into the same `logged_set` table (its own driver
connection per worker, one commit per row, as hipcoach does); GET /api/v1/exercises returns
the same JSON bytes. No framework, no validation, no auth: the most this server, these
workers and this database can do. Configured by BENCH_DATABASE_URL and BENCH_USER_ID.
"""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import UTC, datetime
from typing import Any

from hipcoach.content.loader import load_catalogue
from hipcoach.formats.exercise_json import exercise_summary

URL = os.environ.get("BENCH_DATABASE_URL", "")
USER_ID = os.environ.get("BENCH_USER_ID", "")
EXERCISES = json.dumps([exercise_summary(e) for e in load_catalogue().exercises]).encode()
INSERT = (
    "INSERT INTO logged_set (user_id, id, session_id, exercise, side, logged_at, reps, steps, "
    "hold_seconds, resistance_key, load_kg, rir, effort, pain, note) "
    "VALUES ({p}, {p}, {p}, {p}, {p}, {p}, {p}, NULL, NULL, {p}, NULL, NULL, NULL, {p}, '')"
)


def _connect() -> Any:
    if URL.startswith("sqlite"):
        connection = sqlite3.connect(URL.split("///", 1)[1], isolation_level=None)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        connection.execute("PRAGMA busy_timeout=5000")
        return connection, INSERT.format(p="?")
    import psycopg

    server = psycopg.connect(URL.replace("postgresql+psycopg", "postgresql"), autocommit=True)
    return server, INSERT.format(p="%s")


_STATE: dict[str, Any] = {}


async def _body(receive: Any) -> bytes:
    chunks = []
    while True:
        message = await receive()
        chunks.append(message.get("body", b""))
        if not message.get("more_body"):
            return b"".join(chunks)


async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """The whole ceiling application."""
    if scope["type"] != "http":
        return
    if scope["method"] == "GET":
        status, payload = 200, EXERCISES
    else:
        if "db" not in _STATE:
            _STATE["db"], _STATE["sql"] = _connect()
        data = json.loads(await _body(receive))
        session_id = scope["path"].split("/")[4]
        now = datetime.now(UTC)
        row = (
            USER_ID,
            data["id"],
            session_id,
            data["exercise"],
            data["side"],
            now,
            data["reps"],
            "bodyweight",
            data["pain"],
        )
        _STATE["db"].execute(_STATE["sql"], row)
        status, payload = 201, json.dumps({**data, "logged_at": now.isoformat()}).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(payload)).encode()),
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": payload})
