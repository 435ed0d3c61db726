"""POST /api/v1/sync with an outbox of 500 queued sets, on SQLite and on PostgreSQL.

Through the whole app in process (no sockets), signed in as the web outbox is: the session
cookie and the page's CSRF token. Each timed request is a fresh outbox (a session and 500
new sets, every one stored); a replay sends the last one again (every item already stored).
"""

from __future__ import annotations

import statistics
import tempfile
import time
import uuid
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from hipcoach.bootstrap import build
from hipcoach.config import Settings

SETS = 500
RUNS = 7
PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
EXERCISES = ("clamshell", "side_lying_hip_abduction", "glute_bridge", "fire_hydrant")


def outbox(day: date) -> list[dict[str, Any]]:
    """What a phone queues: its session, then every set it logged, each with a client id."""
    session_id = uuid.uuid4().hex
    items: list[dict[str, Any]] = [
        {"kind": "session", "join_day": False, "session": {"id": session_id, "date": str(day)}}
    ]
    for n in range(SETS):
        body = {
            "id": uuid.uuid4().hex,
            "exercise": EXERCISES[n % len(EXERCISES)],
            "side": "left" if n % 2 else "right",
            "reps": 10 + n % 8,
            "rir": 2,
            "pain": 0,
            "logged_at": datetime.now(UTC).isoformat(),
        }
        items.append({"kind": "set", "session_id": session_id, "set": body})
    return items


def _postgres_url() -> str | None:
    try:
        admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text("DROP DATABASE IF EXISTS hipcoach_sync_bench WITH (FORCE)"))
            connection.execute(text("CREATE DATABASE hipcoach_sync_bench"))
        admin.dispose()
    except OperationalError:  # no server: the row says so
        return None
    return PG_ADMIN.rsplit("/", 1)[0] + "/hipcoach_sync_bench"


def measure(url: str) -> dict[str, float]:
    """Median and max ms of storing a 500-set outbox, and of replaying it."""
    from fastapi.testclient import TestClient

    from hipcoach.passwords import Argon2Hasher
    from hipcoach.server import create_app
    from hipcoach.services import accounts
    from hipcoach.services.runtime import Runtime
    from hipcoach.web.security import SESSION_COOKIE

    app = build(Settings(database_url=url))
    hasher = Argon2Hasher()
    now = datetime.now(UTC)
    signed = accounts.sign_up(
        uow=app.uow(),
        hasher=hasher,
        email="sync@example.com",
        password="bench passphrase 1",
        name="Sync",
        now=now,
        open_signup=True,
    )
    web = accounts.session_user(uow=app.uow(), token=signed.token, now=now)
    assert web is not None
    server = create_app(Runtime(uow=app.uow, hasher=hasher))
    headers = {"x-csrf-token": web.csrf_token}
    stored, replayed = [], []
    with TestClient(server, cookies={SESSION_COOKIE: signed.token}) as client:

        def send(items: list[dict[str, Any]], expected: int) -> float:
            began = time.perf_counter()
            response = client.post("/api/v1/sync", json={"items": items}, headers=headers)
            took = (time.perf_counter() - began) * 1000
            assert response.status_code == 200, response.text
            statuses = {r["status"] for r in response.json()["results"]}
            assert statuses == {expected}, statuses
            return took

        send(outbox(date(2026, 1, 1)), 201)  # warm-up: caches, statements, the first pages
        for run in range(RUNS):
            items = outbox(date(2026, 1, 2 + run))
            stored.append(send(items, 201))
            replayed.append(send(items, 200))
    app.engine.dispose()
    return {
        "stored_ms": statistics.median(stored),
        "stored_max_ms": max(stored),
        "replay_ms": statistics.median(replayed),
        "replay_max_ms": max(replayed),
    }


def tap_to_saved() -> dict[str, float] | str:
    """In Chromium at phone size, against `hipcoach serve` on SQLite: from a tap on "Done as
    prescribed" to the set shown as saved on the page (IndexedDB committed, row redrawn), by
    the page's own performance marks; online (and to the server's answer), then offline."""
    from playwright.sync_api import sync_playwright
    from tests.browser.conftest import LAUNCH_ARGS, _chromium
    from tests.browser.test_offline import (
        Person,
        Server,
        go_offline,
        open_today_with_worker,
        tap_every_set,
    )
    from tests.browser.test_phone import PHONE

    chromium = _chromium()
    if chromium is None:
        return "Chromium not found (install it with `make browser`)"
    read = "name => performance.getEntriesByName(name).map(e => e.duration)"
    with tempfile.TemporaryDirectory(prefix="hipcoach-tap-") as folder, sync_playwright() as pw:
        server = Server(Path(folder))
        server.start()
        browser = pw.chromium.launch(executable_path=chromium, args=LAUNCH_ARGS, headless=True)
        try:
            online, synced, offline = [], [], []
            for run in range(3):
                context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
                person = Person(context, server, Path(folder), f"tap{run}@example.com")
                page = open_today_with_worker(person)
                half = page.locator("form.set-form").count() // 2
                for _ in range(half):  # half of the session online...
                    page.get_by_role("button", name="Done as prescribed").first.click()
                    page.wait_for_function(
                        "() => !document.querySelector('.sync-note[data-state=waiting]')"
                    )
                synced += page.evaluate(read, "hc-tap-to-synced")
                go_offline(context, server)  # ...and the rest offline
                tap_every_set(page)
                shown = page.evaluate(read, "hc-tap-to-shown")
                online += shown[:half]
                offline += shown[half:]
                context.close()
                server.start()
        finally:
            browser.close()
            server.kill()

    def p95(values: list[float]) -> float:
        return sorted(values)[max(0, round(0.95 * len(values)) - 1)]

    return {
        "online_ms": statistics.median(online),
        "online_p95_ms": p95(online),
        "offline_ms": statistics.median(offline),
        "offline_p95_ms": p95(offline),
        "synced_ms": statistics.median(synced),
        "synced_p95_ms": p95(synced),
        "taps": float(len(online) + len(offline)),
    }


def run() -> dict[str, dict[str, float] | None]:
    """Both databases; None for PostgreSQL when no server answers."""
    with tempfile.TemporaryDirectory(prefix="hipcoach-sync-") as folder:
        sqlite = measure(f"sqlite:///{Path(folder) / 'sync.db'}")
    url = _postgres_url()
    return {"sqlite": sqlite, "postgresql": measure(url) if url else None}


if __name__ == "__main__":
    print(run())
    print(tap_to_saved())
