"""Replaying an outbox: each item judged alone, in order, and a replay stores nothing new."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

import pytest

from hipcoach.domain.errors import ConflictError, HipcoachError, NotFoundError
from hipcoach.domain.log import LogError, LoggedSet, Side, TrainingSession
from hipcoach.services import sync, training
from hipcoach.services.sync import (
    MAX_ITEMS,
    Outcome,
    SessionEdit,
    SessionItem,
    SetItem,
    replay_outbox,
)
from tests.services import simulation
from tests.services.fakes import FakeUnitOfWork

NOW = datetime(2026, 1, 4, 9, tzinfo=UTC)
DAY = TrainingSession("session-0001", date(2026, 1, 5), plan_week=1, plan_session=1)


def started(uow: FakeUnitOfWork) -> None:
    training.start_program(uow=uow, user_id="u1", name="Ana", profile=simulation.PROFILE, now=NOW)


def a_set(set_id: str, session_id: str = "session-0001", **changes: Any) -> SetItem:
    logged = LoggedSet(set_id, session_id, "clamshell", Side.LEFT, NOW, reps=12, pain=0)
    return SetItem(replace(logged, **changes))


def outcomes(results: list[sync.ItemResult]) -> list[Outcome]:
    return [r.outcome for r in results]


def test_a_whole_outbox_is_stored_and_sending_it_again_stores_nothing_new(
    uow: FakeUnitOfWork,
) -> None:
    started(uow)
    items: list[sync.SyncItem] = [SessionItem(DAY), *(a_set(f"set-{n:08d}") for n in range(30))]
    first = replay_outbox(uow=uow, user_id="u1", items=items)
    assert outcomes(first) == [Outcome.CREATED] * 31
    commits = uow.commits
    again = replay_outbox(uow=uow, user_id="u1", items=items)
    assert outcomes(again) == [Outcome.ALREADY_STORED] * 31
    assert len(uow.committed.sets) == 30
    assert uow.commits == commits + 1  # one transaction for the run, storing nothing


def test_a_refused_item_stores_nothing_and_the_items_around_it_are_stored(
    uow: FakeUnitOfWork,
) -> None:
    started(uow)
    replay_outbox(uow=uow, user_id="u1", items=[SessionItem(DAY), a_set("set-00000001")])
    items: list[sync.SyncItem | HipcoachError] = [
        a_set("set-00000001", reps=13),
        a_set("set-00000002", exercise="no_such_move"),
        LogError("set.reps: too many", field="set.reps"),  # what the adapter could not read
        a_set("set-00000003", session_id="session-0404"),
        a_set("set-00000004"),
    ]
    results = replay_outbox(uow=uow, user_id="u1", items=items)
    assert outcomes(results) == [Outcome.REFUSED] * 4 + [Outcome.CREATED]
    assert isinstance(results[0].error, ConflictError)
    assert isinstance(results[3].error, NotFoundError)
    assert results[2].error is items[2]
    assert sorted(uow.committed.sets) == [("u1", "set-00000001"), ("u1", "set-00000004")]
    assert uow.committed.sets[("u1", "set-00000001")].reps == 12


def test_a_session_joining_its_day_keeps_its_sets_there_across_a_session_edit(
    uow: FakeUnitOfWork,
) -> None:
    started(uow)
    replay_outbox(uow=uow, user_id="u1", items=[SessionItem(DAY)])
    other = TrainingSession("session-0002", DAY.date, plan_week=1, plan_session=1)
    items: list[sync.SyncItem] = [
        SessionItem(other, join_day=True),
        a_set("set-00000001", session_id="session-0002"),
        SessionEdit(session_id="session-0001", version=1, notes="felt strong"),
        a_set("set-00000002", session_id="session-0002"),
        SessionEdit(session_id="session-0001", version=1, notes="stale"),
    ]
    results = replay_outbox(uow=uow, user_id="u1", items=items)
    assert outcomes(results) == [
        Outcome.ALREADY_STORED,
        Outcome.CREATED,
        Outcome.UPDATED,
        Outcome.CREATED,
        Outcome.REFUSED,
    ]
    assert results[0].stored == DAY
    assert {s.session_id for s in uow.committed.sets.values()} == {"session-0001"}
    stored = uow.committed.sessions[("u1", "session-0001")]
    assert (stored.notes, stored.version) == ("felt strong", 2)
    assert isinstance(results[4].error, ConflictError)
    assert ("u1", "session-0002") not in uow.committed.sessions


def test_an_outbox_past_the_limit_is_refused_before_anything_is_stored(
    uow: FakeUnitOfWork,
) -> None:
    started(uow)
    items: list[sync.SyncItem] = [SessionItem(DAY)]
    items += [a_set(f"set-{n:08d}") for n in range(MAX_ITEMS)]
    with pytest.raises(LogError, match=f"at most {MAX_ITEMS}"):
        replay_outbox(uow=uow, user_id="u1", items=items)
    assert not uow.committed.sessions


def test_an_unknown_person_has_no_log_to_replay_into(uow: FakeUnitOfWork) -> None:
    with pytest.raises(NotFoundError):
        replay_outbox(uow=uow, user_id="nobody", items=[SessionItem(DAY)])


def test_new_sets_go_in_together_and_each_id_is_still_judged_by_the_retry_rule(
    uow: FakeUnitOfWork,
) -> None:
    started(uow)
    other_day = TrainingSession("session-0002", date(2026, 1, 8), plan_week=1, plan_session=2)
    replay_outbox(
        uow=uow,
        user_id="u1",
        items=[SessionItem(DAY), SessionItem(other_day), a_set("set-00000001", "session-0002")],
    )
    items: list[sync.SyncItem | HipcoachError] = [
        a_set("set-00000002"),
        a_set("set-00000001"),  # already stored, in the other session: other values
        a_set("set-00000002"),  # the same set twice in one outbox: stored once
        a_set("set-00000003"),
        a_set("set-00000003", reps=9),  # the same id with other values: a conflict
    ]
    results = replay_outbox(uow=uow, user_id="u1", items=items)
    assert [r.index for r in results] == [0, 1, 2, 3, 4]  # answers in the outbox's order
    assert outcomes(results) == [
        Outcome.CREATED,
        Outcome.REFUSED,
        Outcome.ALREADY_STORED,
        Outcome.CREATED,
        Outcome.REFUSED,
    ]
    assert isinstance(results[1].error, ConflictError)
    assert isinstance(results[4].error, ConflictError)
    stored = uow.committed.sets
    assert stored[("u1", "set-00000001")].session_id == "session-0002"
    assert stored[("u1", "set-00000003")].reps == 12
    assert len(stored) == 3
