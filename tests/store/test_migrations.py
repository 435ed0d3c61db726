"""Migrations build exactly the schema tables.py declares, both ways, on both databases."""

from __future__ import annotations

import re
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, insert, inspect, select

from hipcoach.store import migrate
from hipcoach.store.tables import metadata, user
from tests.store.records import MORNING

INITIAL = "b5053fd8d601"
LOG_TABLES = {"user", "plan", "training_session", "logged_set", "measurement"}
ACCOUNT_TABLES = {"credential", "web_session", "api_token", "calendar_feed", "rate_limit"}
# A person's own swaps; the owner's invite and reset links; self-test results (2026-12-02)
TABLES = LOG_TABLES | ACCOUNT_TABLES | {"plan_choice", "access_link", "self_test_result"}
# Where a large import stages its sessions and sets before publishing them (2026-12-03)
TABLES |= {"staged_training_session", "staged_logged_set"}
# Sets of exercises of the person's own, kept from Strong/Hevy imports (2026-12-03)
TABLES |= {"own_set"}
# Planned moves left out of a session on purpose (2026-12-03)
TABLES |= {"skipped_move"}


def _tables(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names()) - {"alembic_version"}


def test_upgrade_downgrade_upgrade_runs_the_whole_chain_cleanly(empty_engine: Engine) -> None:
    assert migrate.current(empty_engine) is None
    migrate.upgrade(empty_engine)
    assert migrate.current(empty_engine) == migrate.head()
    assert _tables(empty_engine) == TABLES
    migrate.downgrade(empty_engine, "base")
    assert migrate.current(empty_engine) is None
    assert _tables(empty_engine) == set()
    migrate.upgrade(empty_engine)
    assert migrate.current(empty_engine) == migrate.head()
    assert _tables(empty_engine) == TABLES


def test_the_accounts_migration_adds_its_tables_to_a_database_with_data(
    empty_engine: Engine,
) -> None:
    migrate.upgrade(empty_engine, INITIAL)
    assert _tables(empty_engine) == LOG_TABLES
    with empty_engine.begin() as connection:
        connection.execute(insert(user).values(id="user-alice", name="Alice", created_at=MORNING))
    migrate.upgrade(empty_engine)
    assert _tables(empty_engine) == TABLES
    migrate.downgrade(empty_engine, INITIAL)
    assert migrate.current(empty_engine) == INITIAL
    assert _tables(empty_engine) == LOG_TABLES
    with empty_engine.connect() as connection:
        assert connection.execute(select(user.c.name)).scalars().all() == ["Alice"]


def test_upgrading_an_up_to_date_database_changes_nothing(engine: Engine) -> None:
    migrate.upgrade(engine)
    assert migrate.current(engine) == migrate.head()


def test_the_migrated_schema_matches_the_tables_exactly(connection: Connection) -> None:
    """What `alembic check` verifies: autogenerate finds nothing left to migrate."""
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    assert compare_metadata(context, metadata) == []


def test_the_migration_chain_is_one_line_of_dated_files() -> None:
    scripts = ScriptDirectory.from_config(migrate.alembic_config())
    assert scripts.get_heads() == [migrate.head()]
    assert scripts.get_bases() == [INITIAL]
    for revision in scripts.walk_revisions():
        assert revision.path is not None
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}-\d{4}_[a-z0-9_]+\.py", Path(revision.path).name)
