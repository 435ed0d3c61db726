"""The one clock every adapter reads: the current moment, and today in the configured zone."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, tzinfo

from hipcoach.domain.day import local_day, zone_named


def utc_now() -> datetime:
    """The current moment, timezone-aware in UTC (the one read of the system clock)."""
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class Clock:
    """Now and today. `zone` is where the person trains (HIPCOACH_TIMEZONE); None means this
    machine's local zone, read at each moment so a long-running server follows DST changes.
    `source` replaces the system clock (tests); None reads `utc_now`."""

    zone: tzinfo | None = None
    source: Callable[[], datetime] | None = None

    def now(self) -> datetime:
        """The current moment, in UTC: what is stored and sent."""
        return (self.source or utc_now)().astimezone(UTC)

    def day_of(self, moment: datetime) -> date:
        """The calendar day a moment falls on in this clock's zone."""
        return local_day(moment, self.zone or moment.astimezone().tzinfo or UTC)

    def today(self) -> date:
        """Today in this clock's zone (the server's, unless `in_zone` chose a person's)."""
        return self.day_of(self.now())

    def in_zone(self, time_zone: str | None) -> Clock:
        """This clock in a person's own zone (an IANA name); None keeps the server's zone."""
        zone = zone_named(time_zone)
        return replace(self, zone=zone) if zone is not None else self

    def zone_of(self, time_zone: str | None) -> tzinfo:
        """The zone a person's times are shown in: theirs (an IANA name), else the server's,
        else this machine's at this moment."""
        return self.in_zone(time_zone).zone or self.now().astimezone().tzinfo or UTC

    def today_in(self, time_zone: str | None) -> date:
        """Today for a person in `time_zone` (None: the server's zone): the one "today" that
        web, API and CLI use, so every week, streak and milestone is counted in it."""
        return self.in_zone(time_zone).today()
