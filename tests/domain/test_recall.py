"""The logbook's memory of a move: the last session that had it, and the best at a rung."""

from __future__ import annotations

from datetime import UTC, date, datetime

from hipcoach.domain.log import LoggedSet, Side, TrainingSession
from hipcoach.domain.recall import LastTime, Record, last_time, records

AT = datetime(2026, 3, 1, 9, tzinfo=UTC)


def _set(
    n: int,
    amount: int,
    *,
    side: Side = Side.BOTH,
    exercise: str = "clamshell",
    rung: str = "light_mini_band",
) -> LoggedSet:
    return LoggedSet(
        id=f"x{n}",
        session_id="s",
        exercise=exercise,
        side=side,
        logged_at=AT,
        reps=amount,
        resistance_key=rung,
    )


def _day(day: int) -> TrainingSession:
    return TrainingSession(id=f"s{day}", date=date(2026, 3, day))


def test_the_latest_earlier_session_with_the_move_is_last_time() -> None:
    history = [
        (_day(1), [_set(1, 10)]),
        (_day(5), [_set(2, 12), _set(3, 12, rung="medium_mini_band")]),
        (_day(7), [_set(4, 9, exercise="bridge")]),  # another move only
        (_day(9), [_set(5, 30)]),  # today: not "last time"
    ]
    found = last_time(history, "clamshell", date(2026, 3, 9))
    assert found is not None
    assert found.day == date(2026, 3, 5)
    assert found.resistance_key == "medium_mini_band"  # the rung it ended on
    assert found.amounts("reps") == "2 x 12 reps"


def test_no_earlier_session_with_the_move_is_no_last_time() -> None:
    history = [(_day(1), [_set(1, 10, exercise="bridge")]), (_day(3), [_set(2, 10)])]
    assert last_time(history, "clamshell", date(2026, 3, 3)) is None
    assert last_time([], "clamshell", date(2026, 3, 3)) is None


def test_the_sets_in_words() -> None:
    day = date(2026, 3, 1)
    uneven = LastTime(day, (_set(1, 14), _set(2, 12), _set(3, 10)))
    assert uneven.amounts("reps") == "14, 12, 10 reps"
    sides = (Side.LEFT, Side.RIGHT) * 3
    per_side = LastTime(day, tuple(_set(n, 14, side=s) for n, s in enumerate(sides)))
    assert per_side.amounts("reps") == "3 x 14 reps per side"
    lopsided = LastTime(
        day,
        (_set(1, 30, side=Side.LEFT), _set(2, 30, side=Side.LEFT), _set(3, 20, side=Side.RIGHT)),
    )
    assert lopsided.amounts("s") == "left 2 x 30 s, right 1 x 20 s"
    one_side = LastTime(day, (_set(1, 8, side=Side.RIGHT),))
    assert one_side.amounts("reps") == "right 1 x 8 reps"


def test_a_best_is_broken_only_by_more_at_the_same_rung_or_by_a_new_rung() -> None:
    bests = {"light_mini_band": 16}
    assert records([_set(4, 16), _set(5, 15)], bests, "clamshell") == ()  # equal is not more
    assert records([_set(4, 17), _set(5, 18)], bests, "clamshell") == (
        Record("clamshell", "light_mini_band", 18, 16),
    )
    moved_up = [_set(4, 10, rung="medium_mini_band"), _set(5, 17)]
    assert records(moved_up, bests, "clamshell") == (
        Record("clamshell", "medium_mini_band", 10, None),
        Record("clamshell", "light_mini_band", 17, 16),
    )
    assert records([_set(4, 40, exercise="bridge")], bests, "clamshell") == ()  # another move


def test_a_first_session_of_a_move_breaks_no_record() -> None:
    assert records([_set(1, 12)], {}, "clamshell") == ()


def test_set_n_of_last_time_is_the_nth_set_logged_on_that_side() -> None:
    last = LastTime(
        date(2026, 3, 5),
        (
            _set(1, 12, side=Side.LEFT),
            _set(2, 11, side=Side.RIGHT),
            _set(3, 10, side=Side.LEFT),
        ),
    )
    assert last.set_at(1, Side.LEFT) == _set(1, 12, side=Side.LEFT)
    assert last.set_at(1, Side.RIGHT) == _set(2, 11, side=Side.RIGHT)
    assert last.set_at(2, Side.LEFT) == _set(3, 10, side=Side.LEFT)
    assert last.set_at(2, Side.RIGHT) is None, "no second set on the right last time"
    assert last.set_at(1, Side.BOTH) is None, "a side is not the whole move"
    assert last.set_at(0, Side.LEFT) is None
    assert last.set_at(3, Side.LEFT) is None
