"""`hipcoach selftest`: the self-tests with how to do them, and `hipcoach selftest log`,
`edit` and `delete` for their results."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from hipcoach.cli.errors import user_errors

if TYPE_CHECKING:
    from hipcoach.domain.log import Side

Opt = typer.Option

selftest_app = typer.Typer(
    help="Self-tests that show what training changed, re-tested in each lighter week.",
    invoke_without_command=True,
)


@selftest_app.callback()
@user_errors
def selftest(
    ctx: typer.Context,
    date: Annotated[str | None, Opt("--date", help="As of this day")] = None,
) -> None:
    """List the self-tests, how to do and read each, and which are due today."""
    if ctx.invoked_subcommand is not None:
        return
    from hipcoach.cli import context
    from hipcoach.cli.output import console
    from hipcoach.cli.selftest_view import self_tests_view
    from hipcoach.services import selftest as service

    found = service.status(
        uow=context.app().uow(), user_id=context.USER_ID, today=context.today(date)
    )
    console().print(self_tests_view(found))


@selftest_app.command("log")
@user_errors
def log(
    test: Annotated[str, typer.Argument(help="The test's key, e.g. side_bridge_hold")],
    left: Annotated[int | None, Opt(help="The left side's result, in the test's unit")] = None,
    right: Annotated[int | None, Opt(help="The right side's result")] = None,
    date: Annotated[str | None, Opt("--date", help="Day tested (default today)")] = None,
) -> None:
    """Record a self-test's result on each side (both are stored, or neither)."""
    from hipcoach.cli import context
    from hipcoach.cli.output import console
    from hipcoach.domain.log import LogError, Side
    from hipcoach.domain.selftest import NOT_SHAPE, SelfTestResult, self_test
    from hipcoach.services import selftest as service
    from hipcoach.services import training

    found = self_test(test)
    today = context.today()
    day = context.today(date) if date else today
    given = [(side, value) for side, value in ((Side.LEFT, left), (Side.RIGHT, right))]
    results = [
        SelfTestResult(training.new_id(), found.key, day, side, value)
        for side, value in given
        if value is not None
    ]
    if not results:
        raise LogError("Give the result of at least one side: --left N and/or --right N.")
    service.record_results(
        uow=context.app().uow(), user_id=context.USER_ID, results=results, today=today
    )
    sides = ", ".join(f"{r.side.value} {r.value}" for r in results)
    console().print(f"Saved {found.name} on {day.isoformat()}: {sides} {found.unit}. {NOT_SHAPE}")


@selftest_app.command("delete")
@user_errors
def delete(
    test: Annotated[str, typer.Argument(help="The test's key, e.g. side_bridge_hold")],
    date: Annotated[str, Opt("--date", help="The day of the result to delete")],
    side: Annotated[str | None, Opt(help="Only this side: left or right")] = None,
) -> None:
    """Delete a self-test result recorded by mistake (both sides unless --side)."""
    from hipcoach.cli import context
    from hipcoach.cli.output import console
    from hipcoach.domain.selftest import self_test
    from hipcoach.services import selftest as service

    found = self_test(test)
    gone = service.delete_on(
        uow=context.app().uow(),
        user_id=context.USER_ID,
        test=found.key,
        day=context.today(date),
        side=_side(side),
    )
    sides = ", ".join(f"{r.side.value} {r.value}" for r in gone)
    console().print(f"Deleted {found.name} on {gone[0].date.isoformat()}: {sides} {found.unit}.")


def _side(given: str | None) -> Side | None:
    """--side as typed: left, right, or not given (None)."""
    from hipcoach.domain.log import LogError, Side

    if given is None:
        return None
    if given not in (Side.LEFT.value, Side.RIGHT.value):
        raise LogError(f"--side must be left or right, not {given!r}.", field="side")
    return Side(given)


@selftest_app.command("edit")
@user_errors
def edit(
    test: Annotated[str, typer.Argument(help="The test's key, e.g. side_bridge_hold")],
    date: Annotated[str, Opt("--date", help="The day of the result to change")],
    side: Annotated[str | None, Opt(help="The side to change: left or right")] = None,
    value: Annotated[int | None, Opt(help="The correct value, in the test's unit")] = None,
    new_date: Annotated[str | None, Opt("--new-date", help="The day it was really done")] = None,
) -> None:
    """Correct a self-test result typed or dated wrong (--value needs --side when both sides
    were recorded; --new-date alone moves both). The test and the side stay as they are."""
    from hipcoach.cli import context
    from hipcoach.cli.output import console
    from hipcoach.domain.log import LogError
    from hipcoach.domain.selftest import self_test
    from hipcoach.services import selftest as service
    from hipcoach.services.planning import parse_date

    found = self_test(test)
    if value is None and new_date is None:
        raise LogError("Give what to change: --value N and/or --new-date YYYY-MM-DD.")
    changed = service.edit_on(
        uow=context.app().uow(),
        user_id=context.USER_ID,
        test=found.key,
        day=context.today(date),
        side=_side(side),
        value=value,
        new_day=parse_date(new_date, field="new_date") if new_date else None,
        today=context.today(),
    )
    sides = ", ".join(
        f"{a.side.value} {b.value} on {b.date.isoformat()} is now {a.value} on {a.date.isoformat()}"
        for b, a in changed
    )
    console().print(f"Changed {found.name} ({found.unit}): {sides}.")
