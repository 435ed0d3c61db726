"""Printed and exported plans show each move's start and end frames, drawn from its pose data."""

from __future__ import annotations

import base64
import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from hipcoach.cli.main import app
from hipcoach.content.loader import load_catalogue
from hipcoach.domain.equipment import Equipment
from hipcoach.domain.plan import Plan
from hipcoach.domain.planner import generate_plan
from hipcoach.domain.profile import Goal, Level, Profile, Weekday
from hipcoach.formats.plan_html import plan_to_html
from hipcoach.formats.plan_markdown import plan_to_markdown
from hipcoach.services.figures import plan_figures

SVG = "{http://www.w3.org/2000/svg}"


def _plan() -> Plan:
    profile = Profile(
        level=Level.BEGINNER,
        goal=Goal.MUSCLE,
        days=(Weekday.MON, Weekday.THU),
        minutes=30,
        start=date(2026, 1, 5),
        weeks=4,
        weight_kg=None,
        equipment=frozenset({Equipment.MINI_BAND}),
    )
    return generate_plan(profile, load_catalogue())


def _distinct_items(plan: Plan) -> list[str]:
    names: list[str] = []
    for week in plan.weeks:
        for session in week.sessions:
            for block in session.blocks:
                for item in block.items:
                    if item.name not in names:
                        names.append(item.name)
    return names


def test_every_distinct_item_of_the_plan_gets_one_start_and_end_figure() -> None:
    plan = _plan()
    found = plan_figures(plan)
    assert [f.title for f in found] == _distinct_items(plan)  # warm-up to cool-down, each once
    for figure in found:
        assert "Start" in figure.svg
        assert "End" in figure.svg
        assert "<animate" not in figure.svg  # print shows the two frames, never a motion


def test_the_html_plan_inlines_each_figure_with_its_caption_before_the_weeks() -> None:
    plan = _plan()
    found = plan_figures(plan)
    html = plan_to_html(plan, figures=found)
    assert html.index("How each move looks") < html.index("<h2>Week 1")
    captions = re.findall(r"<figcaption>([^<]*)</figcaption>", html)
    assert captions == [f.title for f in found]
    assert html.count("<svg") == len(found)
    assert "<script" not in html


def test_the_markdown_plan_carries_each_figure_as_a_whole_svg_image() -> None:
    plan = _plan()
    found = plan_figures(plan, inline=False)
    markdown = plan_to_markdown(plan, figures=found)
    images = re.findall(r"!\[([^\]]*)\]\(data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)\)", markdown)
    assert [alt for alt, _ in images] == [f"{f.title}: start and end" for f in found]
    for _, data in images:
        root = ET.fromstring(base64.b64decode(data))  # a standalone, well-formed SVG
        assert root.tag == f"{SVG}svg"
        title = root.find(f"{SVG}title")
        assert title is not None
        assert title.text is not None
        assert title.text.endswith("start and end positions")


def test_a_plan_without_figures_still_reads_as_before() -> None:
    plan = _plan()
    assert "How each move looks" not in plan_to_html(plan)
    assert "How each move looks" not in plan_to_markdown(plan)


def test_the_cli_exports_carry_the_figures(tmp_path: Path) -> None:
    runner = CliRunner()
    target = tmp_path / "plan.html"
    args = ["plan", "--equipment", "mini_band", "--start", "2026-01-05", "--weeks", "4"]
    result = runner.invoke(app, [*args, "--format", "html", "--output", str(target)])
    assert result.exit_code == 0, result.output
    html = target.read_text()
    assert html.count("<figure>") >= 5
    markdown = runner.invoke(app, [*args, "--format", "markdown"]).stdout
    assert markdown.count("](data:image/svg+xml;base64,") == html.count("<figure>")
