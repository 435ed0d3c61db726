"""The side bridge as variants the coach moves along (DOMAIN.md: "knees-bent before full side
bridge"): from the knees, then from the feet, then the side plank with hip abduction."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from hipcoach.content.loader import load_catalogue
from hipcoach.content.schema import PlacementsFile
from hipcoach.domain.catalogue import Dosage
from hipcoach.domain.equipment import Equipment
from hipcoach.domain.explain import placement_order, placement_text
from hipcoach.domain.ladder import BODYWEIGHT, Placement, Placements
from hipcoach.domain.log import LoggedSet, Side
from hipcoach.domain.progression import Action, Context, Exposure, Prescription, next_prescription

CATALOGUE = load_catalogue()
BRIDGE = CATALOGUE.get("side_bridge")
START = date(2026, 3, 2)
PLAN = Prescription("side_bridge", Dosage.HOLD_SECONDS, 3, (30, 40), "bodyweight", 1)


def _hold(day: int, seconds: int, rung: str) -> Exposure:
    when = START + timedelta(days=day)
    at = datetime(when.year, when.month, when.day, 18, tzinfo=UTC)
    return Exposure(
        when,
        tuple(
            LoggedSet(
                id=f"set-{day:04d}-{i:03d}",
                session_id=f"session-{day:04d}",
                exercise="side_bridge",
                side=Side.LEFT,
                logged_at=at + timedelta(minutes=i),
                hold_seconds=seconds,
                resistance_key=rung,
                rir=1,
            )
            for i in range(3)
        ),
    )


def test_the_side_bridge_is_held_from_the_knees_then_from_the_feet() -> None:
    ladder = BRIDGE.ladder()
    assert ladder[0] == BODYWEIGHT  # the how-to's own position: sets logged before stay on it
    assert [(s.key, s.label) for s in ladder[1:]] == [
        ("bodyweight_feet", "bodyweight, from the feet")
    ]
    assert ladder[1].placement is Placement.FEET
    assert not ladder[1].home


def test_the_top_from_the_knees_moves_the_hold_to_the_feet_and_the_feet_to_the_side_plank() -> None:
    ctx = Context(BRIDGE.ladder(), harder="side_plank_hip_abduction")
    feet = next_prescription(PLAN, [_hold(0, 40, "bodyweight")], ctx, START + timedelta(3))
    assert (feet.action, feet.resistance_key, feet.aim) == (Action.STEP_UP, "bodyweight_feet", 30)
    assert "from the feet" in feet.reason
    assert feet.swap_to is None  # the full side bridge first, not the leg lift yet
    top = next_prescription(PLAN, [_hold(0, 40, "bodyweight_feet")], ctx, START + timedelta(3))
    assert (top.action, top.swap_to) == (Action.HARDER, "side_plank_hip_abduction")


def test_the_plan_says_the_hold_starts_from_the_knees_and_why_the_order() -> None:
    text = placement_text(BRIDGE, BODYWEIGHT)
    assert "from the knees, then from the feet" in text
    assert "no study in our evidence compared them" in text
    assert "It starts from the knees, as the how-to describes" in text
    assert placement_order(BRIDGE).startswith("The hold moves on as you progress")


def test_a_placement_must_apply_to_the_equipment_it_is_on() -> None:
    with pytest.raises(ValueError, match="do not all apply to none"):
        Placements((Placement.KNEES, Placement.ANKLES), Placement.KNEES, on=Equipment.NONE)
    with pytest.raises(ValueError, match="do not all apply"):
        PlacementsFile(order=[Placement.KNEES, Placement.ANKLES], home=Placement.KNEES, on="none")
