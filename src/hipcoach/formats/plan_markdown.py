"""A printable Markdown plan: notes first, then one section per week."""

from __future__ import annotations

import base64
from collections.abc import Sequence

from hipcoach.domain.plan import BlockKind, Plan, Session
from hipcoach.domain.vocabulary import label, labels
from hipcoach.formats.plan_text import dose_text, item_title


def _session(session: Session) -> list[str]:
    lines = [
        f"### {label(session.weekday)} {session.date.isoformat()} "
        f"(about {session.estimated_minutes} min)",
        "",
    ]
    for block in session.blocks:
        lines.append(f"**{label(block.kind)}**")
        lines.append("")
        for item in block.items:
            lines.append(f"- {item_title(item)}: {dose_text(item)}")
            if block.kind is BlockKind.WORKING:
                lines.append(f"  - Why: {item.why}")
        lines.append("")
    return lines


def _figures(figures: Sequence[tuple[str, str]]) -> list[str]:
    """Each figure as an image whose address holds the SVG itself, so the file stays whole."""
    if not figures:
        return []
    lines = ["## How each move looks", ""]
    for title, svg in figures:
        data = base64.b64encode(svg.encode()).decode("ascii")
        alt = title.replace("[", "(").replace("]", ")")
        lines += [f"![{alt}: start and end](data:image/svg+xml;base64,{data})", ""]
    return lines


def plan_to_markdown(plan: Plan, *, figures: Sequence[tuple[str, str]] = ()) -> str:
    """The whole plan as Markdown (one `##` section per week); `figures` are (title, standalone
    SVG) start/end frames of its moves, drawn by the caller."""
    p = plan.profile
    lines = [
        "# Your hipcoach plan",
        "",
        f"{label(p.level)} · goal: {label(p.goal).lower()} · "
        f"{labels(p.sorted_days)} · {p.minutes} min · {p.weeks} weeks "
        f"from {p.start.isoformat()}",
        "",
    ]
    for note in plan.notes:
        lines += [f"> **{note.kind.capitalize()}.** {note.text}", ""]
    lines += _figures(figures)
    for week in plan.weeks:
        suffix = " (lighter week)" if week.deload else ""
        lines += [f"## Week {week.number}{suffix}", ""]
        for session in week.sessions:
            lines += _session(session)
    return "\n".join(lines).rstrip() + "\n"
