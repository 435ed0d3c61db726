"""The progression engine: each rule, and the properties the issue promises."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from hipcoach.domain.catalogue import Dosage
from hipcoach.domain.equipment import Equipment
from hipcoach.domain.ladder import build_ladder, step_index
from hipcoach.domain.log import LoggedSet, Side
from hipcoach.domain.progression import (
    Action,
    Context,
    Exposure,
    Prescription,
    next_prescription,
)

LADDER = build_ladder((Equipment.NONE, Equipment.MINI_BAND))
PLAN = Prescription("clamshell", Dosage.REPS_PER_SIDE, 3, (12, 20), "bodyweight", 2)
TODAY = date(2026, 3, 2)
CTX = Context(LADDER, TODAY, 2, harder="side_lying_hip_abduction", alternatives=("glute_bridge",))


def exposure(
    days_ago: int,
    reps: int,
    rung: str = "bodyweight",
    pain: int = 0,
    *,
    rir: int | None = 2,
    next_day: int | None = None,
    sets: int = 3,
) -> Exposure:
    day = TODAY - timedelta(days=days_ago)
    at = datetime(day.year, day.month, day.day, 18, tzinfo=UTC)
    logged = tuple(
        LoggedSet(
            id=f"set-{days_ago:04d}-{i:03d}",
            session_id=f"ses-{days_ago:04d}",
            exercise="clamshell",
            side=Side.LEFT,
            logged_at=at,
            reps=reps,
            resistance_key=rung,
            rir=rir,
            pain=pain,
        )
        for i in range(sets)
    )
    return Exposure(day, logged, next_day)


def test_first_time_starts_at_the_planned_rung_and_bottom_of_range() -> None:
    nxt = next_prescription(PLAN, [], CTX)
    assert nxt.action is Action.START
    assert (nxt.resistance_key, nxt.aim) == ("bodyweight", 12)


def test_short_of_the_top_adds_a_rep() -> None:
    nxt = next_prescription(PLAN, [exposure(3, 14)], CTX)
    assert nxt.action is Action.ADD
    assert nxt.aim == 15
    assert nxt.resistance_key == "bodyweight"


def test_every_set_at_the_top_steps_up_one_rung_and_restarts_at_the_bottom() -> None:
    nxt = next_prescription(PLAN, [exposure(3, 20)], CTX)
    assert nxt.action is Action.STEP_UP
    assert nxt.resistance_key == "mini_band_light"
    assert nxt.aim == 12
    assert "step up" in nxt.reason


def test_reaching_the_top_by_grinding_to_failure_does_not_step_up() -> None:
    nxt = next_prescription(PLAN, [exposure(3, 20, rir=0)], CTX)
    assert nxt.action is Action.ADD
    assert nxt.resistance_key == "bodyweight"


def test_the_top_of_the_ladder_moves_to_the_harder_variation() -> None:
    nxt = next_prescription(PLAN, [exposure(3, 20, "mini_band_extra_heavy")], CTX)
    assert nxt.action is Action.HARDER
    assert nxt.swap_to == "side_lying_hip_abduction"


def test_the_top_of_the_ladder_with_no_harder_variation_holds_the_top_of_the_range() -> None:
    no_harder = Context(LADDER, TODAY, 2, alternatives=("glute_bridge",))
    nxt = next_prescription(PLAN, [exposure(3, 20, "mini_band_extra_heavy")], no_harder)
    assert nxt.action is Action.HOLD
    assert (nxt.resistance_key, nxt.aim, nxt.swap_to) == ("mini_band_extra_heavy", 20, None)
    assert "slower reps" in nxt.reason


def test_pain_4_or_5_holds() -> None:
    for pain in (4, 5):
        nxt = next_prescription(PLAN, [exposure(3, 20, "mini_band_light", pain)], CTX)
        assert nxt.action is Action.HOLD
        assert nxt.resistance_key == "mini_band_light"


def test_pain_6_regresses_one_rung() -> None:
    nxt = next_prescription(PLAN, [exposure(3, 15, "mini_band_medium", 6)], CTX)
    assert nxt.action is Action.REGRESS
    assert nxt.resistance_key == "mini_band_light"


def test_next_day_pain_not_settled_regresses() -> None:
    nxt = next_prescription(PLAN, [exposure(3, 20, "mini_band_medium", 2, next_day=5)], CTX)
    assert nxt.action is Action.REGRESS
    assert "next day" in nxt.reason


def test_pain_7_stops_swaps_and_refers() -> None:
    nxt = next_prescription(PLAN, [exposure(3, 15, "mini_band_medium", 7)], CTX)
    assert nxt.action is Action.STOP
    assert nxt.refer
    assert nxt.swap_to == "glute_bridge"
    assert "physical therapist" in nxt.reason


def test_pain_rising_over_two_sessions_stops() -> None:
    history = [exposure(3, 15, pain=5), exposure(7, 15, pain=3), exposure(10, 15, pain=1)]
    nxt = next_prescription(PLAN, history, CTX)
    assert nxt.action is Action.STOP
    assert nxt.refer


def test_a_week_away_steps_back_before_building() -> None:
    nxt = next_prescription(PLAN, [exposure(12, 16, "mini_band_medium")], CTX)
    assert nxt.action is Action.STEP_BACK
    assert nxt.resistance_key == "mini_band_light"


def test_three_sessions_without_progress_rebuilds_lower() -> None:
    history = [exposure(d, 14, "mini_band_medium") for d in (3, 6, 10, 13)]
    nxt = next_prescription(PLAN, history, CTX)
    assert nxt.action is Action.REBUILD
    assert nxt.resistance_key == "mini_band_light"


def test_at_the_easiest_rung_regression_cuts_a_set() -> None:
    nxt = next_prescription(PLAN, [exposure(3, 15, "bodyweight", 6)], CTX)
    assert nxt.action is Action.REGRESS
    assert nxt.sets == 2


def test_holds_add_five_seconds() -> None:
    plan = Prescription(
        "side_plank_hip_abduction", Dosage.HOLD_SECONDS, 3, (30, 45), "bodyweight", 2
    )
    day = TODAY - timedelta(days=3)
    at = datetime(day.year, day.month, day.day, tzinfo=UTC)
    held = tuple(
        LoggedSet(
            f"hold-000{i}x",
            "ses-hold01",
            "side_plank_hip_abduction",
            Side.LEFT,
            at,
            hold_seconds=35,
        )
        for i in range(3)
    )
    ladder = build_ladder((Equipment.NONE, Equipment.ANKLE_WEIGHTS))
    nxt = next_prescription(plan, [Exposure(day, held)], Context(ladder, TODAY, 2))
    assert (nxt.action, nxt.aim) == (Action.ADD, 40)


rungs = st.sampled_from([s.key for s in LADDER])
exposures = st.builds(
    exposure,
    days_ago=st.integers(1, 30),
    reps=st.integers(1, 25),
    rung=rungs,
    pain=st.integers(0, 10),
    rir=st.one_of(st.none(), st.integers(0, 5)),
    next_day=st.one_of(st.none(), st.integers(0, 10)),
)
histories = st.lists(exposures, min_size=1, max_size=6).map(
    lambda h: sorted(h, key=lambda e: e.date, reverse=True)
)


@settings(max_examples=400, deadline=None)
@given(histories)
def test_load_never_rises_with_pain_and_never_by_more_than_one_rung(
    history: list[Exposure],
) -> None:
    nxt = next_prescription(PLAN, history, CTX)
    last = history[0]
    before = min(step_index(LADDER, s.resistance_key) for s in last.sets)
    after = step_index(LADDER, nxt.resistance_key)
    if last.max_pain > 3 or (last.next_day_pain or 0) > 3:
        assert after <= before
    assert after <= before + 1
    assert PLAN.target[0] <= nxt.aim <= PLAN.target[1]
    assert nxt.reason
    assert next_prescription(PLAN, history, CTX) == nxt  # same history, same answer
