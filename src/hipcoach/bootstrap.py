"""The composition root: Settings -> engine -> unit-of-work factory (-> Runtime for the server)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from sqlalchemy import Engine

from hipcoach.config import Settings, load_settings
from hipcoach.domain.rate_limit import SIGN_UP_CLIENT, RateLimit
from hipcoach.services.clock import Clock
from hipcoach.services.ports import UnitOfWork
from hipcoach.services.runtime import Runtime
from hipcoach.store import migrate
from hipcoach.store.engine import make_engine
from hipcoach.store.uow import SqlUnitOfWork


@dataclass(frozen=True, slots=True)
class App:
    """What the adapters need: the engine (to dispose of), a fresh unit of work per use and
    the clock."""

    settings: Settings
    engine: Engine
    uow: Callable[[], SqlUnitOfWork]
    clock: Clock


def build(settings: Settings | None = None, *, migrate_schema: bool = True) -> App:
    """Wire the app from settings (read from the environment when not given).

    With `migrate_schema` (the default) the database is created and migrated first, so the
    first use of a fresh install just works.
    """
    settings = settings or load_settings()
    if migrate_schema:
        engine = ensure_database(settings)
    else:
        _make_sqlite_folder(settings)
        engine = make_engine(settings.database_url)

    def unit_of_work() -> SqlUnitOfWork:
        return SqlUnitOfWork(engine)

    return App(settings=settings, engine=engine, uow=unit_of_work, clock=build_clock(settings))


def build_clock(settings: Settings) -> Clock:
    """The clock in the configured zone (HIPCOACH_TIMEZONE; unset: this machine's zone)."""
    return Clock(zone=settings.zone)


def build_runtime(settings: Settings | None = None) -> Runtime:
    """What the web server needs: a migrated database, the argon2id hasher, its switches."""
    from hipcoach.passwords import Argon2Hasher  # late: the CLI never hashes (50 ms of imports)

    app = build(settings)
    engine = app.engine

    def uow_no_wait() -> SqlUnitOfWork:
        return SqlUnitOfWork(engine, no_wait=True)

    return Runtime(
        uow=app.uow,
        # SQLite answers in-process in microseconds: worth trying without a thread hop.
        uow_no_wait=uow_no_wait if engine.dialect.name == "sqlite" else None,
        hasher=Argon2Hasher(),
        open_signup=app.settings.open_signup,
        secure_cookies=app.settings.secure_cookies,
        max_body_bytes=app.settings.max_body_bytes,
        clock=app.clock,
        sign_up_limit=sign_up_limit(app.settings.signups_per_hour),
    )


def sign_up_limit(per_hour: int) -> RateLimit | None:
    """HIPCOACH_SIGNUPS_PER_HOUR as the sign-up limit per client address (0: none)."""
    return replace(SIGN_UP_CLIENT, free=per_hour) if per_hour else None


def ensure_database(settings: Settings) -> Engine:
    """Create the SQLite folder if needed and migrate the schema to head; return the engine."""
    _make_sqlite_folder(settings)
    engine = make_engine(settings.database_url)
    migrate.upgrade(engine)
    return engine


def _make_sqlite_folder(settings: Settings) -> None:
    if settings.sqlite_path is not None:
        settings.sqlite_path.parent.mkdir(parents=True, exist_ok=True)


def as_unit_of_work(uow: SqlUnitOfWork) -> UnitOfWork:
    """The SQL unit of work seen through the services' port (mypy checks that it fits)."""
    return uow
