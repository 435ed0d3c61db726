"""The coaching engine, rule by rule, and the properties it promises (months of training: see
tests/simulation)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from hipcoach.domain.catalogue import Dosage
from hipcoach.domain.equipment import Equipment
from hipcoach.domain.ladder import build_ladder, step_index
from hipcoach.domain.log import LoggedSet, Side
from hipcoach.domain.progression import (
    ROTATE_AFTER_SESSIONS,
    TOP_PLATEAU_SESSIONS,
    WINDOW,
    Action,
    Context,
    Exposure,
    NextPrescription,
    PauseWindow,
    Prescription,
    fold,
    next_prescription,
    reached,
    retarget,
    slower,
    sustainable,
)

LADDER = build_ladder((Equipment.NONE, Equipment.MINI_BAND))
PLAN = Prescription("clamshell", Dosage.REPS_PER_SIDE, 3, (12, 20), "bodyweight", 2)
START = date(2026, 3, 2)
CTX = Context(LADDER, harder="side_lying_hip_abduction", alternatives=("glute_bridge",))


def session(
    day: int,
    reps: int | Sequence[int],
    rung: str = "bodyweight",
    pain: int = 0,
    *,
    rir: int | None = 2,
    next_day: int | None = None,
    sets: int = 3,
    lighter: bool = False,
    planned_sets: int | None = None,
) -> Exposure:
    """A session `day` days after START (oldest first in a history)."""
    when = START + timedelta(days=day)
    at = datetime(when.year, when.month, when.day, 18, tzinfo=UTC)
    amounts = [reps] * sets if isinstance(reps, int) else list(reps)
    logged = tuple(
        LoggedSet(
            id=f"set-{day:04d}-{i:03d}",
            session_id=f"ses-{day:04d}",
            exercise="clamshell",
            side=Side.LEFT,
            logged_at=at + timedelta(minutes=i),
            reps=amount,
            resistance_key=rung,
            rir=rir,
            pain=pain,
        )
        for i, amount in enumerate(amounts)
    )
    return Exposure(when, logged, next_day, lighter=lighter, planned_sets=planned_sets)


def after(history: list[Exposure], days: int = 3, ctx: Context = CTX, **kw: object):  # type: ignore[no-untyped-def]
    last = history[-1].date if history else START
    return next_prescription(PLAN, history, ctx, last + timedelta(days=days), **kw)  # type: ignore[arg-type]


def test_first_time_starts_at_the_planned_rung_and_bottom_of_range() -> None:
    nxt = next_prescription(PLAN, [], CTX, START)
    assert (nxt.action, nxt.resistance_key, nxt.aim, nxt.sets) == (
        Action.START,
        "bodyweight",
        12,
        3,
    )


def test_a_success_adds_a_rep_from_the_worst_set() -> None:
    nxt = after([session(0, 12), session(3, [16, 15, 14])])
    assert (nxt.action, nxt.aim, nxt.resistance_key) == (Action.ADD, 15, "bodyweight")


def test_every_set_at_the_top_steps_up_one_rung_and_restarts_at_the_bottom() -> None:
    nxt = after([session(0, 20)])
    assert (nxt.action, nxt.resistance_key, nxt.aim) == (Action.STEP_UP, "mini_band_light", 12)
    assert "step up" in nxt.reason


def test_grinding_out_the_aim_is_a_miss_but_going_past_it_to_failure_is_not() -> None:
    ground = after([session(0, 12, rir=0)])
    assert (ground.action, ground.aim, ground.misses) == (Action.HOLD, 12, 1)
    beyond = after([session(0, 15, rir=0)])  # 3 past the aim: it could have stopped at 12
    assert (beyond.action, beyond.aim) == (Action.ADD, 16)


def test_one_miss_holds_two_misses_hold_and_vary_at_a_sustainable_aim() -> None:
    one = after([session(0, 12), session(3, [13, 12, 11])])
    assert (one.action, one.aim, one.misses) == (Action.HOLD, 13, 1)
    two = after([session(0, 12), session(3, [13, 12, 11]), session(7, [13, 12, 11])])
    assert (two.action, two.aim) == (Action.VARY, 11)
    assert "3 seconds" in two.reason


def test_a_staller_inside_the_range_is_varied_never_stepped_back() -> None:
    history = [session(0, 14)]
    for day in range(3, 80, 3):
        history.append(session(day, [15, 14, 13]))  # stuck around 13-15 for months
    rungs = {step_index(LADDER, after(history[:n]).resistance_key) for n in range(1, len(history))}
    assert rungs == {0}


def test_a_stall_below_the_range_steps_back_and_the_rung_is_re_earned() -> None:
    history = [session(0, 20), session(3, 12, "mini_band_light")]
    for day in (7, 10, 14, 17, 21, 24):
        history.append(session(day, [11, 10, 9], "mini_band_medium"))
    found = [after(history[:n]).action for n in range(3, len(history) + 1)]
    assert Action.VARY in found
    assert found.index(Action.VARY) < found.index(Action.STEP_BACK)
    back = after(history)
    assert back.resistance_key == "mini_band_light"


def test_far_below_the_range_steps_back_at_once() -> None:
    banded = replace(PLAN, resistance_key="mini_band_light")
    history = [session(0, 5, "mini_band_light", rir=0)]
    nxt = next_prescription(banded, history, CTX, START + timedelta(days=3))
    assert (nxt.action, nxt.resistance_key) == (Action.STEP_BACK, "bodyweight")
    assert "too hard" in nxt.reason


def test_a_different_set_count_starts_a_new_run_of_misses() -> None:
    nxt = after(
        [
            session(0, 12),
            session(3, [13, 12, 11]),
            session(7, [13, 12, 11, 10], sets=4, planned_sets=4),
        ]
    )
    assert (nxt.action, nxt.misses) == (Action.HOLD, 1)


def test_fewer_sets_than_prescribed_is_neither_a_success_nor_a_miss() -> None:
    nxt = after([session(0, 12), session(3, 20, sets=2)])
    assert (nxt.action, nxt.aim, nxt.misses) == (Action.HOLD, 13, 0)
    assert "Same again" in nxt.reason


def test_the_person_choosing_another_rung_is_followed() -> None:
    nxt = after([session(0, 12), session(3, 14, "mini_band_medium")])
    assert (nxt.resistance_key, nxt.aim) == ("mini_band_medium", 15)


def test_a_lighter_week_is_lighter_and_never_steps_up() -> None:
    before = [session(0, 19), session(3, 20)]  # earned a step up just before the lighter week
    lighter = after(before, lighter=True, sets=2)
    assert (lighter.action, lighter.sets, lighter.resistance_key) == (
        Action.LIGHTER,
        2,
        "bodyweight",
    )
    done = [*before, session(7, 12, sets=2, lighter=True), session(10, 12, sets=2, lighter=True)]
    resumed = after(done)
    assert (resumed.action, resumed.resistance_key, resumed.aim) == (
        Action.STEP_UP,
        "mini_band_light",
        12,
    )


def test_a_lighter_week_never_counts_as_a_miss() -> None:
    history = [session(0, 14), session(3, 8, lighter=True), session(7, 8, lighter=True)]
    nxt = after(history)
    assert (nxt.action, nxt.aim, nxt.misses) == (Action.ADD, 15, 0)


def test_the_top_of_the_ladder_moves_to_the_harder_variation() -> None:
    nxt = after([session(0, 20, "mini_band_extra_heavy")])
    assert (nxt.action, nxt.swap_to) == (Action.HARDER, "side_lying_hip_abduction")


def test_the_top_of_the_ladder_with_no_harder_variation_holds_the_top_of_the_range() -> None:
    nxt = after([session(0, 20, "mini_band_extra_heavy")], ctx=replace(CTX, harder=None))
    assert (nxt.action, nxt.resistance_key, nxt.aim, nxt.swap_to) == (
        Action.HOLD,
        "mini_band_extra_heavy",
        20,
        None,
    )
    assert "lowering over 3 seconds" in nxt.reason


def test_pain_4_or_5_holds_and_never_adds_sets() -> None:
    for pain in (4, 5):
        nxt = after([session(0, 14, "mini_band_light", pain, sets=2)])
        assert (nxt.action, nxt.resistance_key, nxt.sets) == (Action.HOLD, "mini_band_light", 2)
        assert f"pain {pain}/10" in nxt.reason


def test_pain_6_regresses_one_rung() -> None:
    nxt = after([session(0, 15, "mini_band_medium", 6)])
    assert (nxt.action, nxt.resistance_key) == (Action.REGRESS, "mini_band_light")


def test_next_day_pain_not_settled_regresses() -> None:
    nxt = after([session(0, 20, "mini_band_medium", 2, next_day=5)])
    assert (nxt.action, nxt.resistance_key) == (Action.REGRESS, "mini_band_light")


def test_at_the_easiest_rung_regression_cuts_a_set_but_never_below_one() -> None:
    assert after([session(0, 15, "bodyweight", 6)]).sets == 2
    one = Prescription("clamshell", Dosage.REPS_PER_SIDE, 1, (12, 20), "bodyweight", 2)
    history = [session(0, 15, "bodyweight", 6, sets=1)]
    assert next_prescription(one, history, CTX, START + timedelta(days=3)).sets == 1


def test_a_pause_shows_no_dose_refers_and_offers_the_alternative() -> None:
    paused = replace(CTX, pauses=(PauseWindow(START, START + timedelta(days=7), "pain 8/10"),))
    nxt = after([session(0, 15, "mini_band_medium")], days=2, ctx=paused)
    assert (nxt.action, nxt.sets, nxt.paused, nxt.refer) == (Action.PAUSE, 0, True, True)
    assert nxt.swap_to == "glute_bridge"
    assert "physical therapist" in nxt.reason
    alone = replace(paused, alternatives=())
    assert after([session(0, 15)], days=2, ctx=alone).swap_to is None


def test_after_a_pause_the_return_is_graded_then_climbs() -> None:
    window = PauseWindow(START + timedelta(days=1), START + timedelta(days=8), "pain 8/10")
    ctx = replace(CTX, pauses=(window,))
    history = [session(0, 15, "mini_band_medium")]
    back = after(history, days=9, ctx=ctx)
    assert (back.action, back.resistance_key, back.sets) == (Action.RE_ENTRY, "mini_band_light", 2)
    history.append(session(9, 12, "mini_band_light", sets=2))
    going = after(history, ctx=ctx)
    assert going.action is Action.ADD
    assert going.sets == 2  # still in the return block
    assert "Return" in going.reason


def test_time_away_is_graded() -> None:
    history = [session(0, 15, "mini_band_medium")]
    assert after(history, days=8).action is Action.ADD
    held = after(history, days=14)
    assert (held.action, held.resistance_key, held.aim) == (Action.HOLD, "mini_band_medium", 16)
    back = after(history, days=24)
    assert (back.action, back.resistance_key, back.aim) == (
        Action.STEP_BACK,
        "mini_band_light",
        12,
    )
    long = after(history, days=60)  # 60 days: three rungs back, at most to the first
    assert (long.action, long.resistance_key, long.sets) == (Action.RE_ENTRY, "bodyweight", 2)


def test_time_away_is_the_persons_not_a_rotated_out_move() -> None:
    history = [session(0, 15, "mini_band_medium")]
    trained = (START + timedelta(days=7), START + timedelta(days=14))
    nxt = after(history, days=21, ctx=replace(CTX, trained=trained))
    assert nxt.action is Action.ADD


def test_activation_holds_its_easy_dose_and_only_pain_changes_it() -> None:
    warm = replace(PLAN, activation=True, sets=1)
    easy = next_prescription(warm, [session(0, 20, sets=1)], CTX, START + timedelta(days=3))
    assert (easy.action, easy.aim, easy.sets) == (Action.ACTIVATE, 12, 1)
    hurt = [session(0, 12, "mini_band_light", 6, sets=1)]
    eased = next_prescription(warm, hurt, CTX, START + timedelta(days=3))
    assert (eased.action, eased.resistance_key, eased.sets) == (
        Action.ACTIVATE,
        "bodyweight",
        1,
    )


def test_holds_add_five_seconds() -> None:
    plan = Prescription("side_plank", Dosage.HOLD_SECONDS, 3, (30, 45), "bodyweight", 2)
    day = START
    at = datetime(day.year, day.month, day.day, tzinfo=UTC)
    held = tuple(
        LoggedSet(f"hold-000{i}x", "ses-hold01", "side_plank", Side.LEFT, at, hold_seconds=35)
        for i in range(3)
    )
    ladder = build_ladder((Equipment.NONE, Equipment.ANKLE_WEIGHTS))
    nxt = next_prescription(plan, [Exposure(day, held)], Context(ladder), day + timedelta(days=3))
    assert (nxt.action, nxt.aim) == (Action.ADD, 40)


def test_an_empty_session_changes_nothing_but_its_date() -> None:
    state = fold(PLAN, [session(0, 14), Exposure(START + timedelta(days=3), ())], CTX)
    assert (state.aim, state.rung, state.last_date) == (15, 0, START + timedelta(days=3))


def test_sustainable_and_reached_read_reserve_as_reps_left_at_the_aim() -> None:
    sets = session(0, [14, 12], rir=0).sets
    assert sustainable(sets, 2) == 11
    assert reached(sets, 11, 2)
    assert not reached(sets, 12, 2)
    unknown = tuple(replace(s, rir=None) for s in sets)
    assert sustainable(unknown, 2) == 12
    assert reached(unknown, 12, 2)


def test_a_window_seeded_from_its_first_session_agrees_with_the_whole_log() -> None:
    history = [
        session(3 * i, 12 + i % 9, "mini_band_light" if i > 12 else "bodyweight") for i in range(40)
    ]
    whole = fold(PLAN, history, CTX)
    window = fold(PLAN, history[-WINDOW:], CTX, complete=False)
    assert (window.rung, window.aim) == (whole.rung, whole.aim)


rungs = st.sampled_from([s.key for s in LADDER])
sessions = st.builds(
    session,
    day=st.integers(0, 60),
    reps=st.integers(1, 25),
    rung=rungs,
    pain=st.integers(0, 10),
    rir=st.one_of(st.none(), st.integers(0, 5)),
    next_day=st.one_of(st.none(), st.integers(0, 10)),
    lighter=st.booleans(),
)
histories = st.lists(sessions, min_size=1, max_size=8, unique_by=lambda e: e.date).map(
    lambda h: sorted(h, key=lambda e: e.date)
)


@settings(max_examples=400, deadline=None)
@given(histories, st.integers(1, 40))
def test_load_never_rises_with_pain_or_by_more_than_one_rung_and_is_deterministic(
    history: list[Exposure], days: int
) -> None:
    nxt = after(history, days=days)
    rung = step_index(LADDER, nxt.resistance_key)
    last = history[-1]
    # A lighter week is left where it was: the week after resumes from the week before it.
    full = [e for e in history if not e.lighter]
    recent = (*full[-1:], *history[-3:])
    done = [min(step_index(LADDER, s.resistance_key) for s in e.sets) for e in recent]
    if last.max_pain > 3 or (last.next_day_pain or 0) > 3:
        assert rung <= max(done)
    assert rung <= max(done) + 1
    assert 1 <= nxt.aim <= PLAN.target[1]
    assert nxt.sets >= 1
    assert after(history, days=days) == nxt


def test_a_miss_while_varied_keeps_varying_at_what_the_person_sustains() -> None:
    history = [session(0, 12), session(3, [13, 12, 11]), session(7, [13, 12, 11])]
    history.append(session(10, [11, 11, 10]))  # short of the varied aim of 11
    nxt = after(history)
    assert (nxt.action, nxt.aim) == (Action.VARY, 10)
    assert "Keep varying" in nxt.reason


def test_a_second_stall_below_the_range_at_one_rung_steps_back() -> None:
    def stall(day: int, reps: list[int]) -> list[Exposure]:
        return [session(day, reps, "mini_band_light"), session(day + 3, reps, "mini_band_light")]

    history = [session(0, 20)]  # earned the light band
    history += stall(3, [11, 11, 10])  # first stall: varied below the range, at 10
    history += [session(10, 10, "mini_band_light"), session(13, 11, "mini_band_light")]
    history += stall(17, [11, 11, 10])  # a second stall below the range
    nxt = after(history)
    assert (nxt.action, nxt.resistance_key, nxt.aim) == (Action.STEP_BACK, "bodyweight", 12)
    assert nxt.reason.startswith("Still short")


def test_a_lighter_week_eases_the_aim_and_its_words_fit_the_unit() -> None:
    eased = after([session(0, 12), session(3, 15)], lighter=True, sets=2)
    assert (eased.action, eased.aim) == (Action.LIGHTER, 14)  # 16 was next: two below
    assert "plenty left in you" in eased.reason
    plan = Prescription("side_plank", Dosage.HOLD_SECONDS, 3, (30, 45), "bodyweight", 2)
    day = START
    at = datetime(day.year, day.month, day.day, tzinfo=UTC)
    held = tuple(
        LoggedSet(
            f"hold-001{i}x", "ses-hold02", "side_plank", Side.LEFT, at, hold_seconds=31, rir=0
        )
        for i in range(3)
    )
    ladder = build_ladder((Equipment.NONE,))
    hist = [Exposure(day + timedelta(days=d), held) for d in (0, 3, 6)]
    varied = next_prescription(plan, hist, Context(ladder), day + timedelta(days=9))
    assert varied.action is Action.VARY
    assert "each rep" not in varied.reason
    assert "hips high" in varied.reason


def test_holds_grow_by_at_most_ten_seconds_a_session() -> None:
    plan = Prescription("side_plank", Dosage.HOLD_SECONDS, 3, (30, 60), "bodyweight", 2)
    at = datetime(START.year, START.month, START.day, tzinfo=UTC)
    held = tuple(
        LoggedSet(f"hold-002{i}x", "ses-hold03", "side_plank", Side.LEFT, at, hold_seconds=55)
        for i in range(3)
    )
    ladder = build_ladder((Equipment.NONE,))
    nxt = next_prescription(plan, [Exposure(START, held)], Context(ladder), START + timedelta(3))
    assert nxt.aim == 40  # aimed 30, held 55: 30 + 5 (at most) + 5


def test_a_miss_by_effort_alone_says_every_rep_was_done() -> None:
    nxt = after([session(0, 12), session(3, 13, rir=0)])
    assert nxt.action is Action.HOLD
    assert "every rep done, but harder than planned" in nxt.reason


def test_after_a_lighter_week_the_first_full_session_says_so_and_graduation_holds() -> None:
    history = [
        session(0, 19),
        session(3, 20, "mini_band_extra_heavy"),
        session(7, 12, lighter=True),
    ]
    nxt = after(history)
    assert nxt.action is Action.HARDER  # a graduation stands through lighter weeks
    assert "side lying hip abduction" in nxt.reason
    back = after([session(0, 14), session(3, 12, lighter=True)])
    assert back.reason.startswith("Back to full sessions")


def test_the_tempo_cue_fits_reps_steps_and_holds() -> None:
    assert "each rep" in slower(Dosage.REPS_PER_SIDE)
    assert "steps" in slower(Dosage.STEPS_PER_SIDE)
    assert "hips high" in slower(Dosage.HOLD_SECONDS)


def test_the_return_after_pain_asks_that_the_area_has_settled() -> None:
    window = PauseWindow(START + timedelta(days=1), START + timedelta(days=8), "pain 8/10")
    back = after([session(0, 15)], days=9, ctx=replace(CTX, pauses=(window,)))
    assert back.action is Action.RE_ENTRY
    assert "felt fine (3/10 or less) this past week" in back.reason
    assert "physical therapist" in back.reason


# --- blocks that change the range ---------------------------------------------------------

HEAVIER = (8, 12)
BANDED = replace(PLAN, resistance_key="mini_band_light")


def planned(exposure: Exposure, target: tuple[int, int]) -> Exposure:
    return replace(exposure, planned_target=target)


def test_a_heavier_block_moves_one_rung_up_and_starts_at_the_bottom_of_its_range() -> None:
    history = [planned(session(0, 14, "mini_band_light"), (12, 20))]
    nxt = next_prescription(replace(BANDED, target=HEAVIER), history, CTX, START + timedelta(3))
    assert (nxt.action, nxt.resistance_key, nxt.aim) == (
        Action.NEW_BLOCK,
        "mini_band_medium",
        8,
    )
    assert nxt.reason.startswith("New block, 8-12 reps: one rung heavier")


def test_the_usual_range_returns_one_rung_lighter_at_the_same_place_in_the_range() -> None:
    # 10 done earns an aim of 11, three quarters up 8-12; three quarters up 12-20 is 18.
    history = [
        planned(session(0, 9, "mini_band_medium"), HEAVIER),
        planned(session(3, 10, "mini_band_medium"), HEAVIER),
    ]
    nxt = next_prescription(BANDED, history, CTX, START + timedelta(6))
    assert (nxt.action, nxt.resistance_key, nxt.aim) == (
        Action.NEW_BLOCK,
        "mini_band_light",
        18,
    )
    assert "back to 12-20 reps: one rung lighter" in nxt.reason


def test_a_step_up_just_earned_is_the_heavier_block_s_rung() -> None:
    history = [planned(session(0, 20, "mini_band_light"), (12, 20))]
    nxt = next_prescription(replace(BANDED, target=HEAVIER), history, CTX, START + timedelta(3))
    assert (nxt.resistance_key, nxt.aim) == ("mini_band_medium", 8)  # one rung, not two
    assert "the same rung" in nxt.reason


def test_pain_keeps_the_rung_when_the_range_turns_heavier() -> None:
    history = [planned(session(0, 14, "mini_band_light", pain=4), (12, 20))]
    nxt = next_prescription(replace(BANDED, target=HEAVIER), history, CTX, START + timedelta(3))
    assert (nxt.resistance_key, nxt.aim) == ("mini_band_light", 8)


def test_without_a_rung_above_only_the_range_changes() -> None:
    top = "mini_band_extra_heavy"
    history = [planned(session(0, 14, top), (12, 20))]
    plan = replace(PLAN, resistance_key=top, target=HEAVIER)
    nxt = next_prescription(plan, history, CTX, START + timedelta(3))
    assert (nxt.action, nxt.resistance_key, nxt.aim) == (Action.NEW_BLOCK, top, 8)
    assert "the same rung" in nxt.reason


def test_each_session_is_judged_against_its_own_week_s_range() -> None:
    # 12 reps tops 8-12, so that session steps up, although 12 is the bottom of 12-20.
    history = [
        planned(session(0, 8, "mini_band_medium"), HEAVIER),
        planned(session(3, 12, "mini_band_medium"), HEAVIER),
    ]
    nxt = next_prescription(replace(BANDED, target=HEAVIER), history, CTX, START + timedelta(6))
    assert (nxt.action, nxt.resistance_key, nxt.aim) == (Action.STEP_UP, "mini_band_heavy", 8)


def test_the_first_session_of_a_new_range_is_not_a_miss() -> None:
    history = [
        planned(session(0, 14, "mini_band_light"), (12, 20)),
        planned(session(3, [8, 7, 6], "mini_band_medium"), HEAVIER),
    ]
    state = fold(replace(BANDED, target=HEAVIER), history, CTX)
    assert state.misses == 0
    assert (state.rung, state.aim) == (2, 8)


def test_a_new_range_is_told_once_even_when_its_first_session_is_a_lighter_week() -> None:
    history = [
        planned(session(0, 14, "mini_band_light"), (12, 20)),
        planned(session(3, 8, "mini_band_medium", sets=2, lighter=True), HEAVIER),
    ]
    nxt = next_prescription(replace(BANDED, target=HEAVIER), history, CTX, START + timedelta(6))
    assert nxt.action is not Action.NEW_BLOCK
    assert nxt.resistance_key == "mini_band_medium"


def test_the_top_of_the_ladder_stays_the_top_when_the_range_turns_heavier() -> None:
    top = "mini_band_extra_heavy"
    history = [planned(session(0, 20, top), (12, 20))]  # the top of the range at the top rung
    ctx = replace(CTX, harder=None)  # no harder variation: the top is held with slower reps
    assert fold(replace(PLAN, resistance_key=top), history, ctx).top
    plan = replace(PLAN, resistance_key=top, target=HEAVIER)
    state = fold(plan, history, ctx)
    nxt = next_prescription(plan, history, ctx, START + timedelta(3))
    assert state.top
    assert (nxt.action, nxt.resistance_key, nxt.aim) == (Action.HOLD, top, 12)
    assert nxt.reason.startswith("Top of the ladder: keep 12 reps")


def test_a_top_held_for_weeks_gets_a_pause_and_is_told_what_load_would_move_it_on() -> None:
    top = "mini_band_extra_heavy"
    ctx = replace(CTX, harder=None, more_load=("ankle weights",))
    plan = replace(PLAN, resistance_key=top)
    held = [session(3 * n, 20, top) for n in range(TOP_PLATEAU_SESSIONS)]
    early = next_prescription(plan, held[:-1], ctx, held[-1].date)
    assert early.reason.startswith("Top of the ladder")
    assert "pause" not in early.reason
    late = next_prescription(plan, held, ctx, held[-1].date + timedelta(days=3))
    assert (late.action, late.resistance_key, late.aim) == (Action.HOLD, top, 20)
    assert f"You have held the top for {TOP_PLATEAU_SESSIONS} sessions" in late.reason
    assert "add a 2-second pause at the top of each rep" in late.reason
    assert "with ankle weights in your equipment, the coach would move you up" in late.reason
    both = replace(ctx, more_load=("ankle weights", "dumbbell"))
    assert (
        "ankle weights or dumbbell"
        in next_prescription(plan, held, both, held[-1].date + timedelta(days=3)).reason
    )
    owned = next_prescription(
        plan, held, replace(ctx, more_load=()), held[-1].date + timedelta(days=3)
    )
    assert "More load" not in owned.reason  # nothing to buy: the pause alone
    hold_plan = replace(plan, kind=Dosage.HOLD_SECONDS, target=(30, 45))
    holds = [
        replace(
            e,
            sets=tuple(replace(x, reps=None, hold_seconds=45) for x in e.sets),
        )
        for e in held
    ]
    later = next_prescription(hold_plan, holds, ctx, held[-1].date + timedelta(days=3))
    assert "hold the end position 2 seconds longer each set" in later.reason
    walk_plan = replace(plan, kind=Dosage.STEPS_PER_SIDE)
    walks = [replace(e, sets=tuple(replace(x, reps=None, steps=20) for x in e.sets)) for e in held]
    walked = next_prescription(walk_plan, walks, ctx, held[-1].date + timedelta(days=3))
    assert "pause 2 seconds at the widest point of each step" in walked.reason  # not "rep"


TOP = "mini_band_extra_heavy"
HELD = replace(CTX, harder=None, more_load=("ankle weights",))
AT_TOP = replace(PLAN, resistance_key=TOP)


def on_top(history: list[Exposure], days: int = 3, ctx: Context = HELD) -> NextPrescription:
    return next_prescription(AT_TOP, history, ctx, history[-1].date + timedelta(days=days))


def held_top(count: int, *, lighter: frozenset[int] = frozenset()) -> list[Exposure]:
    """`count` sessions at the top of the range on the top rung, three days apart; the
    sessions numbered in `lighter` are a lighter week's two easy sets."""
    return [
        session(3 * n, 16, TOP, sets=2, lighter=True) if n in lighter else session(3 * n, 20, TOP)
        for n in range(count)
    ]


