"""The pain-location migration adds its columns to a log with data in it, and takes them away."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine, insert, inspect, select

from hipcoach.store import migrate
from hipcoach.store.tables import logged_set, training_session, user
from tests.store.records import MORNING

PAIN_LOCATION = "3f1a2b7c9d01"
BEFORE = "cd740d796745"
COLUMNS = {
    "logged_set": {"pain_area", "pain_side"},
    "training_session": {"next_day_pain_area", "next_day_pain_side"},
}


def _columns(engine: Engine, table: str) -> set[str]:
    return {column["name"] for column in inspect(engine).get_columns(table)}


def test_pain_location_columns_arrive_empty_on_old_rows_and_leave_the_rows_on_downgrade(
    empty_engine: Engine,
) -> None:
    migrate.upgrade(empty_engine, BEFORE)
    for table, added in COLUMNS.items():
        assert not added & _columns(empty_engine, table)
    with empty_engine.begin() as connection:
        connection.execute(insert(user).values(id="user-alice", name="Alice", created_at=MORNING))
        connection.exec_driver_sql(
            "INSERT INTO training_session (user_id, id, date, notes, next_day_pain, version)"
            " VALUES ('user-alice', 'session-01', '2026-03-05', '', 4, 1)"
        )
        connection.exec_driver_sql(
            "INSERT INTO logged_set (user_id, id, session_id, exercise, side, logged_at, reps,"
            " resistance_key, pain, note) VALUES ('user-alice', 'set-000001', 'session-01',"
            " 'clamshell', 'left', '2026-03-05 08:00:00', 12, 'bodyweight', 3, '')"
        )

    migrate.upgrade(empty_engine, PAIN_LOCATION)
    for table, added in COLUMNS.items():
        assert added <= _columns(empty_engine, table)
    with empty_engine.connect() as connection:
        old_set = connection.execute(select(logged_set.c.pain, logged_set.c.pain_area)).one()
        old_day = connection.execute(
            select(training_session.c.date, training_session.c.next_day_pain_area)
        ).one()
    assert tuple(old_set) == (3, None)
    assert tuple(old_day) == (date(2026, 3, 5), None)

    migrate.downgrade(empty_engine, BEFORE)
    for table, added in COLUMNS.items():
        assert not added & _columns(empty_engine, table)
    with empty_engine.connect() as connection:
        assert connection.execute(select(logged_set.c.id)).scalars().all() == ["set-000001"]
