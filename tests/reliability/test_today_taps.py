"""Quick taps on Today against the real app on real databases: one session a day, whatever
the timing, and a busy SQLite file answers with the plain busy page, never a hang.

Each tap is a real request through the app (its thread pool runs them at once), released
together from a barrier, as a phone sends two taps that both found no session for the day.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import httpx2
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from hipcoach.bootstrap import build
from hipcoach.config import Settings
from hipcoach.server import create_app
from hipcoach.services import accounts, training
from hipcoach.services.planning import build_profile
from hipcoach.services.runtime import Runtime
from hipcoach.store.uow import SqlUnitOfWork
from hipcoach.web.security import SESSION_COOKIE
from hipcoach.web.visitor import now, today
from tests.postgres import drop_database, recreate_database, url_text
from tests.reliability.conftest import PASSWORD, xdist_worker
from tests.services.fakes import FakeHasher
from tests.web.conftest import training_days
from tests.web.forms import FormFields, forms_of

PEOPLE = 3
TAPS = 4
WAIT_S = 30.0


def _runtime(url: str) -> tuple[Runtime, Engine]:
    """The server's runtime (as build_runtime wires it) with the fast fake hasher."""
    app = build(Settings(database_url=url, open_signup=True, signups_per_hour=0))
    engine = app.engine

    def no_wait() -> SqlUnitOfWork:
        return SqlUnitOfWork(engine, no_wait=True)

    runtime = Runtime(
        uow=app.uow,
        uow_no_wait=no_wait if engine.dialect.name == "sqlite" else None,
        hasher=FakeHasher(),
        open_signup=True,
        clock=app.clock,
        sign_up_limit=None,
    )
    return runtime, engine


@pytest.fixture(params=["sqlite", "postgresql"])
def runtime(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Runtime]:
    name = f"hipcoach_rel_{xdist_worker()}_{os.getpid()}_taps"
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'taps.sqlite'}"
    else:
        url = url_text(recreate_database(name))
    built, engine = _runtime(url)
    yield built
    engine.dispose()
    if request.param == "postgresql":
        drop_database(name)


def _member(runtime: Runtime, email: str) -> tuple[TestClient, str]:
    """A signed-in browser whose person has a plan with a session today."""
    signed = accounts.sign_up(
        uow=runtime.uow(),
        hasher=runtime.hasher,
        email=email,
        password=PASSWORD,
        name="Tapper",
        now=now(),
        open_signup=True,
    )
    profile = build_profile(
        level="beginner",
        goal="strength",
        days=training_days(),
        minutes=30,
        start=today(),
        equipment=["mini_band"],
    )
    training.start_program(
        uow=runtime.uow(), user_id=signed.user_id, name="", profile=profile, now=now()
    )
    browser = TestClient(create_app(runtime))
    browser.cookies.set(SESSION_COOKIE, signed.token)
    return browser, signed.user_id


def _first_set_form(browser: TestClient) -> FormFields:
    page = browser.get("/today")
    assert page.status_code == 200, page.text
    return next(f for f in forms_of(page.text) if f.action == "/today/sets")


def _tap_at_once(browser: TestClient, form: FormFields, prefix: str) -> list[httpx2.Response]:
    barrier = threading.Barrier(TAPS, timeout=WAIT_S)

    def tap(number: int) -> httpx2.Response:
        data = form.data(set_id=f"{prefix}-tap-{number:02d}")
        barrier.wait()
        return browser.post("/today/sets", data=data, follow_redirects=False)

    with ThreadPoolExecutor(TAPS) as pool:
        return list(pool.map(tap, range(TAPS), timeout=WAIT_S))


def test_taps_at_once_on_a_new_day_make_one_session_with_every_set(runtime: Runtime) -> None:
    for person in range(PEOPLE):
        browser, user_id = _member(runtime, f"tapper{person}@example.com")
        with browser:
            form = _first_set_form(browser)
            answers = _tap_at_once(browser, form, f"p{person}")
        assert [a.status_code for a in answers] == [303] * TAPS, [a.text for a in answers]
        with runtime.uow().read_only() as work:
            days = work.sessions.between(user_id, today(), today())
            assert len(days) == 1, f"one session for the day, not {len(days)}"
            sets = work.sets.for_sessions(user_id, [days[0].id])
        assert sorted(s.id for s in sets) == [f"p{person}-tap-{n:02d}" for n in range(TAPS)]


def test_a_tap_while_another_program_holds_the_sqlite_file_gets_the_busy_page(
    tmp_path: Path,
) -> None:
    database = tmp_path / "busy.sqlite"
    runtime, engine = _runtime(f"sqlite:///{database}")
    browser, user_id = _member(runtime, "busy@example.com")
    with browser, closing(engine):
        form = _first_set_form(browser)
        outside = sqlite3.connect(database, isolation_level=None)
        try:
            outside.execute("BEGIN IMMEDIATE")
            tapped = browser.post("/today/sets", data=form.data(), follow_redirects=False)
            assert browser.get("/today").status_code == 200, "reading goes on meanwhile"
        finally:
            outside.execute("ROLLBACK")
            outside.close()
        assert tapped.status_code == 503, tapped.text
        assert int(tapped.headers["retry-after"]) >= 1
        assert tapped.headers["content-type"].startswith("text/html")
        assert "nothing was saved" in tapped.text
        with runtime.uow().read_only() as work:
            assert work.sessions.between(user_id, today(), today()) == []
        again = browser.post("/today/sets", data=form.data(), follow_redirects=False)
        assert again.status_code == 303, again.text


@contextmanager
def closing(engine: Engine) -> Iterator[Engine]:
    try:
        yield engine
    finally:
        engine.dispose()
