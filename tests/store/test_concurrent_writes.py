"""Writes at the same moment on real databases: each one lands or says it did not.

Threads release together from a barrier, each with its own unit of work on one engine, as the
server's thread pool runs requests. PostgreSQL runs them truly at once (READ COMMITTED);
SQLite queues writers on its gate, but reads made before a write still race.

Whether a write landed is read from an audit table filled by a trigger on every insert and
update of a set: an answer of success for a correction that stored nothing shows up as a
note missing from it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import TypeVar

import pytest
from sqlalchemy import Engine, select

from hipcoach.domain.errors import ConflictError, HipcoachError
from hipcoach.domain.log import LoggedSet
from hipcoach.services import logbook
from hipcoach.store import migrate
from hipcoach.store.tables import logged_set, training_session
from hipcoach.store.uow import SqlUnitOfWork
from tests.store.records import ALICE, DAY, a_session, a_set, a_user

THREADS = 6
ROUNDS = 8
WAIT_S = 30.0
T = TypeVar("T")

AUDIT = {
    "sqlite": [
        "CREATE TABLE set_audit (set_id TEXT, note TEXT)",
        "CREATE TRIGGER set_audit_insert AFTER INSERT ON logged_set"
        " BEGIN INSERT INTO set_audit VALUES (NEW.id, NEW.note); END",
        "CREATE TRIGGER set_audit_update AFTER UPDATE ON logged_set"
        " BEGIN INSERT INTO set_audit VALUES (NEW.id, NEW.note); END",
    ],
    "postgresql": [
        "CREATE TABLE set_audit (set_id TEXT, note TEXT)",
        "CREATE FUNCTION set_audit() RETURNS trigger LANGUAGE plpgsql AS"
        " $$ BEGIN INSERT INTO set_audit VALUES (NEW.id, NEW.note); RETURN NEW; END $$",
        "CREATE TRIGGER set_audit AFTER INSERT OR UPDATE ON logged_set"
        " FOR EACH ROW EXECUTE FUNCTION set_audit()",
    ],
}


@pytest.fixture
def live(empty_engine: Engine) -> Engine:
    """A fresh database at head with Alice in it and the set audit; committed for real."""
    migrate.upgrade(empty_engine)
    with empty_engine.begin() as connection:
        for statement in AUDIT[empty_engine.dialect.name]:
            connection.exec_driver_sql(statement)
    with SqlUnitOfWork(empty_engine) as work:
        work.users.add(a_user(ALICE))
        work.commit()
    return empty_engine


def _at_once(count: int, work: Callable[[int], T]) -> list[T | HipcoachError]:
    """`work(0)` .. `work(count - 1)` in threads released together; a HipcoachError raised
    is the answer given (a refusal), anything else fails the test."""
    barrier = threading.Barrier(count, timeout=WAIT_S)

    def run(number: int) -> T | HipcoachError:
        barrier.wait()
        try:
            return work(number)
        except HipcoachError as error:
            return error

    with ThreadPoolExecutor(count) as pool:
        return list(pool.map(run, range(count), timeout=WAIT_S))


def _audited_notes(engine: Engine, set_id: str) -> set[str]:
    with engine.connect() as connection:
        rows = connection.exec_driver_sql(
            f"SELECT note FROM set_audit WHERE set_id = '{set_id}'"  # a test's own literal
        )
        return {row.note for row in rows}


def test_corrections_of_one_set_sent_at_once_all_land_and_the_last_one_stays(
    live: Engine,
) -> None:
    engine = live
    logbook.create_session(uow=SqlUnitOfWork(engine), user_id=ALICE, session=a_session("day-0001"))
    original = a_set("set-0001", "day-0001", note="as logged")
    logbook.log_set(uow=SqlUnitOfWork(engine), user_id=ALICE, logged=original)

    for round_number in range(ROUNDS):

        def correct(number: int, round_number: int = round_number) -> LoggedSet:
            fixed = replace(original, reps=10 + number, note=f"round {round_number} #{number}")
            return logbook.replace_set(uow=SqlUnitOfWork(engine), user_id=ALICE, corrected=fixed)

        answers = _at_once(THREADS, correct)

        saved = [answer for answer in answers if isinstance(answer, LoggedSet)]
        refused = [answer for answer in answers if not isinstance(answer, LoggedSet)]
        assert refused == [], "nothing else changed the set: every correction must land"
        landed = _audited_notes(engine, "set-0001")
        missing = {answer.note for answer in saved} - landed
        assert missing == set(), f"answered as saved, yet never stored: {sorted(missing)}"
        stored = logbook.get_set(uow=SqlUnitOfWork(engine), user_id=ALICE, set_id="set-0001")
        assert stored in saved, "the stored set must be one of the corrections answered"


def test_a_correction_racing_the_sets_deletion_is_refused_never_reported_saved(
    live: Engine,
) -> None:
    engine = live
    logbook.create_session(uow=SqlUnitOfWork(engine), user_id=ALICE, session=a_session("day-0001"))
    for round_number in range(ROUNDS):
        original = a_set(f"set-{round_number:04d}", "day-0001", note="as logged")
        logbook.log_set(uow=SqlUnitOfWork(engine), user_id=ALICE, logged=original)

        def race(number: int, original: LoggedSet = original) -> LoggedSet | None:
            if number == 0:
                logbook.delete_set(uow=SqlUnitOfWork(engine), user_id=ALICE, set_id=original.id)
                return None
            fixed = replace(original, note=f"correction {number}")
            return logbook.replace_set(uow=SqlUnitOfWork(engine), user_id=ALICE, corrected=fixed)

        deletion, correction = _at_once(2, race)
        with engine.connect() as connection:
            left = connection.execute(
                select(logged_set.c.id).where(logged_set.c.id == original.id)
            ).all()
        if deletion is None:
            assert left == [], "the deletion was answered as done, yet the set is there"
        else:
            assert left != [], "the deletion was refused, yet the set is gone"
        if isinstance(correction, LoggedSet):  # it landed before the deletion
            assert correction.note in _audited_notes(engine, original.id)
        else:
            assert isinstance(correction, HipcoachError)


PEOPLE = 4


def test_sets_logged_at_once_into_a_new_day_start_one_session_for_its_plan_slot(
    live: Engine,
) -> None:
    engine = live
    people = [f"user-tapper-{n}" for n in range(PEOPLE)]
    with SqlUnitOfWork(engine) as work:
        for person in people:
            work.users.add(a_user(person))
        work.commit()

    def tap(number: int) -> LoggedSet:
        # As Today does: each tap found no session for the day, so each brings a new one.
        person = people[number % PEOPLE]
        day = a_session(f"day-{number:04d}", plan_week=1, plan_session=1)
        logged = a_set(f"set-{number:04d}", day.id, minute=number)
        stored, created = logbook.log_set(
            uow=SqlUnitOfWork(engine), user_id=person, logged=logged, session=day
        )
        assert created
        return stored

    answers = _at_once(PEOPLE * 3, tap)

    assert all(isinstance(answer, LoggedSet) for answer in answers), answers
    with engine.connect() as connection:
        for person in people:
            days = connection.execute(
                select(training_session.c.id).where(
                    training_session.c.user_id == person, training_session.c.date == DAY
                )
            ).scalars()
            [kept] = list(days)  # one session for the day, not one per tap
            in_it = connection.execute(
                select(logged_set.c.id).where(
                    logged_set.c.user_id == person, logged_set.c.session_id == kept
                )
            ).scalars()
            assert len(list(in_it)) == 3, "every tap's set is in the day's one session"


def test_a_second_session_for_a_taken_plan_slot_is_refused_naming_the_first(
    live: Engine,
) -> None:
    engine = live
    first = a_session("day-first", plan_week=2, plan_session=1, notes="first")
    second = a_session("day-second", plan_week=2, plan_session=1, notes="second")

    answers = _at_once(
        2,
        lambda number: logbook.create_session(
            uow=SqlUnitOfWork(engine), user_id=ALICE, session=(first, second)[number]
        ),
    )

    kept = [answer for answer in answers if not isinstance(answer, HipcoachError)]
    refused = [answer for answer in answers if isinstance(answer, HipcoachError)]
    assert len(kept) == 1, answers
    [(stored, created)] = kept
    assert created
    [error] = refused
    assert isinstance(error, ConflictError)
    assert stored.id in error.message
    # Another slot that day, and sessions outside the plan, are not limited.
    other = a_session("day-other", plan_week=2, plan_session=2)
    free = [a_session(f"day-free-{n}") for n in range(2)]
    for session in (other, *free):
        assert logbook.create_session(uow=SqlUnitOfWork(engine), user_id=ALICE, session=session)[1]
