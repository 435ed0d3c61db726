"""Virtual trainees placed by their onboarding self-tests: the first sessions fit the person,
and from there they climb by the usual rules (never stuck at the bottom of a ladder)."""

from __future__ import annotations

from hipcoach.domain.log import Side
from hipcoach.domain.progression import Action
from hipcoach.domain.selftest import SelfTestResult
from hipcoach.services import selftest
from tests.services.fakes import FakeUnitOfWork
from tests.simulation.stories import ANKLE
from tests.simulation.trainee import HOLD_SCALE, START, Entry, Story, Trainee, profile

BACKWARDS = {Action.STEP_BACK, Action.VARY, Action.REGRESS}


def _live(story: Story, *, tested: bool) -> dict[str, list[Entry]]:
    """Twelve weeks of a trainee who did the baseline tests (to fatigue, as their body
    allows: reps = capacity, seconds = capacity x 2.5) before their first session."""
    fake = FakeUnitOfWork()
    if tested:
        reps, hold = int(story.capacity), int(story.capacity * HOLD_SCALE)
        results = [
            SelfTestResult(f"base-{test[-6:]}-{side.value}", test, START, side, value)
            for test, value in (
                ("side_lying_abduction_reps", reps),
                ("side_bridge_hold_knees", hold),
            )
            for side in (Side.LEFT, Side.RIGHT)
        ]
        selftest.record_results(uow=fake, user_id="trainee", results=results, today=START)
    trace = Trainee(story, "trainee").live(lambda: fake, 12)
    return {key: trace.of(key, Side.LEFT) for key in ("side_lying_hip_abduction", "side_bridge")}


def test_a_strong_trainee_starts_higher_and_still_climbs_every_few_sessions() -> None:
    strong = Story("Ida, strong from another sport", profile(equipment=ANKLE), capacity=36.0)
    placed, plain = _live(strong, tested=True), _live(strong, tested=False)
    raises = placed["side_lying_hip_abduction"]
    assert (raises[0].rung, raises[0].aim) == (1, 12)  # 36 reps: 23 a set, above the 20 top
    assert "too easy" in raises[0].reason
    assert plain["side_lying_hip_abduction"][0].rung == 0
    assert raises[-1].rung > raises[0].rung  # not stuck where it was placed
    assert max(e.rung for e in raises) > max(e.rung for e in plain["side_lying_hip_abduction"])
    assert not [e for e in raises if e.action in BACKWARDS]
    bridge = placed["side_bridge"]
    assert bridge[0].aim == 40  # a 90 s hold from the knees: the top of the 30-40 s range


def test_a_weak_trainee_starts_within_reach_misses_less_and_climbs_into_the_range() -> None:
    weak = Story("Jo, new to training and weak at the hip", profile(equipment=ANKLE), capacity=9.0)
    placed, plain = _live(weak, tested=True), _live(weak, tested=False)
    raises, bridge = placed["side_lying_hip_abduction"], placed["side_bridge"]
    assert (raises[0].rung, raises[0].aim) == (0, 5)  # 9 reps to fatigue: 5 a set
    assert bridge[0].aim == 15  # a 22 s hold from the knees
    assert "places the first holds at 15 s" in bridge[0].reason
    # holds climb 5 s a session, faster than this body grows: a stall is varied, never a step back
    assert not [e for e in raises + bridge if e.action in (Action.STEP_BACK, Action.REGRESS)]
    assert raises[-1].aim >= raises[0].aim + 5
    assert bridge[-1].aim >= 30
    unplaced = plain["side_lying_hip_abduction"] + plain["side_bridge"]
    missed = [e for e in raises + bridge if not e.met and not e.deload]
    assert len(missed) < len([e for e in unplaced if not e.met and not e.deload])
