"""The one clock every adapter reads: the current moment, and today in the configured zone."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo

from hipcoach.domain.day import local_day


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
        """Today where the person trains: the day web, API and CLI mean by "today"."""
        return self.day_of(self.now())
