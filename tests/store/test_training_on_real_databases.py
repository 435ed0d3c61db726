"""The services end to end on real SQLite and PostgreSQL: the 8-week simulation and backups."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from hipcoach.domain.progression import Action
from hipcoach.services import backup
from tests.services import simulation
from tests.store.conftest import UnitOfWorkFactory

NOW = datetime(2026, 3, 2, tzinfo=UTC)


def test_the_eight_week_simulation_behaves_the_same_on_a_real_database(
    uow: UnitOfWorkFactory,
) -> None:
    trace = simulation.run(uow)
    actions = [n.action for n in trace.seen]
    assert actions[:3] == [Action.START, Action.ADD, Action.STEP_UP]
    assert (actions[4], actions[6], actions[7]) == (Action.HOLD, Action.LIGHTER, Action.PAUSE)
    assert actions[8] is Action.RE_ENTRY


def test_export_then_import_under_another_user_reproduces_every_row(
    uow: UnitOfWorkFactory,
) -> None:
    simulation.run(uow)
    document = backup.export_backup(uow=uow(), user_id=simulation.USER, now=NOW)
    report = backup.import_text(
        uow=uow(), user_id="restored-user", text=json.dumps(document), now=NOW
    )
    copy = backup.export_backup(uow=uow(), user_id="restored-user", now=NOW)
    assert report.sets == len(document["sets"]) > 100
    for key in ("plans", "sessions", "sets", "measurements"):
        mine = [{k: v for k, v in r.items() if k != "user_id"} for r in document[key]]
        theirs = [{k: v for k, v in r.items() if k != "user_id"} for r in copy[key]]
        assert mine == theirs, key
