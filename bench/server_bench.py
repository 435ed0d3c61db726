"""Load `hipcoach serve` and its ceiling with wrk over loopback; bounded runs, local only."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypedDict

import httpx
from sqlalchemy import create_engine, text

BIN = Path(sys.executable).parent
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
# Runs at c=8, reported by their median: wrk opens its 8 connections at once and whichever
# worker wakes first may accept most of them, so one run can load one worker and idle the
# other (measured: 620-1480 req/s between runs of one build).
REPEATS = int(os.environ.get("BENCH_REPEATS", "3"))
PG_ADMIN = os.environ.get(
    "HIPCOACH_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
POST_LUA = """
counter = 0
request = function()
  counter = counter + 1
  local body = string.format(
    '{"id":"%s%08d","exercise":"clamshell","side":"left","reps":12,"pain":0}', prefix, counter)
  return wrk.format("POST", path, headers, body)
end
"""


class Post(TypedDict):
    """What wrk's Lua script posts: a path, a per-run id prefix and the request headers."""

    path: str
    prefix: str
    headers: dict[str, str]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running(command: list[str], env: dict[str, str], port: int) -> Iterator[str]:
    """Start a server in its own process group; stop the whole group afterwards."""
    fd, log_name = tempfile.mkstemp(prefix="hipcoach-bench-", suffix=".log")
    process = subprocess.Popen(
        command, env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=fd
    )
    os.close(fd)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{base}/api/v1/exercises", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        else:
            log = Path(log_name).read_text(encoding="utf-8", errors="replace")
            raise RuntimeError(f"server did not start: {log[-2000:]}")
        yield base
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=15)
        print(f"server log: {log_name}", file=sys.stderr)


def wrk(url: str, connections: int, *, post: Post | None = None) -> dict[str, float]:
    """Requests/s and p50/p99 ms for `SECONDS` seconds at `connections` concurrency."""
    args = ["wrk", "-t1", f"-c{connections}", f"-d{SECONDS}s", "--latency", "--timeout", "5s"]
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        if post:
            head = "".join(f'headers["{k}"] = "{v}"\n' for k, v in post["headers"].items())
            script.write(
                f'prefix = "{post["prefix"]}"\npath = "{post["path"]}"\n'
                f"headers = {{}}\n{head}{POST_LUA}"
            )
    if post:
        args += ["-s", script.name]
    out = subprocess.run([*args, url], capture_output=True, text=True, timeout=SECONDS + 60).stdout
    Path(script.name).unlink(missing_ok=True)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": float(_found(r"Requests/sec:\s+([\d.]+)", out)),
        "p50": _ms(out, "50%"),
        "p99": _ms(out, "99%"),
        "errors": float(errors.group(1)) if errors else 0.0,
    }


def _found(pattern: str, out: str) -> str:
    match = re.search(pattern, out)
    assert match, out
    return match.group(1)


def _ms(out: str, label: str) -> float:
    match = re.search(rf"{label}\s+([\d.]+)(us|ms|s)\b", out)
    assert match, out
    value, unit = float(match.group(1)), match.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value


def _signed_up(base: str) -> tuple[str, str, str]:
    email = f"bench-{uuid.uuid4().hex[:8]}@example.com"
    account = {"email": email, "password": "bench passphrase 1", "name": "Bench"}
    made = httpx.post(f"{base}/api/v1/auth/signup", json=account)
    made.raise_for_status()
    token, user_id = made.json()["token"], made.json()["user_id"]
    session = uuid.uuid4().hex
    headers = {"authorization": f"Bearer {token}"}
    httpx.post(
        f"{base}/api/v1/sessions", headers=headers, json={"id": session, "date": "2026-01-05"}
    ).raise_for_status()
    return token, user_id, session


def _measure(base: str, token: str, session: str) -> dict[str, dict[str, Any]]:
    def post() -> Post:
        return {
            "path": f"/api/v1/sessions/{session}/sets",
            "prefix": uuid.uuid4().hex[:12],
            "headers": {"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        }

    results = {}
    for connections in (1, 8):
        runs = 1 if connections == 1 else REPEATS
        results[f"post_c{connections}"] = _median_run(
            [wrk(base, connections, post=post()) for _ in range(runs)]
        )
        results[f"get_c{connections}"] = _median_run(
            [wrk(f"{base}/api/v1/exercises", connections) for _ in range(runs)]
        )
    return results


def _median_run(runs: list[dict[str, float]]) -> dict[str, Any]:
    """The run with the median requests/s, with every run's requests/s beside it."""
    ranked = sorted(runs, key=lambda run: run["rps"])
    return {**ranked[len(ranked) // 2], "runs": [run["rps"] for run in runs]}


def _postgres_url() -> str:
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text("DROP DATABASE IF EXISTS hipcoach_bench WITH (FORCE)"))
        connection.execute(text("CREATE DATABASE hipcoach_bench"))
    admin.dispose()
    return PG_ADMIN.rsplit("/", 1)[0] + "/hipcoach_bench"


def run_database(kind: str) -> dict[str, dict[str, dict[str, Any]]]:
    """hipcoach and its ceiling on one database, same port style, same workers."""
    folder = tempfile.mkdtemp(prefix="hipcoach-bench-")
    url = f"sqlite:///{folder}/bench.db" if kind == "sqlite" else _postgres_url()
    env = {**os.environ, "HIPCOACH_DATABASE_URL": url, "HIPCOACH_OPEN_SIGNUP": "1"}
    port = free_port()
    serve = [str(BIN / "hipcoach"), "serve", "--port", str(port), "--workers", str(WORKERS)]
    with running(serve, env, port) as base:
        token, user_id, session = _signed_up(base)
        app = _measure(base, token, session)
    port = free_port()
    ceiling_env = {**env, "BENCH_DATABASE_URL": url, "BENCH_USER_ID": user_id}
    ceiling = [
        str(BIN / "python"),
        "-m",
        "uvicorn",
        "bench.ceiling:app",
        "--port",
        str(port),
        "--workers",
        str(WORKERS),
        "--log-level",
        "warning",
        "--no-access-log",
    ]
    with running(ceiling, ceiling_env, port) as base:
        bare = _measure(base, token, session)
    shutil.rmtree(folder, ignore_errors=True)
    return {"hipcoach": app, "ceiling": bare}


def available() -> str | None:
    """Why the server benchmark cannot run here, or None."""
    return None if shutil.which("wrk") else "wrk is not installed (scripts/install-bench-tools.sh)"
