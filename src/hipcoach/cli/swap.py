"""`hipcoach swap`: do another move in a plan item's place, keep the plan's move, or undo."""

from __future__ import annotations

from typing import Annotated

import typer

from hipcoach.cli.errors import user_errors
from hipcoach.domain.errors import PlanRequestError


@user_errors
def swap(
    slot: Annotated[str, typer.Argument(help="The plan's exercise key, as `hipcoach today` shows")],
    exercise: Annotated[
        str | None, typer.Argument(help="The move to do in its place (omit: list the choices)")
    ] = None,
    keep: Annotated[
        bool, typer.Option("--keep", help="Do the plan's own move, even where the coach swaps it")
    ] = False,
    undo: Annotated[bool, typer.Option("--undo", help="Forget your choice: the coach decides")] = (
        False
    ),
    date: Annotated[str | None, typer.Option("--date", help="Day it is for, YYYY-MM-DD")] = None,
) -> None:
    """Swap a move of your plan for a suitable alternative (stored against the plan; Today,
    the web app and the API follow it), keep the plan's move, or undo your choice."""
    from hipcoach.cli import context
    from hipcoach.services import choices

    if sum((exercise is not None, keep, undo)) > 1:
        raise PlanRequestError("Give one of EXERCISE, --keep or --undo.", field="exercise")
    uow, user = context.app().uow(), context.USER_ID
    if undo:
        gone = choices.undo(uow=uow, user_id=user, slot=slot)
        typer.echo(f"{slot}: back to the coach's call." if gone else f"{slot}: no choice to undo.")
    elif keep:
        choices.keep(uow=uow, user_id=user, slot=slot, now=context.now())
        typer.echo(f"{slot}: you keep the plan's move.")
    elif exercise is not None:
        day, now = context.today(date), context.now()
        choices.choose(uow=uow, user_id=user, slot=slot, exercise=exercise, day=day, now=now)
        typer.echo(f"{slot}: {exercise} from now on (undo: hipcoach swap {slot} --undo).")
    else:
        found = choices.swap_options(uow=uow, user_id=user, slot=slot, day=context.today(date))
        typer.echo(f"Moves you can choose for {slot}: {', '.join(found) or 'none right now'}.")
