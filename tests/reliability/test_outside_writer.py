"""Another program writing to the SQLite file (a backup tool, a sqlite3 shell) never freezes the
server: other requests answer meanwhile, and a write says at once that it did not land.

The outside program is this test's own sqlite3 connection holding the write lock with BEGIN
IMMEDIATE, as `sqlite3 hipcoach.db` does after `BEGIN IMMEDIATE;` (it skips hipcoach's write
gate). The server is a real `hipcoach serve` process on the same file.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import httpx

from tests.reliability.conftest import (
    Server,
    api_client,
    new_session,
    set_body,
    sign_up,
    start_server,
    stored_set_ids,
)

QUICK_S = 1.0  # an answer that did not wait for the lock
BUSY_ANSWER_S = 4.0  # the busy answer comes within a few seconds, not after a hang
WRITES = 6  # several writes queued at once: none of them waits its turn for the full timeout


@contextmanager
def _outside_write_lock(database: Path) -> Iterator[None]:
    outside = sqlite3.connect(database, isolation_level=None, timeout=10)
    try:
        outside.execute("BEGIN IMMEDIATE")
        yield
        outside.execute("ROLLBACK")
    finally:
        outside.close()


def _timed(
    client: httpx.Client, method: str, url: str, **kwargs: object
) -> tuple[float, httpx.Response]:
    started = time.monotonic()
    response = client.request(method, url, **kwargs)  # type: ignore[arg-type]
    return time.monotonic() - started, response


def _serve(tmp_path: Path) -> tuple[Server, Path]:
    database = tmp_path / "outside.sqlite"
    return start_server(f"sqlite:///{database}", tmp_path / "server.log"), database


def test_a_write_locked_by_another_program_answers_503_and_the_server_keeps_answering(
    tmp_path: Path,
) -> None:
    server, database = _serve(tmp_path)
    try:
        token = sign_up(server.url, "outside@example.com")
        with api_client(server.url, token) as client:
            session_id = new_session(client, "outside-session-01")["id"]
            bodies = [set_body(f"outside-set-{n:03d}") for n in range(WRITES)]
            with _outside_write_lock(database), ThreadPoolExecutor(WRITES + 2) as pool:
                writes = [
                    pool.submit(
                        _timed, client, "POST", f"/api/v1/sessions/{session_id}/sets", json=body
                    )
                    for body in bodies
                ]
                time.sleep(0.2)  # the writes are on their way, one of them on the event loop
                public = pool.submit(_timed, client, "GET", "/api/v1/learn")
                diary = pool.submit(_timed, client, "GET", "/api/v1/sessions")
                answered = [future.result(timeout=30) for future in writes]
                for took, response in (public.result(timeout=30), diary.result(timeout=30)):
                    assert response.status_code == 200, response.text
                    assert took < QUICK_S, f"a request waited {took:.1f} s for the outside lock"

            for took, response in answered:
                assert response.status_code == 503, response.text
                assert took < BUSY_ANSWER_S, f"the busy answer took {took:.1f} s"
                assert int(response.headers["retry-after"]) >= 1
                assert "nothing was saved" in response.json()["error"]["message"]
            assert stored_set_ids(client, session_id) == [], "a 503 must store nothing"

            # The lock is gone: the same requests sent again are stored, once each.
            for body in bodies:
                again = client.post(f"/api/v1/sessions/{session_id}/sets", json=body)
                assert again.status_code == 201, again.text
            assert sorted(stored_set_ids(client, session_id)) == sorted(b["id"] for b in bodies)
    finally:
        server.stop()


def test_a_short_outside_write_is_waited_for_and_the_set_is_stored(tmp_path: Path) -> None:
    server, database = _serve(tmp_path)
    try:
        token = sign_up(server.url, "brief@example.com")
        with api_client(server.url, token) as client:
            session_id = new_session(client, "brief-session-01")["id"]
            with ThreadPoolExecutor(1) as pool:
                with _outside_write_lock(database):
                    write = pool.submit(
                        client.post,
                        f"/api/v1/sessions/{session_id}/sets",
                        json=set_body("brief-set-001"),
                    )
                    time.sleep(0.5)  # well within the busy timeout
                response = write.result(timeout=30)
            assert response.status_code == 201, response.text
            assert stored_set_ids(client, session_id) == ["brief-set-001"]
    finally:
        server.stop()
