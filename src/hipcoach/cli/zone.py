"""`hipcoach time-zone`: show or set the zone that decides today, weeks and streaks."""

from __future__ import annotations

from typing import Annotated

import typer

from hipcoach.cli.errors import user_errors


@user_errors
def time_zone(
    name: Annotated[
        str | None, typer.Argument(help="An IANA name such as Europe/Berlin; omit to show it")
    ] = None,
) -> None:
    """Show your time zone, or set it: "today", weeks and streaks are counted in it."""
    from hipcoach.cli import context
    from hipcoach.domain.errors import NotFoundError
    from hipcoach.services import accounts

    uow = context.app().uow
    if name is not None:
        try:
            accounts.set_time_zone(uow=uow(), user_id=context.USER_ID, time_zone=name)
        except NotFoundError:
            raise NotFoundError(
                "Make a plan first (hipcoach init), then set the time zone."
            ) from None
    chosen = accounts.time_zone(uow=uow(), user_id=context.USER_ID)
    where = chosen or "not set: HIPCOACH_TIMEZONE, or else this machine's zone, decides"
    typer.echo(f"Time zone: {where}. Today there is {context.today().isoformat()}.")
