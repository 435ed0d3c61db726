"""Terminal renderings of progress: tables, bars of block characters and a calendar of days."""

from __future__ import annotations

from datetime import date

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table

from hipcoach.cli.selftest_view import results_table
from hipcoach.domain.catalogue import PainArea
from hipcoach.domain.log import LoggedSet, OwnDay, Side, TrainingSession
from hipcoach.domain.muscle import Muscle
from hipcoach.domain.progress import PainDay, TrendPoint, WeekAdherence
from hipcoach.domain.vocabulary import label, pain_place
from hipcoach.services.progress import ProgressReport

BAR = "█"
#: The calendar's days in words a terminal shows in any font: done, missed, extra, to come, rest.
DAY_MARKS = {"done": "x", "missed": "-", "extra": "+", "ahead": "o", "rest": "."}


def _bar(value: float, top: float, width: int = 20) -> str:
    filled = 0 if top <= 0 else round(width * min(value, top) / top)
    return BAR * filled + "·" * (width - filled)


def _days(week: WeekAdherence, today: date) -> str:
    marks = []
    for day in week.days:
        if day.done:
            marks.append(DAY_MARKS["done" if day.planned else "extra"])
        elif day.planned:
            marks.append(DAY_MARKS["ahead" if day.date >= today else "missed"])
        else:
            marks.append(DAY_MARKS["rest"])
    return " ".join(marks)


def _adherence(report: ProgressReport) -> Table:
    a = report.adherence
    ratios = [f"{r:.0%}" if r is not None else "-" for r in (a.last_4, a.last_12)]
    table = Table(
        title=f"Adherence: last 4 weeks {ratios[0]}, last 12 weeks {ratios[1]}",
        caption="Days: x done, - missed, + extra, o to come, . rest. "
        "A session counts once it holds a logged set.",
    )
    for column in ("week", "from", "days", "done / planned", ""):
        table.add_column(column)
    for week in a.weeks[-12:]:
        table.add_row(
            str(week.number),
            week.start.isoformat(),
            _days(week, report.today),
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


def _point(point: TrendPoint, unit: str) -> str:
    return f"{point.rung_label} x {point.best} {unit} ({point.date.isoformat()})"


def _trends(report: ProgressReport) -> Table:
    table = Table(title="Each move's challenge, side by side (resistance x best set)")
    for column in ("exercise", "side", "sessions", "first", "latest"):
        table.add_column(column)
    for move in report.moves:
        for side, points in move.sides.items():
            if points:
                table.add_row(
                    move.name,
                    label(side),
                    str(len(points)),
                    _point(points[0], move.unit),
                    _point(points[-1], move.unit),
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
    parts.append(results_table(report.self_tests))
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


def own_table(days: list[OwnDay]) -> RenderableType:
    """The person's own exercises (imported, not coached), newest day first."""
    table = Table(title="Your own exercises (imported; kept as logged, not coached)")
    for column in ("date", "exercise", "sets"):
        table.add_column(column)
    for day in days:
        table.add_row(day.day.isoformat(), day.exercise, day.summary)
    return table
