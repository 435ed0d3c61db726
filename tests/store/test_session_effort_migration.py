"""The session-effort migration adds its column to a log with data in it, and takes it away."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine, inspect, select
from sqlalchemy.exc import IntegrityError

from hipcoach.store import migrate
from hipcoach.store.tables import training_session

SESSION_EFFORT = "e2b4c6d8f015"
BEFORE = "c5f7a9d3e204"


def _columns(engine: Engine) -> set[str]:
    return {column["name"] for column in inspect(engine).get_columns("training_session")}


def test_the_effort_column_arrives_empty_on_old_sessions_and_leaves_them_on_downgrade(
    empty_engine: Engine,
) -> None:
    migrate.upgrade(empty_engine, BEFORE)
    assert "rpe" not in _columns(empty_engine)
    with empty_engine.begin() as connection:
        connection.exec_driver_sql(
            'INSERT INTO "user" (id, name, created_at)'
            " VALUES ('user-alice', 'Alice', '2026-03-05 08:00:00')"
        )
        connection.exec_driver_sql(
            "INSERT INTO training_session (user_id, id, date, notes, next_day_pain, version)"
            " VALUES ('user-alice', 'session-01', '2026-03-05', 'felt fine', 2, 1)"
        )

    migrate.upgrade(empty_engine, SESSION_EFFORT)
    assert "rpe" in _columns(empty_engine)
    with empty_engine.connect() as connection:
        old = connection.execute(
            select(training_session.c.date, training_session.c.notes, training_session.c.rpe)
        ).one()
    assert tuple(old) == (date(2026, 3, 5), "felt fine", None)
    with pytest.raises(IntegrityError), empty_engine.begin() as connection:
        connection.exec_driver_sql("UPDATE training_session SET rpe = 11")
    with empty_engine.begin() as connection:
        connection.exec_driver_sql("UPDATE training_session SET rpe = 6")

    migrate.downgrade(empty_engine, BEFORE)
    assert "rpe" not in _columns(empty_engine)
    with empty_engine.connect() as connection:
        notes = connection.exec_driver_sql("SELECT notes FROM training_session").scalars().all()
    assert notes == ["felt fine"]
