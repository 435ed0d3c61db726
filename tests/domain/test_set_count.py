"""Sets as a person counts them: a one-sided move's left and right are one set."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hipcoach.domain.log import LoggedSet, Side, set_count

AT = datetime(2026, 3, 2, 18, tzinfo=UTC)


def _set(n: int, exercise: str, side: Side) -> LoggedSet:
    return LoggedSet(
        id=f"set-{n:08d}",
        session_id="session-0001",
        exercise=exercise,
        side=side,
        logged_at=AT + timedelta(minutes=n),
        reps=12,
    )


def test_left_and_right_make_one_set_and_both_sided_sets_count_each() -> None:
    sides = [Side.LEFT, Side.RIGHT, Side.LEFT, Side.RIGHT, Side.LEFT]  # a third left, no right
    logged = [_set(n, "clamshell", side) for n, side in enumerate(sides)]
    logged += [_set(10 + n, "glute_bridge", Side.BOTH) for n in range(3)]
    assert set_count(logged) == 2 + 3  # the third left set waits for its right side, as on Today
    assert set_count(logged[:4]) == 2
    assert set_count([]) == 0
