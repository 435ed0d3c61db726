"""Charts as SVG text: values over time, an adherence calendar and bars, each with its table.

Pure: values in, text out. The web page inlines the SVG, the API serves it as a file. Colours
come from classes (`chart-*`) that the page's style sheet fills from its custom properties, so
dark mode follows the page; a standalone chart carries a small style sheet of its own. Series
differ by marker shape and dash as well as colour. Every text is escaped.

Each chart comes with its data table, built from the very numbers it plots, so the table a
screen reader reads and the picture cannot disagree.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from html import escape

WIDTH = 340.0  # fits a 375 px phone screen at 1:1 with the page's margins
LEFT = 34.0
RIGHT = 8.0
PANEL_HEIGHT = 104.0
TITLE_GAP = 22.0
AXIS_GAP = 30.0
LEGEND_ROW = 16.0
FONT = 11.0
SMALL = 9.5
MAX_TICKS = 5
DODGE = 2.5  # x offset between series drawn over the same days
DAY_STEPS = (1, 2, 7, 14, 28, 56, 91, 182, 364, 728)
DASHES = ("", "5 3", "2 2")
NO_VALUE = "-"
STANDALONE_CSS = (
    ".chart{color:#1d1b22}.chart text{fill:#1d1b22}.chart .chart-tick{fill:#55505e}"
    ".chart-axis,.chart-grid{stroke:#d9d2e1}.chart-shade{fill:#f1e9f7}.chart-band{fill:#e8f5ec}"
    ".chart-s0{stroke:#6b3d8f;fill:#6b3d8f}.chart-s1{stroke:#1e6b3a;fill:#1e6b3a}"
    ".chart-s2{stroke:#8a3b00;fill:#8a3b00}.chart-open{fill:#ffffff}"
    ".chart-done{fill:#6b3d8f}.chart-extra{fill:#1e6b3a}"
    ".chart-missed,.chart-ahead{fill:none;stroke:#55505e}.chart-rest{fill:#d9d2e1}"
    ".chart-bar{fill:#6b3d8f}"
    "@media (prefers-color-scheme: dark){.chart{color:#ece8f1}.chart text{fill:#ece8f1}"
    ".chart .chart-tick{fill:#b9b2c4}.chart-axis,.chart-grid{stroke:#4a4552}"
    ".chart-shade{fill:#2e2536}.chart-band{fill:#1f3326}.chart-s0{stroke:#c9a2ea;fill:#c9a2ea}"
    ".chart-s1{stroke:#8fd6a6;fill:#8fd6a6}.chart-s2{stroke:#f3b27a;fill:#f3b27a}"
    ".chart-open{fill:#1d1b22}.chart-done,.chart-bar{fill:#c9a2ea}.chart-extra{fill:#8fd6a6}"
    ".chart-missed,.chart-ahead{stroke:#b9b2c4}.chart-rest{fill:#4a4552}}"
)


@dataclass(frozen=True, slots=True)
class Point:
    """One value on one day; `text` is how the table says it (the number and unit if empty)."""

    day: date
    value: float
    text: str = ""


@dataclass(frozen=True, slots=True)
class Series:
    """A named line of points, oldest first (e.g. the left side, or the hip measurement)."""

    name: str
    points: tuple[Point, ...]


@dataclass(frozen=True, slots=True)
class Panel:
    """One y axis of a time chart: its title (with the unit), its series, and optionally
    named levels (value i is `levels[i]`, as for ladder rungs) and a target band."""

    title: str
    unit: str
    series: tuple[Series, ...]
    levels: tuple[str, ...] = ()
    band: tuple[float, float] | None = None
    band_label: str = ""


@dataclass(frozen=True, slots=True)
class Span:
    """Days shaded on a time chart, first..last inclusive (a lighter week)."""

    first: date
    last: date


@dataclass(frozen=True, slots=True)
class Table:
    """The numbers of a chart as rows of text, for a screen reader (and anyone)."""

    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class Chart:
    """The drawing and the table of the same numbers."""

    svg: str
    table: Table


class Mark(StrEnum):
    """One day of the adherence calendar."""

    DONE = "done"  # planned and done
    MISSED = "missed"  # planned, past, not done
    EXTRA = "extra"  # done on a day the plan had none
    AHEAD = "ahead"  # planned, still to come
    REST = "rest"  # neither planned nor done


MARK_WORDS = {
    Mark.DONE: "done",
    Mark.MISSED: "missed",
    Mark.EXTRA: "extra session",
    Mark.AHEAD: "planned",
    Mark.REST: "rest",
}


@dataclass(frozen=True, slots=True)
class CalendarRow:
    """One week of the calendar: its label, first day and seven marks."""

    label: str
    start: date
    marks: tuple[Mark, ...]


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar: a label, its value and, optionally, the range it is measured against."""

    label: str
    value: float
    band: tuple[float, float] | None = None


