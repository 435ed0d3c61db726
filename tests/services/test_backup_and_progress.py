"""Export -> import round trip, importer reports, and the progress report, on the fake."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from hipcoach.domain.errors import ConflictError
from hipcoach.domain.log import LogError, Measurement
from hipcoach.domain.muscle import Muscle
from hipcoach.services import backup, progress
from tests.services import simulation
from tests.services.fakes import FakeUnitOfWork

NOW = datetime(2026, 3, 1, tzinfo=UTC)
FIXTURES = Path(__file__).parents[1] / "formats" / "fixtures"


def trained() -> FakeUnitOfWork:
    uow = FakeUnitOfWork()
    simulation.run(uow)
    progress.add_measurement(
        uow=uow,
        user_id=simulation.USER,
        measurement=Measurement("meas-0001", date(2026, 1, 5), hip_cm=97.0),
    )
    return uow


def test_export_then_import_into_an_empty_store_reproduces_every_record() -> None:
    source = trained()
    document = backup.export_backup(uow=source, user_id=simulation.USER, now=NOW)
    target = FakeUnitOfWork()
    text = json.dumps(document)
    report = backup.import_text(uow=target, user_id=simulation.USER, text=text, now=NOW)
    assert report.sets == len(source.committed.sets) > 100
    assert target.committed.sets == source.committed.sets
    assert target.committed.sessions == source.committed.sessions
    assert target.committed.measurements == source.committed.measurements
    assert target.committed.plans == source.committed.plans
    again = backup.import_text(uow=target, user_id=simulation.USER, text=text, now=NOW)
    assert (again.sets, again.sessions, again.plans) == (0, 0, 0)


def test_a_backup_whose_set_was_changed_since_is_refused_whole_naming_it() -> None:
    source = trained()
    document = backup.export_backup(uow=source, user_id=simulation.USER, now=NOW)
    target = FakeUnitOfWork()
    backup.import_text(uow=target, user_id="u2", text=json.dumps(document), now=NOW)
    before = target.committed.copy()
    changed = document["sets"][-1]
    changed["pain"] = (changed["pain"] + 1) % 10
    document["sets"].append({**changed, "id": "set-new-000001"})  # would be new, if stored
    with pytest.raises(ConflictError, match=f"Set {changed['id']} already exists"):
        backup.import_text(uow=target, user_id="u2", text=json.dumps(document), now=NOW)
    assert target.committed.sets == before.sets  # all or nothing: the new set is not stored


def test_a_broken_backup_stores_nothing() -> None:
    document = backup.export_backup(uow=trained(), user_id=simulation.USER, now=NOW)
    document["sets"][-1]["pain"] = 42
    target = FakeUnitOfWork()
    with pytest.raises(LogError, match=r"sets\[\d+\]\.pain"):
        backup.import_text(uow=target, user_id="someone", text=json.dumps(document), now=NOW)
    assert not target.committed.sets
    assert not target.committed.users


def test_csv_export_has_a_row_per_set() -> None:
    uow = trained()
    text = backup.export_csv(uow=uow, user_id=simulation.USER)
    assert len(text.strip().splitlines()) == len(uow.committed.sets) + 1


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.csv")))
def test_strong_and_hevy_files_import_every_set_ours_or_their_own(name: str) -> None:
    uow = FakeUnitOfWork()
    text = (FIXTURES / name).read_text(encoding="utf-8-sig")
    report = backup.import_text(uow=uow, user_id="importer", text=text, now=NOW, unit="kg")
    assert report.sets == len(uow.committed.sets)
    assert report.own_sets == len(uow.committed.own_sets) == sum(report.own_exercises.values())
    assert report.sets + report.own_sets + len(report.skipped) > 0


def test_progress_report_counts_adherence_sets_trends_and_milestones() -> None:
    uow = trained()
    report = progress.progress_report(uow=uow, user_id=simulation.USER, today=date(2026, 3, 2))
    assert report.adherence.last_4 == 1.0  # every planned session was trained
    # The plan runs 8 weeks: its checkpoints are weeks 4 and 8, both reached.
    assert [(m.week, m.reached) for m in report.milestones] == [(4, True), (8, True)]
    assert report.weekly_sets
    assert all(week[Muscle.GLUTEUS_MEDIUS] > 0 for week in report.weekly_sets.values())
    trend = report.trends["side_lying_hip_abduction"]
    assert trend[0].rung < max(p.rung for p in trend)  # climbed the ladder
    assert "cannot change bone" in report.expectation
