"""Which calendar day a moment is: "today" means the day where the person trains."""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

from hipcoach.domain.errors import HipcoachError
from hipcoach.domain.limits import TIME_ZONE_LENGTH


class TimeZoneError(HipcoachError):
    """A time zone name that is not in the time zone database."""


def local_day(moment: datetime, zone: tzinfo) -> date:
    """The calendar day `moment` (timezone-aware) falls on in `zone`.

    At 02:00 UTC it is still the evening before in the Americas: every adapter asks this one
    function, so the web, the API and the CLI agree on which session is today's.
    """
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("local_day needs a timezone-aware moment")
    return moment.astimezone(zone).date()


def days_before(day: date, days: int) -> date:
    """The day `days` earlier, or the calendar's first day (a date in year 1 is valid input)."""
    span = timedelta(days=days)
    return day - span if day - date.min >= span else date.min


# Names whose meaning is whatever this machine is set to: not a place a person can choose.
_MACHINE_DEPENDENT = frozenset({"localtime", "posixrules", "Factory"})


@cache
def time_zone_names() -> frozenset[str]:
    """Every IANA time zone name this machine knows (Europe/Berlin, America/Los_Angeles, ...)."""
    return frozenset(available_timezones()) - _MACHINE_DEPENDENT


def check_time_zone(name: str) -> str:
    """The IANA name, trimmed, or an error saying it is not a time zone."""
    cleaned = name.strip()
    if len(cleaned) not in TIME_ZONE_LENGTH or cleaned not in time_zone_names():
        raise TimeZoneError(
            f"'{cleaned[: TIME_ZONE_LENGTH.high]}' is not a time zone; use a name such as "
            "Europe/Berlin, America/Los_Angeles or UTC.",
            field="time_zone",
        )
    return cleaned


def zone_named(name: str | None) -> tzinfo | None:
    """The zone a stored name means; None when the person has not chosen one."""
    return ZoneInfo(name) if name else None
