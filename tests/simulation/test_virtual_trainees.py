"""Virtual trainees train for months through the real services, and the coaching holds up.

Named trainees (the five kinds a coach meets, plus two who train for a year) train on a real
SQLite database. 500 seeded random trainees train on the in-memory fake of our own store port
(the same services, only faster); a sample of them trains on SQLite too, and their traces must
be identical. Every property is read off what a trainee saw on Today and did.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import timedelta

import pytest

from hipcoach.domain.equipment import Equipment
from hipcoach.domain.log import Side
from hipcoach.domain.pain import PAIN_FREE_DAYS
from hipcoach.domain.plan import BlockKind
from hipcoach.domain.profile import Level
from hipcoach.domain.progression import Action
from tests.services.fakes import FakeUnitOfWork
from tests.simulation.stories import KINDS, LONG, random_story
from tests.simulation.trainee import Entry, Story, Trace, Trainee, UnitOfWorkFactory, profile

RANDOM_TRAINEES = 500
CHUNKS = 10
BACKWARDS = {Action.STEP_BACK, Action.REGRESS, Action.RE_ENTRY, Action.VARY, Action.PAUSE}


def train(story: Story, make: UnitOfWorkFactory, user: str, weeks: int = 12) -> Trace:
    return Trainee(story, user).live(make, weeks)


def on_fake(story: Story, weeks: int = 12) -> Trace:
    fake = FakeUnitOfWork()
    return train(story, lambda: fake, "trainee", weeks)


def judged(entries: list[Entry]) -> list[Entry]:
    """Entries of full weeks that were done (not lighter, not paused)."""
    return [e for e in entries if not e.deload and not e.paused]


def climbing(entry: Entry) -> bool:
    """Building again: more reps, a step up, a harder move, or holding a ladder's top."""
    top = entry.action is Action.HOLD and "Top of the ladder" in entry.reason
    return top or entry.action in (Action.ADD, Action.STEP_UP, Action.HARDER)


# --- properties every trainee keeps -------------------------------------------------------


def check_always(trace: Trace) -> None:
    """Rules that hold for anyone, whatever happens to them."""
    for (exercise, side), entries in trace.series().items():
        for before, after in itertools.pairwise(entries):
            where = f"{trace.story.name}: {exercise} {side} on {after.day}"
            assert after.rung <= before.rung + 1, f"{where}: rose more than one rung"
            if before.pain > 3:
                assert after.rung <= before.rung, f"{where}: rose after pain {before.pain}"
        for e in entries:
            assert e.paused or e.sets >= 1
            assert e.aim >= 1, e
    for e in trace.entries:
        if e.block is BlockKind.ACTIVATION:
            assert e.action in (Action.ACTIVATE, Action.PAUSE), e


def check_clean_climber(trace: Trace) -> None:
    """Meeting every aim without pain or gaps: never backwards, and climbing."""
    story = trace.story
    if story.pain_week or story.away or story.attendance < 1:
        return
    for (exercise, side), entries in trace.series().items():
        done = judged(entries)
        if not done or not all(e.met for e in done):
            continue
        where = f"{story.name}: {exercise} {side}"
        assert not [e for e in done if e.action in BACKWARDS], where
        for before, after in itertools.pairwise(done):
            a, b = (before.rung, before.aim), (after.rung, after.aim)
            if after.action is Action.NEW_BLOCK:
                # A new range: one rung heavier or lighter at most, and the aim is on the new
                # range, so it is not compared with the old one.
                assert abs(b[0] - a[0]) <= 1, f"{where}: {a} -> {b} in a new block"
                continue
            assert b[0] > a[0] or (b[0] == a[0] and b[1] >= a[1]), f"{where}: {a} -> {b}"
        if len(done) >= 14:
            stepped = any(e.action is not Action.ADD and climbing(e) for e in done)
            assert stepped, f"{where}: no step up in {len(done)} sessions"


def check_staller(trace: Trace) -> None:
    """A stall is held and varied first; a step back only after missing an aim below the
    range, and each step back is re-earned or held, never a slide straight to the floor."""
    for (exercise, side), entries in trace.series().items():
        done = judged(entries)
        where = f"{trace.story.name}: {exercise} {side}"
        varied_below, rung, far = False, None, False
        for e in (e for e in entries if not e.paused):
            if e.action is Action.STEP_BACK and e.reason.startswith("Still short"):
                assert varied_below, f"{where}: stepped back on {e.day} without varying first"
            if e.action is Action.STEP_BACK and e.reason.startswith("The step above"):
                assert far, f"{where}: stepped back on {e.day}, not far below the range"
            can = [d + min(0, r - (e.target_rir - 1)) for d, r in zip(e.done, e.rirs, strict=True)]
            far = bool(can) and min(can) < 0.7 * e.low
            if e.rung != rung:
                varied_below, rung = False, e.rung
            if e.action is Action.VARY and e.aim < e.low:
                varied_below = True
        backs = [e for e in done if e.reason.startswith("Still short")]
        assert len(backs) <= 1 + len(done) // 8, f"{where}: {len(backs)} step backs"


