"""A self-contained printable HTML plan: one page per week when printed."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from hipcoach.domain.plan import Plan, Session, Week
from hipcoach.domain.vocabulary import label
from hipcoach.formats.plan_text import dose_text, item_title

_STYLE = """
body{font:16px/1.45 system-ui,sans-serif;max-width:48rem;margin:1rem auto;
padding:0 1rem;color:#1d1d1f}
h1{font-size:1.6rem}h2{border-bottom:2px solid #7a4a9e;padding-bottom:.2rem}
.note{background:#f5f0fa;border-left:4px solid #7a4a9e;padding:.5rem .8rem;margin:.5rem 0}
.why{color:#555;font-size:.9rem}ul{padding-left:1.2rem}
.figures{display:flex;flex-wrap:wrap;gap:1rem}.figures figure{margin:0;width:15rem}
.figures svg{width:100%;height:auto}.figures figcaption{font-size:.9rem}
@media (prefers-reduced-motion: reduce){.fig-motion{display:none}.fig-still{display:inline}}
@media print{.week{page-break-after:always;break-after:page}.week:last-child{page-break-after:auto}}
"""


def _session(session: Session) -> str:
    parts = [
        f"<h3>{escape(label(session.weekday))} {session.date.isoformat()} "
        f"<small>(about {session.estimated_minutes} min)</small></h3>"
    ]
    for block in session.blocks:
        parts.append(f"<h4>{escape(label(block.kind))}</h4><ul>")
        for item in block.items:
            why = (
                f'<div class="why">Why: {escape(item.why)}</div>'
                if block.kind.value == "working"
                else ""
            )
            title = escape(item_title(item))
            parts.append(f"<li><strong>{title}</strong>: {escape(dose_text(item))}{why}</li>")
        parts.append("</ul>")
    return "\n".join(parts)


def _week(week: Week) -> str:
    title = f"Week {week.number}" + (" (lighter week)" if week.deload else "")
    sessions = "\n".join(_session(s) for s in week.sessions)
    return f'<section class="week"><h2>{title}</h2>\n{sessions}\n</section>'


def _figures(figures: Sequence[tuple[str, str]]) -> str:
    if not figures:
        return ""
    cells = "\n".join(
        f"<figure>{svg}<figcaption>{escape(title)}</figcaption></figure>" for title, svg in figures
    )
    return (
        '<section class="week"><h2>How each move looks</h2>'
        f'<div class="figures">\n{cells}\n</div></section>'
    )


def plan_to_html(plan: Plan, *, figures: Sequence[tuple[str, str]] = ()) -> str:
    """The whole plan as one HTML document with print styles and no scripts; `figures` are
    (title, inline SVG) start/end frames of its moves, drawn by the caller."""
    notes = "\n".join(
        f'<div class="note"><strong>{escape(n.kind.capitalize())}.</strong> {escape(n.text)}</div>'
        for n in plan.notes
    )
    weeks = "\n".join(_week(w) for w in plan.weeks)
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>hipcoach plan</title><style>{_STYLE}</style></head><body>"
        f'<h1>Your hipcoach plan</h1><section class="week">{notes}</section>\n'
        f"{_figures(figures)}\n{weeks}\n"
        "</body></html>\n"
    )
