"""Settings fail loudly on a bad database URL; the first use creates and migrates the database."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect

from hipcoach.bootstrap import build, build_runtime
from hipcoach.config import ConfigError, Settings, load_settings
from hipcoach.passwords import Argon2Hasher
from hipcoach.store import migrate
from hipcoach.store.engine import BUSY_TIMEOUT_MS
from tests.store.records import ALICE, a_credential, a_session, a_user


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
            assert pragma("PRAGMA busy_timeout").scalar() == BUSY_TIMEOUT_MS
            assert pragma("PRAGMA synchronous").scalar() == 1  # NORMAL
    finally:
        app.engine.dispose()


def test_a_bad_url_given_in_code_fails_the_same_way() -> None:
    with pytest.raises(ConfigError, match=r"uses .oracle://."):
        Settings(database_url="oracle://scott:tiger@db/hipcoach")


def test_the_server_switches_default_to_closed_signup_auto_cookies_and_2_mib_bodies(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("OPEN_SIGNUP", "SECURE_COOKIES", "MAX_BODY_BYTES"):
        monkeypatch.delenv(f"HIPCOACH_{name}", raising=False)
    settings = load_settings()
    assert settings.open_signup is False
    assert settings.secure_cookies is None
    assert settings.max_body_bytes == 2 * 1024 * 1024


@pytest.mark.parametrize(
    ("given", "expected"),
    [("1", True), ("true", True), ("false", False), ("0", False), ("auto", None), ("", None)],
)
def test_secure_cookies_can_be_forced_either_way_or_left_automatic(
    monkeypatch: pytest.MonkeyPatch, given: str, expected: bool | None
) -> None:
    monkeypatch.setenv("HIPCOACH_SECURE_COOKIES", given)
    assert load_settings().secure_cookies is expected


def test_the_server_switches_are_read_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HIPCOACH_OPEN_SIGNUP", "true")
    monkeypatch.setenv("HIPCOACH_MAX_BODY_BYTES", "65536")
    settings = load_settings()
    assert settings.open_signup is True
    assert settings.max_body_bytes == 65536


@pytest.mark.parametrize(
    ("name", "value"),
    [("OPEN_SIGNUP", "perhaps"), ("SECURE_COOKIES", "sometimes"), ("MAX_BODY_BYTES", "0")],
)
def test_a_bad_server_switch_stops_start_up_naming_the_variable(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str
) -> None:
    monkeypatch.setenv(f"HIPCOACH_{name}", value)
    with pytest.raises(ConfigError, match=f"HIPCOACH_{name}"):
        load_settings()


def test_the_runtime_carries_a_migrated_database_argon2_and_the_switches(tmp_path: Path) -> None:
    database = tmp_path / "hipcoach.db"
    settings = Settings(
        database_url=f"sqlite:///{database}",
        open_signup=True,
        secure_cookies=False,
        max_body_bytes=4096,
    )
    runtime = build_runtime(settings)
    assert isinstance(runtime.hasher, Argon2Hasher)
    assert (runtime.open_signup, runtime.secure_cookies, runtime.max_body_bytes) == (
        True,
        False,
        4096,
    )
    with runtime.uow() as work:
        work.users.add(a_user(ALICE))
        assert work.accounts.add(a_credential(ALICE, is_owner=True))
        work.commit()
    with runtime.uow() as work:
        assert work.accounts.count() == 1
    assert migrate.current(f"sqlite:///{database}") == migrate.head()
