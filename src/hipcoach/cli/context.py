"""What every stateful command needs: the wired app, the local user, today's date."""

from __future__ import annotations

from datetime import UTC, date, datetime
from functools import cache

from hipcoach.bootstrap import App, build
from hipcoach.config import Settings, load_settings
from hipcoach.domain.account import LOCAL_USER_ID
from hipcoach.services.planning import parse_date

USER_ID = LOCAL_USER_ID


def app() -> App:
    """The app for the configured database (migrated on first use), reused per process."""
    settings = load_settings()
    return _app_for(settings.database_url)


@cache
def _app_for(url: str) -> App:
    return build(Settings(database_url=url))


def today(text: str | None = None) -> date:
    """The day a command is about: --date if given, else today (UTC)."""
    return parse_date(text, field="date") if text else datetime.now(UTC).date()


def now() -> datetime:
    """The current time, timezone-aware."""
    return datetime.now(UTC)
