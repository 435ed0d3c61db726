"""Choosing the week's working exercises: a documented objective and its solver.

Objective (to maximise), for one week of S sessions:

    J = sum over moves m of  value(m) * (1 + d + d^2 + ... + d^(count(m) - 1))

where count(m) is how many sessions of the week use m and d = 0.6 is the variety discount: a
move's second use that week is worth 60 % of its first, so different moves win whenever the
catalogue and the equipment offer good ones. Subject to, in every session: between `n_min`
and `n_max` moves, each at most once, and their estimated seconds within the budget.

The solver starts twice and keeps the better week:
1. sequential: each session solved exactly (branch and bound) given the ones before it;
2. by counts: repeatedly give one more weekly use to the move with the best marginal value
   (optimal for this concave objective when time does not bind), keeping only additions
   that a bounded packing search can still fit into the sessions.
Both are then polished by coordinate ascent: each session re-solved exactly given the
others, until none changes. Tests compare the result with exhaustive search on small cases:
it must reach 99 % of the optimum.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

VARIETY_DISCOUNT = 0.6
MAX_PASSES = 8
PACKING_NODE_LIMIT = 4000


@dataclass(frozen=True, slots=True)
class Candidate:
    """A move the solver may place: its value and the seconds it takes in the peak week."""

    key: str
    value: float
    seconds: float


def week_objective(candidates: Sequence[Candidate], sessions: Sequence[Sequence[int]]) -> float:
    """J for a week given as, per session, the indexes of its chosen candidates."""
    counts = Counter(i for session in sessions for i in session)
    return sum(
        candidates[i].value * sum(VARIETY_DISCOUNT**k for k in range(n)) for i, n in counts.items()
    )


def _solve_session(
    marginal: Sequence[float],
    seconds: Sequence[float],
    budget: float,
    n_min: int,
    n_max: int,
) -> tuple[int, ...] | None:
    """Best single session given each move's marginal value; None if nothing fits."""
    order = sorted(range(len(marginal)), key=lambda i: (-marginal[i], i))
    values = [marginal[i] for i in order]
    times = [seconds[i] for i in order]
    # suffix minimum of times, to prune branches that can no longer reach n_min moves
    cheapest_after = [float("inf")] * (len(order) + 1)
    for pos in range(len(order) - 1, -1, -1):
        cheapest_after[pos] = min(times[pos], cheapest_after[pos + 1])
    best: list[float | tuple[int, ...] | None] = [-1.0, None]
    chosen: list[int] = []

    def search(pos: int, value: float, time: float) -> None:
        if len(chosen) >= n_min and value > float(best[0]):  # type: ignore[arg-type]
            best[0], best[1] = value, tuple(chosen)
        if len(chosen) == n_max or pos == len(order):
            return
        room = n_max - len(chosen)
        if value + sum(values[pos : pos + room]) <= float(best[0]):  # type: ignore[arg-type]
            return
        need = n_min - len(chosen)
        if need > 0 and time + need * cheapest_after[pos] > budget:
            return
        if time + times[pos] <= budget:
            chosen.append(order[pos])
            search(pos + 1, value + values[pos], time + times[pos])
            chosen.pop()
        search(pos + 1, value, time)

    search(0, 0.0, 0.0)
    result = best[1]
    return tuple(sorted(result)) if isinstance(result, tuple) else None


def _polish(
    candidates: Sequence[Candidate],
    plan: list[tuple[int, ...]],
    budget: float,
    n_min: int,
    n_max: int,
) -> list[tuple[int, ...]] | None:
    """Coordinate ascent: re-solve each session exactly given the others until stable."""
    seconds = [c.seconds for c in candidates]
    for _ in range(MAX_PASSES):
        changed = False
        for s in range(len(plan)):
            others = Counter(i for t, chosen in enumerate(plan) if t != s for i in chosen)
            marginal = [c.value * VARIETY_DISCOUNT ** others[i] for i, c in enumerate(candidates)]
            best = _solve_session(marginal, seconds, budget, n_min, n_max)
            if best is None:
                return None
            trial = [*plan[:s], best, *plan[s + 1 :]]
            if week_objective(candidates, trial) > week_objective(candidates, plan) + 1e-12:
                plan = trial
                changed = True
        if not changed:
            break
    return plan


def _pack(
    items: list[int], seconds: Sequence[float], sessions: int, budget: float,
    n_min: int, n_max: int,
) -> list[tuple[int, ...]] | None:  # fmt: skip
    """Place move uses into sessions (a move at most once per session), or None."""
    order = sorted(items, key=lambda i: (-seconds[i], i))
    bins: list[list[int]] = [[] for _ in range(sessions)]
    used = [0.0] * sessions
    nodes = [0]

    def place(k: int) -> bool:
        nodes[0] += 1
        if nodes[0] > PACKING_NODE_LIMIT:
            return False
        if k == len(order):
            return all(len(b) >= n_min for b in bins)
        item = order[k]
        seen: set[tuple[float, int]] = set()
        for b in range(sessions):
            shape = (used[b], len(bins[b]))
            if item in bins[b] or len(bins[b]) >= n_max or shape in seen:
                continue
            if used[b] + seconds[item] > budget:
                continue
            if not bins[b]:
                seen.add(shape)  # empty sessions are interchangeable
            bins[b].append(item)
            used[b] += seconds[item]
            if place(k + 1):
                return True
            bins[b].pop()
            used[b] -= seconds[item]
        return False

    return [tuple(sorted(b)) for b in bins] if place(0) else None


def _by_counts(
    candidates: Sequence[Candidate], sessions: int, budget: float, n_min: int, n_max: int
) -> list[tuple[int, ...]] | None:
    """Greedy over weekly use counts, each addition kept only if the week still packs."""
    seconds = [c.seconds for c in candidates]
    counts = [0] * len(candidates)
    best: list[tuple[int, ...]] | None = None
    while sum(counts) < sessions * n_max:
        options = sorted(
            (i for i in range(len(candidates)) if counts[i] < sessions),
            key=lambda i: (-candidates[i].value * VARIETY_DISCOUNT ** counts[i], i),
        )
        for i in options:
            items = [j for j, n in enumerate(counts) for _ in range(n)] + [i]
            relaxed = 0 if len(items) < sessions * n_min else n_min
            packed = _pack(items, seconds, sessions, budget, relaxed, n_max)
            if packed is not None:
                counts[i] += 1
                if relaxed:
                    best = packed
                break
        else:
            break
    return best


def select_week(
    candidates: Sequence[Candidate],
    *,
    sessions: int,
    budget_seconds: float,
    n_min: int,
    n_max: int,
) -> tuple[tuple[int, ...], ...] | None:
    """Per session, the candidate indexes that (near-)maximise J; None if a session can't fit."""
    empty: list[tuple[int, ...]] = [() for _ in range(sessions)]
    starts = [empty, _by_counts(candidates, sessions, budget_seconds, n_min, n_max)]
    results = [
        _polish(candidates, start, budget_seconds, n_min, n_max)
        for start in starts
        if start is not None
    ]
    weeks: list[list[tuple[int, ...]]] = [r for r in results if r is not None]
    if not weeks:
        return None
    best = max(weeks, key=lambda week: week_objective(candidates, week))
    return tuple(best)
