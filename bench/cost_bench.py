"""Where a logged set's CPU goes, in process: the whole ASGI request against its parts.

The server figures say how fast; this says why. One app on a temporary SQLite database is
called directly through ASGI (no sockets, so HTTP parsing is excluded), and its two store
calls are timed alone: the Bearer-token lookup and the insert. CPU time (all threads of this
process), medians of 7 rounds.
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

ROUNDS, PER_ROUND = 7, 400


def _median_us(call: Callable[[], object]) -> float:
    call()
    rounds = []
    for _ in range(ROUNDS):
        started = time.process_time()
        for _ in range(PER_ROUND):
            call()
        rounds.append((time.process_time() - started) / PER_ROUND * 1e6)
    return statistics.median(rounds)


async def _median_us_async(call: Callable[[], Awaitable[int]]) -> float:
    assert await call() in (200, 201)
    rounds = []
    for _ in range(ROUNDS):
        started = time.process_time()
        for _ in range(PER_ROUND):
            await call()
        rounds.append((time.process_time() - started) / PER_ROUND * 1e6)
    return statistics.median(rounds)


def run() -> dict[str, float]:
    """CPU microseconds: the whole POST, the token lookup, the insert, the ceiling's insert."""
    folder = tempfile.mkdtemp(prefix="hipcoach-cost-")
    os.environ["HIPCOACH_DATABASE_URL"] = f"sqlite:///{folder}/cost.db"
    os.environ["HIPCOACH_OPEN_SIGNUP"] = "1"
    from fastapi.testclient import TestClient
    from starlette.types import Message

    from hipcoach.domain.log import LoggedSet, Side
    from hipcoach.server import create_app
    from hipcoach.services import accounts, logbook

    app = create_app()
    client = TestClient(app)
    account = {"email": "cost@example.com", "password": "bench passphrase 1", "name": "Cost"}
    signed = client.post("/api/v1/auth/signup", json=account).json()
    token, user_id, session = signed["token"], signed["user_id"], uuid.uuid4().hex
    auth = {"authorization": f"Bearer {token}"}
    client.post("/api/v1/sessions", headers=auth, json={"id": session, "date": "2026-01-05"})
    runtime = app.state.runtime

    def lookup() -> object:
        return accounts.bearer_user(uow=runtime.uow(), token=token)

    def insert() -> object:
        logged = LoggedSet(
            uuid.uuid4().hex, session, "clamshell", Side.LEFT, datetime.now(UTC), reps=12
        )
        return logbook.log_set(uow=runtime.uow(), user_id=user_id, logged=logged)

    path = f"/api/v1/sessions/{session}/sets"
    headers = [
        (b"host", b"bench"),
        (b"authorization", f"Bearer {token}".encode()),
        (b"content-type", b"application/json"),
    ]

    async def post() -> int:
        body = json.dumps(
            {"id": uuid.uuid4().hex, "exercise": "clamshell", "side": "left", "reps": 12, "pain": 0}
        ).encode()
        scope: dict[str, Any] = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": "POST",
            "scheme": "http",
            "path": path,
            "raw_path": path.encode(),
            "query_string": b"",
            "root_path": "",
            "client": ("127.0.0.1", 50000),
            "server": ("127.0.0.1", 8000),
            "state": {},
            "headers": [*headers, (b"content-length", str(len(body)).encode())],
        }
        messages = [{"type": "http.request", "body": body, "more_body": False}]
        sent: list[Message] = []

        async def receive() -> dict[str, Any]:
            if messages:
                return messages.pop()
            await asyncio.sleep(60)  # never reached: the route reads the body once
            return {"type": "http.disconnect"}

        async def send(message: Message) -> None:
            sent.append(message)

        await app(scope, receive, send)
        return int(sent[0]["status"])

    return {
        "request_us": asyncio.run(_median_us_async(post)),
        "lookup_us": _median_us(lookup),
        "insert_us": _median_us(insert),
    }
