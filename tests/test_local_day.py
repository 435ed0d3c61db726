"""One "today" for every adapter: the day in the configured zone, not the UTC day.

At 03:00 UTC on Tuesday 6 January it is still Monday evening in New York. With
HIPCOACH_TIMEZONE=America/New_York the web, the API and the CLI all say it is Monday.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import cast
from zoneinfo import ZoneInfo

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from hipcoach.bootstrap import build
from hipcoach.cli.main import app as cli_app
from hipcoach.config import ConfigError, Settings
from hipcoach.domain.account import LOCAL_USER_ID
from hipcoach.domain.day import local_day
from hipcoach.server import create_app
from hipcoach.services import clock as clock_module
from hipcoach.services import logbook
from hipcoach.services.clock import Clock
from hipcoach.services.ports import UnitOfWork
from hipcoach.services.runtime import Runtime
from tests.services.fakes import FakeHasher, FakeUnitOfWork
from tests.web.conftest import sign_up as sign_up_on_the_web

ZONE = "America/New_York"
MOMENT = datetime(2026, 1, 6, 3, 0, tzinfo=UTC)  # Tuesday in UTC...
MONDAY = date(2026, 1, 5)  # ...still Monday 22:00 in New York
CLOCK = Clock(zone=ZoneInfo(ZONE), source=lambda: MOMENT)
INIT = ["init", "--no-input", "--days", "mon,thu", "--start", "2026-01-05"]


def test_the_local_day_is_not_the_utc_day_late_in_the_evening() -> None:
    assert MOMENT.date() == date(2026, 1, 6)
    assert local_day(MOMENT, ZoneInfo(ZONE)) == MONDAY
    assert local_day(MOMENT, UTC) == date(2026, 1, 6)
    assert CLOCK.today() == MONDAY
    assert CLOCK.now() == MOMENT
    with pytest.raises(ValueError, match="timezone-aware"):
        local_day(datetime(2026, 1, 6, 3), UTC)  # noqa: DTZ001 - the naive moment refused


def test_the_time_zone_setting_names_a_zone_or_says_what_it_accepts() -> None:
    assert Settings(timezone=ZONE).zone == ZoneInfo(ZONE)
    assert Settings(timezone="").zone is None  # unset: this machine's zone
    assert Settings(timezone="local").zone is None
    with pytest.raises(ConfigError, match="HIPCOACH_TIMEZONE 'Mars/Olympus' is not a time zone"):
        Settings(timezone="Mars/Olympus")


def test_the_web_the_api_and_the_cli_agree_on_today(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakeUnitOfWork()
    runtime = Runtime(
        uow=lambda: cast(UnitOfWork, fake), hasher=FakeHasher(), open_signup=True, clock=CLOCK
    )
    with TestClient(create_app(runtime)) as client:
        # The web: a new plan starts "today" on the onboarding form.
        sign_up_on_the_web(client)
        form = client.get("/onboarding").text
        assert f'name="start" type="date" value="{MONDAY.isoformat()}"' in form
        # The API: a plan starting on Tuesday has not begun yet, so no week is counted.
        body = {"email": "bo@example.com", "password": "correct horse battery"}
        token = client.post("/api/v1/auth/signup", json=body).json()["token"]
        headers = {"Authorization": f"Bearer {token}"}
        profile: dict[str, object] = {"level": "beginner", "goal": "muscle", "minutes": 30}
        profile |= {"days": ["tue", "fri"], "start": "2026-01-06"}
        assert client.put("/api/v1/profile", json=profile, headers=headers).status_code == 200
        report = client.get("/api/v1/progress", headers=headers).json()
        assert report["adherence"]["weeks"] == []
        tuesday = client.get("/api/v1/progress", params={"date": "2026-01-06"}, headers=headers)
        assert len(tuesday.json()["adherence"]["weeks"]) == 1  # a client's own date still wins

    # The CLI: a measurement without --date is dated today.
    url = f"sqlite:///{tmp_path / 'hipcoach.db'}"
    monkeypatch.setattr(clock_module, "utc_now", lambda: MOMENT)
    env = {"HIPCOACH_DATABASE_URL": url, "HIPCOACH_TIMEZONE": ZONE}
    runner = CliRunner()
    assert runner.invoke(cli_app, INIT, env=env).exit_code == 0
    result = runner.invoke(cli_app, ["measure", "--hip-cm", "98"], env=env)
    assert result.exit_code == 0, result.output
    stored = build(Settings(database_url=url))
    [measurement] = logbook.list_measurements(uow=stored.uow(), user_id=LOCAL_USER_ID)
    assert measurement.date == MONDAY
