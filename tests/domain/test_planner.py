"""The planner's promises, over random valid profiles and on named cases."""

from __future__ import annotations

import itertools
from dataclasses import astuple
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from tests.domain.strategies import profiles

from hipcoach.content.loader import load_catalogue
from hipcoach.domain.catalogue import Catalogue, Dosage, Measure, PainAction, PainArea, Role
from hipcoach.domain.dosage import changed_block, changed_reps, working_role
from hipcoach.domain.equipment import Equipment
from hipcoach.domain.errors import PlanRequestError, UnknownKeyError
from hipcoach.domain.muscle import Muscle
from hipcoach.domain.plan import BlockKind, Item, Plan, Session
from hipcoach.domain.planner import generate_plan
from hipcoach.domain.profile import Goal, Level, Profile, Weekday
from hipcoach.domain.scoring import pain_action
from hipcoach.domain.volume import WEEKLY_SET_RANGE, weekly_sets

CATALOGUE = load_catalogue()
BLOCK_ORDER = [BlockKind.WARMUP, BlockKind.ACTIVATION, BlockKind.WORKING, BlockKind.COOLDOWN]


def plan_for(**changes: Any) -> Plan:
    base: dict[str, Any] = {
        "level": Level.BEGINNER,
        "goal": Goal.MUSCLE,
        "days": (Weekday.MON, Weekday.THU),
        "minutes": 30,
        "start": date(2026, 1, 5),
        "equipment": frozenset({Equipment.MINI_BAND, Equipment.ANKLE_WEIGHTS}),
    }
    base.update(changes)
    return generate_plan(Profile(**base), CATALOGUE)


def working(plan: Plan) -> list[tuple[Session, Item]]:
    return [
        (session, item)
        for week in plan.weeks
        for session in week.sessions
        for item in session.items(BlockKind.WORKING)
    ]


@settings(max_examples=150, deadline=None)
@given(profiles)
def test_every_promise_holds_for_random_profiles(profile: Profile) -> None:
    try:
        plan = generate_plan(profile, CATALOGUE)
    except PlanRequestError as exc:
        # only a budget too short for this equipment/pain mix may refuse, and it says why
        refusal = exc.message
    else:
        refusal = ""
    if refusal:
        assert "minutes" in refusal or "exercises are left" in refusal
        return
    assert_equipment_respected(plan, profile)
    assert_pain_and_avoid_respected(plan, profile)
    assert_sessions_on_chosen_days_without_back_to_back(plan, profile)
    assert_blocks_in_order_with_one_to_four_working(plan)
    assert_dosage_within_source_ranges(plan, CATALOGUE)
    assert_within_budget(plan, profile)
    assert_weeks_never_pass_the_ceiling(plan)
    assert_hard_moves_wait_for_beginners_and_pain(plan, profile)
    assert plan.notes[0].kind == "expectation"
    assert generate_plan(profile, CATALOGUE) == plan  # deterministic


def assert_equipment_respected(plan: Plan, profile: Profile) -> None:
    for week in plan.weeks:
        for session in week.sessions:
            for block in session.blocks:
                for item in block.items:
                    assert item.equipment in profile.owned
                    if item.exercise:
                        assert CATALOGUE.get(item.exercise).usable_with(profile.owned)


def assert_pain_and_avoid_respected(plan: Plan, profile: Profile) -> None:
    for _, item in working(plan):
        assert item.exercise is not None
        exercise = CATALOGUE.get(item.exercise)
        assert exercise.key not in profile.avoid
        action = pain_action(exercise, profile.pain)
        assert action is not PainAction.AVOID
        if action is PainAction.NO_LOAD:
            assert item.resistance_key == exercise.ladder(profile.owned)[0].key


def assert_sessions_on_chosen_days_without_back_to_back(plan: Plan, profile: Profile) -> None:
    dates = [s.date for w in plan.weeks for s in w.sessions]
    assert dates == sorted(dates)
    assert len(dates) == len(profile.sorted_days) * profile.weeks
    for week in plan.weeks:
        for session in week.sessions:
            assert session.weekday in profile.days
            assert session.date.weekday() == session.weekday.ordinal
            first = profile.start + timedelta(days=7 * (week.number - 1))
            assert first <= session.date < first + timedelta(days=7)
    if len(profile.sorted_days) < 4:
        assert all((b - a).days >= 2 for a, b in itertools.pairwise(dates))


