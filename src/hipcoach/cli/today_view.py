"""The terminal view of today's session: each item with its prescription and reason."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table

from hipcoach.formats.plan_markdown import BLOCK_TITLES
from hipcoach.services.training import TodayItem, TodayView


def prescription_text(item: TodayItem) -> str:
    """'3 x aim 15 reps per side @ light mini band' or the plan's line for warm-ups."""
    data = item.planned.data
    nxt = item.next
    if nxt is None:
        for key, unit in (("reps", "reps"), ("hold_seconds", "s"), ("steps_per_side", "steps")):
            if key in data:
                low, high = data[key]
                return f"{low} {unit}" if low == high else f"{low}-{high} {unit}"
        return ""
    unit = "s" if "hold_seconds" in data else "steps" if "steps_per_side" in data else "reps"
    side = " per side" if data.get("per_side") else ""
    return f"{nxt.sets} x {nxt.aim} {unit}{side} @ {nxt.resistance_label}"


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
        reason = item.next.reason if item.next else ""
        if item.next and item.next.refer:
            reason = f"[bold red]{reason}[/bold red]"
        table.add_row(
            BLOCK_TITLES[item.planned.block], item.planned.name, prescription_text(item), reason
        )
    footer = "Log it with: hipcoach log   (prefilled from these prescriptions)"
    return Group(Panel(view.expectation, title="Remember", expand=False), table, footer)
