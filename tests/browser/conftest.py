"""A real server in a subprocess and Debian's Chromium driven by Playwright.

A missing Chromium skips these tests, unless HIPCOACH_REQUIRE_BROWSER=1 (as in CI), which
makes it a failure.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

CHROMIUM = os.environ.get("HIPCOACH_CHROMIUM", "/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
START_TIMEOUT_S = 60.0


def _chromium() -> str | None:
    if Path(CHROMIUM).is_file():
        return CHROMIUM
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _require_browser() -> str:
    found = _chromium()
    if found is None:
        message = f"Chromium not found at {CHROMIUM} (install it with `make browser`)"
        if os.environ.get("HIPCOACH_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return found


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _server_command(port: int) -> list[str]:
    entry = Path(sys.executable).with_name("hipcoach")
    if entry.is_file():
        return [str(entry), "serve", "--host", "127.0.0.1", "--port", str(port)]
    return [
        sys.executable,
        "-m",
        "uvicorn",
        "hipcoach.server:create_app",
        "--factory",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]


def _wait_until_listening(process: subprocess.Popen[bytes], port: int, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the server exited with {process.returncode}:\n{log.read_text()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    pytest.fail(f"the server did not answer within {START_TIMEOUT_S:g} s:\n{log.read_text()}")


@pytest.fixture(scope="session")
def chromium_path() -> str:
    return _require_browser()


# Session-scoped: the server and Chromium (below) start once per test process, a few seconds
# charged to the setup of whichever browser test comes first.
@pytest.fixture(scope="session")
def server(chromium_path: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`hipcoach serve` on a free port with a fresh SQLite database and open sign-up."""
    folder = tmp_path_factory.mktemp("server")
    port = _free_port()
    env = os.environ | {
        "HIPCOACH_DATABASE_URL": f"sqlite:///{folder / 'db.sqlite'}",
        "HIPCOACH_OPEN_SIGNUP": "1",
        "HIPCOACH_SIGNUPS_PER_HOUR": "0",  # every test phone signs up from 127.0.0.1
    }
    log = folder / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            _server_command(port), env=env, stdout=out, stderr=subprocess.STDOUT
        )
    try:
        _wait_until_listening(process, port, log)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@pytest.fixture(scope="session")
def browser(chromium_path: str) -> Iterator[Browser]:
    """Chromium, headless, launched once per test process."""
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=chromium_path, args=LAUNCH_ARGS, headless=True
        )
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