def assert_blocks_in_order_with_one_to_four_working(plan: Plan) -> None:
    for week in plan.weeks:
        for session in week.sessions:
            kinds = [b.kind for b in session.blocks]
            assert kinds == sorted(kinds, key=BLOCK_ORDER.index)
            assert kinds[:3] == BLOCK_ORDER[:3]
            assert 1 <= session.items(BlockKind.ACTIVATION)[0].sets <= 2
            assert 1 <= len(session.items(BlockKind.WORKING)) <= 4


def assert_weeks_never_pass_the_ceiling(plan: Plan) -> None:
    floor, ceiling = plan.weekly_set_range
    assert (floor, ceiling) == astuple(WEEKLY_SET_RANGE[plan.profile.goal][plan.profile.level])
    for week in plan.weeks:
        assert weekly_sets(week.sessions, CATALOGUE).get(Muscle.GLUTEUS_MEDIUS, 0.0) <= ceiling


def assert_hard_moves_wait_for_beginners_and_pain(plan: Plan, profile: Profile) -> None:
    if profile.level is Level.BEGINNER or profile.pain:
        assert "side_plank_hip_abduction" not in {i.exercise for _, i in working(plan)}


def assert_dosage_within_source_ranges(plan: Plan, catalogue: Catalogue) -> None:
    """The source's ranges, with the strength goal's lower reps (ACSM 2009: 6-12 RM) and two
    sets per move when many sessions or a short one would pass the ceiling or the time."""
    strength = plan.profile.goal is Goal.STRENGTH
    profile = plan.profile
    heavier = set(changed_reps(profile.goal, profile.level) or ())
    for week in plan.weeks:
        changed = changed_block(week.number, profile.weeks, profile.level)
        for session in week.sessions:
            for item in session.items(BlockKind.WORKING):
                low, high = item.target
                assert item.exercise is not None
                role = working_role(catalogue.get(item.exercise))
                if item.measure is Measure.SECONDS:
                    assert 30 <= low <= high <= 60
                elif item.measure is Measure.STEPS:
                    assert 10 <= low <= high <= 15
                elif changed and (low, high) in heavier:
                    pass  # a changed block's heavier range (checked in test_plan_quality)
                elif role is Role.ISOLATION:
                    assert (low, high) == (8, 12) if strength else 10 <= low <= high <= 20
                else:
                    assert 6 <= low <= high <= 12 if strength else 10 <= low <= high <= 15
                if week.deload:
                    assert 1 <= item.sets <= 2
                elif role is Role.ISOLATION:
                    assert 2 <= item.sets <= 4
                else:
                    assert 2 <= item.sets <= 3
                assert item.target_rir is not None
                assert 0 <= item.target_rir <= 4


def assert_within_budget(plan: Plan, profile: Profile) -> None:
    for week in plan.weeks:
        for session in week.sessions:
            assert 0 < session.estimated_minutes <= profile.minutes


def test_the_example_plan_is_sensible() -> None:
    plan = plan_for(weight_kg=62)
    first = plan.weeks[0].sessions
    assert [s.weekday for s in first] == [Weekday.MON, Weekday.THU]
    assert first[0].date == date(2026, 1, 5)
    assert first[1].date == date(2026, 1, 8)
    assert first[0].items(BlockKind.ACTIVATION)[0].exercise == "clamshell"
    keys = [i.exercise for s in first for i in s.items(BlockKind.WORKING)]
    assert len(set(keys)) >= 3  # variety across the week
    assert [w.deload for w in plan.weeks[:4]] == [False, False, False, True]
    kinds = [n.kind for n in plan.notes]
    assert kinds[:2] == ["expectation", "safety"]
    assert "nutrition" in kinds
    nutrition = next(n.text for n in plan.notes if n.kind == "nutrition")
    assert "99-136 g" in nutrition


