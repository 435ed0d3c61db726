"""Self-tests: the catalogue reads honestly, results are checked, and re-tests fall in the
lighter weeks (every fourth week) after a baseline."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from hipcoach.domain import limits
from hipcoach.domain.errors import UnknownKeyError
from hipcoach.domain.evidence import Verification
from hipcoach.domain.log import LogError, OutOfRangeError, Side
from hipcoach.domain.selftest import (
    RETEST_MAX_DAYS,
    SELF_TESTS,
    ResultUnit,
    SelfTestResult,
    corrected,
    due,
    last_tested,
    self_test,
    validate_result,
    validate_results,
)

START = date(2026, 1, 5)  # a Monday; the plan's lighter weeks are weeks 4 and 8
LIGHTER = (
    (START + timedelta(weeks=3), START + timedelta(weeks=3, days=6)),
    (START + timedelta(weeks=7), START + timedelta(weeks=7, days=6)),
)
KEYS = {t.key for t in SELF_TESTS}
LISTED = tuple(t for t in SELF_TESTS if not t.instead_of)  # due lists these


def _result(test: str = "side_bridge_hold", value: int = 40, **changes: object) -> SelfTestResult:
    values: dict[str, object] = {
        "id": "result-0001",
        "test": test,
        "date": START,
        "side": Side.LEFT,
        "value": value,
    }
    values.update(changes)
    return SelfTestResult(**values)  # type: ignore[arg-type]


def test_the_catalogue_holds_the_five_tests_each_with_how_to_and_how_to_read_it() -> None:
    assert {
        "side_bridge_hold",
        "side_bridge_hold_knees",
        "single_leg_stance",
        "step_down_quality",
        "side_lying_abduction_reps",
    } == KEYS
    for test in SELF_TESTS:
        assert test.name
        assert test.measures
        assert test.reading
        assert len(test.steps) >= 3
        assert test.per_side
        assert test.sides == (Side.LEFT, Side.RIGHT)
        # every test either cites a source with its check, or says plainly it is our own
        assert test.source is not None or "no study" in test.own_test_note
        if test.source is not None:
            assert test.source.verification is not Verification.UNVERIFIED
            assert test.source.citation.count(".") >= 3
            assert test.source.note


def test_no_test_promises_a_change_in_the_shape_of_the_hips() -> None:
    for test in SELF_TESTS:
        text = " ".join((test.measures, test.reading, *test.steps)).lower()
        assert "hip dip" not in text
        assert "remove" not in text


def test_each_test_has_its_own_range_and_unit() -> None:
    assert self_test("single_leg_stance").bounds == limits.SELF_TEST_STANCE_S
    assert self_test("single_leg_stance").unit is ResultUnit.SECONDS
    assert self_test("step_down_quality").bounds == limits.SELF_TEST_SCORE
    assert self_test("step_down_quality").unit is ResultUnit.POINTS
    assert self_test("side_lying_abduction_reps").unit is ResultUnit.REPS
    assert self_test("side_bridge_hold").bounds == limits.SELF_TEST_HOLD_S


def test_an_unknown_test_is_refused_with_the_known_ones() -> None:
    with pytest.raises(UnknownKeyError) as caught:
        self_test("plank")
    assert set(caught.value.suggestions) == KEYS
    with pytest.raises(UnknownKeyError):
        validate_result(_result(test="plank"))


@pytest.mark.parametrize(
    ("test", "value"),
    [
        ("single_leg_stance", 0),
        ("single_leg_stance", 30),
        ("step_down_quality", 4),
        ("side_bridge_hold", 600),
        ("side_lying_abduction_reps", 0),
    ],
)
def test_a_result_in_the_tests_range_is_accepted(test: str, value: int) -> None:
    validate_result(_result(test, value))


@pytest.mark.parametrize(
    ("test", "value", "words"),
    [
        ("single_leg_stance", 31, "between 0 and 30 seconds"),
        ("step_down_quality", 5, "between 0 and 4 points"),
        ("side_bridge_hold", -1, "between 0 and 600 seconds"),
        ("side_lying_abduction_reps", 501, "between 0 and 500 reps"),
    ],
)
def test_a_result_outside_the_tests_range_is_refused_naming_the_range(
    test: str, value: int, words: str
) -> None:
    with pytest.raises(LogError, match=words) as caught:
        validate_result(_result(test, value))
    assert caught.value.field == "value"


def test_a_per_side_test_needs_a_side_and_a_result_a_valid_id() -> None:
    with pytest.raises(LogError) as caught:
        validate_result(_result(side=Side.BOTH))
    assert caught.value.field == "side"
    with pytest.raises(LogError) as bad_id:
        validate_result(_result(id="x"))
    assert bad_id.value.field == "id"


def test_every_test_is_due_before_its_baseline() -> None:
    assert due(today=START, lighter_weeks=LIGHTER, last={}) == LISTED


def test_after_a_baseline_nothing_is_due_until_the_lighter_week() -> None:
    last = {t.key: START for t in SELF_TESTS}
    for days in range(1, 21):
        assert due(today=START + timedelta(days=days), lighter_weeks=LIGHTER, last=last) == ()
    assert due(today=LIGHTER[0][0], lighter_weeks=LIGHTER, last=last) == LISTED
    assert due(today=LIGHTER[0][1], lighter_weeks=LIGHTER, last=last) == LISTED


def test_a_test_done_in_the_lighter_week_is_not_due_again_that_week() -> None:
    tested = LIGHTER[0][0] + timedelta(days=1)
    last = {"side_bridge_hold": tested} | {t.key: START for t in LISTED[1:]}
    found = due(today=LIGHTER[0][1], lighter_weeks=LIGHTER, last=last)
    assert [t.key for t in found] == [t.key for t in LISTED[1:]]


def test_a_baseline_late_in_a_block_waits_for_the_next_lighter_week() -> None:
    late = LIGHTER[0][0] - timedelta(days=2)  # done in week 3
    last = {t.key: late for t in SELF_TESTS}
    assert due(today=LIGHTER[0][1], lighter_weeks=LIGHTER, last=last) == ()
    assert due(today=LIGHTER[1][0], lighter_weeks=LIGHTER, last=last) == LISTED


def test_past_six_weeks_a_test_is_due_on_any_day() -> None:
    last = {t.key: START for t in SELF_TESTS}
    day = START + timedelta(days=RETEST_MAX_DAYS)
    assert due(today=day, lighter_weeks=(), last=last) == ()
    assert due(today=day + timedelta(days=1), lighter_weeks=(), last=last) == LISTED


def test_a_result_dated_after_today_does_not_make_a_test_due() -> None:
    last = {t.key: START + timedelta(weeks=10) for t in SELF_TESTS}
    assert due(today=LIGHTER[1][0], lighter_weeks=LIGHTER, last=last) == ()


def test_the_last_test_day_is_the_latest_result_of_each_test() -> None:
    results = [
        _result(date=START + timedelta(weeks=3)),
        _result(date=START),
        _result("single_leg_stance", 20, date=START),
    ]
    assert last_tested(results) == {
        "side_bridge_hold": START + timedelta(weeks=3),
        "single_leg_stance": START,
    }


def test_a_days_results_need_one_at_least_none_after_today_and_each_side_once() -> None:
    left = _result()
    right = _result(id="result-0002", side=Side.RIGHT)
    validate_results([left, right], today=START)
    cases = [
        ([], "value"),
        ([left, _result(id="result-0003", date=START + timedelta(days=1))], "date"),
        ([left, _result(id="result-0003", value=50)], "side"),
        ([left, _result(id="result-0003", value=601)], "value"),
    ]
    for results, field in cases:
        with pytest.raises(LogError) as caught:
            validate_results(results, today=START)
        assert caught.value.field == field


def test_the_knees_hold_is_done_in_the_full_holds_place_and_counts_as_it() -> None:
    knees = self_test("side_bridge_hold_knees")
    assert knees.instead_of == "side_bridge_hold"
    assert knees.source is not None
    assert "no study has checked it" in knees.source.note
    assert knees not in due(today=START, lighter_weeks=LIGHTER, last={})
    last = {t.key: START for t in LISTED if t.key != "side_bridge_hold"}
    due_now = due(today=START, lighter_weeks=LIGHTER, last=last)
    assert [t.key for t in due_now] == ["side_bridge_hold"]
    done_on_knees = {**last, "side_bridge_hold_knees": START}
    assert due(today=START, lighter_weeks=LIGHTER, last=done_on_knees) == ()


def test_a_correction_changes_the_value_or_the_day_and_keeps_the_test_and_side() -> None:
    stored = _result()
    assert corrected(stored, value=48, today=START) == _result(value=48)
    earlier = START - timedelta(days=2)
    assert corrected(stored, day=earlier, today=START) == _result(date=earlier)
    both = corrected(stored, value=0, day=earlier, today=START)
    assert (both.test, both.side, both.value, both.date) == (stored.test, Side.LEFT, 0, earlier)


@pytest.mark.parametrize(
    ("changes", "kind", "field"),
    [
        ({"value": 601}, OutOfRangeError, "value"),
        ({"value": -1}, OutOfRangeError, "value"),
        ({"day": START + timedelta(days=1)}, LogError, "date"),
        ({}, LogError, "value"),
    ],
    ids=["above-range", "below-range", "after-today", "nothing-to-change"],
)
def test_a_correction_is_checked_as_a_new_result_is(
    changes: dict[str, object], kind: type[LogError], field: str
) -> None:
    with pytest.raises(kind) as caught:
        corrected(_result(), today=START, **changes)  # type: ignore[arg-type]
    assert caught.value.field == field
