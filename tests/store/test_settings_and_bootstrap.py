"""Settings fail loudly on a bad database URL; the first use creates and migrates the database."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect

from hipcoach.bootstrap import build
from hipcoach.config import ConfigError, Settings, load_settings
from hipcoach.store import migrate
from tests.store.records import ALICE, a_session, a_user


def test_the_default_database_is_a_sqlite_file_in_the_user_data_folder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("HIPCOACH_DATABASE_URL", raising=False)
    settings = load_settings()
    assert settings.database_url.startswith("sqlite:///")
    assert settings.sqlite_path is not None
    assert settings.sqlite_path.name == "hipcoach.db"
    assert "hipcoach" in settings.sqlite_path.parent.name.lower()


def test_a_plain_postgresql_url_is_read_as_psycopg(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HIPCOACH_DATABASE_URL", "postgresql://coach@db.example/hipcoach")
    settings = load_settings()
    assert settings.database_url == "postgresql+psycopg://coach@db.example/hipcoach"
    assert settings.sqlite_path is None


@pytest.mark.parametrize(
    "url", ["mysql://root:secret@db/hipcoach", "postgresql+asyncpg://db/x", "hipcoach.db"]
)
def test_an_unsupported_database_url_stops_start_up_with_a_reason(
    monkeypatch: pytest.MonkeyPatch, url: str
) -> None:
    monkeypatch.setenv("HIPCOACH_DATABASE_URL", url)
    with pytest.raises(ConfigError, match="HIPCOACH_DATABASE_URL") as raised:
        load_settings()
    assert "secret" not in raised.value.message


def test_the_first_use_creates_the_folder_and_migrates_the_database(tmp_path: Path) -> None:
    database = tmp_path / "new" / "folder" / "hipcoach.db"
    app = build(Settings(database_url=f"sqlite:///{database}"))
    try:
        assert database.exists()
        assert migrate.current(app.engine) == migrate.head()
        assert "logged_set" in inspect(app.engine).get_table_names()
        with app.uow() as work:
            work.users.add(a_user(ALICE))
            work.sessions.add(ALICE, a_session("session-01"))
            work.commit()
    finally:
        app.engine.dispose()
    again = build(Settings(database_url=f"sqlite:///{database}"))
    try:
        with again.uow() as work:
            assert work.sessions.get(ALICE, "session-01") == a_session("session-01")
    finally:
        again.engine.dispose()


def test_sqlite_connections_use_wal_foreign_keys_and_a_busy_timeout(tmp_path: Path) -> None:
    app = build(Settings(database_url=f"sqlite:///{tmp_path / 'hipcoach.db'}"))
    try:
        with app.engine.connect() as connection:
            pragma = connection.exec_driver_sql
            assert pragma("PRAGMA journal_mode").scalar() == "wal"
            assert pragma("PRAGMA foreign_keys").scalar() == 1
            assert pragma("PRAGMA busy_timeout").scalar() == 5000
            assert pragma("PRAGMA synchronous").scalar() == 1  # NORMAL
    finally:
        app.engine.dispose()


def test_a_bad_url_given_in_code_fails_the_same_way() -> None:
    with pytest.raises(ConfigError, match=r"uses .oracle://."):
        Settings(database_url="oracle://scott:tiger@db/hipcoach")
