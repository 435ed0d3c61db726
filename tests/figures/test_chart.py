"""The chart drawing code: axes, ticks, dates, units, shading, tables, escaping."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, timedelta

import pytest

from hipcoach.figures.chart import (
    Bar,
    CalendarRow,
    Mark,
    Panel,
    Point,
    Series,
    Span,
    bar_chart,
    calendar_chart,
    day_ticks,
    number,
    ticks,
    time_chart,
)

MONDAY = date(2026, 1, 5)
NS = "{http://www.w3.org/2000/svg}"


def _tree(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def _tag(element: ET.Element) -> str:
    return element.tag.removeprefix(NS)


def _texts(root: ET.Element) -> list[str]:
    return [e.text or "" for e in root.iter() if _tag(e) == "text"]


def _of_class(root: ET.Element, cls: str) -> list[ET.Element]:
    return [e for e in root.iter() if cls in (e.get("class") or "").split()]


def _reps(name: str, values: list[int], *, every: int = 3) -> Series:
    return Series(
        name,
        tuple(Point(MONDAY + timedelta(days=every * i), v) for i, v in enumerate(values)),
    )


def test_a_time_chart_has_titled_axes_with_units_dates_and_labelled_ticks() -> None:
    panel = Panel("Best set (reps)", "reps", (_reps("Left", [10, 12, 15, 14, 18]),))
    chart = time_chart("Clamshell", [panel])
    root = _tree(chart.svg)
    texts = _texts(root)
    assert "Best set (reps)" in texts
    assert [t for t in texts if t in {"10", "12", "14", "16", "18"}]  # y ticks, whole reps
    assert "5 Jan" in texts  # the first day, labelled on the date axis
    assert all(" Jan" in t for t in texts if t.endswith("Jan"))
    assert len(_of_class(root, "chart-axis")) >= 2  # x and y axis lines
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "chart-t chart-d"
    assert [e.text for e in root if _tag(e) == "title"] == ["Clamshell"]


def test_y_ticks_cover_the_values_in_whole_steps_for_counts() -> None:
    assert ticks(10, 18, whole=True) == (10, 12, 14, 16, 18)
    assert ticks(14, 15, whole=True) == (14, 15)
    assert all(t == int(t) for t in ticks(13, 14, whole=True))
    assert ticks(96.0, 97.1)[0] <= 96.0
    assert ticks(96.0, 97.1)[-1] >= 97.1
    assert ticks(5, 5, whole=True) == (4, 5, 6)  # a flat series still gets an axis around it


def test_date_ticks_are_at_most_five_and_stay_inside_the_span() -> None:
    for days in (0, 1, 6, 30, 90, 400, 2000):
        found = day_ticks(MONDAY, MONDAY + timedelta(days=days))
        assert 1 <= len(found) <= 5
        assert found[0] == MONDAY
        assert found[-1] <= MONDAY + timedelta(days=days)


def test_a_long_chart_labels_dates_with_the_year() -> None:
    series = Series("Hips", (Point(MONDAY, 96), Point(MONDAY + timedelta(days=500), 97)))
    texts = _texts(_tree(time_chart("Tape", [Panel("Hips (cm)", "cm", (series,))]).svg))
    assert "Jan 2026" in texts


def test_the_table_holds_exactly_the_plotted_numbers() -> None:
    left = _reps("Left", [10, 12, 15])
    right = Series("Right", (Point(MONDAY, 11), Point(MONDAY + timedelta(days=6), 16)))
    chart = time_chart("Clamshell", [Panel("Best set (reps)", "reps", (left, right))])
    root = _tree(chart.svg)
    assert chart.table.columns == ("Date", "Best set (reps), Left", "Best set (reps), Right")
    assert chart.table.rows == (
        ("2026-01-05", "10 reps", "11 reps"),
        ("2026-01-08", "12 reps", "-"),
        ("2026-01-11", "15 reps", "16 reps"),
    )
    markers = [m for g in _of_class(root, "chart-series") for m in g if _tag(m) != "path"]
    assert len(markers) == 5  # one marker per value in the table
    # Plotted heights follow the values: higher reps, higher up (smaller y).
    left_ys = [float(m.get("cy") or 0) for m in _of_class(root, "chart-s0") if _tag(m) == "circle"]
    assert left_ys == sorted(left_ys, reverse=True)


def test_lighter_weeks_are_shaded_in_every_panel_and_marked_in_the_table() -> None:
    rungs = Panel(
        "Resistance",
        "",
        (Series("Left", tuple(Point(MONDAY + timedelta(weeks=w), w % 2) for w in range(6))),),
        levels=("No band", "Light band"),
    )
    reps = Panel("Best set (reps)", "reps", (_reps("Left", [12, 13, 14, 12, 13, 15], every=7),))
    lighter = Span(MONDAY + timedelta(weeks=3), MONDAY + timedelta(weeks=3, days=6))
    chart = time_chart("Clamshell", [rungs, reps], shades=[lighter])
    root = _tree(chart.svg)
    shades = [e for e in _of_class(root, "chart-shade") if _tag(e) == "rect"]
    assert len(shades) == 3  # both panels, and the legend's swatch
    assert "Lighter week" in _texts(root)
    assert [row[-1] for row in chart.table.rows] == ["no", "no", "no", "yes", "no", "no"]
    assert "Light band" in _texts(root)
    assert "No band" in _texts(root)
    assert chart.table.rows[1][1] == "1"  # a level without a text reads as its value


def test_named_levels_show_the_names_in_the_table_when_given() -> None:
    later = MONDAY + timedelta(days=3)
    series = Series("Both sides", (Point(MONDAY, 1, "Light band"), Point(later, 2, "")))
    levels = ("None", "Light", "Med")
    chart = time_chart("Walk", [Panel("Resistance", "", (series,), levels=levels)])
    assert [row[1] for row in chart.table.rows] == ["Light band", "2"]


def test_a_target_band_is_drawn_and_named() -> None:
    panel = Panel(
        "Hard sets a week",
        "sets",
        (_reps("Gluteus medius", [8, 12, 14], every=7),),
        band=(10, 18),
        band_label="Range for your goal, 10-18 sets",
    )
    root = _tree(time_chart("Sets", [panel]).svg)
    assert len(_of_class(root, "chart-band")) == 2  # the band and its legend swatch
    assert "Range for your goal, 10-18 sets" in _texts(root)
    y_labels = [float(e.text or 0) for e in _of_class(root, "chart-tick")]
    assert max(y_labels) >= 18  # the axis reaches the top of the band


def test_an_empty_chart_says_nothing_is_logged_and_has_an_empty_table() -> None:
    chart = time_chart("Clamshell", [Panel("Best set (reps)", "reps", (Series("Left", ()),))])
    assert "Nothing logged yet." in _texts(_tree(chart.svg))
    assert chart.table.rows == ()
    assert time_chart("None", []).table.rows == ()


def test_a_single_point_is_a_marker_on_a_dated_axis_without_a_line() -> None:
    chart = time_chart("Clamshell", [Panel("Best set (reps)", "reps", (_reps("Left", [12]),))])
    root = _tree(chart.svg)
    assert not [e for e in root.iter() if _tag(e) == "path"]
    assert len(_of_class(root, "chart-s0")) == 1
    assert "12" in _texts(root)
    assert chart.table.rows == (("2026-01-05", "12 reps"),)


def test_every_text_is_escaped() -> None:
    nasty = 'Left <script>alert("x")</script> & co'
    panel = Panel("Best <b>set</b>", "reps", (_reps(nasty, [1, 2]), _reps("Right", [2, 3])))
    svg = time_chart('Move "<img>"', [panel], ident="c1").svg
    assert "<script>" not in svg
    assert "<b>" not in svg
    assert "<img>" not in svg
    root = _tree(svg)  # still well-formed
    assert nasty in _texts(root)
    assert 'Move "<img>"' in [e.text for e in root.iter() if _tag(e) == "title"]


def test_a_standalone_chart_is_a_document_with_its_own_light_and_dark_colours() -> None:
    svg = time_chart("C", [Panel("Reps", "reps", (_reps("Left", [1, 2]),))], standalone=True).svg
    root = _tree(svg)
    assert root.tag == f"{NS}svg"
    assert root.get("width")
    style = next(e for e in root.iter() if _tag(e) == "style").text or ""
    assert "prefers-color-scheme: dark" in style
    inline = time_chart("C", [Panel("Reps", "reps", (_reps("Left", [1, 2]),))]).svg
    assert "<style>" not in inline
    assert "style=" not in inline


def test_the_calendar_draws_each_day_by_its_mark_and_counts_them_in_its_table() -> None:
    week = (Mark.DONE, Mark.REST, Mark.REST, Mark.MISSED, Mark.REST, Mark.EXTRA, Mark.REST)
    ahead = (Mark.DONE, Mark.REST, Mark.REST, Mark.AHEAD, Mark.REST, Mark.REST, Mark.REST)
    rows = [
        CalendarRow("Week 1", MONDAY, week),
        CalendarRow("Week 2", MONDAY + timedelta(weeks=1), ahead),
    ]
    chart = calendar_chart("Sessions", rows)
    root = _tree(chart.svg)
    texts = _texts(root)
    assert texts[:7] == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    assert "2 of 2" in texts
    assert "1 of 2" in texts
    assert len(_of_class(root, "chart-done")) == 2 + 1  # two days, and the legend
    assert chart.table.rows[0][:4] == ("Week 1", "2026-01-05", "2", "2")
    assert chart.table.rows[0][4] == "Mon 5 Jan done, Thu 8 Jan missed, Sat 10 Jan extra session"
    assert chart.table.rows[1][2:4] == ("2", "1")
    assert calendar_chart("Sessions", []).table.rows == ()


def test_bars_are_as_long_as_their_values_with_a_labelled_axis() -> None:
    bars = [Bar("Gluteus medius", 14, (10, 18)), Bar("Core", 3.5), Bar("Adductors", 0)]
    chart = bar_chart("Hard sets", bars, unit="sets", label_column="Muscle")
    root = _tree(chart.svg)
    widths = [float(e.get("width") or 0) for e in _of_class(root, "chart-bar")]
    assert widths[0] == pytest.approx(4 * widths[1])
    assert widths[2] == 0
    assert {"0", "5", "10", "15", "20"} <= set(_texts(root))
    assert chart.table.rows == (
        ("Gluteus medius", "14 sets", "10-18 sets"),
        ("Core", "3.5 sets", "-"),
        ("Adductors", "0 sets", "-"),
    )


def test_numbers_are_written_with_at_most_one_decimal() -> None:
    assert [number(v) for v in (12.0, 12.25, 0.04, -0.04, 97.14)] == [
        "12",
        "12.2",
        "0",
        "0",
        "97.1",
    ]
