"""The progress charts on the page: the shared drawing code's SVG, inlined, with its table.

The SVG is drawn by `hipcoach.figures.chart` (through the progress service, as the API draws
it); it carries no inline style, only classes that app.css colours from its custom properties,
so dark mode follows the page. Each chart's table holds the numbers it plots, for screen
readers and anyone who prefers them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import partial

from markupsafe import Markup

from hipcoach.figures.chart import Chart, Table
from hipcoach.services.progress import (
    ChartUnits,
    ProgressReport,
    adherence_chart,
    challenge_chart,
    measurements_chart,
    muscles_chart,
    self_tests_chart,
    weekly_sets_chart,
)
from hipcoach.web.units import cm_to_length, format_load_label, kg_to_lb


@dataclass(frozen=True, slots=True)
class ChartView:
    """A chart ready for the template: its SVG (escaped by the drawing code) and its table."""

    ident: str
    svg: Markup
    table: Table


def _view(ident: str, chart: Chart) -> ChartView:
    return ChartView(ident, Markup(chart.svg), chart.table)  # texts escaped when drawn


def chart_units(units: str) -> ChartUnits:
    """Loads, body weight and tape lengths in the person's units (lb goes with inches)."""
    if units == "lb":
        inches = partial(cm_to_length, units="lb")
        return ChartUnits(partial(format_load_label, units="lb"), "lb", kg_to_lb, "in", inches)
    return ChartUnits()


@dataclass(frozen=True, slots=True)
class ProgressCharts:
    """Every chart of the progress page."""

    adherence: ChartView
    weekly_sets: ChartView
    muscles: ChartView
    moves: dict[str, ChartView]
    measurements: ChartView | None
    self_tests: ChartView | None = None


def progress_charts(report: ProgressReport, *, today: date, units: str) -> ProgressCharts:
    """The page's charts, drawn from the report."""
    read = chart_units(units)
    moves = {
        move.key: _view(
            f"challenge-{move.key}",
            challenge_chart(report, move, units=read, ident=f"challenge-{move.key}"),
        )
        for move in report.moves
    }
    measurements = (
        _view("measurements-chart", measurements_chart(report, units=read, ident="m-chart"))
        if report.measurements
        else None
    )
    self_tests = (
        _view("self-tests-chart", self_tests_chart(report, ident="st-chart"))
        if report.self_tests
        else None
    )
    return ProgressCharts(
        adherence=_view("adherence-chart", adherence_chart(report, today=today, ident="a-chart")),
        weekly_sets=_view("weekly-sets-chart", weekly_sets_chart(report, ident="w-chart")),
        muscles=_view("muscles-chart", muscles_chart(report, ident="mu-chart")),
        moves=moves,
        measurements=measurements,
        self_tests=self_tests,
    )
