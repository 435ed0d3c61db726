"""Body measurements."""

from __future__ import annotations

from datetime import date

from tests.store.conftest import UnitOfWorkFactory
from tests.store.records import ALICE, BOB, a_measurement


def test_measurements_are_listed_oldest_first(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    later = a_measurement("measure-02", day=date(2026, 4, 1), hip_cm=99.0)
    earlier = a_measurement("measure-01", day=date(2026, 3, 1))
    with uow() as work:
        assert work.measurements.add(ALICE, later) is True
        assert work.measurements.add(ALICE, earlier) is True
        work.commit()
    with uow() as work:
        assert work.measurements.all(ALICE) == [earlier, later]


def test_adding_the_same_measurement_id_twice_stores_it_once(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    with uow() as work:
        assert work.measurements.add(ALICE, a_measurement("measure-01")) is True
        assert work.measurements.add(ALICE, a_measurement("measure-01", hip_cm=120.0)) is False
        work.commit()
    with uow() as work:
        assert work.measurements.all(ALICE) == [a_measurement("measure-01")]


def test_measurements_are_private_to_their_person(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    with uow() as work:
        work.measurements.add(ALICE, a_measurement("measure-01"))
        assert work.measurements.add(BOB, a_measurement("measure-01", hip_cm=105.0)) is True
        work.commit()
    with uow() as work:
        assert work.measurements.all(ALICE) == [a_measurement("measure-01")]
        assert work.measurements.all(BOB) == [a_measurement("measure-01", hip_cm=105.0)]
