"""Builders of valid domain records for the store tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from hipcoach.content.loader import load_catalogue
from hipcoach.domain.account import StoredPlan, User
from hipcoach.domain.auth import ApiToken, CalendarFeed, Credential, WebSession, hash_token
from hipcoach.domain.equipment import Equipment
from hipcoach.domain.log import Effort, LoggedSet, Measurement, Side, TrainingSession
from hipcoach.domain.planner import generate_plan
from hipcoach.domain.profile import Goal, Level, Profile, Weekday
from hipcoach.domain.selftest import SelfTestResult

ALICE = "user-alice"
BOB = "user-bob"
DAY = date(2026, 3, 2)
MORNING = datetime(2026, 3, 2, 7, 30, tzinfo=UTC)


def a_user(user_id: str) -> User:
    return User(id=user_id, name=user_id.removeprefix("user-").title(), created_at=MORNING)


def a_plan(
    plan_id: str, user_id: str, *, created_at: datetime = MORNING, seed: int = 7
) -> StoredPlan:
    profile = Profile(
        level=Level.BEGINNER,
        goal=Goal.MUSCLE,
        days=(Weekday.MON, Weekday.THU),
        minutes=30,
        start=DAY,
        equipment=frozenset({Equipment.MINI_BAND}),
        seed=seed,
    )
    return StoredPlan(
        id=plan_id,
        user_id=user_id,
        created_at=created_at,
        plan=generate_plan(replace(profile, weeks=2), load_catalogue()),
    )


def a_session(session_id: str, *, day: date = DAY, **fields: Any) -> TrainingSession:
    return TrainingSession(id=session_id, date=day, **fields)


def a_set(
    set_id: str,
    session_id: str,
    *,
    exercise: str = "glute_bridge",
    minute: int = 0,
    day: date = DAY,
    **fields: Any,
) -> LoggedSet:
    """A set of 12 reps logged `minute` minutes into the morning of `day`."""
    logged_at = datetime.combine(day, MORNING.timetz()) + timedelta(minutes=minute)
    values: dict[str, Any] = {"reps": 12, "side": Side.BOTH, "effort": Effort.HARD} | fields
    return LoggedSet(
        id=set_id, session_id=session_id, exercise=exercise, logged_at=logged_at, **values
    )


def a_measurement(measurement_id: str, *, day: date = DAY, hip_cm: float = 98.5) -> Measurement:
    return Measurement(id=measurement_id, date=day, hip_cm=hip_cm, waist_cm=74.0)


def a_self_test_result(
    result_id: str,
    *,
    test: str = "side_bridge_hold",
    day: date = DAY,
    side: Side = Side.LEFT,
    value: int = 45,
) -> SelfTestResult:
    return SelfTestResult(id=result_id, test=test, date=day, side=side, value=value)


def a_credential(user_id: str, *, email: str | None = None, is_owner: bool = False) -> Credential:
    """A credential whose email defaults to the user's name at example.com."""
    address = email or f"{user_id.removeprefix('user-')}@example.com"
    return Credential(user_id, address, f"$argon2id$fake${user_id}", is_owner, MORNING)


def a_web_session(token: str, user_id: str, *, days: int = 30) -> WebSession:
    return WebSession(
        hash_token(token), user_id, f"csrf-{token}", MORNING, MORNING + timedelta(days=days)
    )


def an_api_token(token_id: str, user_id: str, *, minute: int = 0) -> ApiToken:
    """A token made `minute` minutes into the morning; its secret is 'hc_' + its id."""
    made = MORNING + timedelta(minutes=minute)
    return ApiToken(token_id, user_id, f"token {token_id}", hash_token(f"hc_{token_id}"), made)


def a_calendar_feed(user_id: str, token: str) -> CalendarFeed:
    return CalendarFeed(user_id, hash_token(token), MORNING)
