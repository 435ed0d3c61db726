"""Real `hipcoach serve` processes on SQLite files and fresh PostgreSQL databases.

Servers run in their own process group on a free loopback port, so a test can SIGKILL the
whole group (the uvicorn supervisor and any worker) the way a crash or an OOM kill would.
PostgreSQL databases are created on HIPCOACH_TEST_POSTGRES_URL's server, one per xdist worker
and purpose; an unreachable server skips, unless HIPCOACH_REQUIRE_POSTGRES=1 (as in CI).
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.postgres import drop_database, recreate_database, url_text

PASSWORD = "correct horse battery"
START_TIMEOUT_S = 60.0
STOP_TIMEOUT_S = 10.0
REQUEST_TIMEOUT_S = 10.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _server_command(port: int) -> list[str]:
    entry = Path(sys.executable).with_name("hipcoach")  # the installed entry point, as users run it
    if not entry.is_file():
        pytest.fail(f"{entry} is missing: install the package (make test does)")
    return [str(entry), "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", "1"]


@dataclass
class Server:
    """One `hipcoach serve` process group listening on 127.0.0.1."""

    process: subprocess.Popen[bytes]
    url: str
    log: Path

    def kill(self) -> None:
        """SIGKILL the whole process group: no shutdown handler, no flush, no goodbye."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=STOP_TIMEOUT_S)

    def stop(self) -> None:
        """SIGTERM the group (a graceful stop), SIGKILL if it lingers."""
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=STOP_TIMEOUT_S)
                return
            except subprocess.TimeoutExpired:
                pass
        self.kill()


def _wait_until_serving(server: Server) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    with httpx.Client(base_url=server.url, timeout=1.0, trust_env=False) as client:
        while time.monotonic() < deadline:
            if server.process.poll() is not None:
                pytest.fail(
                    f"the server exited with {server.process.returncode}:\n{server.log.read_text()}"
                )
            try:
                if client.get("/api/v1/learn").status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.05)
    server.stop()
    pytest.fail(
        f"the server did not answer within {START_TIMEOUT_S:g} s:\n{server.log.read_text()}"
    )


def start_server(database_url: str, log: Path) -> Server:
    """`hipcoach serve` (one worker, open sign-up) on the database, once it answers HTTP."""
    port = free_port()
    env = os.environ | {
        "HIPCOACH_DATABASE_URL": database_url,
        "HIPCOACH_OPEN_SIGNUP": "1",
        "HIPCOACH_SIGNUPS_PER_HOUR": "0",  # every test person signs up from 127.0.0.1
    }
    with log.open("ab") as out:
        process = subprocess.Popen(
            _server_command(port),
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, killed as one
        )
    server = Server(process, f"http://127.0.0.1:{port}", log)
    _wait_until_serving(server)
    return server


@pytest.fixture
def servers(tmp_path: Path) -> Iterator[Callable[[str], Server]]:
    """Start servers on a database URL; every one still running is stopped afterwards."""
    started: list[Server] = []

    def start(database_url: str) -> Server:
        server = start_server(database_url, tmp_path / f"server-{len(started)}.log")
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


# --- PostgreSQL -------------------------------------------------------------------------------


def xdist_worker() -> str:
    return os.environ.get("PYTEST_XDIST_WORKER", f"main{os.getpid()}")  # runs side by side


@contextmanager
def postgres_database(purpose: str) -> Iterator[str]:
    """The URL of a fresh database hipcoach_rel_<worker>_<purpose>, dropped afterwards."""
    name = f"hipcoach_rel_{xdist_worker()}_{os.getpid()}_{purpose}"
    url = url_text(recreate_database(name))
    try:
        yield url
    finally:
        drop_database(name)


@contextmanager
def database_url(kind: str, purpose: str, folder: Path) -> Iterator[str]:
    """A fresh SQLite file or PostgreSQL database."""
    if kind == "sqlite":
        yield f"sqlite:///{folder / f'{purpose}.sqlite'}"
    else:
        with postgres_database(purpose) as url:
            yield url


# --- The API, as a phone would use it -------------------------------------------------------


def api_client(base_url: str, token: str | None = None) -> httpx.Client:
    """An HTTP client for the API; `trust_env=False` keeps every request on loopback."""
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return httpx.Client(
        base_url=base_url, headers=headers, timeout=REQUEST_TIMEOUT_S, trust_env=False
    )


def sign_up(base_url: str, email: str) -> str:
    """A new account's API token."""
    body = {"email": email, "password": PASSWORD, "name": email.split("@")[0]}
    with api_client(base_url) as client:
        response = client.post("/api/v1/auth/signup", json=body)
    assert response.status_code == 201, response.text
    token: str = response.json()["token"]
    return token


def new_session(client: httpx.Client, session_id: str) -> dict[str, Any]:
    response = client.post("/api/v1/sessions", json={"id": session_id, "date": "2026-01-05"})
    assert response.status_code == 201, response.text
    session: dict[str, Any] = response.json()
    return session


def set_body(set_id: str, **changes: Any) -> dict[str, Any]:
    """A plausible set of clamshells; `changes` overrides fields."""
    return {"id": set_id, "exercise": "clamshell", "side": "left", "reps": 15, "pain": 1} | changes


def stored_set_ids(client: httpx.Client, session_id: str) -> list[str]:
    """Every stored set of a session, page after page (the API pages them; `Link` names the
    next page until the last)."""
    ids: list[str] = []
    url: str | None = f"/api/v1/sessions/{session_id}/sets?limit=500"
    while url is not None:
        response = client.get(url)
        assert response.status_code == 200, response.text
        ids += [logged["id"] for logged in response.json()]
        url = response.links.get("next", {}).get("url")
    return ids
