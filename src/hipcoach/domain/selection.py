"""Choosing the week's working exercises: a documented objective and its solver.

Objective (to maximise), for one week of S sessions:

    J = sum over moves m of  value(m) * (1 + d + d^2 + ... + d^(count(m) - 1))

where count(m) is how many sessions of the week use m and d = 0.6 is the variety discount: a
move's second use that week is worth 60 % of its first, so different moves win whenever the
catalogue and the equipment offer good ones. Subject to, in every session: between `n_min`
and `n_max` moves, each at most once, and their estimated seconds within the budget; and,
when `max_uses` is given, at most that many move uses in the whole week (the weekly volume
ceiling, see `volume`).

The solver starts from a greedy over weekly use counts: it repeatedly gives one more use
to the move with the best marginal value (optimal for this concave objective when time does
not bind), keeping only additions that a bounded packing search can still fit into the
sessions (if none packs, it starts from an empty week). When time never refused an
addition the start is already optimal; otherwise it is polished by
coordinate ascent: each session re-solved exactly given the
others; when no single session improves, each pair of sessions is re-solved together
(every option of the first that an upper bound cannot rule out, at most 16, each with the
best second), until nothing changes. Tests compare the result with exhaustive search on small cases:
it must reach 99 % of the optimum.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

VARIETY_DISCOUNT = 0.6
MAX_PASSES = 8
PACKING_NODE_LIMIT = 4000
PAIR_OPTION_LIMIT = 16


@dataclass(frozen=True, slots=True)
class Candidate:
    """A move the solver may place: its value and the seconds it takes in the peak week."""

    key: str
    value: float
    seconds: float


# DISCOUNT_POWERS[n] = d^n; GEOMETRIC[n] = 1 + d + ... + d^(n-1), the worth of n uses.
DISCOUNT_POWERS = [VARIETY_DISCOUNT**n for n in range(16)]
GEOMETRIC = [sum(DISCOUNT_POWERS[:n]) for n in range(16)]


def _counts(sessions: Iterable[Sequence[int]]) -> dict[int, int]:
    counts: dict[int, int] = {}
    for session in sessions:
        for i in session:
            counts[i] = counts.get(i, 0) + 1
    return counts


def week_objective(candidates: Sequence[Candidate], sessions: Sequence[Sequence[int]]) -> float:
    """J for a week given as, per session, the indexes of its chosen candidates."""
    return sum(candidates[i].value * GEOMETRIC[n] for i, n in _counts(sessions).items())


def _search(
    marginal: Sequence[float],
    seconds: Sequence[float],
    budget: float,
    n_min: int,
    n_max: int,
    floor: float,
    collect: bool,
) -> list[tuple[float, tuple[int, ...]]]:
    """Branch and bound over one session's moves.

    With `collect`, every feasible option worth more than `floor`; otherwise the best one
    (the floor rising as better options are found).
    """
    order = sorted(range(len(marginal)), key=lambda i: (-marginal[i], i))
    values = [marginal[i] for i in order]
    times = [seconds[i] for i in order]
    cheapest_after = [float("inf")] * (len(order) + 1)
    for pos in range(len(order) - 1, -1, -1):
        cheapest_after[pos] = min(times[pos], cheapest_after[pos + 1])
    prefix = [0.0]
    for v in values:
        prefix.append(prefix[-1] + v)
    size = len(order)
    found: list[tuple[float, tuple[int, ...]]] = []
    bar = [floor]
    chosen: list[int] = []

    def search(pos: int, value: float, time: float) -> None:
        if len(chosen) >= n_min and value > bar[0]:
            found.append((value, tuple(sorted(chosen))))
            if not collect:
                bar[0] = value
        if len(chosen) == n_max or pos == len(order):
            return
        if value + prefix[min(size, pos + n_max - len(chosen))] - prefix[pos] <= bar[0]:
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
    return found


def _solve_session(
    marginal: Sequence[float],
    seconds: Sequence[float],
    budget: float,
    n_min: int,
    n_max: int,
) -> tuple[int, ...] | None:
    """Best single session given each move's marginal value; None if nothing fits."""
    found = _search(marginal, seconds, budget, n_min, n_max, -1.0, collect=False)
    return found[-1][1] if found else None


def _marginals(
    candidates: Sequence[Candidate], plan: Sequence[Sequence[int]], skip: set[int]
) -> list[float]:
    used = _counts(chosen for t, chosen in enumerate(plan) if t not in skip)
    return [c.value * DISCOUNT_POWERS[used.get(i, 0)] for i, c in enumerate(candidates)]


def _improve_pair(
    candidates: Sequence[Candidate],
    plan: list[tuple[int, ...]],
    a: int,
    b: int,
    limits: tuple[float, int, int, int],
) -> list[tuple[int, ...]] | None:
    """Re-solve sessions a and b together exactly; a better week, or None."""
    budget, n_min, n_max, max_uses = limits
    seconds = [c.seconds for c in candidates]
    base = _marginals(candidates, plan, {a, b})
    pair_uses = max_uses - sum(len(chosen) for t, chosen in enumerate(plan) if t not in (a, b))
    first_max = min(n_max, pair_uses - n_min)
    best_b = _solve_session(base, seconds, budget, n_min, first_max)
    # Whether a session fits depends on seconds only (for values >= 0, as the planner's are),
    # and _polish has just fitted every session: these two Nones cannot happen.
    if best_b is None:  # pragma: no cover
        return None
    rest = [chosen for t, chosen in enumerate(plan) if t not in (a, b)]
    now = week_objective(candidates, plan)
    without = week_objective(candidates, rest)
    pair = now - without
    # The pair's better session (by base value) is worth at least half of any better pair.
    floor = max(pair - sum(base[i] for i in best_b), pair / 2) + 1e-12
    best_week, best_value = None, now + 1e-12
    options = _search(base, seconds, budget, n_min, first_max, floor, collect=True)
    for _, option in sorted(options, reverse=True)[:PAIR_OPTION_LIMIT]:
        marginal = _marginals(candidates, [*rest, option], set())
        second_max = min(n_max, pair_uses - len(option))
        second = _solve_session(marginal, seconds, budget, n_min, second_max)
        if second is None:  # pragma: no cover
            continue
        trial = list(plan)
        trial[a], trial[b] = option, second
        value = week_objective(candidates, trial)
        if value > best_value:
            best_week, best_value = trial, value
    return best_week


