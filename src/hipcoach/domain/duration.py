"""How long a training day took: from its first logged set to its last.

Sets carry the moment they were logged, so no clock of its own is needed. Only the sets logged
on the session's own day (in the person's zone) count: a session entered afterwards from memory,
or a set added to it the next morning, would otherwise time the typing, not the training.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from hipcoach.domain.day import local_day
from hipcoach.domain.log import LoggedSet


@dataclass(frozen=True, slots=True)
class SessionTime:
    """When the first and the last set of a day were logged, in the person's zone."""

    start: datetime
    end: datetime
    sets: int

    @property
    def duration(self) -> timedelta:
        """The time between the first and the last set."""
        return self.end - self.start

    @property
    def minutes(self) -> int:
        """The duration in whole minutes, rounded to the nearest."""
        return round(self.duration.total_seconds() / 60)

    def describe(self) -> str:
        """'32 min', '1 h 5 min', or 'under a minute' (one set, or sets in a quick row)."""
        minutes = self.minutes
        if minutes < 1:
            return "under a minute"
        hours, rest = divmod(minutes, 60)
        if not hours:
            return f"{rest} min"
        return f"{hours} h {rest} min" if rest else f"{hours} h"


def session_time(sets: Iterable[LoggedSet], *, day: date, zone: tzinfo) -> SessionTime | None:
    """The span of the sets logged on `day` in `zone`; None when none was (nothing logged yet,
    or the session was entered on another day)."""
    moments = sorted(
        moment
        for moment in (s.logged_at for s in sets)
        if moment.tzinfo is not None and local_day(moment, zone) == day
    )
    if not moments:
        return None
    return SessionTime(moments[0].astimezone(zone), moments[-1].astimezone(zone), len(moments))


def day_window(day: date, zone: tzinfo) -> tuple[datetime, datetime]:
    """The UTC instants from `day`'s first moment in `zone` to the next day's: a set was
    logged on `day` there exactly when its time falls in [start, end)."""
    start = datetime.combine(day, time(), tzinfo=zone).astimezone(UTC)
    end = datetime.combine(day + timedelta(days=1), time(), tzinfo=zone).astimezone(UTC)
    return start, end


def span_time(
    count: int, first: datetime | None, last: datetime | None, zone: tzinfo
) -> SessionTime | None:
    """`session_time` from a store's count, first and last time of the sets in a day's
    window (`day_window`): the same answer without holding the sets."""
    if count == 0 or first is None or last is None:
        return None
    return SessionTime(first.astimezone(zone), last.astimezone(zone), count)
