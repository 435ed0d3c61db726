"""The terminal view of a plan: the notes, then the first weeks session by session."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from hipcoach.domain.plan import Plan
from hipcoach.domain.vocabulary import label, labels
from hipcoach.formats.plan_text import dose_text, item_title

WEEKS_SHOWN = 2


def plan_table(plan: Plan) -> RenderableType:
    """Notes, weekly sets against target, and the first weeks in full."""
    p = plan.profile
    header = (
        f"{label(p.level)} · goal {label(p.goal).lower()} · {labels(p.sorted_days)} · "
        f"{p.minutes} min · {p.weeks} weeks from {p.start.isoformat()}"
    )
    notes = "\n\n".join(
        f"[bold]{escape(n.kind.capitalize())}.[/bold] {escape(n.text)}" for n in plan.notes
    )
    parts: list[RenderableType] = [Panel(notes, title=f"Your plan: {header}", expand=False)]
    for week in plan.weeks[:WEEKS_SHOWN]:
        for session in week.sessions:
            table = Table(
                title=f"Week {week.number}{' (lighter)' if week.deload else ''} · "
                f"{label(session.weekday)} {session.date.isoformat()} · "
                f"~{session.estimated_minutes} min",
                expand=False,
            )
            table.add_column("block")
            table.add_column("exercise")
            table.add_column("prescription")
            for block in session.blocks:
                for item in block.items:
                    table.add_row(  # a plan's texts are text, never Rich markup
                        label(block.kind), escape(item_title(item)), escape(dose_text(item))
                    )
            parts.append(table)
    if len(plan.weeks) > WEEKS_SHOWN:
        parts.append(
            f"... {len(plan.weeks) - WEEKS_SHOWN} more weeks: use --format markdown, html, "
            "json or ics to see them all (each working move's 'why' is there too)."
        )
    return Group(*parts)
