"""Schema migrations run from code: no alembic.ini is needed once hipcoach is installed."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from hipcoach.store.engine import make_engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# Doubled % because alembic's config values go through configparser interpolation.
FILE_TEMPLATE = "%%(year)d-%%(month).2d-%%(day).2d-%%(hour).2d%%(minute).2d_%%(slug)s"


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic's configuration for hipcoach; migrations run on `connection` when given."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("file_template", FILE_TEMPLATE)
    config.set_main_option("path_separator", "os")
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def upgrade(engine_or_url: Engine | str, revision: str = "head") -> None:
    """Bring the schema up to `revision` (the newest by default), in one transaction."""
    with _connection(engine_or_url) as connection:
        command.upgrade(alembic_config(connection), revision)


def downgrade(engine_or_url: Engine | str, revision: str) -> None:
    """Take the schema back to `revision` ("base" removes every table), in one transaction."""
    with _connection(engine_or_url) as connection:
        command.downgrade(alembic_config(connection), revision)


def current(engine_or_url: Engine | str) -> str | None:
    """The revision the database is at, or None before the first migration."""
    with _connection(engine_or_url) as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head() -> str:
    """The newest revision this version of hipcoach knows."""
    newest = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if newest is None:
        raise RuntimeError(f"no migrations found in {MIGRATIONS}")
    return newest


@contextmanager
def _connection(engine_or_url: Engine | str) -> Iterator[Connection]:
    engine = make_engine(engine_or_url) if isinstance(engine_or_url, str) else engine_or_url
    try:
        with engine.begin() as connection:
            yield connection
    finally:
        if engine is not engine_or_url:
            engine.dispose()
