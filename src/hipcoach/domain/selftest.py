"""Self-tests: a few simple checks, repeated the same way, that show what training changed.

A self-test measures strength, endurance or control of the hip and trunk. It says nothing
about the shape of the hips (that is bone and fat storage), and the text says so. Each test
is done first as a baseline, then again in each lighter week of the plan (every fourth week),
when the person is fresh; a test left longer than six weeks is due on any day.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from hipcoach.domain import limits
from hipcoach.domain.errors import UnknownKeyError
from hipcoach.domain.evidence import Verification
from hipcoach.domain.limits import Range
from hipcoach.domain.log import LogError, OutOfRangeError, Side, check_id


class ResultUnit(StrEnum):
    """What a result counts: clean reps, whole seconds held, or checklist points."""

    REPS = "reps"
    SECONDS = "seconds"
    POINTS = "points"


@dataclass(frozen=True, slots=True)
class Source:
    """Where a test comes from, and how far its citation was checked."""

    citation: str
    verification: Verification
    note: str = ""


@dataclass(frozen=True, slots=True)
class SelfTest:
    """One self-test: what it measures, in which unit, how to do it and how to read it."""

    key: str
    name: str
    measures: str
    unit: ResultUnit
    bounds: Range[int]
    per_side: bool
    steps: tuple[str, ...]
    reading: str
    source: Source | None
    own_test_note: str = ""
    instead_of: str = ""  # an easier version of this test, done in its place

    @property
    def sides(self) -> tuple[Side, ...]:
        """The sides a result is given for: left and right, or one for the body."""
        return (Side.LEFT, Side.RIGHT) if self.per_side else (Side.BOTH,)


NOT_SHAPE = (
    "It measures what your muscles can do, not the shape of your hips: that is set mostly "
    "by bone and by where the body stores fat, which no test or exercise changes."
)

SELF_TESTS: tuple[SelfTest, ...] = (
    SelfTest(
        key="side_bridge_hold",
        name="Side-bridge hold",
        measures="Endurance of the muscles along the side of the trunk and hip.",
        unit=ResultUnit.SECONDS,
        bounds=limits.SELF_TEST_HOLD_S,
        per_side=True,
        steps=(
            "Lie on one side with your legs straight and stacked, propped on your forearm, "
            "elbow under the shoulder, free hand on the opposite shoulder.",
            "Lift your hips until your body makes one straight line from head to feet; "
            "start the timer.",
            "Hold as long as you can keep the line. Stop the timer when the hips sag to the "
            "floor or you have to stop.",
            "Rest a few minutes, then test the other side. Write down the whole seconds held.",
        ),
        reading=(
            "More seconds than last time means more endurance at the side of the trunk and "
            "hip. Tiredness, sleep and how hard you trained the day before move it by a few "
            "seconds, so look at the trend over several tests, and at the gap between sides."
        ),
        source=Source(
            "McGill SM, Childs A, Liebenson C. Endurance times for low back stabilization "
            "exercises: clinical targets for testing and training from a normal database. "
            "Arch Phys Med Rehabil. 1999;80(8):941-944.",
            Verification.VERIFIED_QUALITATIVE,
            "The side bridge held to failure, with repeat tests agreeing closely, in 75 "
            "young healthy adults; their times are for that group, not targets for you.",
        ),
    ),
    SelfTest(
        key="side_bridge_hold_knees",
        name="Side-bridge hold from the knees",
        measures=(
            "Endurance of the muscles along the side of the trunk and hip, in the easier "
            "position with the knees bent; for when the full hold is not yet possible."
        ),
        unit=ResultUnit.SECONDS,
        bounds=limits.SELF_TEST_HOLD_S,
        per_side=True,
        steps=(
            "Lie on one side with both knees bent to about a right angle, propped on your "
            "forearm, elbow under the shoulder, free hand on the opposite shoulder.",
            "Lift your hips until your body makes one straight line from head to knees; "
            "start the timer.",
            "Hold as long as you can keep the line. Stop the timer when the hips sink to the "
            "floor or you have to stop.",
            "Rest a few minutes, then test the other side. Write down the whole seconds held.",
        ),
        reading=(
            "More seconds than last time means more endurance at the side of the trunk and "
            "hip. Times from the knees and from the feet do not compare: once you hold 45 "
            "seconds from the knees on both sides, do the full hold next time instead, and "
            "compare full holds only with full holds."
        ),
        source=Source(
            "McGill SM, Childs A, Liebenson C. Endurance times for low back stabilization "
            "exercises: clinical targets for testing and training from a normal database. "
            "Arch Phys Med Rehabil. 1999;80(8):941-944.",
            Verification.VERIFIED_QUALITATIVE,
            "That study timed the full side bridge, from the feet. Holding it from the knees "
            "is our easier version of the same test; no study has checked it, so its times "
            "compare you only with yourself.",
        ),
        instead_of="side_bridge_hold",
    ),
    SelfTest(
        key="single_leg_stance",
        name="30-second single-leg stance",
        measures="Balance on one leg, where the hip abductors keep the pelvis level.",
        unit=ResultUnit.SECONDS,
        bounds=limits.SELF_TEST_STANCE_S,
        per_side=True,
        steps=(
            "Stand barefoot near a wall or a sturdy chair you could grab, arms crossed on your "
            "chest, eyes open, looking at a point ahead.",
            "Lift one foot off the floor without letting it touch the standing leg; start "
            "the timer.",
            "Stop at 30 seconds, or earlier if the lifted foot touches down, the standing "
            "foot moves or the arms uncross.",
            "Take the best of three tries on each leg. Write down the whole seconds, at most 30.",
        ),
        reading=(
            "Holding longer means steadier control on that leg; once you reach 30 seconds on "
            "both sides this test has nothing more to show, and the others take over."
        ),
        source=Source(
            "Springer BA, Marin R, Cyhan T, Roberts H, Gill NW. Normative values for the "
            "unipedal stance test with eyes open and closed. J Geriatr Phys Ther. "
            "2007;30(1):8-15.",
            Verification.VERIFIED_QUALITATIVE,
            "Times fall with age and raters agreed very closely on the best of three tries; "
            "compare yourself with your own earlier results.",
        ),
    ),
    SelfTest(
        key="step_down_quality",
        name="Step-down quality",
        measures="Control of the hip and knee on one leg while lowering the body.",
        unit=ResultUnit.POINTS,
        bounds=limits.SELF_TEST_SCORE,
        per_side=True,
        steps=(
            "Stand on one leg on a low step or stair, in front of a mirror or a phone "
            "filming you, arms crossed on your chest.",
            "Slowly bend the standing knee until the other heel lightly touches the floor, "
            "then straighten. Do 5, about two seconds down and two up.",
            "Score one point for each that held on all 5: the pelvis stayed level; the knee "
            "stayed over the middle toes; the trunk stayed upright; every rep was smooth.",
            "Do the same on the other leg. Write down each leg's score, 0 to 4.",
        ),
        reading=(
            "A higher score means better control of the hip and knee on that leg. It is a "
            "judgement by eye, so film it and score it the same way each time."
        ),
        source=Source(
            "Crossley KM, Zhang WJ, Schache AG, Bryant A, Cowan SM. Performance on the "
            "single-leg squat task indicates hip abductor muscle function. Am J Sports Med. "
            "2011;39(4):866-873.",
            Verification.VERIFIED_QUALITATIVE,
            "Clinicians rated a single-leg squat good, fair or poor, and people rated poor "
            "had weaker, later-acting hip abductors. Our four-point checklist is adapted "
            "from that idea for self-scoring; the study did not test it.",
        ),
    ),
    SelfTest(
        key="side_lying_abduction_reps",
        name="Side-lying abduction reps to fatigue",
        measures="Endurance of the hip abductors (gluteus medius and minimus).",
        unit=ResultUnit.REPS,
        bounds=limits.SELF_TEST_REPS,
        per_side=True,
        steps=(
            "Lie on one side with your body in one straight line, the lower knee bent for "
            "balance, the top leg straight and slightly behind the body, toes forward.",
            "Lift the top leg to about 30 degrees and lower it, two seconds up and two "
            "down, with no load, or the same ankle weight every time you test.",
            "Count each clean rep; stop when you can no longer lift at that tempo without "
            "rolling back or hitching the hip.",
            "Rest, then test the other side. Write down the reps on each side.",
        ),
        reading=(
            "More reps at the same tempo and load means more endurance in the hip "
            "abductors. Change the tempo or the load and the results no longer compare."
        ),
        source=None,
        own_test_note=(
            "Our own test, built from the catalogue's side-lying raise; no study has "
            "checked this exact version, so it compares you only with yourself."
        ),
    ),
)

_BY_KEY: dict[str, SelfTest] = {test.key: test for test in SELF_TESTS}


def self_test(key: str) -> SelfTest:
    """The self-test of this key; an unknown key is refused with the known ones."""
    found = _BY_KEY.get(key)
    if found is None:
        raise UnknownKeyError("test", key, tuple(_BY_KEY))
    return found


_Day = date  # (inside SelfTestResult, `date` names its field)


@dataclass(frozen=True, slots=True)
class SelfTestResult:
    """One side's result of one self-test on one day."""

    id: str
    test: str
    date: date
    side: Side
    value: int

    @property
    def place(self) -> tuple[str, _Day, Side]:
        """Which test, day and side it is the result of (one result each)."""
        return (self.test, self.date, self.side)


