"""Set-by-set logging: prompts prefilled from the prescription, or one set from flags."""

from __future__ import annotations

from datetime import date
from typing import Any

import typer

from hipcoach.cli import context
from hipcoach.cli.output import console
from hipcoach.domain.log import Effort, LoggedSet, Side
from hipcoach.services import logbook, training
from hipcoach.services.catalogue import parse_choice
from hipcoach.services.training import TodayItem


def _sides(item: TodayItem) -> list[Side]:
    return [Side.LEFT, Side.RIGHT] if item.planned.per_side else [Side.BOTH]


def _field(item: TodayItem) -> str:
    return item.planned.measure.value


def _prompt_set(item: TodayItem, number: int, side: Side, session_id: str) -> LoggedSet:
    nxt = item.for_side(side)
    assert nxt is not None
    label = f"{item.planned.name} set {number}" + ("" if side is Side.BOTH else f" ({side})")
    amount = typer.prompt(f"{label}: {_field(item).replace('_', ' ')}", default=nxt.aim, type=int)
    rir_default = item.planned.target_rir if item.planned.target_rir is not None else 2
    rir = typer.prompt("  reps in reserve", default=rir_default, type=int)
    pain = typer.prompt("  pain 0-10", default=0, type=int)
    return LoggedSet(
        id=training.new_id(),
        session_id=session_id,
        exercise=nxt.exercise,
        side=side,
        logged_at=context.now(),
        resistance_key=nxt.resistance_key,
        rir=rir,
        pain=pain,
        **{_field(item): amount},
    )


def log_interactively(*, day: date) -> None:
    """Walk through today's session; Enter accepts each prefilled answer."""
    app = context.app()
    view = training.todays_session(uow=app.uow(), user_id=context.USER_ID, today=day)
    if not view.is_today:
        console().print(f"No session planned on {day}; logging the next one ({view.session.date}).")
    session = training.session_for(
        uow=app.uow(), user_id=context.USER_ID, day=view.session.date, planned=view.session
    )
    stored = 0
    for item in view.items:
        if item.next is None or item.paused:
            continue
        console().print(f"\n[bold]{item.planned.name}[/bold]: {item.next.reason}")
        for number in range(1, max(s.sets for s in item.sides) + 1):
            for side in _sides(item):
                rx = item.for_side(side)
                if rx is None or rx.sets < number:
                    continue
                logged = _prompt_set(item, number, side, session.id)
                _, created = logbook.log_set(
                    uow=app.uow(), user_id=context.USER_ID, logged=logged, session=session
                )
                stored += created
    console().print(f"\nSaved {stored} sets. `hipcoach today` shows what changes next time.")


def log_one_set(flags: dict[str, Any], *, day: date) -> None:
    """Store a single set described by flags (with where it hurt, when given)."""
    from hipcoach.cli.pain_logging import pain_location

    area, pain_side = pain_location(flags)
    app = context.app()
    session = training.session_for(uow=app.uow(), user_id=context.USER_ID, day=day, planned=None)
    logged = LoggedSet(
        id=flags["set_id"] or training.new_id(),
        session_id=session.id,
        exercise=flags["exercise"],
        side=parse_choice("side", Side, flags["side"]),
        logged_at=context.now(),
        reps=flags["reps"],
        steps=flags["steps"],
        hold_seconds=flags["hold"],
        resistance_key=flags["resistance"] or "bodyweight",
        load_kg=flags["load_kg"],
        rir=flags["rir"],
        effort=parse_choice("effort", Effort, flags["effort"]) if flags["effort"] else None,
        pain=flags["pain"],
        pain_area=area,
        pain_side=pain_side,
        note=flags["note"],
    )
    # The same --id again: "already saved" when the values match, else a conflict (exit 2).
    _, created = logbook.log_set(
        uow=app.uow(), user_id=context.USER_ID, logged=logged, session=session
    )
    console().print("Set saved." if created else "That set was already saved (same id).")