def check_pain(trace: Trace) -> None:
    """Pain 7 pauses every move loading the area and refers; then a graded return."""
    story = trace.story
    if story.pain_week is None:
        return
    hurt = [e for e in trace.entries if e.pain >= 7]
    if not hurt:
        return
    day = hurt[0].day
    after = [e for e in trace.entries if e.day > day]
    within = [e for e in after if e.day < day + timedelta(days=PAIN_FREE_DAYS)]
    assert all(e.paused for e in within if e.block is not BlockKind.WARMUP), story.name
    assert any(d > day for d in trace.refer_days) or not within, story.name
    back = [e for e in after if e.day >= day + timedelta(days=PAIN_FREE_DAYS) and not e.paused]
    if story.away is None and after and after[-1].day >= day + timedelta(days=21):
        assert back, f"{story.name}: never came back after the pain"
        first: dict[tuple[str, Side], Entry] = {}
        for e in back:
            first.setdefault((e.exercise, e.side), e)
        returning = [e for e in first.values() if e.block is BlockKind.WORKING]
        assert all(
            e.action in (Action.RE_ENTRY, Action.START, Action.LIGHTER) for e in returning
        ), [(e.exercise, e.action) for e in returning]


def check_break(trace: Trace) -> None:
    """After weeks away: a graded return, then progress again within a few sessions."""
    story = trace.story
    if story.away is None or story.pain_week is not None:
        return
    days = sorted(set(trace.sessions))
    gaps = [(a, b) for a, b in itertools.pairwise(days) if (b - a).days > 27]
    for _, back in gaps:
        later = [e for e in trace.entries if e.day >= back and e.block is BlockKind.WORKING]
        first_day = [e for e in later if e.day == back]
        assert all(e.action in (Action.RE_ENTRY, Action.START) for e in first_day), [
            (e.exercise, e.action) for e in first_day
        ]
        assert back in trace.restarted, f"{story.name}: the calendar was not re-planned"
        for key in {(e.exercise, e.side) for e in first_day}:
            mine = [e for e in later if (e.exercise, e.side) == key][:5]
            if all(e.met for e in mine[:4]) and len(mine) == 5:
                assert any(climbing(e) for e in mine), mine


CHECKS: tuple[Callable[[Trace], None], ...] = (
    check_always,
    check_clean_climber,
    check_staller,
    check_pain,
    check_break,
)


def check_all(trace: Trace) -> None:
    for check in CHECKS:
        check(trace)


# --- the named trainees, on a real database ------------------------------------------------


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_kind_of_trainee_over_12_weeks_on_sqlite(kind: str, make: UnitOfWorkFactory) -> None:
    trace = train(KINDS[kind], make, f"kind-{kind}")
    check_all(trace)
    assert trace.sessions


def test_a_compliant_beginner_climbs_an_ankle_weight_ladder(
    make: UnitOfWorkFactory,
) -> None:
    # A beginner's moves are 12-20-rep isolation moves (the full side plank, 10-15 reps, waits
    # past the first block), so twelve weeks of two sessions earn one rung, never a step back.
    trace = train(KINDS["compliant"], make, "climber")
    climbs = {
        key: max(e.rung for e in entries) - entries[0].rung
        for key, entries in trace.series().items()
        if any("ankle weights" in e.resistance for e in entries)
    }
    assert climbs
    assert min(climbs.values()) >= 1, climbs
    assert not [e for e in trace.entries if e.action in BACKWARDS]


def test_a_staller_is_held_and_varied_not_sent_to_the_floor(make: UnitOfWorkFactory) -> None:
    trace = train(KINDS["staller"], make, "staller")
    actions = [e.action for e in trace.entries]
    assert Action.VARY in actions
    for entries in trace.series().values():
        assert min(e.rung for e in entries) >= entries[0].rung - 1
        assert entries[-1].rung >= entries[0].rung - 1


def test_pain_seven_pauses_the_hip_refers_and_comes_back(make: UnitOfWorkFactory) -> None:
    trace = train(KINDS["pain"], make, "hurt")
    hurt = next(e for e in trace.entries if e.pain >= 7)
    next_day = min(e.day for e in trace.entries if e.day > hurt.day)
    that_day = [e for e in trace.entries if e.day == next_day and e.block is not BlockKind.WARMUP]
    assert that_day
    assert all(e.paused for e in that_day)
    assert next_day in trace.refer_days
    assert all("physical therapist" in e.reason for e in that_day)
    back = [
        e
        for e in trace.entries
        if e.day >= hurt.day + timedelta(days=7) and not e.paused and e.block is BlockKind.WORKING
    ]
    assert back
    assert back[0].action is Action.RE_ENTRY


