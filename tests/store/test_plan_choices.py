"""A person's own swaps, stored against a plan, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import Connection, func, select

from hipcoach.domain.account import PlanChoice
from hipcoach.domain.errors import NotFoundError
from hipcoach.store import tables
from tests.store.conftest import UnitOfWorkFactory
from tests.store.records import ALICE, BOB, MORNING, a_plan


def _choice(plan_id: str, slot: str, exercise: str, minutes: int = 0) -> PlanChoice:
    return PlanChoice(plan_id, slot, exercise, MORNING + timedelta(minutes=minutes))


def test_a_choice_comes_back_and_a_new_one_replaces_it(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    with uow() as work:
        work.plans.add(a_plan("plan-0001", ALICE))
        work.plans.add(a_plan("plan-0002", ALICE))
        work.choices.set(ALICE, _choice("plan-0001", "clamshell", "fire_hydrant"))
        work.choices.set(ALICE, _choice("plan-0001", "side_plank", "side_plank"))
        work.choices.set(ALICE, _choice("plan-0002", "clamshell", "clamshell"))
        work.commit()
    with uow() as work:
        work.choices.set(ALICE, _choice("plan-0001", "clamshell", "standing_hip", 5))
        work.commit()
    with uow() as work:
        assert work.choices.for_plan(ALICE, "plan-0001") == [
            _choice("plan-0001", "clamshell", "standing_hip", 5),
            _choice("plan-0001", "side_plank", "side_plank"),
        ]
        assert work.choices.for_plan(ALICE, "plan-0002")[0].keep
        assert len(work.choices.all(ALICE)) == 3
        assert work.choices.all(BOB) == []
        assert work.choices.for_plan(BOB, "plan-0001") == []


def test_a_choice_is_deleted_once_and_only_its_owner_s(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    with uow() as work:
        work.plans.add(a_plan("plan-0001", ALICE))
        work.plans.add(a_plan("plan-0001", BOB))
        work.choices.set(ALICE, _choice("plan-0001", "clamshell", "fire_hydrant"))
        work.choices.set(BOB, _choice("plan-0001", "clamshell", "fire_hydrant"))
        work.commit()
    with uow() as work:
        assert work.choices.delete(BOB, "plan-0001", "clamshell") is True
        assert work.choices.delete(BOB, "plan-0001", "clamshell") is False
        work.commit()
    with uow() as work:
        assert [c.exercise for c in work.choices.for_plan(ALICE, "plan-0001")] == ["fire_hydrant"]


def test_a_choice_for_another_person_s_plan_is_refused(
    uow: UnitOfWorkFactory, users: tuple[str, str], connection: Connection
) -> None:
    with uow() as work:
        work.plans.add(a_plan("plan-0001", ALICE))
        work.commit()
    with uow() as work, pytest.raises(NotFoundError):
        work.choices.set(BOB, _choice("plan-0001", "clamshell", "fire_hydrant"))
    count = select(func.count()).select_from(tables.plan_choice)
    assert connection.execute(count).scalar_one() == 0