def validate_result(result: SelfTestResult) -> None:
    """A result names a known test and one of its sides, and lies in the test's range."""
    check_id(result.id)
    test = self_test(result.test)
    if result.side not in test.sides:
        sides = " or ".join(s.value for s in test.sides)
        raise LogError(f"{test.name} is recorded for {sides}.", field="side")
    if result.value not in test.bounds:
        raise OutOfRangeError(
            f"{test.name} must be {test.bounds.describe(test.unit)} (got {result.value}).",
            field="value",
        )


def validate_results(results: Sequence[SelfTestResult], *, today: date) -> None:
    """A day's results: at least one, each valid, none dated after today, each test's side
    given once a day, and each id once (a repeated id would otherwise lose one silently)."""
    if not results:
        raise LogError("Give at least one result.", field="value")
    seen: set[tuple[str, date, Side]] = set()
    ids: set[str] = set()
    for result in results:
        validate_result(result)
        if result.id in ids:
            raise LogError(
                f"The id {result.id} is given twice; give each result its own.", field="id"
            )
        ids.add(result.id)
        if result.date > today:
            raise LogError(
                f"{result.date.isoformat()} is after today; record a test once it is done.",
                field="date",
            )
        if result.place in seen:
            raise LogError(
                f"The {result.side.value} side of {result.test} is given twice.", field="side"
            )
        seen.add(result.place)