def number(value: float) -> str:
    """A value as the chart writes it: at most one decimal, no trailing zeros."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _t(text: str) -> str:
    return escape(text, quote=True)


def _scale(low: float, high: float, *, whole: bool) -> tuple[float, float, float]:
    """A readable (low, high, step) covering the values: steps of 1, 2, 2.5 or 5 x 10^k
    (whole numbers only, for counts such as reps)."""
    if high < low:
        low, high = high, low
    span = high - low
    if span == 0:
        pad = 1.0 if low == 0 else max(1.0, abs(low) * 0.05)
        low, high, span = low - pad, high + pad, 2 * pad
    raw = span / (MAX_TICKS - 1)
    power = 10 ** math.floor(math.log10(raw))
    steps = (1, 2, 5, 10) if whole else (1, 2, 2.5, 5, 10)
    step = next(m * power for m in steps if m * power >= raw - 1e-12)
    if whole:
        step = max(1.0, round(step))
    return math.floor(low / step + 1e-9) * step, math.ceil(high / step - 1e-9) * step, step


def ticks(low: float, high: float, *, whole: bool = False) -> tuple[float, ...]:
    """The y ticks a chart of values low..high shows (every one labelled)."""
    first, last, step = _scale(low, high, whole=whole)
    count = round((last - first) / step)
    return tuple(round(first + i * step, 6) for i in range(count + 1))


def day_ticks(first: date, last: date) -> tuple[date, ...]:
    """At most `MAX_TICKS` dates, evenly spaced from `first`, the last not after `last`."""
    span = (last - first).days
    step = next((s for s in DAY_STEPS if span / s <= MAX_TICKS - 1), DAY_STEPS[-1])
    return tuple(first + timedelta(days=step * i) for i in range(span // step + 1))


def day_label(day: date, *, with_year: bool) -> str:
    """'5 Jan', or 'Jan 2026' on charts spanning more than about a year."""
    return f"{day:%b %Y}" if with_year else f"{day.day} {day:%b}"


def _document(body: str, *, height: float, title: str, desc: str, ident: str, sa: bool) -> str:
    style = f"<style>{STANDALONE_CSS}</style>" if sa else ""
    size = f'width="{number(WIDTH)}" height="{number(height)}" ' if sa else ""
    xmlns = 'xmlns="http://www.w3.org/2000/svg" ' if sa else ""
    return (
        f'<svg {xmlns}viewBox="0 0 {number(WIDTH)} {number(height)}" {size}class="chart" '
        f'role="img" aria-labelledby="{ident}-t {ident}-d" font-family="system-ui, sans-serif" '
        f'font-size="{number(FONT)}"><title id="{ident}-t">{_t(title)}</title>'
        f'<desc id="{ident}-d">{_t(desc)}</desc>{style}{body}</svg>'
    )


def _text(x: float, y: float, text: str, *, cls: str = "", anchor: str = "start") -> str:
    klass = f' class="{cls}"' if cls else ""
    size = f' font-size="{number(SMALL)}"' if cls == "chart-tick" else ""
    return (
        f'<text x="{number(x)}" y="{number(y)}" text-anchor="{anchor}"{klass}{size}>'
        f"{_t(text)}</text>"
    )


def _line(x1: float, y1: float, x2: float, y2: float, cls: str) -> str:
    return (
        f'<line class="{cls}" x1="{number(x1)}" y1="{number(y1)}" x2="{number(x2)}" '
        f'y2="{number(y2)}" stroke-width="1"/>'
    )


def _rect(x: float, y: float, w: float, h: float, cls: str, extra: str = "") -> str:
    return (
        f'<rect class="{cls}" x="{number(x)}" y="{number(y)}" width="{number(max(w, 0.0))}" '
        f'height="{number(max(h, 0.0))}"{extra}/>'
    )


def marker(index: int, x: float, y: float) -> str:
    """Series 0 is a dot, 1 a square, 2 a triangle: told apart without colour."""
    cls = f"chart-s{index % 3}"
    if index % 3 == 0:
        return f'<circle class="{cls}" cx="{number(x)}" cy="{number(y)}" r="3"/>'
    if index % 3 == 1:
        return _rect(x - 3, y - 3, 6, 6, cls)
    points = f"{number(x)},{number(y - 3.5)} {number(x + 3.5)},{number(y + 3)} "
    return f'<polygon class="{cls}" points="{points}{number(x - 3.5)},{number(y + 3)}"/>'


@dataclass(frozen=True, slots=True)
class _Days:
    """Maps days onto the plot's x axis."""

    first: date
    last: date
    left: float
    right: float

    def x(self, day: date) -> float:
        span = (self.last - self.first).days or 1
        return self.left + (self.right - self.left) * (day - self.first).days / span


