"""A printable Markdown plan: notes first, then one section per week."""

from __future__ import annotations

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


def plan_to_markdown(plan: Plan) -> str:
    """The whole plan as Markdown (one `##` section per week)."""
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
    for week in plan.weeks:
        suffix = " (lighter week)" if week.deload else ""
        lines += [f"## Week {week.number}{suffix}", ""]
        for session in week.sessions:
            lines += _session(session)
    return "\n".join(lines).rstrip() + "\n"
