"""The logbook: one validation and one retry rule for every set and session, on the fake."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest

from hipcoach.domain.catalogue import PainArea
from hipcoach.domain.errors import ConflictError, NotFoundError
from hipcoach.domain.log import LogError, LoggedSet, Side, TrainingSession
from hipcoach.domain.text import ControlCharacterError
from hipcoach.services import logbook, training
from tests.services import simulation
from tests.services.fakes import FakeUnitOfWork

NOW = datetime(2026, 1, 4, 9, tzinfo=UTC)
DAY = TrainingSession("session-0001", date(2026, 1, 5))


def started(uow: FakeUnitOfWork) -> None:
    training.start_program(uow=uow, user_id="u1", name="Ana", profile=simulation.PROFILE, now=NOW)


def a_set(session_id: str = "session-0001", **changes: Any) -> LoggedSet:
    logged = LoggedSet(
        "set-00000001", session_id, "clamshell", Side.LEFT, NOW, reps=12, pain=0, note="slow"
    )
    return replace(logged, **changes)


def test_the_same_set_sent_again_returns_the_stored_one(uow: FakeUnitOfWork) -> None:
    started(uow)
    first = logbook.log_set(uow=uow, user_id="u1", logged=a_set(), session=DAY)
    # A retry is sent later: its time differs, its values do not.
    retry = a_set(logged_at=NOW + timedelta(minutes=3))
    again = logbook.log_set(uow=uow, user_id="u1", logged=retry, session=DAY)
    assert first == (a_set(), True)
    assert again == (a_set(), False)  # the stored record, with the time it was stored at
    assert len(uow.committed.sets) == 1
    assert len(uow.committed.sessions) == 1


@pytest.mark.parametrize(
    "changes",
    [{"reps": 13}, {"side": Side.RIGHT}, {"note": "fast"}, {"pain": 1}, {"exercise": "squat"}],
)
def test_the_same_set_id_with_other_values_is_a_conflict_naming_it(
    uow: FakeUnitOfWork, changes: dict[str, Any]
) -> None:
    started(uow)
    logbook.log_set(uow=uow, user_id="u1", logged=a_set(), session=DAY)
    with pytest.raises(ConflictError, match="Set set-00000001 already exists with other values"):
        logbook.log_set(uow=uow, user_id="u1", logged=a_set(**changes), session=DAY)
    [stored] = uow.committed.sets.values()
    assert stored == a_set()


def test_a_conflicting_set_in_a_new_session_stores_neither(uow: FakeUnitOfWork) -> None:
    started(uow)
    logbook.log_set(uow=uow, user_id="u1", logged=a_set(), session=DAY)
    other_day = TrainingSession("session-0002", date(2026, 1, 8))
    with pytest.raises(ConflictError, match="set-00000001"):
        logbook.log_set(uow=uow, user_id="u1", logged=a_set("session-0002"), session=other_day)
    assert list(uow.committed.sessions) == [("u1", "session-0001")]


def test_both_sides_of_a_set_are_stored_together_and_a_retry_stores_nothing_new(
    uow: FakeUnitOfWork,
) -> None:
    started(uow)
    pair = [a_set(), a_set(id="set-00000002", side=Side.RIGHT)]
    first = logbook.log_sets(uow=uow, user_id="u1", sets=pair, session=DAY)
    again = logbook.log_sets(uow=uow, user_id="u1", sets=pair, session=DAY)
    assert first == [(pair[0], True), (pair[1], True)]
    assert again == [(pair[0], False), (pair[1], False)]
    assert sorted(s.id for s in uow.committed.sets.values()) == ["set-00000001", "set-00000002"]


def test_a_pair_with_one_side_in_conflict_stores_neither_side(uow: FakeUnitOfWork) -> None:
    started(uow)
    logbook.log_set(uow=uow, user_id="u1", logged=a_set(), session=DAY)
    pair = [a_set(id="set-00000002", side=Side.RIGHT), a_set(reps=13)]
    with pytest.raises(ConflictError, match="set-00000001"):
        logbook.log_sets(uow=uow, user_id="u1", sets=pair, session=DAY)
    assert [s.id for s in uow.committed.sets.values()] == ["set-00000001"]


def test_a_pair_naming_another_session_is_refused(uow: FakeUnitOfWork) -> None:
    started(uow)
    pair = [a_set(), a_set("session-0002", id="set-00000002", side=Side.RIGHT)]
    with pytest.raises(LogError, match="different session"):
        logbook.log_sets(uow=uow, user_id="u1", sets=pair, session=DAY)
    assert not uow.committed.sets


def test_sessions_follow_the_same_rule(uow: FakeUnitOfWork) -> None:
    started(uow)
    assert logbook.create_session(uow=uow, user_id="u1", session=DAY) == (DAY, True)
    # Its version moved on (an edit): a retry of the creation still matches.
    logbook.record_next_day_pain(uow=uow, user_id="u1", session_id=DAY.id, pain=0)
    stored, created = logbook.create_session(
        uow=uow, user_id="u1", session=replace(DAY, next_day_pain=0)
    )
    assert (stored.version, created) == (2, False)
    with pytest.raises(ConflictError, match="Session session-0001 already exists"):
        logbook.create_session(uow=uow, user_id="u1", session=replace(DAY, notes="other"))
    with pytest.raises(ConflictError, match="Session session-0001 already exists"):
        logbook.log_set(
            uow=uow, user_id="u1", logged=a_set(), session=replace(DAY, date=date(2026, 1, 6))
        )
    assert not uow.committed.sets


@pytest.mark.parametrize(
    ("changes", "error", "field"),
    [
        ({"reps": -3}, LogError, "reps"),
        ({"pain": 11}, LogError, "pain"),
        ({"exercise": "deadlift"}, Exception, "exercise"),
        ({"load_kg": 5.0}, LogError, "load_kg"),
        ({"reps": None, "steps": 10}, LogError, "steps"),
        ({"reps": 10, "hold_seconds": 30}, LogError, "reps"),
        ({"resistance_key": "dumbbell_8kg"}, LogError, "resistance_key"),
        ({"note": "a\x00b"}, ControlCharacterError, "note"),
        ({"note": "n" * 2001}, LogError, "note"),
        ({"id": "short"}, LogError, "id"),
        ({"logged_at": datetime(2026, 1, 5, 9)}, LogError, "logged_at"),  # noqa: DTZ001
        ({"logged_at": datetime.min.replace(tzinfo=UTC) + timedelta(hours=1)}, None, None),
    ],
)
def test_invalid_sets_are_refused_by_the_one_validation_and_nothing_is_stored(
    uow: FakeUnitOfWork,
    changes: dict[str, Any],
    error: type[Exception] | None,
    field: str | None,
) -> None:
    started(uow)
    logged = a_set(**changes)
    if error is None:  # a time that exists in UTC is fine, however early
        assert logbook.log_set(uow=uow, user_id="u1", logged=logged, session=DAY)[1]
        return
    with pytest.raises(error) as caught:
        logbook.log_set(uow=uow, user_id="u1", logged=logged, session=DAY)
    assert getattr(caught.value, "field", None) == field
    assert not uow.committed.sessions
    assert not uow.committed.sets


def test_a_time_outside_the_calendar_in_utc_is_refused(uow: FakeUnitOfWork) -> None:
    started(uow)
    early = datetime(1, 1, 1, 0, 30, tzinfo=timezone(timedelta(hours=2)))
    with pytest.raises(LogError, match="outside the calendar") as caught:
        logbook.log_set(uow=uow, user_id="u1", logged=a_set(logged_at=early), session=DAY)
    assert caught.value.field == "logged_at"


def test_a_set_without_its_session_needs_one_stored(uow: FakeUnitOfWork) -> None:
    started(uow)
    with pytest.raises(NotFoundError):
        logbook.log_set(uow=uow, user_id="u1", logged=a_set())
    logbook.create_session(uow=uow, user_id="u1", session=DAY)
    assert logbook.log_set(uow=uow, user_id="u1", logged=a_set()) == (a_set(), True)


def test_logging_before_onboarding_points_to_init(uow: FakeUnitOfWork) -> None:
    with pytest.raises(NotFoundError, match="hipcoach init"):
        logbook.log_set(uow=uow, user_id="nobody", logged=a_set(), session=DAY)


def test_a_correction_keeps_the_set_in_its_session(uow: FakeUnitOfWork) -> None:
    started(uow)
    logbook.log_set(uow=uow, user_id="u1", logged=a_set(), session=DAY)
    corrected = logbook.replace_set(uow=uow, user_id="u1", corrected=a_set(reps=10))
    assert uow.committed.sets["u1", "set-00000001"] == corrected
    with pytest.raises(LogError, match="cannot move it"):
        logbook.replace_set(uow=uow, user_id="u1", corrected=a_set("session-0009"))
    with pytest.raises(NotFoundError):
        logbook.replace_set(uow=uow, user_id="u1", corrected=a_set(id="set-00000009"))


def test_next_day_pain_is_versioned(uow: FakeUnitOfWork) -> None:
    started(uow)
    logbook.log_set(uow=uow, user_id="u1", logged=a_set(), session=DAY)
    updated = logbook.record_next_day_pain(uow=uow, user_id="u1", session_id=DAY.id, pain=2)
    assert (updated.next_day_pain, updated.version) == (2, 2)
    with pytest.raises(LogError):
        logbook.record_next_day_pain(uow=uow, user_id="u1", session_id=DAY.id, pain=12)
    with pytest.raises(NotFoundError):
        logbook.record_next_day_pain(uow=uow, user_id="u1", session_id="missing-00", pain=1)
    # On a stale version the store refuses the update (tests/store/test_sessions.py).


def test_a_painful_set_keeps_where_and_which_side_it_hurt(uow: FakeUnitOfWork) -> None:
    started(uow)
    sore = a_set(pain=5, pain_area=PainArea.KNEE, pain_side=Side.RIGHT)
    assert logbook.log_set(uow=uow, user_id="u1", logged=sore, session=DAY) == (sore, True)
    # Where it hurts is one of the set's values: the same id elsewhere is a conflict.
    with pytest.raises(ConflictError, match="set-00000001"):
        logbook.log_set(uow=uow, user_id="u1", logged=replace(sore, pain_area=PainArea.HIP))
    eased = logbook.replace_set(
        uow=uow, user_id="u1", corrected=replace(sore, pain=2, pain_side=Side.BOTH)
    )
    assert uow.committed.sets["u1", sore.id] == eased
    assert (eased.pain_area, eased.pain_side) == (PainArea.KNEE, Side.BOTH)


def test_a_location_without_pain_stores_nothing(uow: FakeUnitOfWork) -> None:
    started(uow)
    with pytest.raises(LogError) as caught:
        logbook.log_set(uow=uow, user_id="u1", logged=a_set(pain_area=PainArea.HIP), session=DAY)
    assert caught.value.field == "pain_area"
    assert uow.committed.sets == {}
    assert uow.committed.sessions == {}


def test_next_day_pain_says_where_and_which_side(uow: FakeUnitOfWork) -> None:
    started(uow)
    logbook.create_session(uow=uow, user_id="u1", session=DAY)
    updated = logbook.record_next_day_pain(
        uow=uow, user_id="u1", session_id=DAY.id, pain=4, area=PainArea.HIP, side=Side.LEFT
    )
    assert uow.committed.sessions["u1", DAY.id] == updated
    assert (updated.next_day_pain_area, updated.next_day_pain_side) == (PainArea.HIP, Side.LEFT)
    with pytest.raises(LogError) as caught:
        logbook.record_next_day_pain(
            uow=uow, user_id="u1", session_id=DAY.id, pain=0, area=PainArea.HIP
        )
    assert caught.value.field == "next_day_pain_area"
    assert uow.committed.sessions["u1", DAY.id] == updated  # nothing half-stored


def test_next_day_pain_is_found_by_the_day_trained(uow: FakeUnitOfWork) -> None:
    started(uow)
    logbook.create_session(uow=uow, user_id="u1", session=DAY)
    updated = logbook.record_next_day_pain_for_day(
        uow=uow, user_id="u1", day=DAY.date, pain=3, area=PainArea.LOW_BACK
    )
    assert (updated.id, updated.next_day_pain, updated.next_day_pain_area) == (
        DAY.id,
        3,
        PainArea.LOW_BACK,
    )
    with pytest.raises(NotFoundError, match="No training is logged on 2026-01-06") as caught:
        logbook.record_next_day_pain_for_day(uow=uow, user_id="u1", day=date(2026, 1, 6), pain=3)
    assert caught.value.field == "date"


def test_an_edit_keeps_where_it_hurt_until_the_pain_is_gone(uow: FakeUnitOfWork) -> None:
    started(uow)
    sore = replace(DAY, next_day_pain=5, next_day_pain_area=PainArea.KNEE)
    logbook.create_session(uow=uow, user_id="u1", session=sore)
    noted = logbook.update_session(
        uow=uow, user_id="u1", session_id=DAY.id, version=1, notes="stairs hurt"
    )
    assert (noted.notes, noted.next_day_pain_area) == ("stairs hurt", PainArea.KNEE)
    sided = logbook.update_session(
        uow=uow, user_id="u1", session_id=DAY.id, version=2, next_day_pain_side=Side.LEFT
    )
    assert (sided.next_day_pain, sided.next_day_pain_side) == (5, Side.LEFT)
    gone = logbook.update_session(
        uow=uow, user_id="u1", session_id=DAY.id, version=3, next_day_pain=0
    )
    assert (gone.next_day_pain_area, gone.next_day_pain_side) == (None, None)
    with pytest.raises(LogError) as caught:
        logbook.update_session(
            uow=uow,
            user_id="u1",
            session_id=DAY.id,
            version=4,
            next_day_pain_area=PainArea.HIP,
        )
    assert caught.value.field == "next_day_pain_area"
    assert uow.committed.sessions["u1", DAY.id] == gone


SLOTTED = TrainingSession("session-0001", date(2026, 1, 5), plan_week=1, plan_session=2)


def test_a_set_bringing_a_new_session_for_a_taken_slot_goes_into_the_days_session(
    uow: FakeUnitOfWork,
) -> None:
    started(uow)
    logbook.log_set(uow=uow, user_id="u1", logged=a_set(), session=SLOTTED)
    # A second tap that found no session yet brought its own for the same day and slot.
    late = replace(SLOTTED, id="session-0002")
    logged = a_set("session-0002", id="set-00000002")
    stored, created = logbook.log_set(uow=uow, user_id="u1", logged=logged, session=late)
    assert created
    assert stored == replace(logged, session_id="session-0001")
    assert list(uow.committed.sessions.values()) == [SLOTTED]
    assert {s.session_id for s in uow.committed.sets.values()} == {"session-0001"}


def test_a_second_session_for_a_taken_slot_is_refused_naming_the_first(
    uow: FakeUnitOfWork,
) -> None:
    started(uow)
    logbook.create_session(uow=uow, user_id="u1", session=SLOTTED)
    with pytest.raises(ConflictError, match="already logged on 2026-01-05 as session session-0001"):
        logbook.create_session(uow=uow, user_id="u1", session=replace(SLOTTED, id="session-0002"))
    unplanned = [TrainingSession(f"session-100{n}", SLOTTED.date) for n in range(2)]
    for session in (replace(SLOTTED, id="session-0003", plan_session=3), *unplanned):
        assert logbook.create_session(uow=uow, user_id="u1", session=session)[1]
    assert len(uow.committed.sessions) == 4