def _days(panels: Sequence[Panel], shades: Sequence[Span]) -> _Days | None:
    every = [p.day for panel in panels for s in panel.series for p in s.points]
    if not every:
        return None
    first, last = min(every), max(every)
    if first == last:
        first, last = first - timedelta(days=3), last + timedelta(days=3)
    return _Days(first, last, LEFT, WIDTH - RIGHT)


def _range(panel: Panel) -> tuple[float, float]:
    values = [p.value for s in panel.series for p in s.points]
    if panel.levels:
        used = [round(v) for v in values] or [0]
        return max(0, min(used)), min(len(panel.levels) - 1, max(used) + 1)
    if panel.band is not None:
        values += list(panel.band)
    return (min(values), max(values)) if values else (0.0, 1.0)


def _panel(
    panel: Panel, days: _Days, top: float, shades: Sequence[Span], index: dict[str, int]
) -> str:
    """One panel: shading, band, grid and labels, then each series' line and markers."""
    bottom = top + PANEL_HEIGHT
    low, high = _range(panel)
    if panel.levels:
        y_ticks: tuple[float, ...] = tuple(float(i) for i in range(int(low), int(high) + 1))
        if len(y_ticks) == 1:
            low, high = low - 0.5, high + 0.5
        else:
            low, high = y_ticks[0] - 0.35, y_ticks[-1] + 0.35
    else:
        values = [p.value for s in panel.series for p in s.points]
        y_ticks = ticks(low, high, whole=all(v == int(v) for v in values))
        low, high = y_ticks[0], y_ticks[-1]

    def y(value: float) -> float:
        return bottom - (value - low) / ((high - low) or 1.0) * PANEL_HEIGHT

    parts = [_text(LEFT - 30, top - 8, panel.title)]
    for shade in shades:
        x1 = days.x(max(shade.first, days.first))
        x2 = days.x(min(shade.last + timedelta(days=1), days.last))
        if x2 > x1:
            parts.append(_rect(x1, top, x2 - x1, PANEL_HEIGHT, "chart-shade"))
    if panel.band is not None:
        b_low, b_high = panel.band
        y1, y2 = y(min(max(b_high, low), high)), y(min(max(b_low, low), high))
        parts.append(_rect(days.left, y1, days.right - days.left, y2 - y1, "chart-band"))
    for tick in y_ticks:
        parts.append(_line(days.left, y(tick), days.right, y(tick), "chart-grid"))
        if panel.levels:
            name = panel.levels[int(tick)]
            parts.append(_text(days.left + 2, y(tick) - 5, name, cls="chart-tick"))
        else:
            parts.append(_text(LEFT - 4, y(tick) + 3, number(tick), cls="chart-tick", anchor="end"))
    parts.append(_line(days.left, bottom, days.right, bottom, "chart-axis"))
    parts.append(_line(days.left, top, days.left, bottom, "chart-axis"))
    count = len(panel.series)
    for i, series in enumerate(panel.series):
        # Sides with the same values would hide each other: each series sits a little apart.
        dodge = (i - (count - 1) / 2) * DODGE
        parts.append(_series(index[series.name], series, days, y, dodge, steps=bool(panel.levels)))
    return "".join(parts)


