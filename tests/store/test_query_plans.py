"""The exposures query reads sets through the (user_id, exercise, logged_at) index, never a scan."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import Connection, insert

from hipcoach.store.mapping import session_to_row, set_to_row, user_to_row
from hipcoach.store.repositories import exposures_query
from hipcoach.store.tables import logged_set, training_session, user
from tests.store.records import a_session, a_set, a_user

INDEX = "ix_logged_set_user_id_exercise_logged_at"
EXERCISES = ["glute_bridge", "clamshell", "fire_hydrant", "squat", "donkey_kick", "lateral_lunge"]


def _plan(connection: Connection) -> list[str]:
    query = exposures_query("user-0003", "clamshell", 3)
    sql = str(query.compile(connection, compile_kwargs={"literal_binds": True}))
    if connection.dialect.name == "sqlite":
        return [row[-1] for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}")]
    return [row[0] for row in connection.exec_driver_sql(f"EXPLAIN {sql}")]


def _seed_months_of_training(connection: Connection) -> None:
    """Ten people, forty sessions each, every exercise in every session: realistic statistics."""
    people = [f"user-{n:04d}" for n in range(10)]
    sessions, sets = [], []
    for person in people:
        for number in range(40):
            day = date(2026, 1, 1) + timedelta(days=number)
            session_id = f"session-{number:03d}"
            sessions.append(session_to_row(person, a_session(session_id, day=day)))
            for k, name in enumerate(EXERCISES):
                for n in range(3):
                    logged = a_set(
                        f"set-{number:03d}-{k}-{n}",
                        session_id,
                        exercise=name,
                        day=day,
                        minute=5 * k + n,
                    )
                    sets.append(set_to_row(person, logged))
    connection.execute(insert(user), [user_to_row(a_user(person)) for person in people])
    connection.execute(insert(training_session), sessions)
    connection.execute(insert(logged_set), sets)
    connection.exec_driver_sql("ANALYZE")


@pytest.mark.sqlite_only  # PostgreSQL plans an empty table by cost; see the next test
def test_sqlite_uses_the_exercise_index_even_before_it_has_statistics(
    connection: Connection,
) -> None:
    plan = _plan(connection)
    reads_of_sets = [step for step in plan if "logged_set" in step]
    assert reads_of_sets, plan
    assert all(INDEX in step for step in reads_of_sets), plan
    assert not any(step.startswith("SCAN") for step in plan), plan


def test_the_exposures_query_uses_the_exercise_index_on_a_realistic_log(
    connection: Connection,
) -> None:
    _seed_months_of_training(connection)
    plan = "\n".join(_plan(connection))
    assert INDEX in plan, plan
    assert "SCAN logged_set" not in plan, plan  # SQLite full scan
    assert "Seq Scan on logged_set" not in plan, plan  # PostgreSQL full scan
