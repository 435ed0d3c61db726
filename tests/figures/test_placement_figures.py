"""A band placement is drawn where the band sits: the figure follows the prescribed rung."""

from __future__ import annotations

from hipcoach.services import figures


def _svg(key: str | None) -> str:
    found = figures.item_figure(
        exercise="lateral_band_walk",
        name="Lateral band walk",
        equipment="mini_band",
        resistance_key=key,
    )
    assert found is not None
    return found.svg


def test_the_figure_shows_the_band_where_the_rung_puts_it() -> None:
    knees, ankles, feet = (
        _svg("mini_band_medium_knees"),
        _svg("mini_band_medium"),
        _svg("mini_band_heavy_feet"),
    )
    assert "just above the knees" in knees
    assert "around the ankles" in ankles
    assert "above the knees" not in ankles
    assert "around the front of the feet" in feet
    assert len({knees, ankles, feet}) == 3
    assert _svg(None) == ankles  # a plan item without a rung: the how-to's placement
    assert _svg("mini_band_no_such_rung") == ankles


def test_a_placed_plan_prints_the_placement_it_starts_on() -> None:
    from datetime import date

    from hipcoach.content.loader import load_catalogue
    from hipcoach.domain.equipment import Equipment
    from hipcoach.domain.planner import generate_plan
    from hipcoach.domain.profile import Goal, Level, Profile, Weekday

    older = Profile(
        level=Level.INTERMEDIATE,
        goal=Goal.STABILITY,
        days=(Weekday.MON, Weekday.WED, Weekday.FRI),
        minutes=30,
        start=date(2026, 3, 2),
        weeks=12,
        equipment=frozenset({Equipment.MINI_BAND}),
        age=67,
    )
    plan = generate_plan(older, load_catalogue())
    drawn = {f.title: f.svg for f in figures.plan_figures(plan)}
    assert "just above the knees" in drawn["Lateral band walk"]
