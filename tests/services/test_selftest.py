"""Self-tests through the services: a day's results are stored together or not at all, put
right in place, listed over time, drawn on the progress chart, and due at the baseline and in
lighter weeks."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest

from hipcoach.domain.errors import ConflictError, NotFoundError
from hipcoach.domain.log import LogError, OutOfRangeError, Side
from hipcoach.domain.selftest import SELF_TESTS, SelfTestResult
from hipcoach.services import backup, progress, selftest, training
from hipcoach.services.progress import ChartName
from tests.services import simulation
from tests.services.fakes import FakeUnitOfWork

LISTED = tuple(t for t in SELF_TESTS if not t.instead_of)  # an easier version is not listed
USER = simulation.USER
START = simulation.PROFILE.start  # 8 weeks: the lighter weeks are weeks 4 and 8
NOW = datetime(2026, 1, 4, 9, tzinfo=UTC)


def _both(
    day: date, test: str = "side_bridge_hold", left: int = 40, right: int = 44
) -> list[SelfTestResult]:
    stamp = f"{test[:6]}{test[-3:]}-{day:%Y%m%d}"
    return [
        SelfTestResult(f"{stamp}-l", test, day, Side.LEFT, left),
        SelfTestResult(f"{stamp}-r", test, day, Side.RIGHT, right),
    ]


@pytest.fixture
def uow() -> FakeUnitOfWork:
    work = FakeUnitOfWork()
    training.start_program(uow=work, user_id=USER, name="Ada", profile=simulation.PROFILE, now=NOW)
    return work


def test_a_days_results_are_stored_and_listed_oldest_first(uow: FakeUnitOfWork) -> None:
    later = _both(START + timedelta(weeks=3), left=48, right=50)
    assert selftest.record_results(uow=uow, user_id=USER, results=later, today=later[0].date) == 2
    first = _both(START)
    assert selftest.record_results(uow=uow, user_id=USER, results=first, today=later[0].date) == 2
    assert selftest.list_results(uow=uow, user_id=USER) == first + later


def test_sending_the_same_results_again_stores_nothing_new(uow: FakeUnitOfWork) -> None:
    results = _both(START)
    selftest.record_results(uow=uow, user_id=USER, results=results, today=START)
    commits = uow.commits
    assert selftest.record_results(uow=uow, user_id=USER, results=results, today=START) == 0
    assert selftest.list_results(uow=uow, user_id=USER) == results
    assert uow.commits == commits + 1  # (an empty commit: nothing changed)


def test_one_bad_result_stores_none_of_the_day(uow: FakeUnitOfWork) -> None:
    left, right = _both(START, test="single_leg_stance", left=25, right=31)
    with pytest.raises(LogError, match="between 0 and 30 seconds") as caught:
        selftest.record_results(uow=uow, user_id=USER, results=[left, right], today=START)
    assert caught.value.field == "value"
    assert selftest.list_results(uow=uow, user_id=USER) == []


def _doubled() -> list[SelfTestResult]:
    """The same side of the same test twice on one day, under two ids."""
    left = _both(START)[0]
    return [left, SelfTestResult("another-id-1", left.test, left.date, left.side, 41)]


def _one_id_twice() -> list[SelfTestResult]:
    """Two different results (two tests) sent under one id: the second would be lost."""
    left = _both(START)[0]
    return [left, SelfTestResult(left.id, "single_leg_stance", left.date, left.side, 20)]


@pytest.mark.parametrize(
    ("results", "field"),
    [
        ([], "value"),
        (_both(START + timedelta(days=1)), "date"),
        (_doubled(), "side"),
        (_one_id_twice(), "id"),
    ],
    ids=["none", "after-today", "side-twice", "id-twice"],
)
def test_empty_future_or_doubled_results_are_refused(
    uow: FakeUnitOfWork, results: list[SelfTestResult], field: str
) -> None:
    with pytest.raises(LogError) as caught:
        selftest.record_results(uow=uow, user_id=USER, results=results, today=START)
    assert caught.value.field == field
    assert selftest.list_results(uow=uow, user_id=USER) == []


def test_a_stored_id_sent_with_other_values_is_a_conflict_and_stores_nothing(
    uow: FakeUnitOfWork,
) -> None:
    left, right = _both(START)
    selftest.record_results(uow=uow, user_id=USER, results=[left], today=START)
    changed = SelfTestResult(left.id, left.test, left.date, left.side, 99)
    with pytest.raises(ConflictError):
        selftest.record_results(uow=uow, user_id=USER, results=[right, changed], today=START)
    assert selftest.list_results(uow=uow, user_id=USER) == [left]


def test_a_second_result_for_a_side_on_the_same_day_is_a_conflict(uow: FakeUnitOfWork) -> None:
    left, right = _both(START)
    selftest.record_results(uow=uow, user_id=USER, results=[left], today=START)
    again = SelfTestResult("another-id-1", left.test, left.date, left.side, 52)
    with pytest.raises(ConflictError, match="already recorded on 2026-01-05") as caught:
        selftest.record_results(uow=uow, user_id=USER, results=[right, again], today=START)
    assert caught.value.field == "date"
    assert selftest.list_results(uow=uow, user_id=USER) == [left]


def test_every_test_is_due_at_the_start_then_again_in_the_first_lighter_week(
    uow: FakeUnitOfWork,
) -> None:
    assert selftest.status(uow=uow, user_id=USER, today=START).due == LISTED
    for test in SELF_TESTS:
        results = _both(START, test=test.key, left=3, right=4)
        selftest.record_results(uow=uow, user_id=USER, results=results, today=START)
    week_3 = START + timedelta(weeks=2, days=3)
    lighter = START + timedelta(weeks=3, days=1)
    assert selftest.status(uow=uow, user_id=USER, today=week_3).due == ()
    found = selftest.status(uow=uow, user_id=USER, today=lighter)
    assert found.due == LISTED
    assert found.last == {t.key: START for t in SELF_TESTS}


def test_without_a_plan_only_the_baseline_and_the_six_week_limit_apply() -> None:
    work = FakeUnitOfWork()
    assert selftest.status(uow=work, user_id="nobody-1", today=START).due == LISTED


def test_progress_draws_each_test_in_its_own_panel_with_a_table(uow: FakeUnitOfWork) -> None:
    today = START + timedelta(weeks=4)
    for day, left, right in ((START, 30, 36), (START + timedelta(weeks=3), 42, 45)):
        selftest.record_results(
            uow=uow, user_id=USER, results=_both(day, left=left, right=right), today=today
        )
    stance = _both(START, test="single_leg_stance", left=18, right=30)
    selftest.record_results(uow=uow, user_id=USER, results=stance, today=today)
    report = progress.progress_report(uow=uow, user_id=USER, today=today)
    assert len(report.self_tests) == 6
    chart = progress.progress_chart(report, ChartName.SELF_TESTS, today=today)
    assert "Side-bridge hold (seconds)" in chart.svg
    assert "30-second single-leg stance (seconds)" in chart.svg
    assert "Step-down" not in chart.svg  # no results: no panel
    assert chart.table.rows == (
        ("2026-01-05", "30 seconds", "36 seconds", "18 seconds", "30 seconds", "no"),
        ("2026-01-26", "42 seconds", "45 seconds", "-", "-", "yes"),
    )


def test_results_travel_in_the_backup_and_go_with_a_deleted_account(
    uow: FakeUnitOfWork,
) -> None:
    results = _both(START)
    selftest.record_results(uow=uow, user_id=USER, results=results, today=START)
    exported = backup.export_backup(uow=uow, user_id=USER, now=NOW)
    assert [r["value"] for r in exported["self_tests"]] == [40, 44]
    other = FakeUnitOfWork()
    report = backup.import_text(uow=other, user_id="person-2", text=json.dumps(exported), now=NOW)
    assert report.self_tests == 2
    assert selftest.list_results(uow=other, user_id="person-2") == results
    with uow:
        uow.users.delete(USER)
        uow.commit()
    assert selftest.list_results(uow=uow, user_id=USER) == []


def test_a_result_is_corrected_in_place_and_its_test_and_side_stay(uow: FakeUnitOfWork) -> None:
    left, right = _both(START)
    selftest.record_results(uow=uow, user_id=USER, results=[left, right], today=START)
    later = START + timedelta(days=2)
    value = selftest.edit_result(uow=uow, user_id=USER, result_id=left.id, value=46, today=later)
    assert value == SelfTestResult(left.id, left.test, START, Side.LEFT, 46)
    moved = selftest.edit_result(uow=uow, user_id=USER, result_id=left.id, day=later, today=later)
    assert moved == SelfTestResult(left.id, left.test, later, Side.LEFT, 46)
    assert selftest.list_results(uow=uow, user_id=USER) == [right, moved]
    # Someone else's id, or none, is not found; nothing of theirs changes.
    with pytest.raises(NotFoundError, match=f"No self-test result {left.id}") as caught:
        selftest.edit_result(uow=uow, user_id="person-2", result_id=left.id, value=1, today=later)
    assert caught.value.field == "id"
    assert selftest.list_results(uow=uow, user_id=USER) == [right, moved]


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"value": 601}, "value", "between 0 and 600 seconds"),
        ({"day": START + timedelta(days=1)}, "date", "after today"),
        ({}, "value", "a new value or a new date"),
    ],
    ids=["out-of-range", "after-today", "nothing"],
)
def test_a_correction_is_held_to_the_same_limits_as_recording(
    uow: FakeUnitOfWork, changes: dict[str, object], field: str, words: str
) -> None:
    left, right = _both(START)
    selftest.record_results(uow=uow, user_id=USER, results=[left, right], today=START)
    with pytest.raises(LogError, match=words) as caught:
        selftest.edit_result(uow=uow, user_id=USER, result_id=left.id, today=START, **changes)  # type: ignore[arg-type]
    assert caught.value.field == field
    assert selftest.list_results(uow=uow, user_id=USER) == [left, right]


def test_an_out_of_range_correction_is_refused_in_the_words_recording_uses(
    uow: FakeUnitOfWork,
) -> None:
    left, right = _both(START, test="single_leg_stance", left=20, right=31)
    selftest.record_results(uow=uow, user_id=USER, results=[left], today=START)
    with pytest.raises(OutOfRangeError) as recording:
        selftest.record_results(uow=uow, user_id=USER, results=[right], today=START)
    with pytest.raises(OutOfRangeError) as editing:
        selftest.edit_result(uow=uow, user_id=USER, result_id=left.id, value=31, today=START)
    assert editing.value.message == recording.value.message
    assert "between 0 and 30 seconds (got 31)" in editing.value.message
    assert editing.value.field == recording.value.field == "value"
    assert selftest.list_results(uow=uow, user_id=USER) == [left]


def test_moving_a_result_onto_a_day_its_side_already_has_is_a_conflict(
    uow: FakeUnitOfWork,
) -> None:
    first, later = _both(START), _both(START + timedelta(days=3))
    today = later[0].date
    selftest.record_results(uow=uow, user_id=USER, results=first + later, today=today)
    with pytest.raises(ConflictError, match="already recorded on 2026-01-08") as caught:
        selftest.edit_result(
            uow=uow, user_id=USER, result_id=first[0].id, day=later[0].date, today=today
        )
    assert caught.value.field == "date"
    assert selftest.list_results(uow=uow, user_id=USER) == first + later


def test_a_days_results_are_found_by_test_and_side_and_moved_together(
    uow: FakeUnitOfWork,
) -> None:
    left, right = _both(START)
    selftest.record_results(uow=uow, user_id=USER, results=[left, right], today=START)
    today = START + timedelta(days=1)

    def edit(**changes: object) -> list[tuple[SelfTestResult, SelfTestResult]]:
        return selftest.edit_on(
            uow=uow,
            user_id=USER,
            test=left.test,
            today=today,
            **changes,  # type: ignore[arg-type]
        )

    with pytest.raises(LogError, match="name the side") as caught:
        edit(day=START, value=45)
    assert caught.value.field == "side"
    with pytest.raises(NotFoundError, match="No side_bridge_hold result on the left side on "):
        edit(day=today, side=Side.LEFT, value=45)
    ((before, after),) = edit(day=START, side=Side.RIGHT, value=45)
    assert (before, after.value) == (right, 45)
    moved = edit(day=START, new_day=today)
    assert [(b.value, a.date) for b, a in moved] == [(40, today), (45, today)]
    assert [r.date for r in selftest.list_results(uow=uow, user_id=USER)] == [today, today]


def _raises_aim(uow: FakeUnitOfWork, day: date) -> dict[Side, tuple[str, int]]:
    """Today's side-lying raise, per side: where it starts (resistance and aim)."""
    view = training.todays_session(uow=uow, user_id=USER, today=day)
    (item,) = [i for i in view.items if i.planned.exercise == "side_lying_hip_abduction"]
    return {s.side: (s.resistance_key, s.aim) for s in item.sides}