def corrected(
    result: SelfTestResult, *, value: int | None = None, day: date | None = None, today: date
) -> SelfTestResult:
    """A result with its value or its day put right, checked exactly as a new result is. The
    test and the side stay: a result of another test or side is a new result, not a fix."""
    if value is None and day is None:
        raise LogError("Give a new value or a new date for the result.", field="value")
    fixed = replace(
        result,
        value=result.value if value is None else value,
        date=result.date if day is None else day,
    )
    validate_results([fixed], today=today)
    return fixed


RETEST_MIN_DAYS = 21  # a baseline in week 1 is re-tested in the lighter week 4
RETEST_MAX_DAYS = 42  # after six weeks a test is due whatever the week


def last_tested(results: Iterable[SelfTestResult]) -> dict[str, date]:
    """Each test's latest day with a result."""
    latest: dict[str, date] = {}
    for result in results:
        if result.date > latest.get(result.test, date.min):
            latest[result.test] = result.date
    return latest


def _in_lighter_week(today: date, lighter_weeks: Sequence[tuple[date, date]]) -> bool:
    return any(first <= today <= last for first, last in lighter_weeks)


def due(
    *,
    today: date,
    lighter_weeks: Sequence[tuple[date, date]],
    last: Mapping[str, date],
) -> tuple[SelfTest, ...]:
    """The tests to do today: never done (the baseline); last done three weeks or more ago
    and today is in a lighter week; or last done more than six weeks ago. An easier version
    done in a test's place counts as that test, and is never listed on its own."""
    lighter = _in_lighter_week(today, lighter_weeks)
    return tuple(
        test
        for test in SELF_TESTS
        if not test.instead_of and _is_due(_last_of(test, last), today, lighter)
    )


def _last_of(test: SelfTest, last: Mapping[str, date]) -> date | None:
    """The latest day the test, or an easier version in its place, was done."""
    days = [last[t.key] for t in SELF_TESTS if t.key in last and test.key in (t.key, t.instead_of)]
    return max(days, default=None)


def _is_due(done: date | None, today: date, lighter: bool) -> bool:
    if done is None:
        return True
    age = (today - done).days  # a result dated after today makes it negative: not due
    return age > RETEST_MAX_DAYS or (lighter and age >= RETEST_MIN_DAYS)
