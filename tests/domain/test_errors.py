"""Domain errors are typed, and each kind has one status for every adapter."""

from __future__ import annotations

import pytest

from hipcoach.domain.auth import AuthError, RateLimitedError
from hipcoach.domain.errors import (
    ConflictError,
    HipcoachError,
    KeyNotFoundError,
    NoPlanError,
    NotFoundError,
    PlanOverError,
    PlanRequestError,
    UnknownKeyError,
    status_for,
)


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (HipcoachError("No."), 400),
        (PlanRequestError("Too few days."), 400),
        (UnknownKeyError("side", "sideways"), 400),  # a key in a field the rules refuse
        (KeyNotFoundError("exercise", "clamshel"), 404),  # a key naming what is asked for
        (NotFoundError("No such set."), 404),
        (NoPlanError("No plan yet."), 404),
        (PlanOverError("No sessions left."), 404),
        (ConflictError("Changed meanwhile."), 409),
        (AuthError("Wrong password."), 401),
        (RateLimitedError("Wait."), 429),
    ],
)
def test_each_kind_of_error_has_one_status(error: HipcoachError, status: int) -> None:
    assert status_for(error) == status


def test_a_key_not_found_keeps_its_suggestions() -> None:
    unknown = UnknownKeyError("exercise", "clamshel", ("clamshell",))
    found = KeyNotFoundError.of(unknown)
    assert isinstance(found, NotFoundError)
    assert isinstance(found, UnknownKeyError)
    assert (found.kind, found.key, found.suggestions) == ("exercise", "clamshel", ("clamshell",))
    assert found.message == unknown.message
    assert found.field == "exercise"
