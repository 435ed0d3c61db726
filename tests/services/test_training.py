"""Onboarding, today and the 8-week simulation, on the in-memory fake (logging: test_logbook)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from hipcoach.domain.plan import BlockKind
from hipcoach.domain.progression import Action
from hipcoach.services import training
from tests.services import simulation
from tests.services.fakes import FakeUnitOfWork

NOW = datetime(2026, 1, 4, 9, tzinfo=UTC)


def started(uow: FakeUnitOfWork) -> None:
    training.start_program(uow=uow, user_id="u1", name="Ana", profile=simulation.PROFILE, now=NOW)


def test_the_eight_week_simulation_climbs_holds_regresses_and_returns(
    uow: FakeUnitOfWork,
) -> None:
    trace = simulation.run(uow)
    actions = [n.action for n in trace.seen]
    assert len(actions) >= 8, actions
    assert actions[:3] == [Action.START, Action.ADD, Action.STEP_UP]  # up the ladder
    assert actions[4] is Action.HOLD  # after pain 4
    assert "pain 4/10" in trace.seen[4].reason
    rungs = [n.resistance_key for n in trace.seen]
    assert (rungs[1], rungs[2]) == ("bodyweight", "ankle_0.5kg")  # one rung up
    assert (rungs[5], rungs[6]) == ("ankle_1kg", "ankle_0.5kg")  # after pain 6: one rung down
    assert actions[6] is Action.LIGHTER
    assert trace.seen[6].sets == 2
    paused = trace.seen[7]  # after pain 7 (no place given: the hip) every hip move rests
    assert (paused.action, paused.sets, paused.refer) == (Action.PAUSE, 0, True)
    assert "physical therapist" in paused.reason
    back = trace.seen[8]  # then returns, one rung lower, with a set fewer
    assert (back.action, back.resistance_key, back.sets) == (Action.RE_ENTRY, "bodyweight", 2)
    assert "pain pause" in back.reason
    assert Action.STEP_UP in actions[9:]  # and climbs again


def test_today_shows_the_first_session_with_starting_prescriptions(uow: FakeUnitOfWork) -> None:
    started(uow)
    view = training.todays_session(uow=uow, user_id="u1", today=date(2026, 1, 5))
    assert view.is_today
    assert "cannot change bone" in view.expectation
    working = [i for i in view.items if i.block is BlockKind.WORKING]
    assert working
    assert all(i.next is not None and i.next.action is Action.START for i in working)


def test_today_on_a_rest_day_shows_the_next_training_day(uow: FakeUnitOfWork) -> None:
    started(uow)
    view = training.todays_session(uow=uow, user_id="u1", today=date(2026, 1, 6))
    assert not view.is_today
    assert view.session.date == date(2026, 1, 8)


def test_a_today_item_words_its_sides_once_when_they_agree_and_each_when_not(
    uow: FakeUnitOfWork,
) -> None:
    from dataclasses import replace

    from hipcoach.domain.log import Side

    started(uow)
    view = training.todays_session(uow=uow, user_id="u1", today=date(2026, 1, 5))
    item = next(i for i in view.items if len(i.sides) == 2)
    assert item.reasons == (("", item.sides[0].reason),)
    left, right = item.sides
    weaker = replace(right, aim=right.aim - 2, reason="Right: build up.")
    apart = replace(item, sides=(left, weaker))
    assert apart.reasons == (("left", left.reason), ("right", "Right: build up."))
    line = apart.prescription()
    assert f"left {left.sets} x {left.aim}" in line
    assert f"right {weaker.sets} x {weaker.aim}" in line
    assert " at " not in line  # one resistance for both sides is said once, elsewhere
    heavier = replace(weaker, resistance_key="x", resistance_label="1 kg ankle weights")
    assert "at 1 kg ankle weights" in replace(item, sides=(left, heavier)).prescription()
    assert Side.BOTH not in {s.side for s in item.sides}
