"""Figures in real Chromium at phone width: animated, no overflow, still under reduced motion."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from hipcoach.content.loader import load_catalogue

PHONE = {"width": 390, "height": 844}
MOVES = ("clamshell", "side_lying_hip_abduction", "side_plank_hip_abduction", "squat")


def _page(browser: Browser, *, reduced: bool, errors: list[str]) -> Iterator[Page]:
    context: BrowserContext = browser.new_context(
        viewport=PHONE,  # type: ignore[arg-type]
        device_scale_factor=2,
        is_mobile=True,
        reduced_motion="reduce" if reduced else "no-preference",
    )
    page = context.new_page()
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()


@pytest.fixture
def errors() -> list[str]:
    return []


@pytest.fixture
def phone(browser: Browser, errors: list[str]) -> Iterator[Page]:
    yield from _page(browser, reduced=False, errors=errors)


@pytest.fixture
def still_phone(browser: Browser, errors: list[str]) -> Iterator[Page]:
    yield from _page(browser, reduced=True, errors=errors)


def _no_overflow(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page scrolls sideways ({width} px)"


@pytest.mark.parametrize("key", MOVES)
def test_the_exercise_page_animates_its_figure_within_the_screen(
    phone: Page, server: str, errors: list[str], screenshots: Path, key: str
) -> None:
    phone.goto(f"{server}/exercises/{key}")
    figure = phone.locator(".move-figure svg")
    assert figure.get_attribute("role") == "img"
    box = figure.bounding_box()
    assert box is not None
    assert 0 < box["width"] <= PHONE["width"]
    assert box["height"] > 50
    assert phone.locator(".move-figure .fig-motion").is_visible()
    assert not phone.locator(".move-figure .fig-still").is_visible()
    # SMIL runs: some limb is elsewhere a moment later.
    motion = phone.locator(".move-figure .fig-motion")
    boxes = (
        "g => [...g.querySelectorAll('path')]"
        ".map(p => { const b = p.getBBox(); return [b.x, b.y, b.width, b.height].join(' '); })"
        ".join()"
    )
    # Sample for up to 4 s: a pause in the tempo (or a busy machine) can hold a pose a while.
    before = motion.evaluate(boxes)
    after = before
    for _ in range(10):
        phone.wait_for_timeout(400)
        after = motion.evaluate(boxes)
        if after != before:
            break
    assert phone.locator(".mistake-figures svg").count() >= 2
    _no_overflow(phone)
    phone.screenshot(path=str(screenshots / f"figure-{key}.png"), full_page=True)
    assert errors == []
    assert before != after


def test_reduced_motion_shows_the_two_still_frames(
    still_phone: Page, server: str, errors: list[str]
) -> None:
    still_phone.goto(f"{server}/exercises/clamshell")
    assert not still_phone.locator(".move-figure .fig-motion").is_visible()
    frames = still_phone.locator(".move-figure .fig-still > g")
    assert frames.count() == 2
    assert all(frames.nth(i).is_visible() for i in range(2))
    _no_overflow(still_phone)
    assert errors == []


def test_the_exercise_list_shows_thumbnails_that_load(
    phone: Page, server: str, errors: list[str]
) -> None:
    phone.goto(f"{server}/exercises")
    thumbs = phone.locator(".exercise-card img.thumb")
    assert thumbs.count() == len(load_catalogue().exercises)  # one per move
    thumbs.first.scroll_into_view_if_needed()
    phone.wait_for_function("() => document.querySelector('img.thumb').naturalWidth > 0")
    _no_overflow(phone)
    assert errors == []


def test_a_figure_opened_by_itself_honours_reduced_motion(still_phone: Page, server: str) -> None:
    still_phone.goto(f"{server}/api/v1/exercises/glute_bridge/figure.svg")
    display = still_phone.evaluate("getComputedStyle(document.querySelector('.fig-still')).display")
    assert display == "inline"
