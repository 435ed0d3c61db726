"""Requests the planner cannot build a plan for: it refuses and names the field to change."""

from __future__ import annotations

from datetime import date

import pytest

from hipcoach.domain.catalogue import Catalogue
from hipcoach.domain.errors import PlanRequestError
from hipcoach.domain.planner import generate_plan
from hipcoach.domain.profile import Goal, Level, Profile, Weekday
from hipcoach.domain.warmup import ACTIVATION_CHOICES


def _profile(avoid: frozenset[str]) -> Profile:
    return Profile(
        level=Level.BEGINNER,
        goal=Goal.MUSCLE,
        days=(Weekday.MON, Weekday.THU),
        minutes=30,
        start=date(2026, 1, 5),
        avoid=avoid,
    )


def test_avoiding_every_activation_move_is_refused_on_the_avoid_field(
    catalogue: Catalogue,
) -> None:
    with pytest.raises(PlanRequestError, match="Every activation move") as info:
        generate_plan(_profile(frozenset(ACTIVATION_CHOICES)), catalogue)
    assert info.value.field == "avoid"


def test_avoiding_all_but_one_working_move_is_refused_on_the_avoid_field(
    catalogue: Catalogue,
) -> None:
    keep = {ACTIVATION_CHOICES[0], "glute_bridge"}
    avoid = frozenset(k for k in catalogue.keys if k not in keep)
    with pytest.raises(PlanRequestError, match="Fewer than two working exercises") as info:
        generate_plan(_profile(avoid), catalogue)
    assert info.value.field == "avoid"
