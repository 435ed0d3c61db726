"""The `hipcoach` command: registers each command group."""

from __future__ import annotations

import typer

from hipcoach.cli import (
    account,
    catalogue,
    data,
    db,
    learn,
    plan,
    progress,
    selftest,
    serve,
    swap,
    training,
    zone,
)

app = typer.Typer(
    name="hipcoach",
    help="An honest coach for the hip abductors (gluteus medius and minimus).",
    add_completion=False,
    no_args_is_help=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: Rich formatting alone costs ~0.4 s of start-up
)
app.command()(catalogue.exercises)
app.command()(catalogue.exercise)
app.command()(learn.learn)
app.command()(plan.plan)
app.add_typer(plan.schema_app, name="schema")
app.command()(training.init)
app.command()(training.today)
app.command()(training.log)
app.command()(swap.swap)
app.command()(progress.progress)
app.command()(progress.history)
app.command()(progress.measure)
app.add_typer(selftest.selftest_app, name="selftest")
app.command()(data.export)
app.command("import")(data.import_)
app.add_typer(db.db_app, name="db")
app.add_typer(account.account_app, name="account")
app.command()(serve.serve)
app.command("time-zone")(zone.time_zone)


@app.callback(invoke_without_command=True)
def overview(ctx: typer.Context) -> None:
    """Show the catalogue and how to get a plan when run with no command."""
    if ctx.invoked_subcommand is not None:
        return
    from hipcoach.cli.overview import show_overview

    show_overview()


def run() -> None:
    """Console-script entry point."""
    app()