def test_the_pause_at_a_long_held_top_is_told_once_then_only_reminded() -> None:
    held = held_top(TOP_PLATEAU_SESSIONS + 3)
    told = on_top(held[:TOP_PLATEAU_SESSIONS])
    assert f"You have held the top for {TOP_PLATEAU_SESSIONS} sessions" in told.reason
    later = [on_top(held[:n]) for n in range(TOP_PLATEAU_SESSIONS + 1, len(held) + 1)]
    for nxt in later:
        assert nxt.reason.endswith("Keep the 2-second pause at the top of each rep.")
        assert "You have held" not in nxt.reason
        assert "More load" not in nxt.reason  # the way on was said with the pause, once


def test_a_lighter_week_at_the_top_counts_as_time_held_there() -> None:
    # Two of the sessions are a lighter week's: still at the top, with nowhere to climb.
    held = held_top(TOP_PLATEAU_SESSIONS, lighter=frozenset({2, 3}))
    nxt = on_top(held)
    assert f"You have held the top for {TOP_PLATEAU_SESSIONS} sessions" in nxt.reason


def test_a_new_block_that_keeps_the_top_keeps_the_time_held_there() -> None:
    held = [planned(e, (12, 20)) for e in held_top(TOP_PLATEAU_SESSIONS + 1)]
    # the pause was told in the last session; the block after it keeps the top, the time held
    # there and the pause told
    heavier = replace(AT_TOP, target=HEAVIER)
    state = retarget(fold(heavier, held, HELD), heavier, HELD)
    assert (state.top, state.change, state.target) == (True, Action.NEW_BLOCK, HEAVIER)
    assert state.top_sessions == TOP_PLATEAU_SESSIONS + 1
    assert state.plateau_told


