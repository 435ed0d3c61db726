"""Band placement as a variant the coach moves along (DOMAIN.md: "variants before load: band
at knees before ankles before feet"): the ladder, who starts where, and the climb across it."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from pydantic import ValidationError

from hipcoach.content.loader import load_catalogue
from hipcoach.content.schema import PlacementsFile
from hipcoach.domain.catalogue import Dosage, PainArea
from hipcoach.domain.equipment import Equipment
from hipcoach.domain.explain import placement_order, placement_text
from hipcoach.domain.ladder import Placement, Placements, build_ladder
from hipcoach.domain.log import LogError, LoggedSet, Side, validate_set
from hipcoach.domain.planner import generate_plan, starting_rung
from hipcoach.domain.profile import Goal, Level, Profile, Weekday
from hipcoach.domain.progression import Action, Context, Exposure, Prescription, next_prescription

CATALOGUE = load_catalogue()
WALK = CATALOGUE.get("lateral_band_walk")
BAND = frozenset({Equipment.MINI_BAND})
START = date(2026, 3, 2)


def person(**changes: object) -> Profile:
    base = Profile(
        level=Level.INTERMEDIATE,
        goal=Goal.STABILITY,
        days=(Weekday.MON, Weekday.WED, Weekday.FRI),
        minutes=30,
        start=START,
        weeks=12,
        equipment=BAND,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_the_band_walk_climbs_from_the_knees_to_the_ankles_to_the_feet() -> None:
    ladder = WALK.ladder(BAND)
    assert [(s.placement, s.band_level) for s in ladder] == [
        (Placement.KNEES, "light"),
        (Placement.KNEES, "medium"),
        (Placement.ANKLES, "light"),
        (Placement.ANKLES, "medium"),
        (Placement.ANKLES, "heavy"),
        (Placement.ANKLES, "extra_heavy"),
        (Placement.FEET, "heavy"),
        (Placement.FEET, "extra_heavy"),
    ]
    assert ladder[0].label == "light mini band above the knees"
    assert ladder[-1].label == "extra heavy mini band around the feet"


def test_home_rungs_keep_the_keys_sets_were_logged_with_before_placements() -> None:
    """Sets logged as 'mini_band_medium' on a band walk were done at the ankles, as its how-to
    says: they stay on that rung, and only the new placements have new keys."""
    home = [s.key for s in WALK.ladder(BAND) if s.home]
    assert home == [s.key for s in build_ladder((Equipment.MINI_BAND,))]
    others = [s.key for s in WALK.ladder(BAND) if not s.home]
    assert others == [
        "mini_band_light_knees",
        "mini_band_medium_knees",
        "mini_band_heavy_feet",
        "mini_band_extra_heavy_feet",
    ]


def test_a_move_without_placements_and_the_long_band_are_unchanged() -> None:
    clam = CATALOGUE.get("clamshell")
    assert clam.placements is None
    assert clam.ladder(BAND) == build_ladder(clam.equipment, BAND)
    standing = CATALOGUE.get("standing_banded_hip_abduction")
    long_band = [s for s in standing.ladder() if s.equipment is Equipment.LONG_BAND]
    assert all(s.placement is None and s.home for s in long_band)


@pytest.mark.parametrize(
    ("changes", "key"),
    [
        ({"level": Level.BEGINNER}, "mini_band_light_knees"),
        ({}, "mini_band_medium"),  # intermediate: where the how-to puts it
        ({"level": Level.ADVANCED}, "mini_band_heavy"),
        ({"level": Level.ADVANCED, "goal": Goal.STRENGTH}, "mini_band_extra_heavy"),
        ({"age": 67}, "mini_band_medium_knees"),  # the level's band, on the easier placement
        ({"age": 67, "level": Level.ADVANCED}, "mini_band_medium_knees"),  # no heavier there
        ({"pain": frozenset({PainArea.HIP})}, "mini_band_medium_knees"),
        ({"pain": frozenset({PainArea.KNEE})}, "mini_band_light_knees"),  # no load: first rung
    ],
)
def test_older_adults_and_people_in_pain_start_on_the_easier_placement(
    changes: dict[str, object], key: str
) -> None:
    assert starting_rung(WALK, person(**changes)).key == key


def test_the_plan_says_where_the_band_starts_and_why_the_order() -> None:
    older = generate_plan(person(age=67), CATALOGUE)
    item = next(
        i
        for w in older.weeks[:1]
        for s in w.sessions
        for b in s.blocks
        for i in b.items
        if i.exercise == "lateral_band_walk"
    )
    assert item.resistance == "medium mini band above the knees"
    assert "above the knees, then at the ankles, then around the feet" in item.why
    assert "Lewis 2018" in item.why
    assert "the easier placement" in item.why
    younger = generate_plan(person(), CATALOGUE)
    why = next(
        i.why
        for s in younger.weeks[0].sessions
        for b in s.blocks
        for i in b.items
        if i.exercise == "lateral_band_walk"
    )
    assert "It starts at the ankles, as the how-to describes" in why


def test_without_a_study_of_the_order_the_why_says_so() -> None:
    standing = CATALOGUE.get("standing_banded_hip_abduction")
    text = placement_text(standing, standing.ladder(BAND)[0])
    assert "no study in our evidence compared them for this move" in text
    squat = CATALOGUE.get("banded_squat")
    assert "Martins 2022" in placement_text(squat, squat.ladder(BAND)[0])
    clam = CATALOGUE.get("clamshell")
    assert placement_text(clam, clam.ladder()[0]) == ""
    assert placement_order(clam) == ""


def _walk(day: int, steps: int, rung: str) -> Exposure:
    when = START + timedelta(days=day)
    at = datetime(when.year, when.month, when.day, 18, tzinfo=UTC)
    sets = tuple(
        LoggedSet(
            id=f"s-{day}-{i}",
            session_id=f"ses-{day}",
            exercise="lateral_band_walk",
            side=Side.BOTH,
            logged_at=at + timedelta(minutes=i),
            steps=steps,
            resistance_key=rung,
            rir=2,
        )
        for i in range(3)
    )
    return Exposure(when, sets)


def test_the_top_of_the_knees_placement_moves_the_band_to_the_ankles_on_a_light_band() -> None:
    plan = Prescription(
        "lateral_band_walk", Dosage.STEPS_PER_SIDE, 3, (10, 15), "mini_band_medium_knees", 2
    )
    ctx = Context(WALK.ladder(BAND))
    nxt = next_prescription(
        plan, [_walk(0, 15, "mini_band_medium_knees")], ctx, START + timedelta(3)
    )
    assert (nxt.action, nxt.resistance_key, nxt.aim) == (Action.STEP_UP, "mini_band_light", 10)
    assert "light mini band at the ankles" in nxt.reason
    top = next_prescription(
        plan, [_walk(0, 15, "mini_band_extra_heavy")], ctx, START + timedelta(3)
    )
    assert (top.resistance_key, top.resistance_label) == (
        "mini_band_heavy_feet",
        "heavy mini band around the feet",
    )


def test_a_set_at_a_placement_is_a_rung_of_that_move_only() -> None:
    logged = LoggedSet(
        id="set-00000001",
        session_id="session-0001",
        exercise="lateral_band_walk",
        side=Side.BOTH,
        logged_at=datetime(2026, 3, 2, 18, tzinfo=UTC),
        steps=12,
        resistance_key="mini_band_heavy_feet",
    )
    validate_set(logged, CATALOGUE)
    with pytest.raises(LogError, match="not a resistance step of Clamshell"):
        validate_set(replace(logged, exercise="clamshell", steps=None, reps=12), CATALOGUE)


def test_placements_must_hold_their_home_and_never_repeat() -> None:
    with pytest.raises(ValueError, match="distinct"):
        Placements((Placement.KNEES, Placement.KNEES), Placement.KNEES)
    with pytest.raises(ValueError, match="hold"):
        Placements((Placement.KNEES, Placement.FEET), Placement.ANKLES)
    with pytest.raises(ValidationError, match="include home"):
        PlacementsFile(order=[Placement.KNEES, Placement.FEET], home=Placement.ANKLES)
