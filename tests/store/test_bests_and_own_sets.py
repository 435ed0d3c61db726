"""All-time bests per move and rung, and sets of one's own exercises, on both databases."""

from __future__ import annotations

from datetime import timedelta

from hipcoach.domain.log import OwnSet
from tests.store.conftest import UnitOfWorkFactory
from tests.store.records import ALICE, BOB, DAY, MORNING, a_session, a_set


def test_bests_are_the_most_in_one_set_per_move_and_rung_before_a_day(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    long_ago, recent, today = DAY, DAY + timedelta(days=400), DAY + timedelta(days=401)
    with uow() as work:
        for number, day in enumerate((long_ago, recent, today)):
            work.sessions.add(ALICE, a_session(f"session-{number:02d}", day=day))
        work.sessions.add(BOB, a_session("session-00", day=long_ago))
        work.sets.add(ALICE, a_set("set-000001", "session-00", day=long_ago, reps=20))
        work.sets.add(ALICE, a_set("set-000002", "session-01", day=recent, reps=15))
        work.sets.add(
            ALICE,
            a_set(
                "set-000003",
                "session-01",
                day=recent,
                minute=2,
                reps=None,
                hold_seconds=40,
                exercise="side_bridge",
            ),
        )
        work.sets.add(
            ALICE,
            a_set(
                "set-000004",
                "session-01",
                day=recent,
                minute=3,
                reps=9,
                resistance_key="dumbbell_8kg",
                load_kg=8.0,
            ),
        )
        work.sets.add(ALICE, a_set("set-000005", "session-02", day=today, reps=30))
        work.sets.add(BOB, a_set("set-000001", "session-00", day=long_ago, reps=99))
        work.commit()
    with uow() as work:
        found = work.sets.bests(ALICE, {"glute_bridge", "side_bridge", "clamshell"}, today)
        assert found == {
            ("glute_bridge", "bodyweight"): 20,  # 400 days ago still counts; today's 30 does not
            ("glute_bridge", "dumbbell_8kg"): 9,
            ("side_bridge", "bodyweight"): 40,
        }
        assert work.sets.bests(ALICE, set(), today) == {}
        assert work.sets.bests(BOB, {"glute_bridge"}, today) == {("glute_bridge", "bodyweight"): 99}


def test_own_sets_are_stored_once_newest_first_and_only_for_their_person(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    bench = OwnSet("own-set-0001", "Bench Press (Barbell)", MORNING, reps=8, load_kg=60.0, rir=2)
    plank = OwnSet(
        "own-set-0002", "Plank", MORNING + timedelta(seconds=1), seconds=60, note="steady"
    )
    with uow() as work:
        assert work.own_sets.add_many(ALICE, [bench, plank]) == 2
        assert work.own_sets.add_many(ALICE, [bench]) == 0  # already stored: left as it is
        assert work.own_sets.add_many(BOB, [bench]) == 1  # ids are per person
        work.commit()
    with uow() as work:
        assert work.own_sets.recent(ALICE, 10) == [plank, bench]
        assert work.own_sets.recent(ALICE, 1) == [plank]
        assert list(work.own_sets.each(ALICE)) == [bench, plank]
        assert work.own_sets.recent(BOB, 10) == [bench]