def test_after_five_weeks_away_the_calendar_restarts_and_the_return_is_graded(
    make: UnitOfWorkFactory,
) -> None:
    trace = train(KINDS["away"], make, "away")
    assert trace.restarted
    back = trace.restarted[0]
    first = [e for e in trace.entries if e.day == back and e.block is BlockKind.WORKING]
    assert first
    assert all(e.action is Action.RE_ENTRY for e in first)
    assert all(not e.deload for e in first)  # a restarted calendar begins with a full week


def test_a_weaker_side_gets_its_own_aims_and_the_gap_is_named(make: UnitOfWorkFactory) -> None:
    trace = train(KINDS["weak_side"], make, "weak")
    differ = 0
    for (exercise, side), lefts in trace.series().items():
        if side is not Side.LEFT:
            continue
        rights = trace.of(exercise, Side.RIGHT)
        differ += sum(
            (a.rung, a.aim) != (b.rung, b.aim) for a, b in zip(lefts, rights, strict=False)
        )
        best_left = max((e.rung, e.aim) for e in lefts)
        best_right = max((e.rung, e.aim) for e in rights)
        assert best_right <= best_left, exercise
    assert differ
    assert trace.gaps
    assert all("right side" in advice for _, _, advice in trace.gaps)
    assert "Do the right side first" in trace.gaps[0][2]


@pytest.mark.parametrize("kind", sorted(LONG))
def test_a_year_of_training_on_sqlite(kind: str, make: UnitOfWorkFactory) -> None:
    trace = train(LONG[kind], make, f"year-{kind}", weeks=52)
    check_all(trace)
    assert trace.most_steps_up() >= 3


# --- 500 random trainees ----------------------------------------------------------------


@pytest.mark.parametrize("chunk", range(CHUNKS))
def test_random_trainees_keep_every_coaching_property(chunk: int) -> None:
    per = RANDOM_TRAINEES // CHUNKS
    for seed in range(chunk * per, (chunk + 1) * per):
        check_all(on_fake(random_story(seed)))


def _shape(trace: Trace) -> list[tuple[object, ...]]:
    return [(e.day, e.exercise, e.side, e.action, e.sets, e.aim, e.rung) for e in trace.entries]


@pytest.mark.parametrize("seed", [3, 17, 42, 99, 256, 444])
def test_the_fake_store_and_sqlite_give_the_same_coaching(
    seed: int, make: UnitOfWorkFactory
) -> None:
    story = random_story(seed)
    assert _shape(train(story, make, f"same-{seed}")) == _shape(on_fake(story))


def test_the_committed_coaching_traces_are_what_the_engine_does() -> None:
    from tests.simulation import report

    assert report.OUT.read_text(encoding="utf-8") == report.render(), (
        "docs/coaching-traces.md is stale: run `make simulate` and read the diff"
    )


# --- a year of blocks -------------------------------------------------------------------


def test_a_year_of_blocks_alternates_heavier_and_usual_ranges_and_keeps_climbing() -> None:
    """An intermediate with dumbbells and a band trains a 52-week plan: every other block
    works a loaded move heavier (8-12 reps, one rung up) and the blocks between go back to
    10-15 (one rung down); one move rotates out in the changed blocks and comes back where it
    was; over the year the loaded move climbs several rungs."""
    story = Story(
        "Ida, a year of blocks",
        profile(
            level=Level.INTERMEDIATE,
            equipment=frozenset({Equipment.DUMBBELL, Equipment.MINI_BAND}),
            weeks=52,
        ),
    )
    trace = on_fake(story, 52)
    check_all(trace)
    lift = trace.of("step_up", Side.LEFT)
    blocks = [e for e in lift if e.action is Action.NEW_BLOCK]
    # Every block from the second on opens with the new range, first full session of it.
    assert [e.week for e in blocks] == list(range(5, 53, 4))
    for e in blocks:
        before = lift[lift.index(e) - 1]
        heavier = (e.week - 1) // 4 % 2 == 1
        assert e.low == (8 if heavier else 10), e
        assert ("one rung heavier" if heavier else "back to 10-15 reps") in e.reason, e
        stepped = before.action is Action.STEP_UP
        full = [x for x in lift[: lift.index(e)] if not x.deload][-1]
        expected = full.rung + (0 if stepped else 1) if heavier else max(full.rung - 1, 0)
        assert e.rung == expected, (full, e)
    first = max(e.rung for e in lift if e.week <= 4)
    last = max(e.rung for e in lift if e.week >= 49)
    assert last >= first + 3, (first, last)
    # The rotation: one move only in the changed blocks, the one it replaces only between.
    changed = {w for w in range(1, 53) if (w - 1) // 4 % 2 == 1}
    weeks_of = {
        key: {e.week for e in trace.entries if e.exercise == key}
        for key in ("single_leg_bridge", "lateral_step_up")
    }
    assert weeks_of["single_leg_bridge"]
    assert weeks_of["single_leg_bridge"] <= changed
    assert weeks_of["lateral_step_up"]
    assert not weeks_of["lateral_step_up"] & changed
    back = [e for e in trace.of("lateral_step_up", Side.LEFT) if e.week == 9]
    assert back
    assert back[0].action is not Action.START  # it resumes from its own history