def _polish(
    candidates: Sequence[Candidate],
    plan: list[tuple[int, ...]],
    limits: tuple[float, int, int, int],
) -> list[tuple[int, ...]] | None:
    """Coordinate ascent on single sessions, then on pairs of sessions, until stable."""
    budget, n_min, n_max, max_uses = limits
    seconds = [c.seconds for c in candidates]
    for _ in range(MAX_PASSES):
        changed = False
        for s in range(len(plan)):
            marginal = _marginals(candidates, plan, {s})
            # other sessions keep their uses, and an empty one still needs n_min of its own
            others = sum(max(len(c), n_min) for t, c in enumerate(plan) if t != s)
            best = _solve_session(marginal, seconds, budget, n_min, min(n_max, max_uses - others))
            if best is None:
                return None
            trial = [*plan[:s], best, *plan[s + 1 :]]
            if week_objective(candidates, trial) > week_objective(candidates, plan) + 1e-12:
                plan = trial
                changed = True
        if changed:
            continue
        for a in range(len(plan)):
            for b in range(a + 1, len(plan)):
                better = _improve_pair(candidates, plan, a, b, limits)
                if better is not None:
                    plan, changed = better, True
        if not changed:
            break
    return plan


def _pack(
    items: list[int],
    seconds: Sequence[float],
    sessions: int,
    budget: float,
    n_min: int,
    n_max: int,
) -> list[tuple[int, ...]] | None:
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
        # the emptiest session first: equal weeks come out balanced, not one long day
        for b in sorted(range(sessions), key=lambda b: (len(bins[b]), used[b], b)):
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
    candidates: Sequence[Candidate],
    sessions: int,
    budget: float,
    n_min: int,
    n_max: int,
    max_uses: int,
) -> tuple[list[tuple[int, ...]] | None, bool]:
    """Greedy over weekly use counts, each addition kept only if the week still packs.

    Also says whether time never refused an addition: then the result is optimal, because
    greedy is exact for a separable concave objective under a cap on total uses (and any
    counts of at most one use per session spread over the sessions round-robin).
    """
    seconds = [c.seconds for c in candidates]
    counts = [0] * len(candidates)
    best: list[tuple[int, ...]] | None = None
    exact = True
    while sum(counts) < min(sessions * n_max, max_uses):
        options = sorted(
            (i for i in range(len(candidates)) if counts[i] < sessions),
            key=lambda i: (-candidates[i].value * DISCOUNT_POWERS[counts[i]], i),
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
            exact = False
        else:
            break
    return best, exact and best is not None


def untimed_best(
    candidates: Sequence[Candidate], *, sessions: int, n_max: int, max_uses: int
) -> float:
    """The best J with no time limit: an upper bound for any budget (greedy is exact here)."""
    counts = [0] * len(candidates)
    total = 0.0
    for _ in range(min(sessions * n_max, max_uses)):
        options = [i for i in range(len(candidates)) if counts[i] < sessions]
        if not options:
            break
        best = max(options, key=lambda i: candidates[i].value * DISCOUNT_POWERS[counts[i]])
        total += candidates[best].value * DISCOUNT_POWERS[counts[best]]
        counts[best] += 1
    return total


def select_week(
    candidates: Sequence[Candidate],
    *,
    sessions: int,
    budget_seconds: float,
    n_min: int,
    n_max: int,
    max_uses: int | None = None,
) -> tuple[tuple[int, ...], ...] | None:
    """Per session, the candidate indexes that (near-)maximise J; None if a session can't fit."""
    week, _ = solve_week(
        candidates,
        sessions=sessions,
        budget_seconds=budget_seconds,
        n_min=n_min,
        n_max=n_max,
        max_uses=max_uses,
    )
    return week


def solve_week(
    candidates: Sequence[Candidate],
    *,
    sessions: int,
    budget_seconds: float,
    n_min: int,
    n_max: int,
    max_uses: int | None = None,
) -> tuple[tuple[tuple[int, ...], ...] | None, bool]:
    """`select_week`, also saying whether time never bound (then the week is optimal and more
    minutes could not improve it)."""
    cap = sessions * n_max if max_uses is None else max_uses
    if cap < sessions * n_min:
        return None, False
    start, exact = _by_counts(candidates, sessions, budget_seconds, n_min, n_max, cap)
    if start is not None and exact:
        return tuple(start), True
    if start is None:
        start = [() for _ in range(sessions)]  # polishing an empty week solves it in order
    week = _polish(candidates, start, (budget_seconds, n_min, n_max, cap))
    return (tuple(week) if week is not None else None), False
