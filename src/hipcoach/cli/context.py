"""What every stateful command needs: the wired app, the local user, today's date."""

from __future__ import annotations

from datetime import UTC, date, datetime
from functools import cache
from typing import TYPE_CHECKING

from hipcoach.domain.account import LOCAL_USER_ID
from hipcoach.services.planning import parse_date

if TYPE_CHECKING:
    from hipcoach.bootstrap import App

USER_ID = LOCAL_USER_ID


def app() -> App:
    """The app for the configured database (migrated on first use), reused per process."""
    from hipcoach.config import load_settings  # imported late: keeps `--help` fast

    return _app_for(load_settings().database_url)


@cache
def _app_for(url: str) -> App:
    from hipcoach.bootstrap import build
    from hipcoach.config import Settings

    return build(Settings(database_url=url))


def today(text: str | None = None) -> date:
    """The day a command is about: --date if given, else today (UTC)."""
    return parse_date(text, field="date") if text else datetime.now(UTC).date()


def now() -> datetime:
    """The current time, timezone-aware."""
    return datetime.now(UTC)
