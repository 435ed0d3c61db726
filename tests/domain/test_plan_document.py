"""The plan document round trip and the one line that says what an item asks for."""

from __future__ import annotations

import copy
import json
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from tests.domain.strategies import profiles

from hipcoach.content.loader import load_catalogue
from hipcoach.domain.catalogue import Dosage, Measure
from hipcoach.domain.equipment import Equipment
from hipcoach.domain.plan import BlockKind, Item, Plan
from hipcoach.domain.plan_document import (
    PlanDocumentError,
    item_from_dict,
    item_to_dict,
    plan_from_dict,
    plan_to_dict,
)
from hipcoach.domain.planner import generate_plan
from hipcoach.domain.profile import Goal, Level, Profile, Weekday
from hipcoach.domain.progression import Prescription

CATALOGUE = load_catalogue()
ITEM = Item(
    exercise="clamshell",
    name="Clamshell",
    role="isolation",
    sets=3,
    per_side=True,
    equipment=Equipment.MINI_BAND,
    resistance="light mini band",
    resistance_key="mini_band_light",
    rest_seconds=45,
    target_rir=2,
    why="",
    measure=Measure.REPS,
    target=(12, 20),
)


def plan_for(**changes: Any) -> Plan:
    profile = Profile(Level.BEGINNER, Goal.MUSCLE, (Weekday.MON, Weekday.THU), 30, date(2026, 3, 2))
    return generate_plan(replace(profile, **changes), CATALOGUE)


@settings(max_examples=40, deadline=None)
@given(profiles)
def test_a_plan_comes_back_from_its_json_document_exactly_as_it_was(profile: Profile) -> None:
    plan = generate_plan(replace(profile, days=profile.sorted_days), CATALOGUE)
    document = json.loads(json.dumps(plan_to_dict(plan)))
    assert plan_from_dict(document) == plan
    assert plan_to_dict(plan_from_dict(document)) == document


def test_each_item_names_its_target_under_the_key_of_what_a_set_counts() -> None:
    for measure, key in (
        (Measure.REPS, "reps"),
        (Measure.STEPS, "steps_per_side"),
        (Measure.SECONDS, "hold_seconds"),
    ):
        data = item_to_dict(replace(ITEM, measure=measure))
        assert data[key] == [12, 20]
        assert sum(k in data for k in ("reps", "steps_per_side", "hold_seconds")) == 1
        assert item_from_dict(data) == replace(ITEM, measure=measure)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({}, "3 x 12-20 reps per side"),
        ({"per_side": False}, "3 x 12-20 reps"),
        ({"measure": Measure.STEPS, "per_side": False}, "3 x 12-20 steps per side"),
        ({"measure": Measure.SECONDS, "target": (30, 45)}, "3 x 30-45 s hold per side"),
        ({"sets": 1, "target": (10, 10)}, "10 reps per side"),
        (
            {"role": "warmup", "sets": 1, "measure": Measure.SECONDS, "target": (120, 120)},
            "120 s per side",
        ),
    ],
)
def test_an_item_says_what_it_asks_for_in_one_line(change: dict[str, Any], expected: str) -> None:
    assert replace(ITEM, **change).prescription() == expected


def test_the_next_prescription_replaces_the_range_with_the_aim() -> None:
    assert ITEM.prescription(sets=2, aim=15) == "2 x 15 reps per side"
    hold = replace(ITEM, measure=Measure.SECONDS, target=(30, 45))
    assert hold.prescription(sets=1, aim=35) == "1 x 35 s per side"


def test_only_catalogue_moves_start_the_progression_engine() -> None:
    assert ITEM.progression_start() == Prescription(
        "clamshell", Dosage.REPS_PER_SIDE, 3, (12, 20), "mini_band_light", 2
    )
    assert replace(ITEM, per_side=False).dosage is Dosage.REPS
    assert replace(ITEM, measure=Measure.STEPS).dosage is Dosage.STEPS_PER_SIDE
    assert replace(ITEM, measure=Measure.SECONDS).dosage is Dosage.HOLD_SECONDS
    assert replace(ITEM, exercise=None).progression_start() is None
    assert replace(ITEM, role="warmup").progression_start() is None
    without_effort = replace(ITEM, target_rir=None).progression_start()
    assert without_effort is not None
    assert without_effort.target_rir == 0


def test_sessions_come_in_date_order_with_their_week_and_number() -> None:
    plan = plan_for(days=(Weekday.THU, Weekday.MON), weeks=4)
    sessions = plan.sessions()
    assert [s.date for s in sessions] == sorted(s.date for s in sessions)
    assert [(s.week, s.number) for s in sessions[:3]] == [(1, 1), (1, 2), (2, 1)]
    assert sessions[-1].deload
    assert sessions[0].entries[0][0] is BlockKind.WARMUP
    assert plan.next_session(sessions[1].date) == sessions[1]
    assert plan.next_session(sessions[0].date.replace(day=sessions[0].date.day + 1)) == sessions[1]
    assert plan.next_session(date(2030, 1, 1)) is None


def _without(path: str) -> dict[str, Any]:
    document = copy.deepcopy(plan_to_dict(plan_for(weeks=1)))
    data: Any = document
    *parents, last = path.split(".")
    for part in parents:
        data = data[int(part)] if part.isdigit() else data[part]
    del data[last]
    return document


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("weeks", "'weeks' is missing"),
        ("profile.level", "'level' is missing"),
        ("weeks.0.sessions.0.blocks.0.items.0.role", "'role' is missing"),
        (
            "weeks.0.sessions.0.blocks.0.items.0.hold_seconds",
            "exactly one of reps, steps or hold seconds",
        ),
        ("schema_version", "version None cannot be read"),
    ],
)
def test_a_document_no_plan_could_have_written_is_refused_with_the_reason(
    path: str, message: str
) -> None:
    with pytest.raises(PlanDocumentError, match=message):
        plan_from_dict(_without(path))


def test_a_wrong_value_is_refused_too() -> None:
    document = plan_to_dict(plan_for(weeks=1))
    document["weeks"][0]["sessions"][0]["date"] = "someday"
    with pytest.raises(PlanDocumentError, match="malformed"):
        plan_from_dict(document)