def test_a_corrected_result_is_what_places_a_move_not_yet_trained(uow: FakeUnitOfWork) -> None:
    reps = _both(START, test="side_lying_abduction_reps", left=9, right=9)
    selftest.record_results(uow=uow, user_id=USER, results=reps, today=START)
    assert _raises_aim(uow, START) == {Side.LEFT: ("bodyweight", 5), Side.RIGHT: ("bodyweight", 5)}
    # 9 reps was a typo for 40: 26 a set is past the range's top, so one rung up, at its bottom.
    selftest.edit_result(uow=uow, user_id=USER, result_id=reps[0].id, value=40, today=START)
    placed = _raises_aim(uow, START)
    assert placed == {Side.LEFT: ("ankle_0.5kg", 12), Side.RIGHT: ("bodyweight", 5)}
    # Moved past the first session's day, it no longer stands then: the plan's own start.
    later = START + timedelta(days=1)
    selftest.edit_result(uow=uow, user_id=USER, result_id=reps[0].id, day=later, today=later)
    untested = FakeUnitOfWork()
    training.start_program(
        uow=untested, user_id=USER, name="Ada", profile=simulation.PROFILE, now=NOW
    )
    assert _raises_aim(uow, START)[Side.LEFT] == _raises_aim(untested, START)[Side.LEFT]
