"""A crafted backup with two choices for one plan slot is refused whole, on SQLite and PostgreSQL.

Without the refusal the second choice would silently replace the first (a choice is stored
per plan and slot), so the import would keep only part of what the file says.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from hipcoach.bootstrap import build
from hipcoach.config import Settings
from hipcoach.services.runtime import Runtime
from tests.api.conftest import Person, error_of
from tests.postgres import drop_database, recreate_database, url_text

EXE = str(Path(sys.executable).parent / "hipcoach")
INIT = (
    *("init", "--no-input", "--name", "Ana", "--level", "beginner", "--goal", "muscle"),
    *("--equipment", "mini_band", "--days", "mon,thu", "--minutes", "30", "--start", "2026-01-05"),
)
LOG = (
    *("log", "--exercise", "clamshell", "--side", "left", "--resistance", "mini_band_light"),
    *("--date", "2026-01-05", "--reps", "12", "--pain", "1", "--id", "backup-set-01"),
)
TWICE = "choices[1].slot: 'clamshell' appears twice for its plan"


def hipcoach(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HIPCOACH_DATABASE_URL": url, "COLUMNS": "200"}
    return subprocess.run(
        [EXE, *args], capture_output=True, text=True, timeout=60, env=env, check=False
    )


@pytest.fixture(scope="module")
def backup_text(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A real backup from the command line: a plan, a swap of clamshell, one logged set."""
    folder = tmp_path_factory.mktemp("source")
    url = f"sqlite:///{folder / 'source.db'}"
    for args in (INIT, ("swap", "clamshell", "side_lying_hip_abduction"), LOG):
        done = hipcoach(url, *args)
        assert done.returncode == 0, done.stderr
    out = folder / "backup.json"
    assert hipcoach(url, "export", "--format", "json", "--output", str(out)).returncode == 0
    return out.read_text(encoding="utf-8")


def with_a_second_choice(text: str) -> str:
    """The backup with another move chosen for the same slot of the same plan."""
    document: dict[str, Any] = json.loads(text)
    [choice] = document["choices"]
    assert choice["slot"] == "clamshell"
    document["choices"].append({**choice, "exercise": "fire_hydrant"})
    return json.dumps(document)


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request: pytest.FixtureRequest, tmp_path: Path, worker_id: str) -> Iterator[str]:
    """An empty database the backup goes into."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'target.db'}"
        return
    name = f"hipcoach_choices_{worker_id}_{uuid.uuid4().hex[:8]}"
    yield url_text(recreate_database(name))
    drop_database(name)


def local_records(url: str) -> tuple[int, int, int, int]:
    """(plans, sessions, sets, choices) of the command line's user."""
    app = build(Settings(database_url=url))
    try:
        uow = app.uow()
        with uow:
            return (
                len(uow.plans.all("local-user")),
                len(uow.sessions.all("local-user")),
                len(uow.sets.all("local-user")),
                len(uow.choices.all("local-user")),
            )
    finally:
        app.engine.dispose()


def test_the_cli_refuses_two_choices_for_one_slot_and_stores_nothing(
    backup_text: str, target: str, tmp_path: Path
) -> None:
    crafted = tmp_path / "crafted.json"
    crafted.write_text(with_a_second_choice(backup_text), encoding="utf-8")
    done = hipcoach(target, "import", str(crafted))
    assert done.returncode == 2, done.stdout + done.stderr
    assert TWICE in done.stderr
    assert "Traceback" not in done.stderr
    assert local_records(target) == (0, 0, 0, 0)

    honest = tmp_path / "honest.json"
    honest.write_text(backup_text, encoding="utf-8")
    assert hipcoach(target, "import", str(honest)).returncode == 0
    assert local_records(target) == (1, 1, 1, 1)


def records_of(runtime: Runtime, user_id: str) -> tuple[int, int, int, int]:
    """(plans, sessions, sets, choices) of one account."""
    uow = runtime.uow()
    with uow:
        return (
            len(uow.plans.all(user_id)),
            len(uow.sessions.all(user_id)),
            len(uow.sets.all(user_id)),
            len(uow.choices.all(user_id)),
        )


def test_the_api_refuses_two_choices_for_one_slot_naming_the_field_and_stores_nothing(
    client: TestClient, runtime: Runtime, sign_up: Callable[[], Person], backup_text: str
) -> None:
    person = sign_up()  # onboarded: one plan of their own
    crafted = with_a_second_choice(backup_text)
    response = client.post("/api/v1/import", json={"text": crafted}, headers=person.headers)
    assert response.status_code == 400, response.text
    error = error_of(response)
    assert error["field"] == "choices[1].slot"
    assert TWICE in error["message"]
    assert records_of(runtime, person.user_id) == (1, 0, 0, 0)

    response = client.post("/api/v1/import", json={"text": backup_text}, headers=person.headers)
    assert response.status_code == 200, response.text
    assert records_of(runtime, person.user_id) == (2, 1, 1, 1)
