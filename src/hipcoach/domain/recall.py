"""What the logbook remembers about a move: the sets of the last session that had it, and the
person's best at a rung of its ladder. Pure: the caller hands in the logbook's sessions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from hipcoach.domain.log import LoggedSet, Side, TrainingSession


@dataclass(frozen=True, slots=True)
class LastTime:
    """The sets of one move in the latest earlier session that had it."""

    day: date
    sets: tuple[LoggedSet, ...]

    @property
    def resistance_key(self) -> str:
        """The rung of the last set done (the one the person ended on)."""
        return self.sets[-1].resistance_key

    def set_at(self, number: int, side: Side) -> LoggedSet | None:
        """The set done as set `number` (from 1) on this side last time, in the order logged;
        None when last time had no such set (fewer sets, or not on this side)."""
        same = [logged for logged in self.sets if logged.side is side]
        return same[number - 1] if 0 < number <= len(same) else None

    def amounts(self, unit: str) -> str:
        """The sets in words: "3 x 14 reps", "14, 12, 10 reps", "3 x 14 reps per side", or
        "left 3 x 14 reps, right 2 x 12 reps" when the sides differ."""
        sides: dict[Side, list[int]] = {}
        for logged in self.sets:
            sides.setdefault(logged.side, []).append(logged.amount)
        if set(sides) <= {Side.BOTH}:
            return _counts(sides[Side.BOTH], unit)
        one_sided = {side: counts for side, counts in sides.items() if side is not Side.BOTH}
        if len(one_sided) == 2 and one_sided[Side.LEFT] == one_sided[Side.RIGHT]:
            return f"{_counts(one_sided[Side.LEFT], unit)} per side"
        return ", ".join(
            f"{side.value} {_counts(counts, unit)}" for side, counts in sorted(sides.items())
        )


def _counts(amounts: Sequence[int], unit: str) -> str:
    if len(set(amounts)) == 1:
        return f"{len(amounts)} x {amounts[0]} {unit}"
    return f"{', '.join(str(a) for a in amounts)} {unit}"


def last_time(
    history: Sequence[tuple[TrainingSession, Sequence[LoggedSet]]],
    exercise: str,
    before: date,
) -> LastTime | None:
    """The move's sets in the latest session dated before `before` that has any of them."""
    earlier = [(s, sets) for s, sets in history if s.date < before]
    for session, sets in sorted(earlier, key=lambda pair: pair[0].date, reverse=True):
        found = tuple(logged for logged in sets if logged.exercise == exercise)
        if found:
            return LastTime(session.date, found)
    return None


@dataclass(frozen=True, slots=True)
class Record:
    """A best broken today: the most in one set at a rung, and the best before (None: the
    first time at that rung, for a move done before at other rungs)."""

    exercise: str
    resistance_key: str
    amount: int
    before: int | None


def records(
    today: Sequence[LoggedSet], bests: Mapping[str, int], exercise: str
) -> tuple[Record, ...]:
    """The move's bests broken by today's sets, one per rung, in the order first reached;
    `bests` is the most done in one earlier set at each rung of this move (all time).

    A first session of a move breaks nothing (there is nothing to beat); a new rung is a
    record of its own; at a known rung, only more than the earlier best counts."""
    if not bests:
        return ()
    most: dict[str, int] = {}
    for logged in today:
        if logged.exercise == exercise:
            key = logged.resistance_key
            most[key] = max(most.get(key, 0), logged.amount)
    found = []
    for key, amount in most.items():
        before = bests.get(key)
        if before is None or amount > before:
            found.append(Record(exercise, key, amount, before))
    return tuple(found)