def test_every_working_item_says_why_with_evidence_or_no_data() -> None:
    for _, item in working(plan_for()):
        why = item.why
        assert "Evidence:" in why
        assert "% MVIC" in why or "no EMG data" in why


def test_knee_pain_removes_lunges_and_says_what_was_replaced() -> None:
    plan = plan_for(
        pain=frozenset({PainArea.KNEE}),
        goal=Goal.STRENGTH,
        minutes=60,
        equipment=frozenset({Equipment.DUMBBELL}),
        days=(Weekday.MON, Weekday.WED, Weekday.FRI),
    )
    keys = {i.exercise for _, i in working(plan)}
    assert not keys & {"lateral_lunge", "curtsy_lunge", "standing_kickback_lunge"}
    assert any(n.kind == "pain" and "physical therapist" in n.text for n in plan.notes)


def test_low_back_pain_keeps_side_plank_at_bodyweight() -> None:
    plan = plan_for(pain=frozenset({PainArea.LOW_BACK}), level=Level.ADVANCED, minutes=60)
    for _, item in working(plan):
        if item.exercise == "side_plank_hip_abduction":
            assert item.resistance_key == "bodyweight"


def test_a_ruled_out_favourite_is_named_in_the_why() -> None:
    plan = plan_for(avoid=frozenset({"lateral_band_walk"}), minutes=45)
    whys = " ".join(i.why for _, i in working(plan))
    assert "In place of Lateral band walk" in whys
    assert "you asked to avoid it" in whys


def test_stability_goal_uses_holds_for_the_side_bridge() -> None:
    # The side bridge's mean figure (Ekstrom 2007) outranks the full side plank's peak-only ones.
    plan = plan_for(goal=Goal.STABILITY, minutes=60, level=Level.INTERMEDIATE)
    holds = [i for _, i in working(plan) if i.exercise == "side_bridge"]
    assert holds
    assert all((i.measure, i.target) == (Measure.SECONDS, (30, 45)) for i in holds)


def test_four_days_or_more_come_with_a_recovery_warning() -> None:
    plan = plan_for(days=(Weekday.MON, Weekday.TUE, Weekday.THU, Weekday.FRI), minutes=40)
    assert any(n.kind == "recovery" for n in plan.notes)


def test_same_request_and_seed_give_the_same_plan_and_seeds_can_differ() -> None:
    assert plan_for(seed=7) == plan_for(seed=7)
    # An intermediate with a mini band: close runners-up let a new seed pick another plan.
    band = frozenset({Equipment.MINI_BAND})
    plans = {
        tuple(
            i.exercise
            for _, i in working(plan_for(seed=s, level=Level.INTERMEDIATE, equipment=band))
        )
        for s in range(12)
    }
    assert len(plans) > 1


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"minutes": 0}, "Minutes per session must be between"),
        ({"days": ()}, "Choose between 1 and 6 training days"),
        ({"days": tuple(Weekday)}, "Choose between 1 and 6 training days"),
        ({"minutes": 6}, "allow at least"),
        ({"days": (Weekday.MON, Weekday.TUE)}, "back to back"),
        ({"days": (Weekday.SUN, Weekday.MON)}, "back to back"),
        ({"weeks": 0}, "1 to 52 weeks"),
        ({"weight_kg": 5.0}, "Body weight must be between"),
    ],
)
def test_impossible_requests_name_what_to_change(changes: dict[str, object], message: str) -> None:
    with pytest.raises(PlanRequestError, match=message):
        plan_for(**changes)


def test_an_unknown_avoid_key_is_refused_with_suggestions() -> None:
    with pytest.raises(UnknownKeyError, match="Did you mean: squat"):
        plan_for(avoid=frozenset({"squats"}))


def test_the_time_estimate_is_honest_for_the_fixed_parts() -> None:
    session = plan_for().weeks[0].sessions[0]
    # warm-up 5 min + 2 activation sets + two working moves cannot be done in 15 min
    assert len(session.items(BlockKind.WORKING)) >= 2
    assert session.estimated_minutes > 15
    assert session.items(BlockKind.WORKING)[0].rest_seconds > 0
    assert Dosage.REPS  # the enum is importable for dosage assertions above
