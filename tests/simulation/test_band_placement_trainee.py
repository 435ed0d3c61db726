"""A year with the band moving down the legs: a 67-year-old starts her band walk above the
knees, earns the ankles and then the feet, through the real services, never going backwards."""

from __future__ import annotations

import itertools
from dataclasses import replace

from hipcoach.domain.equipment import Equipment
from hipcoach.domain.ladder import Placement
from hipcoach.domain.log import Side
from hipcoach.domain.profile import Goal, Level, Weekday
from tests.simulation.test_virtual_trainees import BACKWARDS, check_all, train
from tests.simulation.trainee import Story, UnitOfWorkFactory, profile

PLACED = {p.words: p for p in Placement}


def _placement(label: str) -> Placement | None:
    return next((p for words, p in PLACED.items() if label.endswith(words)), None)


def test_an_older_trainee_moves_her_band_from_the_knees_to_the_feet_over_a_year(
    make: UnitOfWorkFactory,
) -> None:
    kim = Story(
        "Kim, 67, a mini band at home",
        replace(
            profile(
                level=Level.INTERMEDIATE,
                goal=Goal.STABILITY,
                equipment=frozenset({Equipment.MINI_BAND}),
                days=(Weekday.MON, Weekday.WED, Weekday.FRI),
                weeks=52,
            ),
            age=67,
        ),
        capacity=16.0,
        growth=0.5,
    )
    trace = train(kim, make, "kim-placements", weeks=52)
    check_all(trace)
    walks = [e for e in trace.of("lateral_band_walk", Side.LEFT) if not e.paused and not e.deload]
    assert walks, "the band walk is in her plan"
    places = [_placement(e.resistance) for e in walks]
    assert places[0] is Placement.KNEES
    assert walks[0].resistance == "medium mini band above the knees"
    # each placement is reached in order, and once the band moved lower it never moved back
    firsts = [places.index(p) for p in (Placement.KNEES, Placement.ANKLES)]
    assert firsts == sorted(firsts)
    assert Placement.FEET in places, [e.resistance for e in walks][::8]
    order = list(Placement)
    assert all(order.index(b) >= order.index(a) for a, b in itertools.pairwise(places) if a and b)
    assert not [e for e in walks if e.action in BACKWARDS]
    moved = next(e for e in walks if _placement(e.resistance) is Placement.ANKLES)
    assert "at the ankles" in moved.reason
