"""Self-tests: the tests with how to do them, which are due, and their results over time."""

from __future__ import annotations

from fastapi import APIRouter, Response, status
from fastapi.exceptions import RequestValidationError

from hipcoach.api.deps import Today, Uow, UserId
from hipcoach.api.errors import ApiRoute
from hipcoach.api.schemas import (
    SelfTestResultRead,
    SelfTestResultsCreate,
    SelfTestResultUpdate,
    SelfTestsRead,
    self_test_read,
)
from hipcoach.domain.log import OutOfRangeError
from hipcoach.domain.selftest import NOT_SHAPE, SELF_TESTS, SelfTestResult
from hipcoach.services import selftest

router = APIRouter(route_class=ApiRoute, tags=["progress"])


@router.get("/self-tests")
def list_self_tests(uow: Uow, user_id: UserId, today: Today) -> SelfTestsRead:
    """The self-tests, each with how to do it, how to read it and its source, and which are
    due today (the first time, then in each lighter week)."""
    found = selftest.status(uow=uow, user_id=user_id, today=today)
    due = {t.key for t in found.due}
    return SelfTestsRead(
        tests=[self_test_read(t, last=found.last.get(t.key), due=t.key in due) for t in SELF_TESTS],
        due=[t.key for t in found.due],
        note=NOT_SHAPE,
    )


@router.get("/self-tests/results")
def list_self_test_results(uow: Uow, user_id: UserId) -> list[SelfTestResultRead]:
    """Every self-test result, oldest first."""
    found = selftest.list_results(uow=uow, user_id=user_id)
    return [SelfTestResultRead.model_validate(r) for r in found]


@router.post(
    "/self-tests/results",
    status_code=status.HTTP_201_CREATED,
    responses={200: {"description": "Already stored (a retry)"}},
)
def create_self_test_results(
    body: SelfTestResultsCreate, response: Response, uow: Uow, user_id: UserId, today: Today
) -> list[SelfTestResultRead]:
    """Record a day's self-test results, each side on its own (all are stored, or none;
    the same ids again store nothing new)."""
    results = [SelfTestResult(r.id, r.test, r.date, r.side, r.value) for r in body.results]
    if not selftest.record_results(uow=uow, user_id=user_id, results=results, today=today):
        response.status_code = status.HTTP_200_OK
    return [SelfTestResultRead.model_validate(r) for r in results]


@router.delete("/self-tests/results/{result_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_self_test_result(result_id: str, uow: Uow, user_id: UserId) -> None:
    """Delete one self-test result (recorded by mistake); 404 if there is none."""
    selftest.delete_result(uow=uow, user_id=user_id, result_id=result_id)


@router.patch("/self-tests/results/{result_id}")
def update_self_test_result(
    result_id: str, body: SelfTestResultUpdate, uow: Uow, user_id: UserId, today: Today
) -> SelfTestResultRead:
    """Correct one self-test result's value or day, in place; its test and side stay. 404 if
    there is none; a value outside its test's range is 422 naming `value`, as when recording;
    a day after today 400; a day its side of the test already has a result on 409."""
    try:
        edited = selftest.edit_result(
            uow=uow,
            user_id=user_id,
            result_id=result_id,
            value=body.value,
            day=body.date,
            today=today,
        )
    except OutOfRangeError as error:
        # The range is the stored result's test's, so no schema could check it before the
        # service did: it is answered as the schema answers it when a result is recorded.
        problem = {"loc": ("body", error.field), "msg": error.message, "type": "value_error"}
        raise RequestValidationError([problem]) from None
    return SelfTestResultRead.model_validate(edited)
