"""The person's own swaps: stored against the plan item, followed by Today, undoable."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from hipcoach.domain.catalogue import PainArea
from hipcoach.domain.errors import KeyNotFoundError, PlanRequestError, UnknownKeyError
from hipcoach.domain.log import LoggedSet, Side, TrainingSession
from hipcoach.domain.progression import Action
from hipcoach.services import backup, choices, logbook, training
from hipcoach.services.coaching import Coach, Coached
from hipcoach.services.training import TodayItem
from tests.services import simulation
from tests.services.fakes import FakeUnitOfWork

NOW = datetime(2026, 1, 4, 9, tzinfo=UTC)
FIRST, SECOND = date(2026, 1, 5), date(2026, 1, 8)
# Bodyweight only: side-lying abduction has one rung, so its top comes at once.
PROFILE = replace(simulation.PROFILE, equipment=frozenset())
SLOT = "side_lying_hip_abduction"


@pytest.fixture
def uow() -> FakeUnitOfWork:
    made = FakeUnitOfWork()
    training.start_program(uow=made, user_id="u1", name="Ana", profile=PROFILE, now=NOW)
    return made


def _item(uow: FakeUnitOfWork, slot: str, day: date = SECOND, user: str = "u1") -> TodayItem:
    view = training.todays_session(uow=uow, user_id=user, today=day)
    return next(i for i in view.items if i.slot == slot)


def _log(uow: FakeUnitOfWork, exercise: str, *, reps: int, pain: int = 0, sets: int = 3) -> None:
    session = TrainingSession("session-0105", FIRST, plan_week=1, plan_session=1)
    for n in range(sets):
        for side in (Side.LEFT, Side.RIGHT):
            logged = LoggedSet(
                f"set-{exercise[:8]}-{n}-{side.value}",
                session.id,
                exercise,
                side,
                datetime(2026, 1, 5, 10, n, tzinfo=UTC),
                reps=reps,
                rir=2,
                pain=pain,
                pain_area=PainArea.OTHER if pain else None,  # this move only
            )
            logbook.log_set(uow=uow, user_id="u1", logged=logged, session=session)


def _choose(uow: FakeUnitOfWork, exercise: str, slot: str = SLOT, day: date = SECOND) -> None:
    choices.choose(uow=uow, user_id="u1", slot=slot, exercise=exercise, day=day, now=NOW)


def test_a_chosen_alternative_replaces_the_move_with_its_own_prescription(
    uow: FakeUnitOfWork,
) -> None:
    _log(uow, "fire_hydrant", reps=20)  # done once before, at the top of its range
    assert "fire_hydrant" in _item(uow, SLOT).options
    _choose(uow, "fire_hydrant")
    item = _item(uow, SLOT)
    assert item.planned.exercise == "fire_hydrant"
    assert item.original is not None
    assert item.original.exercise == SLOT
    assert item.because.startswith("Your choice: ")
    assert item.chosen
    assert item.next is not None
    assert item.next.exercise == "fire_hydrant"
    assert item.next.action is not Action.START  # from the move's own log, not a fresh start
    assert [(c.slot, c.exercise) for c in choices.list_choices(uow=uow, user_id="u1")] == [
        (SLOT, "fire_hydrant")
    ]


def test_undo_brings_the_plan_s_move_back(uow: FakeUnitOfWork) -> None:
    _choose(uow, "fire_hydrant")
    assert choices.undo(uow=uow, user_id="u1", slot=SLOT) is True
    item = _item(uow, SLOT)
    assert (item.planned.exercise, item.original, item.choice) == (SLOT, None, None)
    assert choices.undo(uow=uow, user_id="u1", slot=SLOT) is False
    assert choices.list_choices(uow=uow, user_id="u1") == []


def _coached(uow: FakeUnitOfWork, slot: str, day: date = SECOND) -> Coached:
    """The coach's answer for one plan item alone (no other move of the session in the way)."""
    plan = training.current_plan(uow=uow, user_id="u1")
    session = plan.plan.next_session(day)
    assert session is not None
    block, item = next((b, i) for b, i in session.entries if i.exercise == slot)
    with uow.read_only():
        return Coach(uow, "u1", plan, session.date).prescribe(block, item, session.week)


def test_keep_stops_a_graduation_and_the_move_holds_the_top_of_its_ladder(
    uow: FakeUnitOfWork,
) -> None:
    _log(uow, SLOT, reps=20)
    graduated = _coached(uow, SLOT)
    assert graduated.original is not None
    assert graduated.item.exercise == "side_plank_hip_abduction"
    choices.keep(uow=uow, user_id="u1", slot=SLOT, now=NOW)
    kept = _coached(uow, SLOT)
    assert (kept.item.exercise, kept.original) == (SLOT, None)
    assert kept.choice is not None
    assert kept.choice.keep
    assert [s.action for s in kept.sides] == [Action.HOLD, Action.HOLD]
    assert all(s.swap_to is None and "Top of the ladder" in s.reason for s in kept.sides)
    assert _item(uow, SLOT).kept  # and Today shows it as the person's own call


def test_keep_stops_a_pain_led_swap_and_the_move_shows_paused(uow: FakeUnitOfWork) -> None:
    _log(uow, SLOT, reps=12, pain=7, sets=1)
    swapped = _item(uow, SLOT)
    assert swapped.original is not None
    assert not swapped.paused
    choices.choose(uow=uow, user_id="u1", slot=SLOT, exercise=SLOT, day=SECOND, now=NOW)
    kept = _item(uow, SLOT)
    assert (kept.planned.exercise, kept.original) == (SLOT, None)
    assert kept.paused
    assert kept.prescription() == "paused"


