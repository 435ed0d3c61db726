"""Onboarding, today, logging and the 8-week simulation, on the in-memory fake."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from hipcoach.domain.errors import ConflictError, NotFoundError
from hipcoach.domain.log import LogError, LoggedSet, Side, TrainingSession
from hipcoach.domain.progression import Action
from hipcoach.services import training
from tests.services import simulation
from tests.services.fakes import FakeUnitOfWork

NOW = datetime(2026, 1, 4, 9, tzinfo=UTC)


def started(uow: FakeUnitOfWork) -> None:
    training.start_program(uow=uow, user_id="u1", name="Ana", profile=simulation.PROFILE, now=NOW)


def a_set(session_id: str = "session-0001", **changes: object) -> LoggedSet:
    base: dict[str, object] = {
        "id": "set-00000001",
        "session_id": session_id,
        "exercise": "clamshell",
        "side": Side.LEFT,
        "logged_at": NOW,
        "reps": 12,
        "pain": 0,
    }
    base.update(changes)
    return LoggedSet(**base)  # type: ignore[arg-type]


def test_the_eight_week_simulation_climbs_holds_regresses_and_stops(uow: FakeUnitOfWork) -> None:
    trace = simulation.run(uow)
    actions = [n.action for n in trace.seen]
    assert len(actions) >= 8, actions
    assert actions[:3] == [Action.START, Action.ADD, Action.STEP_UP]  # up the ladder
    assert actions[4] is Action.HOLD  # after pain 4
    assert actions[6] is Action.REGRESS  # after pain 6
    assert actions[7] is Action.STOP  # after pain 7
    stop = trace.seen[7]
    assert stop.refer
    assert stop.swap_to
    assert "physical therapist" in stop.reason
    rungs = [n.resistance_key for n in trace.seen]
    assert (rungs[1], rungs[2]) == ("bodyweight", "ankle_0.5kg")  # one rung up
    assert (rungs[5], rungs[6]) == ("ankle_1kg", "ankle_0.5kg")  # regression: one rung down


def test_today_shows_the_first_session_with_starting_prescriptions(uow: FakeUnitOfWork) -> None:
    started(uow)
    view = training.todays_session(uow=uow, user_id="u1", today=date(2026, 1, 5))
    assert view.is_today
    assert "cannot change bone" in view.expectation
    working = [i for i in view.items if i.planned.block == "working"]
    assert working
    assert all(i.next is not None and i.next.action is Action.START for i in working)


def test_today_on_a_rest_day_shows_the_next_training_day(uow: FakeUnitOfWork) -> None:
    started(uow)
    view = training.todays_session(uow=uow, user_id="u1", today=date(2026, 1, 6))
    assert not view.is_today
    assert view.session.date == date(2026, 1, 8)


def test_logging_the_same_set_twice_stores_it_once(uow: FakeUnitOfWork) -> None:
    started(uow)
    session = TrainingSession("session-0001", date(2026, 1, 5))
    assert training.log_set(uow=uow, user_id="u1", session=session, logged=a_set())
    assert not training.log_set(uow=uow, user_id="u1", session=session, logged=a_set())
    assert len(uow.committed.sets) == 1


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"reps": -3}, "reps must be between"),
        ({"pain": 11}, "Pain must be between 0 and 10"),
        ({"exercise": "deadlift"}, "Unknown exercise"),
        ({"load_kg": 5.0}, "no weight to record"),
        ({"reps": None, "steps": 10}, "counted in reps"),
        ({"reps": 10, "hold_seconds": 30}, "exactly one"),
        ({"resistance_key": "dumbbell_8kg"}, "not a resistance step"),
    ],
)
def test_invalid_sets_are_refused_and_nothing_is_stored(
    uow: FakeUnitOfWork, changes: dict[str, object], message: str
) -> None:
    started(uow)
    session = TrainingSession("session-0002", date(2026, 1, 5))
    with pytest.raises((LogError, Exception), match=message):
        training.log_set(
            uow=uow, user_id="u1", session=session, logged=a_set("session-0002", **changes)
        )
    assert not uow.committed.sessions
    assert not uow.committed.sets


def test_logging_before_onboarding_points_to_init(uow: FakeUnitOfWork) -> None:
    session = TrainingSession("session-0003", date(2026, 1, 5))
    with pytest.raises(NotFoundError, match="hipcoach init"):
        training.log_set(uow=uow, user_id="nobody", session=session, logged=a_set("session-0003"))


def test_next_day_pain_is_versioned(uow: FakeUnitOfWork) -> None:
    started(uow)
    session = TrainingSession("session-0004", date(2026, 1, 5))
    training.log_set(uow=uow, user_id="u1", session=session, logged=a_set("session-0004"))
    updated = training.record_next_day_pain(
        uow=uow, user_id="u1", session_id="session-0004", pain=2
    )
    assert (updated.next_day_pain, updated.version) == (2, 2)
    with pytest.raises(LogError):
        training.record_next_day_pain(uow=uow, user_id="u1", session_id="session-0004", pain=12)
    with pytest.raises(NotFoundError):
        training.record_next_day_pain(uow=uow, user_id="u1", session_id="missing-00", pain=1)
    assert ConflictError  # raised by the store on a stale version (tests/store)
