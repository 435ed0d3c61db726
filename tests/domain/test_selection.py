"""The week solver against exhaustive search: it must reach 99 % of the best objective."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hipcoach.domain.selection import (
    DISCOUNT_POWERS,
    Candidate,
    select_week,
    untimed_best,
    week_objective,
)


def exhaustive_best(
    candidates: list[Candidate], sessions: int, budget: float, n_min: int, n_max: int
) -> float | None:
    feasible = [
        combo
        for size in range(n_min, n_max + 1)
        for combo in itertools.combinations(range(len(candidates)), size)
        if sum(candidates[i].seconds for i in combo) <= budget
    ]
    if not feasible:
        return None
    return max(
        week_objective(candidates, week) for week in itertools.product(feasible, repeat=sessions)
    )


@settings(max_examples=300, deadline=None)
@given(
    values=st.lists(st.floats(0.1, 1.5), min_size=2, max_size=6),
    seconds=st.lists(st.integers(200, 900), min_size=6, max_size=6),
    sessions=st.integers(1, 3),
    n_max=st.integers(2, 3),
    budget=st.integers(400, 2400),
)
def test_it_scores_within_one_percent_of_exhaustive_search(
    values: list[float], seconds: list[int], sessions: int, n_max: int, budget: int
) -> None:
    candidates = [Candidate(f"m{i}", v, float(seconds[i])) for i, v in enumerate(values)]
    best = exhaustive_best(candidates, sessions, budget, 2, n_max)
    chosen = select_week(candidates, sessions=sessions, budget_seconds=budget, n_min=2, n_max=n_max)
    if best is None:
        assert chosen is None
        return
    assert chosen is not None
    for session in chosen:
        assert 2 <= len(session) <= n_max
        assert len(set(session)) == len(session)
        assert sum(candidates[i].seconds for i in session) <= budget
    assert week_objective(candidates, chosen) >= 0.99 * best


def test_variety_wins_when_moves_are_equally_good() -> None:
    candidates = [Candidate(f"m{i}", 1.0, 300.0) for i in range(4)]
    week = select_week(candidates, sessions=2, budget_seconds=600, n_min=2, n_max=2)
    assert week is not None
    assert set(week[0]).isdisjoint(week[1])


def test_a_move_good_enough_is_repeated_over_a_weak_alternative() -> None:
    candidates = [
        Candidate("great", 2.0, 300.0),
        Candidate("good", 1.5, 300.0),
        Candidate("weak", 0.1, 300.0),
    ]
    week = select_week(candidates, sessions=2, budget_seconds=600, n_min=2, n_max=2)
    assert week == ((0, 1), (0, 1))


def test_nothing_fits_returns_none() -> None:
    candidates = [Candidate("a", 1.0, 500.0), Candidate("b", 1.0, 500.0)]
    assert select_week(candidates, sessions=1, budget_seconds=900, n_min=2, n_max=3) is None


def _assert_feasible_and_optimal(
    candidates: list[Candidate], sessions: int, budget: float, n_max: int
) -> None:
    chosen = select_week(candidates, sessions=sessions, budget_seconds=budget, n_min=2, n_max=n_max)
    assert chosen is not None
    for session in chosen:
        assert 2 <= len(session) <= n_max
        assert sum(candidates[i].seconds for i in session) <= budget
    best = exhaustive_best(candidates, sessions, budget, 2, n_max)
    assert best is not None
    assert week_objective(candidates, chosen) == pytest.approx(best)


def test_when_no_single_session_can_improve_re_solving_two_together_reaches_the_best() -> None:
    # Time refuses the greedy start; one session at a time the week is stuck below 5.0.
    values = [(1.2, 800.0), (0.5, 300.0), (1.5, 500.0), (1.0, 900.0), (0.8, 300.0)]
    candidates = [Candidate(f"m{i}", v, s) for i, (v, s) in enumerate(values)]
    _assert_feasible_and_optimal(candidates, sessions=2, budget=1400, n_max=3)


def test_a_week_too_costly_to_pack_by_search_is_still_solved_by_polishing() -> None:
    # Four sessions of up to four moves: the packing search gives up at its node limit.
    values = [(1.0, 250.0), (1.23, 850.0), (1.24, 300.0), (0.92, 850.0)]
    candidates = [Candidate(f"m{i}", v, s) for i, (v, s) in enumerate(values)]
    _assert_feasible_and_optimal(candidates, sessions=4, budget=2200, n_max=4)


def exhaustive_capped(
    candidates: list[Candidate], sessions: int, budget: float, n_max: int, max_uses: int
) -> float | None:
    """The best week of 1..n_max moves a session with at most `max_uses` uses in all."""
    feasible = [
        combo
        for size in range(1, n_max + 1)
        for combo in itertools.combinations(range(len(candidates)), size)
        if sum(candidates[i].seconds for i in combo) <= budget
    ]
    weeks = [
        week
        for week in itertools.product(feasible, repeat=sessions)
        if sum(map(len, week)) <= max_uses
    ]
    return max((week_objective(candidates, w) for w in weeks), default=None)


@settings(max_examples=200, deadline=None)
@given(
    values=st.lists(st.floats(0.1, 1.5), min_size=2, max_size=5),
    seconds=st.lists(st.integers(200, 900), min_size=5, max_size=5),
    sessions=st.integers(1, 3),
    n_max=st.integers(1, 3),
    budget=st.integers(300, 2400),
    spare_uses=st.integers(0, 4),
)
def test_with_a_weekly_cap_on_uses_it_stays_within_one_percent_of_exhaustive_search(
    values: list[float],
    seconds: list[int],
    sessions: int,
    n_max: int,
    budget: int,
    spare_uses: int,
) -> None:
    candidates = [Candidate(f"m{i}", v, float(seconds[i])) for i, v in enumerate(values)]
    max_uses = sessions + spare_uses
    best = exhaustive_capped(candidates, sessions, budget, n_max, max_uses)
    chosen = select_week(
        candidates,
        sessions=sessions,
        budget_seconds=budget,
        n_min=1,
        n_max=n_max,
        max_uses=max_uses,
    )
    if best is None:
        assert chosen is None
        return
    assert chosen is not None
    assert sum(map(len, chosen)) <= max_uses
    for session in chosen:
        assert 1 <= len(session) <= n_max
        assert sum(candidates[i].seconds for i in session) <= budget
    assert week_objective(candidates, chosen) >= 0.99 * best


def test_a_cap_below_one_move_a_session_fits_nothing() -> None:
    candidates = [Candidate("a", 1.0, 100.0), Candidate("b", 1.0, 100.0)]
    assert (
        select_week(candidates, sessions=3, budget_seconds=900, n_min=1, n_max=2, max_uses=2)
        is None
    )


def test_equal_weeks_come_out_balanced() -> None:
    candidates = [Candidate(f"m{i}", 1.0 - i / 10, 300.0) for i in range(4)]
    week = select_week(candidates, sessions=2, budget_seconds=1200, n_min=1, n_max=4, max_uses=4)
    assert week is not None
    assert [len(s) for s in week] == [2, 2]


def test_the_untimed_bound_stops_when_every_move_is_in_every_session() -> None:
    # Two moves, two sessions, room for four a session: each move once per session is all.
    candidates = [Candidate("a", 2.0, 300.0), Candidate("b", 1.0, 300.0)]
    bound = untimed_best(candidates, sessions=2, n_max=4, max_uses=8)
    assert bound == pytest.approx(2.0 * (1 + DISCOUNT_POWERS[1]) + 1.0 * (1 + DISCOUNT_POWERS[1]))
