"""`hipcoach db upgrade|current`."""

from __future__ import annotations

import typer

db_app = typer.Typer(help="Database schema: migrate or show the current revision.")


@db_app.command()
def upgrade() -> None:
    """Migrate the database to the newest schema (also done automatically on first use)."""
    from hipcoach.bootstrap import build
    from hipcoach.store import migrate

    app = build(migrate_schema=True)
    typer.echo(f"Database at revision {migrate.current(app.engine)} (head {migrate.head()}).")


@db_app.command()
def current() -> None:
    """Show the database's schema revision."""
    from hipcoach.bootstrap import build
    from hipcoach.store import migrate

    app = build(migrate_schema=False)
    revision = migrate.current(app.engine)
    state = "up to date" if revision == migrate.head() else f"behind head {migrate.head()}"
    typer.echo(f"{revision or 'empty (no schema yet)'}: {state}")
