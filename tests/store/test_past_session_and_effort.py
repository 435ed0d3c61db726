"""A past session opened twice is one session, and a session's effort survives a backup round
trip, on real SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

from hipcoach.services import backup, logbook, training
from hipcoach.services.planning import build_profile
from tests.store.conftest import UnitOfWorkFactory

NOW = datetime(2026, 3, 20, 9, tzinfo=UTC)
START = date(2026, 3, 2)  # a Monday
USER = "user-noor"


def _start(uow: UnitOfWorkFactory) -> None:
    profile = build_profile(
        level="beginner",
        goal="muscle",
        days=["mon", "thu"],
        minutes=30,
        start=START,
        equipment=["mini_band"],
    )
    training.start_program(uow=uow(), user_id=USER, name="Noor", profile=profile, now=NOW)


def test_a_missed_day_opened_twice_with_two_ids_is_one_session_in_its_slot(
    uow: UnitOfWorkFactory,
) -> None:
    _start(uow)
    monday = START + timedelta(days=7)
    first, created = training.open_past_session(
        uow=uow(), user_id=USER, day=monday, today=NOW.date(), session_id="session-0001"
    )
    again, created_again = training.open_past_session(
        uow=uow(), user_id=USER, day=monday, today=NOW.date(), session_id="session-0002"
    )
    assert (created, created_again, again) == (True, False, first)
    assert (first.plan_week, first.plan_session) == (2, 1)
    free, _ = training.open_past_session(
        uow=uow(),
        user_id=USER,
        day=monday + timedelta(days=1),
        today=NOW.date(),
        session_id="session-0003",
    )
    assert (free.plan_week, free.plan_session) == (None, None)
    ids = [s.id for s in logbook.list_sessions(uow=uow(), user_id=USER, limit=10, offset=0)]
    assert ids == ["session-0003", "session-0001"]


def test_a_session_s_effort_goes_through_a_backup_and_back(uow: UnitOfWorkFactory) -> None:
    _start(uow)
    opened, _ = training.open_past_session(
        uow=uow(), user_id=USER, day=START, today=NOW.date(), session_id="session-0001"
    )
    logbook.update_session(
        uow=uow(), user_id=USER, session_id=opened.id, version=1, rpe=6, notes="steady"
    )
    document = backup.export_backup(uow=uow(), user_id=USER, now=NOW)
    assert document["sessions"][0]["rpe"] == 6
    backup.import_text(uow=uow(), user_id="user-copy", text=json.dumps(document), now=NOW)
    [copied] = logbook.list_sessions(uow=uow(), user_id="user-copy", limit=5, offset=0)
    assert (copied.rpe, copied.notes, copied.version) == (6, "steady", 2)
    assert "session_rpe" in backup.export_csv(uow=uow(), user_id=USER).splitlines()[0]
