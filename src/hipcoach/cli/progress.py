"""`hipcoach progress`, `hipcoach history` and `hipcoach measure`."""

from __future__ import annotations

from typing import Annotated

import typer

from hipcoach.cli.errors import user_errors

Opt = typer.Option


@user_errors
def progress(date: Annotated[str | None, Opt("--date", help="As of this day")] = None) -> None:
    """Adherence, weekly hard sets, ladder trends, milestones and measurements."""
    from hipcoach.cli import context
    from hipcoach.cli.output import console
    from hipcoach.cli.progress_view import progress_view
    from hipcoach.services import progress as service

    report = service.progress_report(
        uow=context.app().uow(), user_id=context.USER_ID, today=context.today(date)
    )
    console().print(progress_view(report))


@user_errors
def history(limit: Annotated[int, Opt(min=1, max=200, help="Sessions to show")] = 10) -> None:
    """Your latest sessions and every set in them."""
    from hipcoach.cli import context
    from hipcoach.cli.output import console
    from hipcoach.cli.progress_view import history_table, own_table
    from hipcoach.services import progress as service

    sessions, sets = service.recent_sessions(
        uow=context.app().uow(), user_id=context.USER_ID, limit=limit
    )
    console().print(history_table(sessions, sets))
    own = service.own_history(uow=context.app().uow(), user_id=context.USER_ID)
    if own:
        console().print(own_table(own))


@user_errors
def measure(
    hip_cm: Annotated[float | None, Opt(help="Hip circumference at the widest point")] = None,
    waist_cm: Annotated[float | None, Opt(help="Waist circumference")] = None,
    weight_kg: Annotated[float | None, Opt(help="Body weight")] = None,
    date: Annotated[str | None, Opt("--date", help="Day measured")] = None,
) -> None:
    """Record optional body measurements (shown with an honest note)."""
    from hipcoach.cli import context
    from hipcoach.cli.output import console
    from hipcoach.domain.log import Measurement
    from hipcoach.domain.progress import MEASUREMENT_NOTE
    from hipcoach.services import progress as service
    from hipcoach.services import training

    measurement = Measurement(training.new_id(), context.today(date), hip_cm, waist_cm, weight_kg)
    service.add_measurement(
        uow=context.app().uow(), user_id=context.USER_ID, measurement=measurement
    )
    console().print(f"Saved. {MEASUREMENT_NOTE}")
