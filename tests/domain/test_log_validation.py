"""`validate_set`, `validate_session`, `validate_measurement` and the limits they read."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hipcoach.content.loader import load_catalogue
from hipcoach.domain import limits
from hipcoach.domain.catalogue import PainArea
from hipcoach.domain.errors import HipcoachError
from hipcoach.domain.limits import Range
from hipcoach.domain.log import (
    LogError,
    LoggedSet,
    Measurement,
    Side,
    TrainingSession,
    check_past_day,
    validate_measurement,
    validate_session,
    validate_set,
)
from hipcoach.domain.text import has_control_characters

CATALOGUE = load_catalogue()
WHEN = datetime(2026, 3, 5, 18, tzinfo=UTC)
CLAMSHELL = LoggedSet("set-00000001", "session-0001", "clamshell", Side.LEFT, WHEN, reps=12)


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"session_id": "bad id!"}, "session_id", "not a valid id"),
        ({"reps": None}, "reps", "exactly one of reps, steps or hold seconds"),
        ({"reps": 0}, "reps", "between 1 and 500"),
        ({"reps": 10**40}, "reps", "between 1 and 500"),
        ({"reps": None, "hold_seconds": 30}, "hold_seconds", "not done as a hold"),
        ({"reps": None, "steps": 12}, "steps", "counted in reps, not steps"),
        ({"rir": 11}, "rir", "Reps in reserve must be 0-10"),
        ({"resistance_key": "ankle_1kg", "load_kg": 1.0}, "resistance_key", "not a resistance"),
        ({"resistance_key": "mini_band_light", "load_kg": 2.0}, "load_kg", "no weight"),
        ({"load_kg": float("nan")}, "load_kg", "between 0 and 300 kg"),
        ({"load_kg": float("inf")}, "load_kg", "between 0 and 300 kg"),
        ({"load_kg": 0.0}, "load_kg", "between 0 and 300 kg"),
        ({"note": "\x1b[31mred"}, "note", "U+001B"),
        ({"note": "x" * (limits.NOTE_LENGTH.high + 1)}, "note", "limited to 2000"),
        ({"logged_at": WHEN.replace(tzinfo=None)}, "logged_at", "must carry a UTC offset"),
    ],
)
def test_a_set_is_refused_naming_the_field_and_why(
    changes: dict[str, Any], field: str, words: str
) -> None:
    with pytest.raises(HipcoachError) as caught:
        validate_set(replace(CLAMSHELL, **changes), CATALOGUE)
    assert (caught.value.field, words in caught.value.message) == (field, True)


def test_a_set_at_the_limits_is_fine() -> None:
    validate_set(replace(CLAMSHELL, reps=limits.REPS.high, pain=10, rir=0, note="\t\n"), CATALOGUE)
    lunge = replace(CLAMSHELL, exercise="glute_bridge", resistance_key="dumbbell_8kg")
    validate_set(replace(lunge, load_kg=limits.LOAD_KG.high), CATALOGUE)


def test_a_time_must_exist_in_utc() -> None:
    east = timezone(timedelta(hours=3))
    with pytest.raises(HipcoachError, match="outside the calendar"):
        validate_set(replace(CLAMSHELL, logged_at=datetime(1, 1, 1, 1, tzinfo=east)), CATALOGUE)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"id": "x"}, "id"),
        ({"next_day_pain": 11}, "next_day_pain"),
        ({"plan_week": 61}, "plan_week"),
        ({"plan_session": 0}, "plan_session"),
        ({"notes": "a\x00b"}, "notes"),
        ({"rpe": 0}, "rpe"),
        ({"rpe": 11}, "rpe"),
    ],
)
def test_a_session_is_refused_naming_the_field(changes: dict[str, Any], field: str) -> None:
    session = TrainingSession("session-0001", date(2026, 3, 5))
    validate_session(session)
    with pytest.raises(HipcoachError) as caught:
        validate_session(replace(session, **changes))
    assert caught.value.field == field


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"pain_area": PainArea.HIP}, "pain_area", "only when the pain is above 0"),
        ({"pain_side": Side.LEFT}, "pain_side", "only when the pain is above 0"),
        ({"pain": 3, "pain_side": Side.RIGHT}, "pain_area", "where it hurts as well"),
    ],
)
def test_a_sets_pain_location_needs_pain_and_a_side_needs_an_area(
    changes: dict[str, Any], field: str, words: str
) -> None:
    with pytest.raises(HipcoachError) as caught:
        validate_set(replace(CLAMSHELL, **changes), CATALOGUE)
    assert (caught.value.field, words in caught.value.message) == (field, True)


def test_a_painful_set_may_say_where_and_which_side_independent_of_the_side_worked() -> None:
    validate_set(replace(CLAMSHELL, pain=4, pain_area=PainArea.KNEE), CATALOGUE)
    validate_set(
        replace(CLAMSHELL, pain=6, pain_area=PainArea.OTHER, pain_side=Side.RIGHT), CATALOGUE
    )


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"next_day_pain_area": PainArea.HIP}, "next_day_pain_area"),
        ({"next_day_pain": 0, "next_day_pain_area": PainArea.HIP}, "next_day_pain_area"),
        ({"next_day_pain_side": Side.BOTH}, "next_day_pain_side"),
        ({"next_day_pain": 5, "next_day_pain_side": Side.LEFT}, "next_day_pain_area"),
    ],
)
def test_next_day_pain_location_needs_next_day_pain_and_a_side_needs_an_area(
    changes: dict[str, Any], field: str
) -> None:
    session = TrainingSession("session-0001", date(2026, 3, 5))
    with pytest.raises(HipcoachError) as caught:
        validate_session(replace(session, **changes))
    assert caught.value.field == field


def test_a_session_may_be_rated_1_to_10_or_not_at_all() -> None:
    session = TrainingSession("session-0001", date(2026, 3, 5))
    for rpe in (None, 1, 10):
        validate_session(replace(session, rpe=rpe))


def test_next_day_pain_may_say_where_and_which_side() -> None:
    session = TrainingSession("session-0001", date(2026, 3, 5), next_day_pain=3)
    validate_session(replace(session, next_day_pain_area=PainArea.LOW_BACK))
    validate_session(
        replace(session, next_day_pain_area=PainArea.HIP, next_day_pain_side=Side.LEFT)
    )


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"hip_cm": 39.9}, "hip_cm"),
        ({"waist_cm": float("nan")}, "waist_cm"),
        ({"weight_kg": 351.0}, "weight_kg"),
        ({"hip_cm": None}, "hip_cm"),
    ],
)
def test_a_measurement_is_refused_naming_the_field(changes: dict[str, Any], field: str) -> None:
    measurement = Measurement("measure-0001", date(2026, 3, 5), hip_cm=98.5)
    validate_measurement(measurement)
    with pytest.raises(HipcoachError) as caught:
        validate_measurement(replace(measurement, **changes))
    assert caught.value.field == field


def test_the_same_values_ignore_only_the_time_of_a_set_and_the_version_of_a_session() -> None:
    assert CLAMSHELL.same_values(replace(CLAMSHELL, logged_at=WHEN + timedelta(hours=1)))
    assert not CLAMSHELL.same_values(replace(CLAMSHELL, reps=13))
    assert (CLAMSHELL.set_weight, replace(CLAMSHELL, side=Side.BOTH).set_weight) == (0.5, 1.0)
    session = TrainingSession("session-0001", date(2026, 3, 5))
    assert session.same_values(replace(session, version=4))
    assert not session.same_values(replace(session, notes="n"))


@given(st.integers(-5, 15) | st.floats(allow_nan=True))
def test_a_range_holds_what_lies_between_its_ends(value: float) -> None:
    closed, open_low = Range(0, 10), Range(0.0, 10.0, low_exclusive=True)
    assert (value in closed) == (0 <= value <= 10)
    assert (value in open_low) == (0 < value <= 10)


def test_a_range_describes_itself_and_every_range_is_named_by_a_field() -> None:
    assert limits.SEED.describe() == "between 0 and 2147483647"
    assert limits.LOAD_KG.describe("kg") == "between 0 and 300 kg"
    assert all(r.low <= r.high for r in limits.RANGES.values())
    assert all(r.low <= r.high for r in limits.LENGTHS.values())
    assert limits.is_client_id("a" * 64)
    assert not limits.is_client_id("a" * 65)
    assert not limits.is_client_id("abcdefgh\n")
    assert has_control_characters("a\x7fb")
    assert not has_control_characters("tab\tline\nreturn\r, emoji \U0001f600")


def test_a_past_day_lies_between_the_plan_s_first_day_and_today() -> None:
    first, today = date(2026, 3, 2), date(2026, 3, 20)
    for day in (first, today, date(2026, 3, 10)):
        check_past_day(day, today=today, first=first)
    for day, words in ((date(2026, 3, 21), "has not come yet"), (date(2026, 3, 1), "before")):
        with pytest.raises(LogError, match=words) as caught:
            check_past_day(day, today=today, first=first)
        assert caught.value.field == "date"
