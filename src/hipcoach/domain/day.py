"""Which calendar day a moment is: "today" means the day where the person trains."""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo


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
