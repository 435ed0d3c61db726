"""`hipcoach plan` and `hipcoach schema plan`."""

from __future__ import annotations

import io
import json
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from hipcoach.domain.plan import Plan

from hipcoach.cli.errors import user_errors


class Format(StrEnum):
    """Output formats of `hipcoach plan`."""

    TABLE = "table"
    JSON = "json"
    MARKDOWN = "markdown"
    HTML = "html"
    ICS = "ics"


def _next_monday() -> date:
    from hipcoach.cli import context

    today = context.today()
    return date.fromordinal(today.toordinal() + (7 - today.weekday()) % 7)


@user_errors
def plan(
    level: Annotated[str, typer.Option(help="beginner | intermediate | advanced")] = "beginner",
    goal: Annotated[str, typer.Option(help="muscle | strength | stability")] = "muscle",
    equipment: Annotated[str, typer.Option(help="Comma list: mini_band,ankle_weights,...")] = "",
    days: Annotated[str, typer.Option(help="Comma list of mon..sun (2-3 advised)")] = "mon,thu",
    minutes: Annotated[int, typer.Option(help="Minutes per session")] = 30,
    weeks: Annotated[int, typer.Option(help="Plan length in weeks")] = 12,
    start: Annotated[str | None, typer.Option(help="First day, YYYY-MM-DD (next Monday)")] = None,
    pain: Annotated[
        str,
        typer.Option(
            help="Comma list: knee,hip,low_back; add :left or :right when one side hurts (hip:left)"
        ),
    ] = "",
    avoid: Annotated[str, typer.Option(help="Comma list of exercise keys to leave out")] = "",
    weight_kg: Annotated[float | None, typer.Option(help="Body weight, for protein")] = None,
    age: Annotated[
        int | None, typer.Option(help="Years (optional): from 60, hard variants wait for base work")
    ] = None,
    seed: Annotated[int, typer.Option(help="Vary equally good choices")] = 0,
    fmt: Annotated[Format, typer.Option("--format", help="Output format")] = Format.TABLE,
    output: Annotated[Path | None, typer.Option(help="Write to this file")] = None,
    current: Annotated[
        bool, typer.Option("--current", help="Show your stored plan (from `hipcoach init`)")
    ] = False,
    restart: Annotated[
        bool,
        typer.Option(
            "--restart",
            help="After a break: start your stored plan's calendar again from today (or --start)",
        ),
    ] = False,
) -> None:
    """Generate a personal hip program for your days, time, equipment and pain."""
    from hipcoach.cli.output import console, emit
    from hipcoach.cli.plan_view import plan_table

    if restart:
        _restart(start)
        return
    if current:
        _show_stored(fmt, output)
        return
    from hipcoach.services.planning import build_profile, make_plan, parse_date, split_list

    profile = build_profile(
        level=level,
        goal=goal,
        days=split_list(days),
        minutes=minutes,
        weeks=weeks,
        start=parse_date(start) if start else _next_monday(),
        equipment=split_list(equipment),
        pain=split_list(pain),
        avoid=split_list(avoid),
        weight_kg=weight_kg,
        age=age,
        seed=seed,
    )
    generated = make_plan(profile=profile)
    if fmt is Format.TABLE and output is None:
        console().print(plan_table(generated))
        return
    text = _render(generated, fmt)
    emit(text, output, what=f"the {fmt.value} plan")


def _restart(start: str | None) -> None:
    """A new calendar for the stored answers from a day; the log is kept."""
    from hipcoach.cli import context
    from hipcoach.cli.output import console
    from hipcoach.services import planning, training

    day = planning.parse_date(start) if start else context.today()
    stored = training.restart_calendar(
        uow=context.app().uow(), user_id=context.USER_ID, day=day, now=context.now()
    )
    first = stored.plan.sessions()[0].date
    console().print(
        f"Your calendar starts again: first session {first.isoformat()}. Your log is kept; "
        "`hipcoach today` shows the first session."
    )


def _show_stored(fmt: Format, output: Path | None) -> None:
    """The plan `hipcoach init` stored, exactly as the web app and the API show it."""
    from hipcoach.cli import context
    from hipcoach.cli.output import console, emit
    from hipcoach.cli.plan_view import plan_table
    from hipcoach.services import planning, training

    uow, user = context.app().uow(), context.USER_ID
    stored = training.current_plan(uow=uow, user_id=user)
    now = planning.plan_as_prescribed(uow=uow, user_id=user, stored=stored, today=context.today())
    if fmt is Format.TABLE and output is None:
        console().print(plan_table(now))  # upcoming sessions as the coach prescribes them now
    elif fmt is Format.ICS:
        emit(planning.plan_calendar(stored, plan=now), output, what="the ics plan")
    else:
        emit(_render(stored.plan, fmt), output, what=f"the {fmt.value} plan")


def _render(generated: Plan, fmt: Format) -> str:
    from rich.console import Console

    from hipcoach.cli.plan_view import plan_table
    from hipcoach.domain.plan_document import plan_to_dict
    from hipcoach.formats.plan_html import plan_to_html
    from hipcoach.formats.plan_ics import plan_to_ics
    from hipcoach.formats.plan_markdown import plan_to_markdown
    from hipcoach.services.figures import plan_figures

    if fmt is Format.JSON:
        return json.dumps(plan_to_dict(generated), indent=2, ensure_ascii=False) + "\n"
    if fmt is Format.MARKDOWN:
        return plan_to_markdown(generated, figures=plan_figures(generated, inline=False))
    if fmt is Format.HTML:
        return plan_to_html(generated, figures=plan_figures(generated))
    if fmt is Format.ICS:
        return plan_to_ics(generated, generated_at=datetime.now(UTC))
    recorder = Console(record=True, width=100, file=io.StringIO())
    recorder.print(plan_table(generated))
    return recorder.export_text()


schema_app = typer.Typer(help="Print the JSON Schema of hipcoach documents.")


@schema_app.command("plan")
def schema_plan() -> None:
    """The JSON Schema of `hipcoach plan --format json`."""
    from hipcoach.cli.output import print_json
    from hipcoach.formats.plan_json import PLAN_SCHEMA

    print_json(PLAN_SCHEMA)
