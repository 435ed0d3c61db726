"""A session's start, end and duration, from the times its sets were logged."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from hipcoach.domain.duration import SessionTime, day_window, session_time, span_time
from hipcoach.domain.log import LoggedSet, Side

DAY = date(2026, 3, 5)
BERLIN = ZoneInfo("Europe/Berlin")


def _set(moment: datetime, number: int = 1) -> LoggedSet:
    return LoggedSet(f"set-{number:08d}", "session-0001", "clamshell", Side.LEFT, moment, reps=12)


def test_the_first_and_last_set_logged_that_day_give_start_end_and_duration() -> None:
    first = datetime(2026, 3, 5, 17, 2, tzinfo=UTC)  # 18:02 in Berlin
    sets = [_set(first + timedelta(minutes=31, seconds=40), 2), _set(first, 1)]
    timed = session_time(sets, day=DAY, zone=BERLIN)
    assert timed is not None
    assert (timed.start.hour, timed.start.minute) == (18, 2)
    assert (timed.end.hour, timed.end.minute) == (18, 33)
    assert timed.start.tzinfo is BERLIN
    assert (timed.sets, timed.minutes, timed.describe()) == (2, 32, "32 min")


def test_sets_logged_on_another_day_in_the_person_s_zone_do_not_count() -> None:
    late_evening = datetime(2026, 3, 5, 23, 30, tzinfo=UTC)  # already 6 March in Berlin
    next_morning = datetime(2026, 3, 6, 7, 0, tzinfo=UTC)
    assert session_time([_set(late_evening), _set(next_morning, 2)], day=DAY, zone=BERLIN) is None
    in_utc = session_time([_set(late_evening), _set(next_morning, 2)], day=DAY, zone=UTC)
    assert in_utc is not None
    assert (in_utc.sets, in_utc.describe()) == (1, "under a minute")


def test_nothing_logged_has_no_time() -> None:
    assert session_time([], day=DAY, zone=UTC) is None


def test_a_naive_time_is_left_out_rather_than_guessed() -> None:
    naive = datetime(2026, 3, 5, 18, 0)  # noqa: DTZ001 - what a careless store might return
    assert session_time([_set(naive)], day=DAY, zone=UTC) is None


def test_hours_are_said_with_their_minutes() -> None:
    start = datetime(2026, 3, 5, 9, 0, tzinfo=UTC)
    for span, said in (
        (timedelta(minutes=65), "1 h 5 min"),
        (timedelta(hours=2), "2 h"),
        (timedelta(seconds=29), "under a minute"),
        (timedelta(seconds=90), "2 min"),
    ):
        assert SessionTime(start, start + span, 2).describe() == said, span


@given(
    st.lists(
        st.datetimes(
            min_value=datetime(2026, 3, 4),  # noqa: DTZ001 - made aware below
            max_value=datetime(2026, 3, 7),  # noqa: DTZ001
            timezones=st.just(timezone(timedelta(hours=-5))),
        ),
        max_size=12,
    )
)
def test_the_span_holds_every_set_of_the_day_and_never_runs_backwards(
    moments: list[datetime],
) -> None:
    sets = [_set(m, n) for n, m in enumerate(moments, 1)]
    timed = session_time(sets, day=DAY, zone=BERLIN)
    on_day = [m for m in moments if m.astimezone(BERLIN).date() == DAY]
    if timed is None:
        assert on_day == []
        return
    assert timed.sets == len(on_day)
    assert timed.duration >= timedelta(0)
    assert all(timed.start <= m <= timed.end for m in on_day)


@given(
    st.lists(
        st.datetimes(datetime(2026, 3, 24), datetime(2026, 4, 2), timezones=st.just(UTC)),  # noqa: DTZ001
        max_size=8,
    ),
    st.sampled_from([UTC, BERLIN, ZoneInfo("America/St_Johns"), ZoneInfo("Pacific/Kiritimati")]),
)
def test_a_store_s_count_in_the_day_window_times_the_day_as_the_sets_themselves_do(
    moments: list[datetime], zone: ZoneInfo
) -> None:
    """What the store answers (count, first, last in [start, end)) gives `session_time`'s
    answer, across the spring clock change too (Berlin moved on 29 March 2026)."""
    day = date(2026, 3, 29)
    start, end = day_window(day, zone)
    inside = sorted(m for m in moments if start <= m < end)
    counted = span_time(len(inside), min(inside, default=None), max(inside, default=None), zone)
    sets = [_set(m, n) for n, m in enumerate(moments)]
    assert counted == session_time(sets, day=day, zone=zone)


def test_the_day_window_is_23_hours_on_the_day_the_clocks_go_forward() -> None:
    start, end = day_window(date(2026, 3, 29), BERLIN)
    assert (start, end - start) == (datetime(2026, 3, 28, 23, tzinfo=UTC), timedelta(hours=23))
    assert span_time(0, None, None, BERLIN) is None  # nothing logged that day
