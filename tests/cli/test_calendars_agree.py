"""Every calendar of a stored plan is the same file: web download, feed, API and CLI.

The plan is stored by `hipcoach init` in a real SQLite database, then changed the way a later
planner or catalogue would change it: the calendars must show the stored plan, not a plan
generated again from the profile.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import icalendar
from fastapi.testclient import TestClient
from tests.cli.test_training_cli import INIT
from tests.services.fakes import FakeHasher

from hipcoach.bootstrap import build
from hipcoach.config import Settings
from hipcoach.domain.account import LOCAL_USER_ID, StoredPlan
from hipcoach.domain.plan import Plan
from hipcoach.formats.plan_ics import plan_to_ics
from hipcoach.server import create_app
from hipcoach.services import accounts, planning, training
from hipcoach.services.runtime import Runtime
from hipcoach.web.security import SESSION_COOKIE

NOW = datetime.now(UTC)  # web sessions expire: a real clock, as the server has
PASSWORD = "correct horse battery"


def _renamed(plan: Plan) -> Plan:
    """The stored plan as an older planner wrote it: every session 5 minutes longer."""
    weeks = tuple(
        replace(
            week,
            sessions=tuple(
                replace(s, estimated_minutes=s.estimated_minutes + 5) for s in week.sessions
            ),
        )
        for week in plan.weeks
    )
    return replace(plan, weeks=weeks)


def _cli(args: list[str], url: str) -> str:
    env = {**os.environ, "HIPCOACH_DATABASE_URL": url, "COLUMNS": "200"}
    done = subprocess.run(
        [str(Path(sys.executable).with_name("hipcoach")), *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def _events(text: str) -> list[tuple[str, ...]]:
    calendar = icalendar.Calendar.from_ical(text)
    fields = ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION")
    return [tuple(str(e[f].to_ical()) for f in fields) for e in calendar.walk("VEVENT")]


# Slow by nature: the CLI's calendar must come from a real `hipcoach` process on a real file,
# so two processes start (init, then plan --format ics), each migrating at start.
def test_the_download_the_feed_the_api_and_the_cli_give_the_same_events(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'hipcoach.db'}"
    _cli(INIT, url)
    app = build(Settings(database_url=url))
    first = training.current_plan(uow=app.uow(), user_id=LOCAL_USER_ID)
    stored = StoredPlan(
        "plan-as-stored", LOCAL_USER_ID, first.created_at + timedelta(1), _renamed(first.plan)
    )
    with app.uow() as uow:
        uow.plans.add(stored)
        uow.commit()

    runtime = Runtime(uow=app.uow, hasher=FakeHasher(), open_signup=True)
    token, secret = accounts.sign_up_with_token(
        uow=app.uow(),
        hasher=runtime.hasher,
        email="ann@example.com",
        password=PASSWORD,
        name="Ann",
        token_name="test",
        now=NOW,
        open_signup=True,
    )
    with app.uow() as uow:
        uow.plans.add(replace(stored, user_id=token.user_id))
        uow.commit()
    signed = accounts.sign_in(
        uow=app.uow(),
        hasher=runtime.hasher,
        email="ann@example.com",
        password=PASSWORD,
        client="test",
        now=NOW,
    )
    feed = accounts.rotate_calendar_feed(uow=app.uow(), user_id=token.user_id, now=NOW)

    with TestClient(create_app(runtime)) as client:
        api = client.get("/api/v1/plan.ics", headers={"Authorization": f"Bearer {secret}"})
        subscribed = client.get(f"/calendar/{feed}.ics")
        client.cookies.set(SESSION_COOKIE, signed.token)
        download = client.get("/plan.ics")
    cli = _cli(["plan", "--current", "--format", "ics"], url)

    texts = {"api": api.text, "feed": subscribed.text, "download": download.text, "cli": cli}
    assert {r.status_code for r in (api, subscribed, download)} == {200}
    assert texts["cli"].replace("\r\n", "\n") == texts["api"].replace("\r\n", "\n")
    assert len({text.replace("\r\n", "\n") for text in texts.values()}) == 1
    events = _events(api.text)
    assert len(events) == sum(len(w.sessions) for w in stored.plan.weeks)
    assert events == _events(planning.plan_calendar(stored))
    # Generated again from the profile, the sessions would be 5 minutes shorter.
    regenerated = plan_to_ics(planning.make_plan(profile=stored.profile), generated_at=NOW)
    assert _events(regenerated) != events
