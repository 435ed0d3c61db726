"""Each person's own "today": their time zone decides the day, the week and the milestones, on
the web, the API and the CLI alike, whatever the server's zone.

At 07:30 UTC on Tuesday 6 January 2026 it is 20:30 that Tuesday in Auckland, but still 23:30
on Monday 5 January in Los Angeles: one instant, two todays.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, cast

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from hipcoach.bootstrap import build
from hipcoach.cli.main import app as cli_app
from hipcoach.config import Settings
from hipcoach.domain.account import LOCAL_USER_ID
from hipcoach.domain.day import TimeZoneError, check_time_zone, zone_named
from hipcoach.server import create_app
from hipcoach.services import accounts, logbook
from hipcoach.services import clock as clock_module
from hipcoach.services.clock import Clock
from hipcoach.services.ports import UnitOfWork
from hipcoach.services.runtime import Runtime
from tests.services.fakes import FakeHasher, FakeUnitOfWork
from tests.web.conftest import PASSWORD
from tests.web.forms import form_posting_to, forms_of

AUCKLAND = "Pacific/Auckland"
LOS_ANGELES = "America/Los_Angeles"
MOMENT = datetime(2026, 1, 6, 7, 30, tzinfo=UTC)  # 23:30 on Monday in Los Angeles
TUESDAY = date(2026, 1, 6)  # in Auckland (and in UTC)
MONDAY = date(2026, 1, 5)  # in Los Angeles
CLOCK = Clock(zone=UTC, source=lambda: MOMENT)  # the server's own zone is UTC
# A plan begun four weeks before Auckland's Tuesday: its week-4 milestone falls in between.
FOUR_WEEKS_AGO = "2025-12-09"


def test_a_time_zone_is_an_iana_name_or_a_message_saying_what_is() -> None:
    assert check_time_zone(" Pacific/Auckland ") == AUCKLAND
    assert check_time_zone("UTC") == "UTC"
    for wrong in ("Mars/Olympus", "", "localtime", "../../etc/passwd", "x" * 65):
        with pytest.raises(TimeZoneError, match="is not a time zone") as refused:
            check_time_zone(wrong)
        assert refused.value.field == "time_zone"
    assert zone_named(None) is None


def test_one_instant_is_a_different_today_in_auckland_and_in_los_angeles() -> None:
    assert CLOCK.today_in(AUCKLAND) == TUESDAY
    assert CLOCK.today_in(LOS_ANGELES) == MONDAY
    assert CLOCK.today_in(None) == TUESDAY  # no zone chosen: the server's
    assert CLOCK.in_zone(None) is CLOCK


@pytest.fixture
def server() -> tuple[TestClient, FakeUnitOfWork]:
    fake = FakeUnitOfWork()
    runtime = Runtime(
        uow=lambda: cast(UnitOfWork, fake), hasher=FakeHasher(), open_signup=True, clock=CLOCK
    )
    return TestClient(create_app(runtime)), fake


def web_sign_up(client: TestClient, email: str) -> None:
    form = form_posting_to(client.get("/signup").text, "/signup")
    sent = client.post(
        "/signup", data=form.data(email=email, password=PASSWORD), follow_redirects=False
    )
    assert sent.status_code == 303


def onboard(client: TestClient, **fields: str | list[str]) -> None:
    form = form_posting_to(client.get("/onboarding").text, "/onboarding")
    data = form.data(days=["mon", "tue", "thu", "fri"], **fields)
    assert client.post("/onboarding", data=data, follow_redirects=False).status_code == 303


def start_shown(client: TestClient) -> str:
    form = form_posting_to(client.get("/onboarding").text, "/onboarding")
    start = form.data()["start"]
    assert isinstance(start, str)
    return start


def test_on_the_web_each_person_sees_their_own_today_and_logs_into_it(
    server: tuple[TestClient, FakeUnitOfWork],
) -> None:
    client, fake = server
    with client:
        # Los Angeles: the zone arrives from the browser with the first onboarding answers.
        web_sign_up(client, "la@example.com")
        onboard(client, time_zone=LOS_ANGELES, start=MONDAY.isoformat())
        assert start_shown(client) == MONDAY.isoformat()
        today = client.get("/today")
        assert "Mon 5 Jan 2026" in today.text
        form = next(f for f in forms_of(today.text) if f.action == "/today/sets")
        assert (
            client.post("/today/sets", data=form.data(), follow_redirects=False).status_code == 303
        )
        [session] = fake.committed.sessions.values()
        assert session.date == MONDAY  # 23:30 in Los Angeles belongs to Monday, not UTC's Tuesday
        [logged] = fake.committed.sets.values()
        assert logged.logged_at == MOMENT

        # Auckland, at the same instant, chosen in Settings.
        other = TestClient(client.app)
        web_sign_up(other, "akl@example.com")
        settings = form_posting_to(other.get("/settings").text, "/settings/time-zone")
        saved = other.post("/settings/time-zone", data=settings.data(time_zone=AUCKLAND))
        assert saved.status_code == 200
        assert f"Yours is <strong>{AUCKLAND}</strong>" in saved.text
        assert start_shown(other) == TUESDAY.isoformat()


def test_the_browsers_zone_never_replaces_one_the_person_chose(
    server: tuple[TestClient, FakeUnitOfWork],
) -> None:
    client, fake = server
    with client:
        web_sign_up(client, "akl@example.com")
        settings = form_posting_to(client.get("/settings").text, "/settings/time-zone")
        client.post("/settings/time-zone", data=settings.data(time_zone=AUCKLAND))
        onboard(client, time_zone=LOS_ANGELES)
        onboard(client, time_zone="Not/AZone")  # (or a browser that sent nonsense)
        [user] = fake.committed.users.values()
        assert user.time_zone == AUCKLAND
        refused = form_posting_to(client.get("/settings").text, "/settings/time-zone")
        answer = client.post("/settings/time-zone", data=refused.data(time_zone="Mars/Olympus"))
        assert answer.status_code == 400
        assert "is not a time zone" in answer.text


def api_person(client: TestClient, email: str, zone: str) -> dict[str, str]:
    body = {"email": email, "password": PASSWORD}
    headers = {
        "Authorization": f"Bearer {client.post('/api/v1/auth/signup', json=body).json()['token']}"
    }
    set_zone = client.put("/api/v1/account/time-zone", json={"time_zone": zone}, headers=headers)
    assert set_zone.status_code == 200, set_zone.text
    profile: dict[str, Any] = {"level": "beginner", "goal": "muscle", "minutes": 30}
    profile |= {"days": ["tue", "fri"], "start": FOUR_WEEKS_AGO}
    assert client.put("/api/v1/profile", json=profile, headers=headers).status_code == 200
    return headers


def test_over_the_api_weeks_and_milestones_follow_each_persons_zone(
    server: tuple[TestClient, FakeUnitOfWork],
) -> None:
    client, _ = server
    with client:
        akl = api_person(client, "akl@example.com", AUCKLAND)
        la = api_person(client, "la@example.com", LOS_ANGELES)
        assert client.get("/api/v1/account/time-zone", headers=akl).json() == {
            "time_zone": AUCKLAND,
            "today": TUESDAY.isoformat(),
        }
        assert client.get("/api/v1/account/time-zone", headers=la).json()["today"] == "2026-01-05"
        akl_progress = client.get("/api/v1/progress", headers=akl).json()
        la_progress = client.get("/api/v1/progress", headers=la).json()
        assert akl_progress["milestones"][0]["reached"] is True  # week 4 ends on their Tuesday
        assert la_progress["milestones"][0]["reached"] is False  # still Monday there
        assert len(akl_progress["adherence"]["weeks"]) == len(la_progress["adherence"]["weeks"]) + 1
        akl_today = client.get("/api/v1/today", headers=akl).json()
        la_today = client.get("/api/v1/today", headers=la).json()
        assert (akl_today["is_today"], la_today["is_today"]) == (True, False)  # plan: tue, fri
        refused = client.put(
            "/api/v1/account/time-zone", json={"time_zone": "Mars/Olympus"}, headers=la
        )
        assert refused.status_code == 400
        assert refused.json()["error"]["field"] == "time_zone"


def test_the_cli_counts_today_in_the_local_users_zone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'hipcoach.db'}"
    monkeypatch.setattr(clock_module, "utc_now", lambda: MOMENT)
    env = {"HIPCOACH_DATABASE_URL": url, "HIPCOACH_TIMEZONE": "UTC"}
    runner = CliRunner()
    before = runner.invoke(cli_app, ["time-zone", LOS_ANGELES], env=env)
    assert before.exit_code == 2
    assert "Make a plan first" in before.output
    init = ["init", "--no-input", "--days", "mon,thu", "--start", "2026-01-05"]
    assert runner.invoke(cli_app, init, env=env).exit_code == 0
    shown = runner.invoke(cli_app, ["time-zone", LOS_ANGELES], env=env)
    assert shown.exit_code == 0, shown.output
    assert f"Time zone: {LOS_ANGELES}. Today there is 2026-01-05." in shown.output
    wrong = runner.invoke(cli_app, ["time-zone", "Mars/Olympus"], env=env)
    assert wrong.exit_code == 2
    assert "is not a time zone" in wrong.output
    assert runner.invoke(cli_app, ["measure", "--hip-cm", "98"], env=env).exit_code == 0
    stored = build(Settings(database_url=url))
    [measurement] = logbook.list_measurements(uow=stored.uow(), user_id=LOCAL_USER_ID)
    assert measurement.date == MONDAY
    assert accounts.time_zone(uow=stored.uow(), user_id=LOCAL_USER_ID) == LOS_ANGELES
    stored.engine.dispose()
