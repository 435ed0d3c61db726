"""Age as an entry rule: from 60 the hardest variant waits for the base work, as it does for
beginners and people in pain; the person climbs to it through the side bridge's ladder."""

from __future__ import annotations

from datetime import date

import pytest

from hipcoach.content.loader import load_catalogue
from hipcoach.domain.errors import PlanRequestError
from hipcoach.domain.explain import exclusion_reason
from hipcoach.domain.planner import generate_plan
from hipcoach.domain.profile import (
    OLDER_ADULT_AGE,
    Goal,
    Level,
    Profile,
    Weekday,
    profile_from_dict,
    profile_to_dict,
)
from hipcoach.domain.substitution import harder_for

CATALOGUE = load_catalogue()
HARD = "side_plank_hip_abduction"


def _person(age: int | None, level: Level = Level.INTERMEDIATE) -> Profile:
    return Profile(level, Goal.MUSCLE, (Weekday.MON, Weekday.THU), 30, date(2026, 12, 7), age=age)


def _moves(profile: Profile) -> set[str | None]:
    plan = generate_plan(profile, CATALOGUE)
    return {i.exercise for s in plan.sessions() for b in s.session.blocks for i in b.items}


def test_an_older_adult_starts_on_the_side_bridge_not_the_full_side_plank() -> None:
    # The same answers at 59 may have the full side plank; since its only figures are peak
    # ones (not ranked against means), the planner no longer has to pick it, so the gate is
    # checked directly.
    assert exclusion_reason(CATALOGUE.get(HARD), _person(OLDER_ADULT_AGE - 1)) is None
    older = _moves(_person(OLDER_ADULT_AGE))
    assert HARD not in older
    assert "side_bridge" in older  # the easier variant takes its place
    reason = exclusion_reason(CATALOGUE.get(HARD), _person(70))
    assert reason is not None
    assert "first weeks of base work" in reason


def test_unknown_age_is_not_assumed_old() -> None:
    assert not _person(None).older_adult
    assert exclusion_reason(CATALOGUE.get(HARD), _person(None)) is None


def test_the_older_adult_can_still_climb_to_the_full_side_plank() -> None:
    """The entry rule is a start, not a ceiling: the side bridge's harder variation is the
    full side plank, and the coach moves them on once its ladder is climbed."""
    assert harder_for(CATALOGUE.get("side_bridge"), _person(72), CATALOGUE) == HARD


def test_age_round_trips_and_is_absent_when_not_given() -> None:
    stored = profile_to_dict(_person(64))
    assert stored["age"] == 64
    assert profile_from_dict(stored).age == 64
    assert "age" not in profile_to_dict(_person(None))  # calendar ids of older plans stay put
    assert profile_from_dict(profile_to_dict(_person(None))).age is None


@pytest.mark.parametrize("age", [5, 12, 101, 150])
def test_an_age_outside_the_range_is_refused_with_its_field(age: int) -> None:
    with pytest.raises(PlanRequestError) as raised:
        generate_plan(_person(age), CATALOGUE)
    assert raised.value.field == "age"
    assert "between 13 and 100 years" in str(raised.value)
