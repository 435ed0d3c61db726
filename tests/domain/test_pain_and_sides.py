"""Pain at the level of the person (what pauses, for how long) and gaps between sides."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hipcoach.content.loader import load_catalogue
from hipcoach.domain.catalogue import PainArea
from hipcoach.domain.equipment import Equipment
from hipcoach.domain.ladder import build_ladder
from hipcoach.domain.log import LoggedSet, Side
from hipcoach.domain.pain import PAIN_FREE_DAYS, PainReport, active, loads, pauses
from hipcoach.domain.progression import Exposure
from hipcoach.domain.sides import side_gap

DAY = date(2026, 3, 2)
CATALOGUE = load_catalogue()


def report(days: int, pain: int, area: PainArea | None = PainArea.HIP, **kw: object) -> PainReport:
    return PainReport(DAY + timedelta(days=days), pain, area, **kw)  # type: ignore[arg-type]


def test_every_move_loads_the_hip_and_the_areas_its_entry_names() -> None:
    assert loads(CATALOGUE.get("clamshell")) == {PainArea.HIP}
    assert PainArea.KNEE in loads(CATALOGUE.get("lateral_lunge"))
    assert PainArea.LOW_BACK in loads(CATALOGUE.get("side_plank_hip_abduction"))


def test_pain_seven_in_the_hip_pauses_every_hip_move_for_a_week() -> None:
    [pause] = pauses([report(0, 7, side=Side.LEFT, exercise="clamshell")], DAY)
    assert (pause.start, pause.end) == (DAY, DAY + timedelta(days=PAIN_FREE_DAYS))
    assert pause.where == "left hip"
    assert "7/10" in pause.why
    assert all(pause.covers(e) for e in CATALOGUE.exercises)
    assert active([pause], DAY + timedelta(days=6)) == (pause,)
    assert active([pause], DAY + timedelta(days=7)) == ()


def test_knee_pain_pauses_only_the_moves_loading_the_knee() -> None:
    [pause] = pauses([report(0, 8, PainArea.KNEE)], DAY)
    assert pause.where == "knee"
    assert pause.covers(CATALOGUE.get("lateral_lunge"))
    assert not pause.covers(CATALOGUE.get("clamshell"))


def test_pain_called_other_pauses_the_move_it_was_logged_on() -> None:
    [pause] = pauses([report(0, 7, PainArea.OTHER, exercise="clamshell")], DAY)
    assert pause.where == "this move"
    assert "in the move" in pause.why
    assert pause.covers(CATALOGUE.get("clamshell"))
    assert not pause.covers(CATALOGUE.get("side_lying_hip_abduction"))


def test_pain_during_a_move_with_no_area_counts_as_hip_pain() -> None:
    [pause] = pauses([report(0, 7, None, exercise="clamshell")], DAY)
    assert pause.where == "hip"
    assert all(pause.covers(e) for e in CATALOGUE.exercises)


def test_pain_that_keeps_coming_back_pauses_and_refers() -> None:
    found = pauses([report(0, 5), report(4, 4), report(9, 5)], DAY + timedelta(days=9))
    [pause] = found
    assert "on 3 days in 14" in pause.why
    assert pause.start == DAY + timedelta(days=9)
    spread = pauses([report(0, 5), report(10, 4), report(20, 5)], DAY + timedelta(days=20))
    assert spread == ()


def test_next_day_pain_with_no_area_is_shown_but_pauses_nothing() -> None:
    assert pauses([report(0, 9, None, next_day=True)], DAY) == ()


def test_rising_pain_pauses_and_further_bad_days_extend_the_pause() -> None:
    found = pauses([report(0, 2), report(3, 3), report(6, 5), report(9, 4)], DAY + timedelta(9))
    [pause] = found
    assert "risen three times" in pause.why
    assert "2 -> 3 -> 5" in pause.why
    assert pause.start == DAY + timedelta(days=6)
    assert pause.end == DAY + timedelta(days=9 + PAIN_FREE_DAYS)  # the 4/10 on day 9 extends it


def test_mild_pain_pauses_nothing_and_a_new_episode_is_a_new_pause() -> None:
    assert pauses([report(0, 3), report(2, 1), report(4, 0)], DAY + timedelta(4)) == ()
    two = pauses([report(0, 7), report(20, 8), report(40, 2)], DAY + timedelta(40))
    assert [p.start for p in two] == [DAY, DAY + timedelta(days=20)]


def test_reports_after_today_are_not_read_and_the_worst_of_a_day_counts() -> None:
    assert pauses([report(5, 9)], DAY) == ()
    [pause] = pauses([report(0, 2), report(0, 7)], DAY)
    assert "7/10" in pause.why


LADDER = build_ladder((Equipment.NONE, Equipment.ANKLE_WEIGHTS))


def side(days: int, reps: int, which: Side, rung: str = "bodyweight") -> Exposure:
    when = DAY + timedelta(days=days)
    at = datetime(when.year, when.month, when.day, tzinfo=UTC)
    sets = tuple(
        LoggedSet(
            f"s-{days}-{which}-{i}",
            f"x-{days}",
            "clamshell",
            which,
            at,
            reps=reps,
            resistance_key=rung,
        )
        for i in range(3)
    )
    return Exposure(when, sets)


def test_a_lasting_gap_between_sides_is_named_with_what_to_do() -> None:
    left = [side(d, 15, Side.LEFT) for d in (0, 3, 7)]
    right = [side(d, 11, Side.RIGHT) for d in (0, 3, 7)]
    gap = side_gap(left, right, LADDER)
    assert gap is not None
    assert (gap.weaker, gap.percent) == (Side.RIGHT, 27)
    assert "right side first" in gap.advice
    assert "extra set" in gap.advice


def test_a_rung_apart_is_a_step_behind() -> None:
    left = [side(d, 12, Side.LEFT, "ankle_0.5kg") for d in (0, 3, 7)]
    right = [side(d, 15, Side.RIGHT) for d in (0, 3, 7)]
    gap = side_gap(left, right, LADDER)
    assert gap is not None
    assert (gap.weaker, gap.percent) == (Side.RIGHT, None)
    assert "a step behind" in gap.advice


def test_a_small_short_or_changing_gap_is_not_named() -> None:
    left = [side(d, 15, Side.LEFT) for d in (0, 3, 7)]
    assert side_gap(left, [side(d, 14, Side.RIGHT) for d in (0, 3, 7)], LADDER) is None
    assert side_gap(left[:2], [side(d, 10, Side.RIGHT) for d in (0, 3)], LADDER) is None
    flipping = [side(0, 10, Side.RIGHT), side(3, 20, Side.RIGHT), side(7, 10, Side.RIGHT)]
    assert side_gap(left, flipping, LADDER) is None
    apart = [side(0, 15, Side.LEFT, "ankle_0.5kg"), *left[1:]]
    assert side_gap(apart, flipping, LADDER) is None
    zero = [Exposure(DAY + timedelta(days=d), ()) for d in (0, 3, 7)]
    assert side_gap(zero, zero, LADDER) is None


def test_a_pause_reaches_the_engine_as_a_window() -> None:
    [pause] = pauses([report(0, 7)], DAY)
    window = pause.window()
    assert (window.start, window.end, window.why) == (pause.start, pause.end, pause.why)
