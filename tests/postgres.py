"""The PostgreSQL test server (HIPCOACH_TEST_POSTGRES_URL): fresh databases, dropped after.

Unreachable, a test that needs it is skipped, unless HIPCOACH_REQUIRE_POSTGRES=1 (as in CI)
makes that a failure.
"""

from __future__ import annotations

import os

import pytest
from sqlalchemy import create_engine, make_url
from sqlalchemy.engine import URL
from sqlalchemy.exc import OperationalError

POSTGRES_URL = os.environ.get(
    "HIPCOACH_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


def _admin_sql(*statements: str) -> None:
    server = make_url(POSTGRES_URL)
    admin = create_engine(server, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 5})
    try:
        with admin.connect() as connection:
            for statement in statements:
                connection.exec_driver_sql(statement)
    finally:
        admin.dispose()


def recreate_database(name: str) -> URL:
    """A fresh, empty database `name` on the test server; skip (or fail in CI) when unreachable."""
    try:
        _admin_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"')
    except OperationalError as exc:
        reason = f"PostgreSQL at {make_url(POSTGRES_URL)!r} is unreachable: {exc.orig}"
        if os.environ.get("HIPCOACH_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"HIPCOACH_REQUIRE_POSTGRES=1 but {reason}", pytrace=False)
        pytest.skip(reason)
    return make_url(POSTGRES_URL).set(database=name)


def drop_database(name: str) -> None:
    _admin_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def url_text(url: URL) -> str:
    """The URL as hipcoach's settings take it (password kept)."""
    return url.render_as_string(hide_password=False)
