"""Self-test results, on both databases."""

from __future__ import annotations

from datetime import date

from hipcoach.domain.log import Side
from tests.store.conftest import UnitOfWorkFactory
from tests.store.records import ALICE, BOB, a_self_test_result


def test_results_come_back_as_stored_oldest_first(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    later = a_self_test_result("result-0002", day=date(2026, 3, 30), side=Side.RIGHT, value=61)
    stance = a_self_test_result("result-0003", test="single_leg_stance", value=30)
    earlier = a_self_test_result("result-0001")
    with uow() as work:
        assert work.self_tests.add(ALICE, later) is True
        assert work.self_tests.add(ALICE, stance) is True
        assert work.self_tests.add(ALICE, earlier) is True
        work.commit()
    with uow() as work:
        assert work.self_tests.all(ALICE) == [earlier, stance, later]


def test_the_same_result_id_is_stored_once_and_only_for_its_person(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    with uow() as work:
        assert work.self_tests.add(ALICE, a_self_test_result("result-0001")) is True
        assert work.self_tests.add(ALICE, a_self_test_result("result-0001", value=9)) is False
        assert work.self_tests.add(BOB, a_self_test_result("result-0001", value=9)) is True
        work.commit()
    with uow() as work:
        assert work.self_tests.all(ALICE) == [a_self_test_result("result-0001")]
        assert work.self_tests.all(BOB) == [a_self_test_result("result-0001", value=9)]


def test_results_left_uncommitted_are_not_stored(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    with uow() as work:
        work.self_tests.add(ALICE, a_self_test_result("result-0001"))
    with uow() as work:
        assert work.self_tests.all(ALICE) == []


def test_a_result_is_deleted_only_for_its_person(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    kept = a_self_test_result("result-0002", day=date(2026, 3, 30), value=61)
    with uow() as work:
        work.self_tests.add(ALICE, a_self_test_result("result-0001"))
        work.self_tests.add(ALICE, kept)
        work.self_tests.add(BOB, a_self_test_result("result-0001", value=9))
        work.commit()
    with uow() as work:
        assert work.self_tests.delete(ALICE, "result-0001") is True
        assert work.self_tests.delete(ALICE, "result-0001") is False
        assert work.self_tests.delete(ALICE, "no-such-result") is False
        work.commit()
    with uow() as work:
        assert work.self_tests.all(ALICE) == [kept]
        assert work.self_tests.all(BOB) == [a_self_test_result("result-0001", value=9)]


def test_a_result_is_corrected_in_place_only_for_its_person(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    theirs = a_self_test_result("result-0001", value=9)
    other = a_self_test_result("result-0002", side=Side.RIGHT, value=50)
    with uow() as work:
        work.self_tests.add(ALICE, a_self_test_result("result-0001"))
        work.self_tests.add(ALICE, other)
        work.self_tests.add(BOB, theirs)
        work.commit()
    moved = date(2026, 3, 30)
    with uow() as work:
        fixed = work.self_tests.update(ALICE, "result-0001", value=52, day=moved)
        assert fixed == a_self_test_result("result-0001", day=moved, value=52)
        assert work.self_tests.update(ALICE, "no-such-result", value=1, day=moved) is None
        work.commit()
    with uow() as work:
        assert work.self_tests.all(ALICE) == [other, fixed]
        assert work.self_tests.all(BOB) == [theirs]
    with uow() as work:  # left uncommitted: as it was
        work.self_tests.update(ALICE, "result-0001", value=1, day=moved)
    with uow() as work:
        assert work.self_tests.all(ALICE) == [other, fixed]
