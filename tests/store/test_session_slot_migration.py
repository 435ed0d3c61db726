"""The one-session-per-slot migration merges the duplicates the old race left, then holds."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine, insert, select
from sqlalchemy.exc import IntegrityError

from hipcoach.store import migrate
from hipcoach.store.tables import logged_set, training_session, user
from tests.store.records import MORNING

ONE_PER_SLOT = "a07165dcf0fd"
BEFORE = "9b3d5e1f2c03"
DAY = date(2026, 3, 5)


def _session(session_id: str, **values: object) -> dict[str, object]:
    row: dict[str, object] = {
        "user_id": "user-alice",
        "id": session_id,
        "date": DAY,
        "plan_week": 1,
        "plan_session": 2,
        "notes": "",
        "next_day_pain": None,
        "next_day_pain_area": None,
        "version": 1,
    }
    return row | values


def _set(set_id: str, session_id: str, minute: int) -> dict[str, object]:
    return {
        "user_id": "user-alice",
        "id": set_id,
        "session_id": session_id,
        "exercise": "clamshell",
        "side": "left",
        "logged_at": MORNING.replace(minute=minute),
        "reps": 12,
        "resistance_key": "bodyweight",
        "pain": 0,
        "note": "",
    }


def test_duplicate_sessions_of_a_slot_are_merged_into_the_first_with_every_set(
    empty_engine: Engine,
) -> None:
    migrate.upgrade(empty_engine, BEFORE)
    with empty_engine.begin() as connection:
        connection.execute(insert(user).values(id="user-alice", name="Alice", created_at=MORNING))
        connection.execute(
            insert(training_session),
            [
                # The tap that came second has the smaller id: "first" is by the sets.
                _session("session-a-second", notes="knees ok", version=3),
                _session("session-z-first", notes="felt strong"),
                _session("session-m-empty", next_day_pain=4, next_day_pain_area="hip"),
                _session("session-other-slot", plan_session=3),
                _session("session-unplanned-1", plan_week=None, plan_session=None),
                _session("session-unplanned-2", plan_week=None, plan_session=None),
            ],
        )
        connection.execute(
            insert(logged_set),
            [
                _set("set-00000001", "session-z-first", 0),
                _set("set-00000002", "session-a-second", 1),
                _set("set-00000003", "session-z-first", 2),
                _set("set-00000004", "session-other-slot", 3),
            ],
        )

    migrate.upgrade(empty_engine, ONE_PER_SLOT)

    with empty_engine.connect() as connection:
        sessions = {
            row.id: row
            for row in connection.execute(
                # the columns of this revision (later ones, such as rpe, are not there yet)
                select(*(c for c in training_session.c if c.name != "rpe")).order_by(
                    training_session.c.id
                )
            )
        }
        sets = dict(connection.execute(select(logged_set.c.id, logged_set.c.session_id)).all())
    assert set(sessions) == {
        "session-z-first",
        "session-other-slot",
        "session-unplanned-1",
        "session-unplanned-2",
    }
    kept = sessions["session-z-first"]
    assert kept.notes == "felt strong\n\nknees ok"
    assert (kept.next_day_pain, kept.next_day_pain_area) == (4, "hip")
    assert kept.version == 4, "above every merged version, so stale edits are refused"
    assert sets == {
        "set-00000001": "session-z-first",
        "set-00000002": "session-z-first",
        "set-00000003": "session-z-first",
        "set-00000004": "session-other-slot",
    }

    with pytest.raises(IntegrityError), empty_engine.begin() as connection:
        connection.execute(insert(training_session).values(_session("session-again")))

    migrate.downgrade(empty_engine, BEFORE)
    with empty_engine.begin() as connection:  # the index is gone; the merge stays
        connection.execute(insert(training_session).values(_session("session-again")))
    migrate.upgrade(empty_engine)
    with empty_engine.connect() as connection:
        ids = connection.execute(
            select(training_session.c.id).where(training_session.c.plan_session == 2)
        ).scalars()
        assert list(ids) == ["session-z-first"], "upgrading again merges again"
