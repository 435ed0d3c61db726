"""A graduation is not taken back: once the person has done the harder variation, a ladder
that grew under the move they left (new rungs, new equipment) does not send them back to it."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from hipcoach.domain.log import LoggedSet, Side, TrainingSession
from hipcoach.services import logbook, training
from tests.services import simulation
from tests.services.fakes import FakeUnitOfWork

NOW = datetime(2026, 1, 4, 9, tzinfo=UTC)
PROFILE = replace(simulation.PROFILE, equipment=frozenset())


def _log(uow: FakeUnitOfWork, day: date, exercise: str, seconds: int, rung: str, n: int) -> None:
    session = TrainingSession(f"session-{n:04d}", day)
    for i in range(3):
        for side in (Side.LEFT, Side.RIGHT):
            logged = LoggedSet(
                f"set-{n:04d}-{i}-{side.value}",
                session.id,
                exercise,
                side,
                datetime(day.year, day.month, day.day, 10, i, tzinfo=UTC),
                hold_seconds=seconds,
                resistance_key=rung,
                rir=1,
            )
            logbook.log_set(uow=uow, user_id="u1", logged=logged, session=session)


def _bridge_slot(uow: FakeUnitOfWork, day: date) -> training.TodayItem | None:
    view = training.todays_session(uow=uow, user_id="u1", today=day)
    return next((i for i in view.items if i.slot == "side_bridge"), None)


def test_someone_on_the_side_plank_stays_there_when_the_bridge_gained_a_rung() -> None:
    uow = FakeUnitOfWork()
    training.start_program(uow=uow, user_id="u1", name="Ana", profile=PROFILE, now=NOW)
    plan = training.current_plan(uow=uow, user_id="u1").plan
    days = [
        s.date for s in plan.sessions() if any(i.exercise == "side_bridge" for _, i in s.entries)
    ]
    assert len(days) > 6, "the side bridge is in this plan"
    # The top of the bridge from the knees (once its ladder's top), then the side plank.
    _log(uow, days[4], "side_bridge", 40, "bodyweight", 1)
    _log(uow, days[5], "side_plank_hip_abduction", 20, "bodyweight", 2)
    item = _bridge_slot(uow, days[6])
    assert item is not None
    assert item.planned.exercise == "side_plank_hip_abduction"
    assert "You moved on to Side plank with hip abduction" in item.because
    # Without the side plank done since, the bridge's own top moves it to the feet.
    fresh = FakeUnitOfWork()
    training.start_program(uow=fresh, user_id="u1", name="Ana", profile=PROFILE, now=NOW)
    _log(fresh, days[4], "side_bridge", 40, "bodyweight", 1)
    own = _bridge_slot(fresh, days[6])
    assert own is not None
    assert own.planned.exercise == "side_bridge"
    assert own.next is not None
    assert own.next.resistance_key == "bodyweight_feet"