def test_pain_still_applies_to_a_chosen_move(uow: FakeUnitOfWork) -> None:
    _choose(uow, "fire_hydrant", day=FIRST)
    _log(uow, "fire_hydrant", reps=12, pain=7, sets=1)
    item = _item(uow, SLOT)
    assert item.planned.exercise not in (SLOT, "fire_hydrant")  # the coach's alternative
    assert item.original is not None
    assert item.original.exercise == SLOT
    assert item.chosen  # still the person's choice, to undo


def test_a_paused_or_unsuitable_move_is_refused_and_nothing_is_stored(
    uow: FakeUnitOfWork,
) -> None:
    session = TrainingSession("session-0105", FIRST, plan_week=1, plan_session=1)
    hurt = LoggedSet(
        "set-knee-000001",
        session.id,
        "side_plank_hip_abduction",
        Side.LEFT,
        datetime(2026, 1, 5, 10, tzinfo=UTC),
        reps=10,
        pain=7,
        pain_area=PainArea.KNEE,
        pain_side=Side.LEFT,
    )
    logbook.log_set(uow=uow, user_id="u1", logged=hurt, session=session)
    commits = uow.commits
    with pytest.raises(PlanRequestError, match="paused for pain") as paused:
        _choose(uow, "curtsy_lunge")
    assert paused.value.field == "exercise"
    with pytest.raises(PlanRequestError, match="cannot stand in") as unsuitable:
        _choose(uow, "clamshell")  # already in a session with it
    assert unsuitable.value.field == "exercise"
    with pytest.raises(UnknownKeyError) as unknown:
        _choose(uow, "moonwalk")
    assert unknown.value.field == "exercise"
    with pytest.raises(KeyNotFoundError) as slot:
        _choose(uow, "fire_hydrant", slot="fire_hydrant")  # not a move of the plan
    assert slot.value.field == "slot"
    assert uow.commits == commits
    assert choices.list_choices(uow=uow, user_id="u1") == []


def test_a_choice_belongs_to_its_plan_and_its_person(uow: FakeUnitOfWork) -> None:
    training.start_program(uow=uow, user_id="u2", name="Bo", profile=PROFILE, now=NOW)
    _choose(uow, "fire_hydrant")
    assert choices.list_choices(uow=uow, user_id="u2") == []
    assert _item(uow, SLOT, user="u2").planned.exercise == SLOT
    assert choices.undo(uow=uow, user_id="u2", slot=SLOT) is False
    assert _item(uow, SLOT).planned.exercise == "fire_hydrant"  # u2 cannot touch u1's
    training.restart_calendar(uow=uow, user_id="u1", day=SECOND, now=NOW)
    assert choices.list_choices(uow=uow, user_id="u1") == []  # a new plan starts clean
    restarted = date(2026, 1, 12)  # the new plan's second session: the slot's day
    assert _item(uow, SLOT, day=restarted).planned.exercise == SLOT
    assert uow.users.delete("u1")
    assert uow.choices.all("u1") == []


def test_a_backup_carries_the_choices_into_a_new_account(uow: FakeUnitOfWork) -> None:
    _choose(uow, "fire_hydrant")
    text = json.dumps(backup.export_backup(uow=uow, user_id="u1", now=NOW))
    other = FakeUnitOfWork()
    backup.import_text(uow=other, user_id="u9", text=text, now=NOW)
    assert [(c.slot, c.exercise) for c in choices.list_choices(uow=other, user_id="u9")] == [
        (SLOT, "fire_hydrant")
    ]


def test_a_chosen_move_takes_its_slot_s_sets_and_keeps_climbing_on_them() -> None:
    """A 15-minute plan fits 2 sets of each working move: the move chosen in a slot's place
    gets 2 too, and sessions done on those 2 sets count as met, so its aim rises."""
    short = replace(PROFILE, minutes=15)
    made = FakeUnitOfWork()
    training.start_program(uow=made, user_id="u1", name="Ana", profile=short, now=NOW)
    planned = _item(made, SLOT, day=FIRST)  # the short plan has it on its first day
    assert planned.planned.sets == 2
    choices.choose(uow=made, user_id="u1", slot=SLOT, exercise="fire_hydrant", day=FIRST, now=NOW)
    chosen = _item(made, SLOT, day=FIRST)
    assert chosen.planned.exercise == "fire_hydrant"
    assert chosen.planned.sets == 2
    aims, counts = [], []
    weeks = {date(2026, 1, 5): 1, date(2026, 1, 12): 2, date(2026, 1, 19): 3, date(2026, 2, 2): 5}
    for n, (day, week) in enumerate(weeks.items(), start=1):  # week 4 is the lighter one
        item = _item(made, SLOT, day=day)
        assert item.next is not None
        counts.append(item.next.sets)
        aims.append(item.next.aim)
        session = TrainingSession(f"session-{n:04d}", day, plan_week=week, plan_session=1)
        for k in range(item.next.sets):
            for side in (Side.LEFT, Side.RIGHT):
                logged = LoggedSet(
                    f"set-{n:03d}-{k}-{side.value}",
                    session.id,
                    "fire_hydrant",
                    side,
                    datetime(day.year, day.month, day.day, 10, k, tzinfo=UTC),
                    reps=item.next.aim,
                    rir=2,
                )
                logbook.log_set(uow=made, user_id="u1", logged=logged, session=session)
    assert counts == [2, 2, 2, 2], counts  # never the 3 sets of the move's default dose
    assert aims == sorted(aims), aims  # every session met on 2 sets: never a step back
    assert aims[-1] > aims[0], aims  # and the aim climbs
