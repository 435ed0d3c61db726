"""Next-prescription and progress-view time against 1k, 10k and 50k logged sets (SQLite)."""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine

from hipcoach.bootstrap import build
from hipcoach.config import Settings
from hipcoach.domain.log import LoggedSet, Side, TrainingSession
from hipcoach.domain.plan import BlockKind
from hipcoach.domain.profile import Goal, Level, Profile, Weekday
from hipcoach.services import progress, training
from hipcoach.services.coaching import Coach
from hipcoach.services.ports import UnitOfWork
from hipcoach.store import mapping
from hipcoach.store.tables import logged_set, training_session

SETS_PER_SESSION = 20


def _fill(user: str, engine: Engine, plan_start: date, count: int) -> date:
    """`count` sets, 20 a session every 1-2 days, going back from week 8 of the plan."""
    rng = random.Random(count)
    exercises = ["clamshell", "side_lying_hip_abduction", "lateral_band_walk", "glute_bridge"]
    sessions, sets = [], []
    day = plan_start + timedelta(weeks=8)
    for s in range(count // SETS_PER_SESSION):
        session = TrainingSession(f"s{s:09d}", day)
        sessions.append(mapping.session_to_row(user, session))
        at = datetime(day.year, day.month, day.day, 18, tzinfo=UTC)
        for k in range(SETS_PER_SESSION):
            logged = LoggedSet(
                id=f"x{s:08d}{k:02d}",
                session_id=session.id,
                exercise=exercises[k % 4],
                side=Side.BOTH,
                logged_at=at + timedelta(minutes=k),
                reps=rng.randint(10, 20),
                steps=None,
                pain=rng.randint(0, 2),
            )
            if logged.exercise == "lateral_band_walk":
                logged = replace(logged, reps=None, steps=12, resistance_key="mini_band_light")
            sets.append(mapping.set_to_row(user, logged))
        day -= timedelta(days=rng.choice((1, 2)))
    with engine.begin() as connection:
        connection.execute(training_session.insert(), sessions)
        connection.execute(logged_set.insert(), sets)
    return plan_start + timedelta(weeks=8)


def _median_ms(action: Callable[[], object], runs: int) -> float:
    samples = []
    for _ in range(runs):
        began = time.perf_counter()
        action()
        samples.append((time.perf_counter() - began) * 1000)
    return statistics.median(samples)


def _one_move(uow: UnitOfWork, user: str, today: date) -> object:
    """One working move's next prescription, both sides, from its log and the person's pain:
    the state machine's fold and everything it reads from the store."""
    stored = training.current_plan(uow=uow, user_id=user)
    session = stored.plan.next_session(today)
    assert session is not None
    block, item = next((b, i) for b, i in session.entries if b is BlockKind.WORKING)
    with uow.read_only():
        return Coach(uow, user, stored, session.date).prescribe(block, item, session.week)


def measure(count: int, folder: Path) -> dict[str, float]:
    """Median ms of today's next prescriptions and the progress report at `count` sets, as
    services and as the signed-in web pages (the whole request through the app, in process)."""
    from fastapi.testclient import TestClient

    from hipcoach.passwords import Argon2Hasher
    from hipcoach.server import create_app
    from hipcoach.services import accounts
    from hipcoach.services.runtime import Runtime
    from hipcoach.web.security import SESSION_COOKIE
    from hipcoach.web.visitor import today as server_today

    app = build(Settings(database_url=f"sqlite:///{folder / f'bench-{count}.db'}"))
    hasher = Argon2Hasher()
    signed = accounts.sign_up(
        uow=app.uow(),
        hasher=hasher,
        email="bench@example.com",
        password="bench passphrase 1",
        name="Bench",
        now=datetime.now(UTC),
        open_signup=True,
    )
    user = signed.user_id
    this_monday = server_today() - timedelta(days=server_today().weekday())
    profile = Profile(
        level=Level.INTERMEDIATE,
        goal=Goal.MUSCLE,
        days=(Weekday.MON, Weekday.THU),
        minutes=40,
        start=this_monday - timedelta(weeks=8),
        equipment=frozenset(),
    )
    plan = training.start_program(
        uow=app.uow(), user_id=user, name="Bench", profile=profile, now=datetime.now(UTC)
    )
    today = _fill(user, app.engine, profile.start, count)
    assert plan.plan.sessions()
    nxt = _median_ms(lambda: training.todays_session(uow=app.uow(), user_id=user, today=today), 40)
    move = _median_ms(lambda: _one_move(app.uow(), user, today), 40)
    prog = _median_ms(
        lambda: progress.progress_report(uow=app.uow(), user_id=user, today=today), 20
    )
    server = create_app(Runtime(uow=app.uow, hasher=hasher))
    with TestClient(server, cookies={SESSION_COOKIE: signed.token}) as client:

        def get(path: str) -> None:
            response = client.get(path, follow_redirects=False)
            assert response.status_code == 200, (path, response.status_code)

        today_page = _median_ms(lambda: get("/today"), 20)
        progress_page = _median_ms(lambda: get("/progress"), 20)
    app.engine.dispose()
    return {
        "sets": float(count),
        "next_ms": nxt,
        "move_ms": move,
        "progress_ms": prog,
        "today_page_ms": today_page,
        "progress_page_ms": progress_page,
    }


def run(counts: tuple[int, ...] = (1_000, 10_000, 50_000)) -> list[dict[str, float]]:
    """One row per history size."""
    with tempfile.TemporaryDirectory() as folder:
        return [measure(count, Path(folder)) for count in counts]