def _series(
    index: int,
    series: Series,
    days: _Days,
    y: Callable[[float], float],
    dodge: float,
    *,
    steps: bool,
) -> str:
    xy = [(days.x(p.day) + dodge, y(p.value)) for p in series.points]
    if not xy:
        return ""
    path = [f"M{number(xy[0][0])} {number(xy[0][1])}"]
    for (_, y0), (x1, y1) in itertools.pairwise(xy):
        if steps:  # a rung holds until the next session changes it
            path.append(f"L{number(x1)} {number(y0)}")
        path.append(f"L{number(x1)} {number(y1)}")
    dash = DASHES[index % 3]
    dashed = f' stroke-dasharray="{dash}"' if dash else ""
    line = (
        f'<path class="chart-line chart-s{index % 3}" d="{" ".join(path)}" fill="none" '
        f'stroke-width="1.5"{dashed}/>'
        if len(xy) > 1
        else ""
    )
    return f'<g class="chart-series">{line}{"".join(marker(index, x, yy) for x, yy in xy)}</g>'


def _x_axis(days: _Days, bottom: float) -> str:
    with_year = (days.last - days.first).days > 400
    parts = []
    for tick in day_ticks(days.first, days.last):
        x = days.x(tick)
        parts.append(_line(x, bottom, x, bottom + 4, "chart-axis"))
        anchor = "start" if x < LEFT + 12 else "end" if x > WIDTH - RIGHT - 12 else "middle"
        parts.append(_text(x, bottom + 15, day_label(tick, with_year=with_year), anchor=anchor))
    return "".join(parts)


def _legend(entries: Sequence[tuple[str, str]], top: float) -> tuple[str, float]:
    """Legend entries (swatch SVG placed at 0,0; words) in rows across the width."""
    parts, x, y = [], LEFT - 30, top + 10
    for swatch, words in entries:
        width = 16 + 6.2 * len(words) + 12
        if x + width > WIDTH and x > LEFT - 30:
            x, y = LEFT - 30, y + LEGEND_ROW
        parts.append(f'<g transform="translate({number(x)} {number(y - 4)})">{swatch}</g>')
        parts.append(_text(x + 14, y, words))
        x += width
    return "".join(parts), y + 6 - top


def _names(panels: Sequence[Panel]) -> list[str]:
    """Every series name once, in order: one name keeps one marker across panels."""
    return list(dict.fromkeys(s.name for p in panels for s in p.series))


def _legend_entries(panels: Sequence[Panel], shades: Sequence[Span]) -> list[tuple[str, str]]:
    entries: list[tuple[str, str]] = []
    names = _names(panels)
    if len(names) > 1:
        entries += [(marker(i, 4, 0), name) for i, name in enumerate(names)]
    if shades:
        entries.append((_rect(-1, -5, 10, 10, "chart-shade"), "Lighter week"))
    for label in dict.fromkeys(p.band_label for p in panels if p.band is not None):
        entries.append((_rect(-1, -5, 10, 10, "chart-band"), label or "Target range"))
    return entries


def _cell(point: Point | None, unit: str) -> str:
    if point is None:
        return NO_VALUE
    return point.text or f"{number(point.value)} {unit}".strip()


def _time_table(
    caption: str, panels: Sequence[Panel], shades: Sequence[Span], date_column: str
) -> Table:
    columns = [date_column]
    lookups: list[tuple[dict[date, Point], str]] = []
    for panel in panels:
        for series in panel.series:
            alone = len(panel.series) == 1
            columns.append(panel.title if alone else f"{panel.title}, {series.name}")
            lookups.append(({p.day: p for p in series.points}, panel.unit))
    every = sorted({day for found, _ in lookups for day in found})
    if shades:
        columns.append("Lighter week")
    rows = []
    for day in every:
        row = [day.isoformat(), *(_cell(found.get(day), unit) for found, unit in lookups)]
        if shades:
            row.append("yes" if any(s.first <= day <= s.last for s in shades) else "no")
        rows.append(tuple(row))
    return Table(caption, tuple(columns), tuple(rows))


