"""Left and right: each side progresses on its own, and a lasting gap between them is named.

A gap is lasting when, in each of the last `GAP_SESSIONS` (3) sessions that worked both sides,
the weaker side did at least `GAP_SHARE` (20 %) less work at the same rung (total reps, steps
or seconds), or worked a lower rung. What to do about it follows common rehabilitation
practice for side-to-side differences (a coaching convention, not in research/science.md):
the weaker side first while fresh, the stronger side matched to it, and an optional extra
set for the weaker side.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from hipcoach.domain.ladder import LadderStep, step_index
from hipcoach.domain.log import Side
from hipcoach.domain.progression import Exposure

GAP_SHARE = 0.2
GAP_SESSIONS = 3


@dataclass(frozen=True, slots=True)
class SideGap:
    """A lasting difference between sides: which is weaker, by how much, and what to do."""

    weaker: Side
    percent: int | None  # None when the sides work at different rungs
    advice: str


def _work(exposure: Exposure, ladder: tuple[LadderStep, ...]) -> tuple[int, int]:
    """(lowest rung, total amount) of one side's session."""
    rungs = [step_index(ladder, s.resistance_key) for s in exposure.sets]
    return (min(rungs), sum(s.amount for s in exposure.sets))


def side_gap(
    left: Sequence[Exposure], right: Sequence[Exposure], ladder: tuple[LadderStep, ...]
) -> SideGap | None:
    """The lasting gap between the sides' histories (oldest first), if there is one."""
    by_day = {e.date: e for e in right}
    # Lighter weeks are left out: the engine itself holds a step up back inside them.
    paired = [(e, by_day[e.date]) for e in left if e.sets and not e.lighter and by_day.get(e.date)]
    paired = [(lft, rgt) for lft, rgt in paired if rgt.sets][-GAP_SESSIONS:]
    if len(paired) < GAP_SESSIONS:
        return None
    found: list[tuple[Side, int | None]] = []
    for lft, rgt in paired:
        (l_rung, l_work), (r_rung, r_work) = _work(lft, ladder), _work(rgt, ladder)
        if l_rung != r_rung:
            found.append((Side.LEFT if l_rung < r_rung else Side.RIGHT, None))
            continue
        strong = max(l_work, r_work)
        weak = min(l_work, r_work)
        if strong == 0 or weak > strong * (1 - GAP_SHARE):
            return None
        found.append(
            (Side.LEFT if l_work < r_work else Side.RIGHT, round(100 * (1 - weak / strong)))
        )
    weaker = {side for side, _ in found}
    if len(weaker) != 1:
        return None
    side = found[-1][0]
    other = Side.RIGHT if side is Side.LEFT else Side.LEFT
    shares = [p for _, p in found if p is not None]
    size = f"about {min(shares)} % behind" if len(shares) == len(found) else "a step behind"
    return SideGap(
        side,
        min(shares) if len(shares) == len(found) else None,
        f"Your {side} side has been {size} your {other} side for {GAP_SESSIONS} sessions. "
        f"Do the {side} side first while you are fresh, stop the {other} side at the same "
        f"count, and add one extra set for the {side} side if you have the time.",
    )
