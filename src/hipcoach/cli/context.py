"""What every stateful command needs: the wired app, the local user, the clock, today's date."""

from __future__ import annotations

from datetime import date, datetime
from functools import cache
from typing import TYPE_CHECKING

from hipcoach.domain.account import LOCAL_USER_ID
from hipcoach.services.planning import parse_date

if TYPE_CHECKING:
    from hipcoach.bootstrap import App
    from hipcoach.services.clock import Clock

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


def clock() -> Clock:
    """The clock in the configured zone (HIPCOACH_TIMEZONE), as the server's."""
    from hipcoach.bootstrap import build_clock
    from hipcoach.config import load_settings

    return build_clock(load_settings())


def today(text: str | None = None) -> date:
    """The day a command is about: --date if given, else today in the local user's time zone
    (`hipcoach time-zone`; unset: HIPCOACH_TIMEZONE, else this machine's zone)."""
    if text:
        return parse_date(text, field="date")
    from hipcoach.services import accounts

    return clock().today_in(accounts.time_zone(uow=app().uow(), user_id=USER_ID))


def now() -> datetime:
    """The current time, timezone-aware (UTC)."""
    return clock().now()
