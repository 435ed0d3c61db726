"""Users and their stored plans."""

from __future__ import annotations

from datetime import timedelta

from tests.store.conftest import UnitOfWorkFactory
from tests.store.records import ALICE, BOB, MORNING, a_plan, a_user


def test_a_stored_user_comes_back_whole(uow: UnitOfWorkFactory) -> None:
    with uow() as work:
        work.users.add(a_user(ALICE))
        work.commit()
    with uow() as work:
        assert work.users.get(ALICE) == a_user(ALICE)
        assert work.users.get("user-nobody") is None


def test_adding_the_same_user_twice_keeps_one(uow: UnitOfWorkFactory) -> None:
    with uow() as work:
        work.users.add(a_user(ALICE))
        work.users.add(a_user(ALICE))
        work.commit()
    with uow() as work:
        assert work.users.get(ALICE) == a_user(ALICE)


def test_the_current_plan_is_the_newest_one(uow: UnitOfWorkFactory, users: tuple[str, str]) -> None:
    older = a_plan("plan-0001", ALICE, created_at=MORNING, seed=1)
    newer = a_plan("plan-0002", ALICE, created_at=MORNING + timedelta(days=3), seed=2)
    with uow() as work:
        work.plans.add(newer)
        work.plans.add(older)
        work.commit()
    with uow() as work:
        assert work.plans.current(ALICE) == newer


def test_a_plan_keeps_its_profile_seed_and_document(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    plan = a_plan("plan-0001", ALICE, seed=42)
    with uow() as work:
        work.plans.add(plan)
        work.commit()
    with uow() as work:
        stored = work.plans.current(ALICE)
    assert stored == plan
    assert stored is not None
    assert stored.profile.seed == 42


def test_nobody_sees_another_persons_plan(uow: UnitOfWorkFactory, users: tuple[str, str]) -> None:
    with uow() as work:
        work.plans.add(a_plan("plan-0001", ALICE))
        work.commit()
    with uow() as work:
        assert work.plans.current(BOB) is None


def test_all_plans_are_listed_oldest_first_and_only_the_persons_own(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    first = a_plan("plan-0001", ALICE, created_at=MORNING, seed=1)
    second = a_plan("plan-0002", ALICE, created_at=MORNING + timedelta(days=7), seed=2)
    with uow() as work:
        work.plans.add(second)
        work.plans.add(first)
        work.plans.add(a_plan("plan-0003", BOB))
        work.plans.add(a_plan("plan-0001", ALICE, seed=99))  # a retried import changes nothing
        work.commit()
    with uow() as work:
        assert work.plans.all(ALICE) == [first, second]