def time_chart(
    title: str,
    panels: Sequence[Panel],
    *,
    shades: Sequence[Span] = (),
    date_column: str = "Date",
    ident: str = "chart",
    standalone: bool = False,
) -> Chart:
    """Values over time: one panel per y axis, sharing the date axis, lighter weeks shaded."""
    table = _time_table(title, panels, shades, date_column)
    days = _days(panels, shades)
    if days is None:
        body = _text(LEFT - 30, 20, "Nothing logged yet.")
        empty = _document(
            body, height=32, title=title, desc="No values yet.", ident=ident, sa=standalone
        )
        return Chart(empty, table)
    parts, top = [], TITLE_GAP
    index = {name: i for i, name in enumerate(_names(panels))}
    for panel in panels:
        parts.append(_panel(panel, days, top, shades, index))
        top += PANEL_HEIGHT + TITLE_GAP
    bottom = top - TITLE_GAP
    parts.append(_x_axis(days, bottom))
    legend, used = _legend(_legend_entries(panels, shades), bottom + AXIS_GAP - 6)
    parts.append(legend)
    height = bottom + AXIS_GAP + (used if legend else 0)
    desc = (
        f"From {days.first.isoformat()} to {days.last.isoformat()}: "
        + "; ".join(p.title for p in panels)
        + ". The same numbers are in the table that follows."
    )
    svg = _document(
        "".join(parts), height=height, title=title, desc=desc, ident=ident, sa=standalone
    )
    return Chart(svg, table)


CAL_LABEL = 48.0
CAL_COUNT = 40.0
CAL_ROW = 26.0
CAL_BOX = 16.0


def _day_mark(mark: Mark, x: float, y: float) -> str:
    """A calendar day drawn by shape: filled square done, crossed square missed, filled dot
    extra, dashed square still to come, a small dot rest."""
    half = CAL_BOX / 2
    box = (x - half, y - half, CAL_BOX, CAL_BOX)
    if mark is Mark.DONE:
        return _rect(*box, "chart-done")
    if mark is Mark.MISSED:
        cross = _line(x - half, y - half, x + half, y + half, "chart-missed")
        return _rect(*box, "chart-missed", ' stroke-width="1.5"') + cross
    if mark is Mark.EXTRA:
        return _circle(x, y, half - 1, "chart-extra")
    if mark is Mark.AHEAD:
        return _rect(*box, "chart-ahead", ' stroke-width="1.5" stroke-dasharray="3 2"')
    return _circle(x, y, 2, "chart-rest")


def _circle(x: float, y: float, r: float, cls: str) -> str:
    return f'<circle class="{cls}" cx="{number(x)}" cy="{number(y)}" r="{number(r)}"/>'


def calendar_counts(row: CalendarRow) -> tuple[int, int]:
    """(planned, done) in one calendar week, as its table row and its right column say."""
    planned = sum(m in (Mark.DONE, Mark.MISSED, Mark.AHEAD) for m in row.marks)
    done = sum(m in (Mark.DONE, Mark.EXTRA) for m in row.marks)
    return planned, done


def _calendar_table(title: str, rows: Sequence[CalendarRow]) -> Table:
    lines = []
    for row in rows:
        planned, done = calendar_counts(row)
        days = ", ".join(
            f"{row.start + timedelta(days=i):%a} {(row.start + timedelta(days=i)).day} "
            f"{row.start + timedelta(days=i):%b} {MARK_WORDS[m]}"
            for i, m in enumerate(row.marks)
            if m is not Mark.REST
        )
        lines.append((row.label, row.start.isoformat(), str(planned), str(done), days or "rest"))
    return Table(title, ("Week", "Starts", "Planned", "Done", "Days"), tuple(lines))


