"""The summary after a session says each move's sets the way a person counts them."""

from __future__ import annotations

from datetime import UTC, datetime

from hipcoach.domain.log import LoggedSet, Side
from hipcoach.web.pages.today import _sides_done

AT = datetime(2026, 3, 2, 18, tzinfo=UTC)


def _sets(*sides: Side) -> list[LoggedSet]:
    return [
        LoggedSet(f"set-{n:08d}", "session-0001", "clamshell", side, AT, reps=12)
        for n, side in enumerate(sides)
    ]


def test_each_move_says_its_sets_per_side_or_each_side_when_they_differ() -> None:
    assert _sides_done(_sets(Side.BOTH)) == "1 set"
    assert _sides_done(_sets(Side.BOTH, Side.BOTH)) == "2 sets"
    assert _sides_done(_sets(Side.LEFT, Side.RIGHT)) == "1 set a side"
    assert _sides_done(_sets(Side.LEFT, Side.RIGHT) * 2) == "2 sets a side"
    assert _sides_done(_sets(Side.LEFT, Side.LEFT, Side.LEFT, Side.RIGHT)) == "left 3, right 1"
