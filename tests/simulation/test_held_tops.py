"""A top held for weeks moves the person on: a year of an advanced trainee with no equipment.

With no equipment every ladder is a single rung, so each move soon reaches its top. Before
fresh moves, this trainee held the top of the side plank with hip abduction for 252 of 995
prescribed items (46 % of all items were held at some top, the longest run 170 entries of
one move and side); with them the side plank is held for 18 items (42 % at some top, the
longest run 67). Measured with `held_share` below on the fake store.
"""

from __future__ import annotations

import itertools
from collections import defaultdict

import pytest

from hipcoach.domain.plan import BlockKind
from hipcoach.domain.profile import Level
from hipcoach.domain.progression import ROTATE_AFTER_SESSIONS, Action
from tests.simulation.test_virtual_trainees import check_all, on_fake
from tests.simulation.trainee import Entry, Story, Trace, profile

NO_KIT_YEAR = Story(
    "Jo, advanced, with no equipment, for a year",
    profile(level=Level.ADVANCED, equipment=frozenset(), weeks=52),
)


@pytest.fixture(scope="module")
def year() -> Trace:
    return on_fake(NO_KIT_YEAR, 52)


def at_top(entry: Entry) -> bool:
    return "Top of the ladder" in entry.reason


def held_share(trace: Trace) -> float:
    items = [e for e in trace.entries if not e.paused]
    return sum(at_top(e) for e in items) / len(items)


def longest_run_at_a_top(trace: Trace) -> int:
    """The most entries of one move and side in a row at its top (lighter weeks inside)."""
    best = 0
    for entries in trace.series().values():
        run = 0
        for e in entries:
            run = run + 1 if at_top(e) or (run and e.action is Action.LIGHTER) else 0
            best = max(best, run)
    return best


def test_a_year_with_no_equipment_is_not_spent_holding_the_tops_of_ladders(year: Trace) -> None:
    trace = year
    check_all(trace)  # never backwards for a trainee who meets every aim, among the rest
    assert held_share(trace) < 0.44, held_share(trace)  # 0.456 before fresh moves
    assert longest_run_at_a_top(trace) < 90  # 170 before
    plank = [e for e in trace.entries if e.exercise == "side_plank_hip_abduction"]
    # Held 12 sessions, a side at a time, then the hip hitch takes its place.
    assert sum(at_top(e) for e in plank) <= 2 * ROTATE_AFTER_SESSIONS
    fresh = [e for e in trace.entries if "takes its place for fresh work" in e.because]
    assert {e.exercise for e in fresh} >= {"hip_hitch", "fire_hydrant"}
    assert any(
        e.because.startswith(
            f"You have held the top of Side plank with hip abduction for "
            f"{ROTATE_AFTER_SESSIONS} sessions: Hip hitch"
        )
        for e in fresh
    )


def test_the_pause_at_a_top_is_told_once_per_move_and_side(year: Trace) -> None:
    trace = year
    told: defaultdict[tuple[str, str], int] = defaultdict(int)
    for e in trace.entries:
        told[(e.exercise, e.side.value)] += "You have held the top for" in e.reason
    assert told
    assert max(told.values()) == 1, {k: n for k, n in told.items() if n > 1}


def test_a_fresh_move_stays_in_its_place_and_no_move_is_done_twice_a_day(year: Trace) -> None:
    trace = year
    per_day: defaultdict[tuple[object, str], list[str]] = defaultdict(list)
    for e in trace.entries:
        if e.block is BlockKind.WORKING:
            per_day[(e.day, e.side.value)].append(e.exercise)
    assert all(len(set(moves)) == len(moves) for moves in per_day.values())
    # A move standing in is done every week until the year ends: no back and forth.
    for (exercise, side), entries in trace.series().items():
        if not any("for fresh work" in e.because for e in entries):
            continue
        gaps = [(b.day - a.day).days for a, b in itertools.pairwise(entries)]
        assert max(gaps, default=0) <= 7, (exercise, side, gaps)
        assert entries[-1].week >= 51, (exercise, side)
        # ...and climbs there: judged against its slot's sets, it is never stuck at the start.
        assert any(e.action is Action.ADD for e in entries), (exercise, side)