def calendar_chart(
    title: str, rows: Sequence[CalendarRow], *, ident: str = "calendar", standalone: bool = False
) -> Chart:
    """Planned against done, one row a week and one column a day, newest week last."""
    table = _calendar_table(title, rows)
    column = (WIDTH - CAL_LABEL - CAL_COUNT) / 7
    parts = []
    if rows:
        for i in range(7):
            day = rows[0].start + timedelta(days=i)
            x = CAL_LABEL + column * (i + 0.5)
            parts.append(_text(x, 12, f"{day:%a}", cls="chart-tick", anchor="middle"))
        parts.append(_text(WIDTH - 2, 12, "done", cls="chart-tick", anchor="end"))
    for r, row in enumerate(rows):
        y = 20 + CAL_ROW * (r + 0.5)
        parts.append(_text(2, y + 4, row.label))
        for i, mark in enumerate(row.marks):
            parts.append(_day_mark(mark, CAL_LABEL + column * (i + 0.5), y))
        planned, done = calendar_counts(row)
        parts.append(_text(WIDTH - 2, y + 4, f"{done} of {planned}", anchor="end"))
    top = 20 + CAL_ROW * len(rows) + 4
    legend, used = _legend([(_small_mark(m), MARK_WORDS[m]) for m in Mark], top)
    parts.append(legend)
    first = rows[0].start.isoformat() if rows else ""
    desc = (
        f"{len(rows)} weeks from {first}: each planned day done, missed or still to come, and "
        "any extra session. The same numbers are in the table that follows."
        if rows
        else "No plan weeks yet."
    )
    svg = _document(
        "".join(parts), height=top + used, title=title, desc=desc, ident=ident, sa=standalone
    )
    return Chart(svg, table)


def _small_mark(mark: Mark) -> str:
    """A legend-sized calendar mark, centred on (4, 0)."""
    if mark is Mark.DONE:
        return _rect(-1, -5, 10, 10, "chart-done")
    if mark is Mark.MISSED:
        return _rect(-1, -5, 10, 10, "chart-missed", ' stroke-width="1.5"') + _line(
            -1, -5, 9, 5, "chart-missed"
        )
    if mark is Mark.EXTRA:
        return '<circle class="chart-extra" cx="4" cy="0" r="5"/>'
    if mark is Mark.AHEAD:
        return _rect(-1, -5, 10, 10, "chart-ahead", ' stroke-width="1.5" stroke-dasharray="3 2"')
    return '<circle class="chart-rest" cx="4" cy="0" r="2"/>'


BAR_ROW = 30.0


def bar_chart(
    title: str,
    bars: Sequence[Bar],
    *,
    unit: str,
    label_column: str,
    axis_title: str = "",
    band_label: str = "Target range",
    ident: str = "bars",
    standalone: bool = False,
) -> Chart:
    """Horizontal bars with a labelled value axis; a bar's band shades its target range."""
    rows = tuple(
        (
            bar.label,
            f"{number(bar.value)} {unit}",
            f"{number(bar.band[0])}-{number(bar.band[1])} {unit}" if bar.band else NO_VALUE,
        )
        for bar in bars
    )
    table = Table(title, (label_column, title, band_label), rows)
    top_value = max([1.0, *(b.value for b in bars), *(b.band[1] for b in bars if b.band)])
    x_ticks = ticks(0.0, top_value)
    left, right = 4.0, WIDTH - 24

    def x(value: float) -> float:
        return left + (right - left) * value / (x_ticks[-1] or 1.0)

    parts = []
    for i, bar in enumerate(bars):
        y = 14 + BAR_ROW * i
        parts.append(_text(left, y, bar.label))
        if bar.band is not None:
            parts.append(
                _rect(x(bar.band[0]), y + 3, x(bar.band[1]) - x(bar.band[0]), 13, "chart-band")
            )
        parts.append(_rect(left, y + 5, x(bar.value) - left, 9, "chart-bar"))
        parts.append(_text(x(bar.value) + 3, y + 13, number(bar.value), cls="chart-tick"))
    bottom = 14 + BAR_ROW * len(bars) - 8
    parts.append(_line(left, bottom, right, bottom, "chart-axis"))
    for tick in x_ticks:
        parts.append(_line(x(tick), bottom, x(tick), bottom + 4, "chart-axis"))
        parts.append(_text(x(tick), bottom + 15, number(tick), cls="chart-tick", anchor="middle"))
    parts.append(_text(left, bottom + 30, axis_title or unit))
    legend = ""
    used = 0.0
    if any(b.band for b in bars):
        legend, used = _legend([(_rect(-1, -5, 10, 10, "chart-band"), band_label)], bottom + 36)
    parts.append(legend)
    desc = f"{len(bars)} bars in {unit}. The same numbers are in the table that follows."
    height = bottom + 36 + used
    svg = _document(
        "".join(parts), height=height, title=title, desc=desc, ident=ident, sa=standalone
    )
    return Chart(svg, table)
