"""Terminal renderings of progress: tables plus bar charts made of block characters."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table

from hipcoach.domain.catalogue import PainArea
from hipcoach.domain.log import LoggedSet, Side, TrainingSession
from hipcoach.domain.muscle import Muscle
from hipcoach.domain.progress import PainDay
from hipcoach.domain.vocabulary import label, pain_place
from hipcoach.services.progress import ProgressReport

BAR = "█"
SPARK = "▁▂▃▄▅▆▇█"


def _bar(value: float, top: float, width: int = 20) -> str:
    filled = 0 if top <= 0 else round(width * min(value, top) / top)
    return BAR * filled + "·" * (width - filled)


def _spark(values: list[int]) -> str:
    if not values:
        return ""
    low, high = min(values), max(values)
    span = max(1, high - low)
    return "".join(SPARK[round((v - low) * (len(SPARK) - 1) / span)] for v in values)


def _adherence(report: ProgressReport) -> Table:
    a = report.adherence
    ratios = [f"{r:.0%}" if r is not None else "-" for r in (a.last_4, a.last_12)]
    table = Table(title=f"Adherence: last 4 weeks {ratios[0]}, last 12 weeks {ratios[1]}")
    for column in ("week", "from", "done / planned", ""):
        table.add_column(column)
    for week in a.weeks[-12:]:
        table.add_row(
            str(week.number),
            week.start.isoformat(),
            f"{week.done} / {week.planned}",
            _bar(week.done, max(week.planned, 1), 12),
        )
    return table


def _sets(report: ProgressReport) -> Table:
    table = Table(title="Weekly hard sets (gluteus medius; helpers count half)")
    for column in ("week of", "gluteus medius", "gluteus minimus", ""):
        table.add_column(column)
    for week, muscles in report.weekly_sets.items():
        gmed = muscles.get(Muscle.GLUTEUS_MEDIUS, 0.0)
        gmin = muscles.get(Muscle.GLUTEUS_MINIMUS, 0.0)
        table.add_row(week.isoformat(), f"{gmed:g}", f"{gmin:g}", _bar(gmed, 20.0))
    return table


def _trends(report: ProgressReport) -> Table:
    table = Table(title="Ladder and best set over time")
    for column in ("exercise", "sessions", "now at", "best sets trend"):
        table.add_column(column)
    for key, points in sorted(report.trends.items()):
        table.add_row(
            key, str(len(points)), points[-1].rung_label, _spark([p.best for p in points])
        )
    return table


def _out_of_ten(value: int | None) -> str:
    return "-" if value is None else f"{value}/10"


def _pain(days: tuple[PainDay, ...]) -> RenderableType:
    if not days:
        return "Pain over time: no pain logged in the last 12 weeks."
    table = Table(title="Pain over time (last 12 weeks)")
    for column in ("day", "worst", "during sets", "next morning", "where"):
        table.add_column(column)
    for day in days:
        places = ", ".join(pain_place(p.area, p.side) for p in day.places) or "not said"
        table.add_row(
            day.date.isoformat(),
            _out_of_ten(day.worst),
            _out_of_ten(day.during_sets),
            _out_of_ten(day.next_day),
            places,
        )
    return table


def _pain_text(pain: int, area: PainArea | None, side: Side | None) -> str:
    where = pain_place(area, side)
    return f"{pain} {where}" if where else str(pain)


def progress_view(report: ProgressReport) -> RenderableType:
    """The whole progress screen, honest notes first."""
    parts: list[RenderableType] = [Panel(report.expectation, title="Remember", expand=False)]
    parts += [_adherence(report), _sets(report), _trends(report), _pain(report.pain)]
    parts += [
        f"[bold red]Paused now: {p.where}[/bold red] ({p.why}), until "
        f"{p.end.isoformat()} at the earliest; then it comes back "
        "gradually. Please see a physical therapist."
        for p in report.paused
    ]
    for m in report.milestones:
        mark = "reached" if m.reached else "not yet"
        parts.append(
            f"[bold]Week {m.week} ({mark}, {m.sessions_done} sessions):[/bold] {m.message}"
        )
    if report.measurements:
        changes = ", ".join(f"{k} {v:+g}" for k, v in report.measurement_changes.items()) or "-"
        count = len(report.measurements)
        parts.append(f"Measurements ({count}): change {changes}. {report.measurement_note}")
    return Group(*parts)


def history_table(sessions: list[TrainingSession], sets: list[LoggedSet]) -> RenderableType:
    """Newest sessions first, each with its sets."""
    table = Table(title=f"Last {len(sessions)} sessions")
    for column in ("date", "exercise", "side", "done", "resistance", "RIR", "pain"):
        table.add_column(column)
    by_session: dict[str, list[LoggedSet]] = {}
    for logged in sets:
        by_session.setdefault(logged.session_id, []).append(logged)
    for session in sessions:
        for logged in by_session.get(session.id, []):
            rir = logged.reps_in_reserve
            table.add_row(
                session.date.isoformat(),
                logged.exercise,
                label(logged.side),
                str(logged.amount),
                logged.resistance_key,
                "-" if rir is None else str(rir),
                _pain_text(logged.pain, logged.pain_area, logged.pain_side),
            )
        if session.next_day_pain is not None:
            pain = session.next_day_pain
            where = (session.next_day_pain_area, session.next_day_pain_side)
            table.add_row(
                session.date.isoformat(), "(next morning)", "", "", "", "", _pain_text(pain, *where)
            )
    return table
