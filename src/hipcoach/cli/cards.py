"""Rich renderings of catalogue entries."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.text import Text

from hipcoach.domain.catalogue import Exercise
from hipcoach.domain.evidence import scoring_row
from hipcoach.domain.explain import placement_order
from hipcoach.domain.muscle import Muscle
from hipcoach.domain.vocabulary import label, labels


def _section(title: str, lines: list[str], *, numbered: bool = False) -> Text:
    text = Text(f"\n{title}\n", style="bold")
    for i, line in enumerate(lines, 1):
        text.append(f"  {i}. " if numbered else "  - ")
        text.append(f"{line}\n")
    return text


def _evidence(e: Exercise) -> RenderableType:
    if not e.has_emg_data:
        return Text(
            "\nEvidence\n  No EMG data: no checked study measured this move. It is chosen for "
            "its role and the sources that describe it, with lower confidence.\n",
        )
    # One entry per row rather than an eight-column table: it stays readable at 80 columns.
    text = Text("\nEvidence (%MVIC unless marked; each number with its label)\n", style="bold")
    for r in e.evidence:
        if r.pct_mvic_mean is None:
            value = "direction only"
        elif r.is_gta_index:
            value = f"GTA index {r.pct_mvic_mean:g}"
        else:
            sd = f" ± {r.pct_mvic_sd:g}" if r.pct_mvic_sd is not None else ""
            value = f"{r.pct_mvic_mean:g}%{sd}"
        text.append(f"  - {r.description} ({r.variant})\n")
        text.append(
            f"    {r.measure.replace('_', ' ')}: {value} · {label(r.method)} · "
            f"{label(r.load)} · {label(r.electrode)}\n"
        )
        text.append(f"    {r.study} · {label(r.verification)}\n", style="dim")
    ranked = scoring_row(e.evidence, Muscle.GLUTEUS_MEDIUS)
    text.append(
        f"  Ranked by: {ranked.description} ({ranked.study}), a mean figure. Peak and mean "
        "figures are never ranked against each other.\n"
        if ranked is not None
        else "  No comparable mean figure for gluteus medius: the move is ranked with lower "
        "confidence, and peak figures are shown but not ranked against means.\n"
    )
    return text


def exercise_card(e: Exercise) -> RenderableType:
    """The full card of an exercise, as the terminal shows it."""
    head = Text(f"{e.summary}\n", style="italic")
    head.append(f"\nRoles: {labels(e.roles)}   Equipment: {labels(e.equipment)}\n")
    head.append(f"Primary: {labels(e.primary)}   Secondary: {labels(e.secondary) or '-'}\n")
    ladder = " -> ".join(s.label for s in e.ladder()[:8])
    parts: list[RenderableType] = [
        head,
        _section("Setup", [e.setup]),
        _section("Steps", list(e.steps), numbered=True),
        _section("Form cues", list(e.cues)),
        _section("Common mistakes", list(e.mistakes)),
        _section("If it hurts", [e.if_it_hurts]),
        _section("Ladder (start low, climb as it gets easy)", [ladder]),
        *([_section("Band placement", [order])] if (order := placement_order(e)) else []),
        _section("Easier", [f"{v.name}: {v.how}" for v in e.easier]),
        _section("Harder", [f"{v.name}: {v.how}" for v in e.harder]),
        _evidence(e),
    ]
    return Panel(Group(*parts), title=f"{e.name} ({e.key})", expand=False)
