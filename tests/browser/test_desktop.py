"""The desktop in real Chromium at 1280 x 800: the header in one row, Today, Progress and Plan
in two columns or more, nothing wider than the screen there or on a phone, and each main action
with its own icon beside words that keep naming it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, ViewportSize, expect

from tests.browser.test_phone import PHONE, Phone, seed

DESKTOP: ViewportSize = {"width": 1280, "height": 800}
READING_WIDTH_PX = 46 * 16  # main's max-width (46rem) on pages that stay one column
NARROW_DESKTOP: ViewportSize = {"width": 960, "height": 700}  # where the layout turns wide
MAIN_PAGES = ("Today", "Plan", "Progress", "Settings")


@pytest.fixture
def desktop(browser: Browser, server: str, screenshots: Path) -> Iterator[Phone]:
    """A signed-out desktop browser window (a Phone at 1280 px: same console-error record)."""
    context = browser.new_context(viewport=DESKTOP)
    yield Phone(context, server, screenshots)
    context.close()


def _box(locator: Locator) -> dict[str, float]:
    box = locator.bounding_box()
    assert box is not None, locator
    return {"x": box["x"], "y": box["y"], "width": box["width"], "height": box["height"]}


def assert_side_by_side(items: Locator) -> None:
    """The first two items share a row: same top, the second wholly right of the first."""
    assert items.count() >= 2, items
    first, second = _box(items.nth(0)), _box(items.nth(1))
    assert abs(first["y"] - second["y"]) < 1, (first, second)
    assert second["x"] >= first["x"] + first["width"], (first, second)


def assert_stacked(items: Locator) -> None:
    """The first two items one above the other, as on a phone."""
    first, second = _box(items.nth(0)), _box(items.nth(1))
    assert second["y"] >= first["y"] + first["height"], (first, second)
    assert abs(first["x"] - second["x"]) < 1, (first, second)


def assert_no_sideways_scroll(page: Page, width: int) -> None:
    scroll = page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width, f"{page.url} scrolls sideways at {width} px ({scroll} px)"


def assert_icon(control: Locator, name: str | re.Pattern[str]) -> None:
    """`control` holds one decorative icon, drawn from the page's sprite in its text colour,
    and is still named by its words alone."""
    icon = control.locator("svg.icon")
    expect(icon).to_have_count(1)
    assert icon.get_attribute("aria-hidden") == "true"
    assert icon.get_attribute("focusable") == "false"
    drawn = icon.evaluate(
        """svg => {
            const ref = svg.querySelector('use').getAttribute('href');
            const symbol = document.querySelector(ref);
            const box = svg.getBoundingClientRect();
            const size = parseFloat(getComputedStyle(svg.parentElement).fontSize);
            return {
                symbol: symbol ? symbol.tagName : null,
                paths: symbol ? symbol.children.length : 0,
                width: box.width,
                size: size,
                stroke: getComputedStyle(svg).stroke,
                color: getComputedStyle(svg.parentElement).color,
            };
        }"""
    )
    assert drawn["symbol"] == "symbol", (name, drawn)
    assert drawn["paths"] > 0, (name, drawn)
    assert drawn["size"] * 0.9 <= drawn["width"] <= drawn["size"] * 1.2, (name, drawn)
    assert drawn["stroke"] == drawn["color"], (name, drawn)  # currentColor, so dark mode too
    expect(control).to_have_accessible_name(name)


def log_first_set_of_two_moves(page: Page) -> None:
    """Done as prescribed on the first set of the first two moves; waits for both to be stored
    (each done row gets its Undo button once the server has the set)."""
    moves = page.locator(".move-grid > article.card:has(form.set-form)")
    assert moves.count() >= 2
    for n in range(2):
        moves.nth(n).get_by_role("button", name="Done as prescribed").first.click()
        expect(page.locator(".set-row.is-done form.undo")).to_have_count(n + 1)


def test_today_progress_and_plan_use_the_width_of_a_desktop(desktop: Phone) -> None:
    seed(desktop, "wide@example.com")
    page = desktop.open("/today")
    expect(page.get_by_role("heading", name="Today's session")).to_be_visible()
    header = {
        part: _box(page.locator(selector))
        for part, selector in (
            ("brand", ".brand"),
            ("nav", "nav[aria-label=Main]"),
            ("signout", ".signout"),
        )
    }
    assert header["brand"]["x"] + header["brand"]["width"] <= header["nav"]["x"], header
    assert header["nav"]["x"] + header["nav"]["width"] <= header["signout"]["x"], header
    middle = header["brand"]["y"] + header["brand"]["height"] / 2
    for part in ("nav", "signout"):  # one row: each part spans the brand's middle line
        assert header[part]["y"] <= middle <= header[part]["y"] + header[part]["height"], header

    assert_side_by_side(page.locator(".move-grid > .card"))
    assert_no_sideways_scroll(page, DESKTOP["width"])
    log_first_set_of_two_moves(page)
    desktop.open("/today")
    desktop.shot("today-desktop", full_page=False)

    page = desktop.open("/progress")
    expect(page.get_by_role("heading", name="Progress", exact=True)).to_be_visible()
    assert_side_by_side(page.locator(".trends > .card"))
    assert_side_by_side(page.locator(".chart-pair > .chart-figure"))
    session = page.locator(".sessions-list a").first.get_attribute("href") or ""
    assert_no_sideways_scroll(page, DESKTOP["width"])
    page.locator(".trends").scroll_into_view_if_needed()
    desktop.shot("progress-desktop", full_page=False)

    page = desktop.open("/plan")
    assert_side_by_side(page.locator(".weeks > .week"))
    assert_no_sideways_scroll(page, DESKTOP["width"])
    desktop.shot("plan-desktop", full_page=False)

    page = desktop.open("/exercises")
    assert_side_by_side(page.locator(".cards > .card"))
    assert_no_sideways_scroll(page, DESKTOP["width"])
    for path in ("/settings", "/learn/what_training_changes", session):
        page = desktop.open(path)  # reading pages and forms keep the phone's measure
        assert _box(page.locator("main"))["width"] <= READING_WIDTH_PX, path
        assert_no_sideways_scroll(page, DESKTOP["width"])

    # At the narrowest desktop two columns still fit; on a phone, one column as before.
    for viewport, arranged in ((NARROW_DESKTOP, assert_side_by_side), (PHONE, assert_stacked)):
        page.set_viewport_size(viewport)
        for path, items in (
            ("/today", ".move-grid > .card"),
            ("/progress", ".trends > .card"),
            ("/plan", ".weeks > .week"),
        ):
            page = desktop.open(path)
            arranged(page.locator(items))
            assert_no_sideways_scroll(page, viewport["width"])
    assert not desktop.errors


def test_each_main_action_shows_its_icon_and_keeps_its_name(desktop: Phone) -> None:
    seed(desktop, "icons@example.com")
    page = desktop.open("/today")
    nav = page.get_by_role("navigation", name="Main")
    for name in MAIN_PAGES:
        assert_icon(nav.get_by_role("link", name=name, exact=True), name)

    done = page.get_by_role("button", name=re.compile("done as prescribed$", re.I)).first
    assert_icon(done, re.compile("^(Left |Right )?[Dd]one as prescribed$"))
    edit = page.locator("form.set-form summary").first
    assert_icon(edit, re.compile(r"^Edit set 1\b"))
    rest = page.locator("[data-timer-label=Rest]").first
    label = rest.inner_text()
    assert re.fullmatch(r"Rest \d+ s", label), label
    assert_icon(rest, label)
    rest.click()  # the timer's words change, its icon stays
    assert_icon(rest, "Stop rest")
    rest.click()
    assert_icon(rest, label)
    page.locator("details.compact-body > summary").first.click()  # the warm-up folds to a line
    warm_up = page.locator("[data-timer-label=Timer]").first  # its move's name is for readers
    named = re.compile(r"^Start \d+:\d\d timer for \S")
    assert_icon(warm_up, named)
    warm_up.click()
    warm_up.click()
    assert_icon(warm_up, named)
    expect(warm_up.locator(".visually-hidden")).to_have_count(1)  # not turned into shown words
    swap = page.get_by_role("button", name=re.compile(r"^Swap ")).first
    assert_icon(swap, re.compile(r"^Swap \S"))

    log_first_set_of_two_moves(page)  # the Undo button app.js draws has the icon too
    undo = page.locator(".set-row.is-done form.undo button").first
    assert_icon(undo, re.compile(r"^Undo set 1"))
    action = page.locator("form.undo").first.get_attribute("action") or ""
    session_path = "/".join(action.split("/")[:3])

    page = desktop.open(session_path)
    first_set = page.locator(".logged-sets > li").first
    assert_icon(first_set.locator("details.edit > summary"), re.compile(r"^Edit this set"))
    delete = first_set.locator("details.confirm > summary")
    assert_icon(delete, re.compile(r"^Delete this set"))
    delete.click()
    yes = first_set.get_by_role("button", name=re.compile(r"^Yes, delete it"))
    assert_icon(yes, re.compile(r"^Yes, delete it"))
    yes.click()
    assert_icon(page.get_by_role("button", name="Undo: put the set back"), "Undo: put the set back")
    assert not desktop.errors
