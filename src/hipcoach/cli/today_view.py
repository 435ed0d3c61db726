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
    return f"{text} @ {item.next.resistance_label}" if item.next else text


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
        table.add_row(label(item.block), item.planned.name, prescription_text(item), reason)
    footer = "Log it with: hipcoach log   (prefilled from these prescriptions)"
    return Group(Panel(view.expectation, title="Remember", expand=False), table, footer)
