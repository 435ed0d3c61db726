"""Self-tests: record a day's results, correct or delete one, list them over time, and say
which tests are due."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from hipcoach.domain.errors import ConflictError, NoPlanError, NotFoundError
from hipcoach.domain.log import LogError, Side
from hipcoach.domain.progress import lighter_weeks
from hipcoach.domain.selftest import (
    SelfTest,
    SelfTestResult,
    corrected,
    due,
    last_tested,
    validate_results,
)
from hipcoach.services.ports import UnitOfWork
from hipcoach.services.training import current_plan


def record_results(
    *, uow: UnitOfWork, user_id: str, results: Sequence[SelfTestResult], today: date
) -> int:
    """Store a day's self-test results all together (a retry of the same ones stores nothing
    new); a result whose id is stored with other values, or whose test and side already have
    a result that day, refuses them all. Returns how many were new."""
    validate_results(results, today=today)
    with uow:
        stored = {r.id: r for r in uow.self_tests.all(user_id)}
        taken = {r.place: r.id for r in stored.values()}
        for result in results:
            if result.id in stored and stored[result.id] != result:
                raise ConflictError(
                    f"Result {result.id} already exists with other values.", field="id"
                )
            if taken.get(result.place, result.id) != result.id:
                raise ConflictError(
                    f"The {result.side.value} side of {result.test} is already recorded on "
                    f"{result.date.isoformat()}.",
                    field="date",
                )
        added = sum(uow.self_tests.add(user_id, r) for r in results if r.id not in stored)
        uow.commit()
    return added


def delete_result(*, uow: UnitOfWork, user_id: str, result_id: str) -> None:
    """Delete one result (a test recorded by mistake); NotFoundError if there is none."""
    with uow:
        if not uow.self_tests.delete(user_id, result_id):
            raise NotFoundError(f"No self-test result {result_id}.", field="id")
        uow.commit()


def delete_on(
    *, uow: UnitOfWork, user_id: str, test: str, day: date, side: Side | None = None
) -> list[SelfTestResult]:
    """Delete a test's results of one day (one side, or both); the results deleted.
    NotFoundError, deleting nothing, when there are none."""
    with uow:
        found = [
            r
            for r in uow.self_tests.all(user_id)
            if r.test == test and r.date == day and (side is None or r.side is side)
        ]
        if not found:
            which = "" if side is None else f" on the {side.value} side"
            raise NotFoundError(
                f"No {test} result{which} on {day.isoformat()} to delete.", field="date"
            )
        for result in found:
            uow.self_tests.delete(user_id, result.id)
        uow.commit()
    return found


def edit_result(
    *,
    uow: UnitOfWork,
    user_id: str,
    result_id: str,
    value: int | None = None,
    day: date | None = None,
    today: date,
) -> SelfTestResult:
    """Correct one result's value or day, within the same limits as recording it (its test
    and side stay); the result as stored now. NotFoundError if there is none; ConflictError
    if its side of the test already has another result on the new day."""
    with uow:
        stored = uow.self_tests.all(user_id)
        found = next((r for r in stored if r.id == result_id), None)
        if found is None:
            raise NotFoundError(f"No self-test result {result_id}.", field="id")
        edited = _store_correction(uow, user_id, stored, found, value, day, today)
        uow.commit()
    return edited


def edit_on(
    *,
    uow: UnitOfWork,
    user_id: str,
    test: str,
    day: date,
    side: Side | None = None,
    value: int | None = None,
    new_day: date | None = None,
    today: date,
) -> list[tuple[SelfTestResult, SelfTestResult]]:
    """Correct a test's result of one day (one side; both, when only the day moves); each
    result as it was and as it is now. Nothing changes unless every result can."""
    with uow:
        stored = uow.self_tests.all(user_id)
        found = sorted(
            (r for r in stored if r.test == test and r.date == day and side in (None, r.side)),
            key=lambda r: r.side,  # left before right
        )
        if not found:
            which = "" if side is None else f" on the {side.value} side"
            raise NotFoundError(
                f"No {test} result{which} on {day.isoformat()} to change.", field="date"
            )
        if value is not None and len(found) > 1:
            raise LogError(
                f"{test} has a left and a right result on {day.isoformat()}: name the side "
                "whose value to change.",
                field="side",
            )
        changed = [
            (r, _store_correction(uow, user_id, stored, r, value, new_day, today)) for r in found
        ]
        uow.commit()
    return changed


def _store_correction(
    uow: UnitOfWork,
    user_id: str,
    stored: Sequence[SelfTestResult],
    result: SelfTestResult,
    value: int | None,
    day: date | None,
    today: date,
) -> SelfTestResult:
    fixed = corrected(result, value=value, day=day, today=today)
    if any(r.place == fixed.place and r.id != fixed.id for r in stored):
        raise ConflictError(
            f"The {fixed.side.value} side of {fixed.test} is already recorded on "
            f"{fixed.date.isoformat()}.",
            field="date",
        )
    updated = uow.self_tests.update(user_id, fixed.id, value=fixed.value, day=fixed.date)
    if updated is None:  # deleted meanwhile, by another device
        raise NotFoundError(f"No self-test result {fixed.id}.", field="id")
    return updated


def get_result(*, uow: UnitOfWork, user_id: str, result_id: str) -> SelfTestResult:
    """One of the person's results; NotFoundError if there is none (or it is not theirs)."""
    found = next((r for r in list_results(uow=uow, user_id=user_id) if r.id == result_id), None)
    if found is None:
        raise NotFoundError(f"No self-test result {result_id}.", field="id")
    return found


def list_results(*, uow: UnitOfWork, user_id: str) -> list[SelfTestResult]:
    """Every self-test result, oldest first."""
    with uow.read_only():
        return uow.self_tests.all(user_id)


@dataclass(frozen=True, slots=True)
class SelfTestStatus:
    """The tests due today, and when each test was last done."""

    due: tuple[SelfTest, ...]
    last: dict[str, date]


def status(*, uow: UnitOfWork, user_id: str, today: date) -> SelfTestStatus:
    """Which self-tests are due today: the baseline, then in the plan's lighter weeks."""
    try:
        lighter = lighter_weeks(current_plan(uow=uow, user_id=user_id).plan)
    except NoPlanError:
        lighter = ()  # without a plan only the baseline and the six-week limit apply
    done = [r for r in list_results(uow=uow, user_id=user_id) if r.date <= today]
    last = last_tested(done)
    return SelfTestStatus(due(today=today, lighter_weeks=lighter, last=last), last)