def test_a_top_held_for_twelve_sessions_makes_way_for_a_fresh_move() -> None:
    ctx = replace(HELD, rotations=("fire_hydrant", "standing_hip_abduction"))
    held = held_top(ROTATE_AFTER_SESSIONS)
    before = on_top(held[:-1], ctx=ctx)
    assert (before.action, before.swap_to, before.rotate) == (Action.HOLD, None, False)
    nxt = on_top(held, ctx=ctx)
    assert (nxt.action, nxt.swap_to, nxt.rotate, nxt.at_top) == (
        Action.ROTATE,
        "fire_hydrant",
        True,
        True,
    )
    assert nxt.reason == (
        f"You have held the top of clamshell for {ROTATE_AFTER_SESSIONS} sessions: "
        "fire hydrant takes its place for fresh work."
    )


def test_a_top_with_no_fresh_move_to_offer_holds_with_the_reminder() -> None:
    nxt = on_top(held_top(ROTATE_AFTER_SESSIONS))
    assert (nxt.action, nxt.swap_to, nxt.rotate) == (Action.HOLD, None, True)
    assert nxt.reason.endswith("Keep the 2-second pause at the top of each rep.")


def test_a_harder_variation_waiting_is_taken_before_any_fresh_move() -> None:
    ctx = replace(CTX, rotations=("fire_hydrant",))
    nxt = on_top(held_top(ROTATE_AFTER_SESSIONS), ctx=ctx)
    assert (nxt.action, nxt.swap_to, nxt.rotate) == (
        Action.HARDER,
        "side_lying_hip_abduction",
        False,
    )


def test_after_weeks_away_the_held_move_returns_before_any_fresh_move() -> None:
    ctx = replace(HELD, rotations=("fire_hydrant",))
    nxt = on_top(held_top(ROTATE_AFTER_SESSIONS), days=40, ctx=ctx)
    assert (nxt.action, nxt.swap_to) == (Action.RE_ENTRY, None)


def test_a_step_back_from_the_top_starts_the_count_again() -> None:
    held = held_top(TOP_PLATEAU_SESSIONS + 1)
    hurt = session(3 * len(held), 20, TOP, pain=6)  # above 5: one rung down
    state = fold(AT_TOP, [*held, hurt], HELD)
    assert (state.top, state.top_sessions, state.plateau_told) == (False, 0, False)
