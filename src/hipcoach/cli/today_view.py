"""The terminal view of today's session: each item with its prescription and reason."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table

from hipcoach.domain.vocabulary import label
from hipcoach.services.training import TodayItem, TodayView


def prescription_text(item: TodayItem) -> str:
    """'3 x 15 reps per side @ light mini band', or the plan's line for warm-ups."""
    text = item.prescription()
    shared = item.shared_resistance
    return f"{text} @ {shared}" if shared and not item.paused else text


def reason_text(item: TodayItem) -> str:
    """Why, per side when the sides differ, with the swap and a lasting side gap."""
    lines = [f"{side}: {why}" if side else why for side, why in item.reasons]
    if item.original is not None:
        lines.insert(0, f"In place of {item.original.name}: {item.because}")
    elif item.kept:
        lines.insert(0, "Your choice: the plan's own move, even where the coach would swap it.")
    if item.choice is not None:
        lines.append(f"Undo your choice: hipcoach swap {item.slot} --undo")
    if item.gap is not None:
        lines.append(item.gap.advice)
    text = "\n".join(lines)
    return f"[bold red]{text}[/bold red]" if item.paused else text


def today_panel(view: TodayView) -> RenderableType:
    """Header, the items table, and the reasons for each change."""
    when = "Today" if view.is_today else "Next session"
    session = view.session
    table = Table(
        title=f"{when}: {session.date.isoformat()} (week {session.week}, session {session.number}"
        + (", lighter week)" if session.deload else ")"),
        expand=False,
    )
    for column in ("block", "exercise", "do", "why this"):
        table.add_column(column)
    for item in view.items:
        table.add_row(
            label(item.block), item.planned.name, prescription_text(item), reason_text(item)
        )
    parts: list[RenderableType] = [Panel(view.expectation, title="Remember", expand=False)]
    for pause in view.pauses:
        parts.append(
            Panel(
                f"Paused for pain ({pause.where}) until {pause.end.isoformat()} at the earliest: "
                f"{pause.why}. Please see a physical "
                "therapist; moves that load it come back gradually once it settles.",
                title="Pain",
                style="red",
                expand=False,
            )
        )
    if view.offer_restart:
        parts.append(
            f"Welcome back after {view.days_away} days. To start the calendar again from "
            "today: hipcoach plan --restart"
        )
    footer = (
        "Log it with: hipcoach log   (prefilled from these prescriptions)\n"
        "Swap a move: hipcoach swap EXERCISE_KEY   (lists what may take its place)"
    )
    return Group(*parts, table, footer)
