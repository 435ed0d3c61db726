"""Per-side moves on a 390 x 844 phone in real Chromium: "Both done" offline and online, the
rest after both sides, and the first set to log in the first screen."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, ViewportSize, expect

from tests.browser.test_offline import (
    SAVED_HERE,
    Person,
    Server,
    go_offline,
    go_online,
    open_today_with_worker,
    page_errors,
    server_here,
)

__all__ = ["server_here"]  # the fixture, used by name

PHONE_390: ViewportSize = {"width": 390, "height": 844}


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    made = browser.new_context(
        viewport=PHONE_390, device_scale_factor=3, is_mobile=True, has_touch=True
    )
    yield made
    made.close()


def open_pair(page: Page) -> Locator:
    """The first set row of a per-side move that still offers "Both done" (that row, even
    once it no longer offers it)."""
    index = page.evaluate(
        "[...document.querySelectorAll('.set-pair')].findIndex(r => r.querySelector('.pair-form'))"
    )
    assert index >= 0, "no per-side set left to log"
    return page.locator(".set-pair").nth(index)


def side_ids(row: Locator) -> list[str]:
    ids = row.locator('.set-form input[name="set_id"]')
    return [ids.nth(i).input_value() for i in range(ids.count())]


def rest_running(page: Page) -> Locator:
    return page.locator('[data-timer-label="Rest"][aria-pressed="true"]')


def test_the_first_set_to_log_is_in_the_first_screen(
    context: BrowserContext, server_here: Server, screenshots: Path
) -> None:
    person = Person(context, server_here, screenshots, "first@example.com")
    page = person.phone.open("/today")
    expect(page.get_by_role("heading", name="Today's session")).to_be_visible()
    assert page.evaluate("window.scrollY") == 0
    page.screenshot(path=str(screenshots / "today-390.png"), full_page=True)
    first = page.get_by_role("button", name="Done as prescribed").first
    box = first.bounding_box()
    assert box is not None
    assert box["y"] + box["height"] <= PHONE_390["height"], f"first Done at {box['y']:.0f} px"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE_390["width"], f"Today scrolls sideways ({width} px)"
    # Left, Right and Both done share the row without a word cut off at the card's edge.
    clipped = page.evaluate(
        """() => [...document.querySelectorAll('.both-button')].filter(b => {
            const edge = b.closest('article').getBoundingClientRect().right;
            return b.scrollWidth > b.clientWidth + 1 || b.getBoundingClientRect().right > edge;
        }).length"""
    )
    assert clipped == 0, f"{clipped} Both done buttons cut off at 390 px"
    assert not page_errors(person)


def test_both_done_offline_and_online_stores_each_side_once_and_rest_waits_for_both(
    context: BrowserContext, server_here: Server, screenshots: Path
) -> None:
    person = Person(context, server_here, screenshots, "pairs@example.com")
    page = open_today_with_worker(person)
    expect(rest_running(page)).to_have_count(0)
    go_offline(context, server_here)

    # One side, then the other: no rest between them, rest once both are logged.
    row = open_pair(page)
    ticked = side_ids(row)
    assert len(ticked) == 2
    row.get_by_role("button", name="Left done as prescribed", exact=True).click()
    expect(page.locator(f'[data-outbox-id="set:{ticked[0]}"]')).to_have_attribute(
        "data-sync", "waiting"
    )
    expect(row.get_by_role("button", name="Both done")).to_have_count(0)
    page.wait_for_timeout(300)  # a rest started by the tap would show by now
    expect(rest_running(page)).to_have_count(0)
    row.get_by_role("button", name="Right done as prescribed", exact=True).click()
    expect(rest_running(page)).to_have_count(1)
    rest_running(page).click()  # stopped, to see that "Both done" starts it again
    expect(rest_running(page)).to_have_count(0)

    # "Both done" offline on the move's last set: two sets in the outbox, both rows shown
    # done, and no rest (nothing of this move is left to rest for).
    row = open_pair(page)
    assert row.locator("xpath=ancestor::article").locator(".pair-form").count() == 1
    both = side_ids(row)
    row.get_by_role("button", name="Both done").click()
    for set_id in both:
        shown = page.locator(f'[data-outbox-id="set:{set_id}"]')
        expect(shown).to_have_attribute("data-sync", "waiting")
        expect(shown.locator(".sync-note")).to_have_text(re.compile(SAVED_HERE))
    page.wait_for_timeout(300)
    expect(rest_running(page)).to_have_count(0)
    # Four sides waiting are two sets, as the page counts them.
    expect(page.locator("#sync-state")).to_contain_text("2 sets saved on this phone")
    expect(page.locator("#live-announcer")).to_contain_text(" and ")
    page.screenshot(path=str(screenshots / "today-both-done-offline.png"), full_page=False)

    page.reload()  # offline: the phone's copy of the page, with the outbox shown on it
    expect(page.get_by_role("heading", name="Today's session")).to_be_visible()
    for set_id in ticked + both:
        expect(page.locator(f'[data-outbox-id="set:{set_id}"]')).to_have_attribute(
            "data-sync", "waiting"
        )
    done_rows = page.locator(".set-pair").filter(
        has=page.locator(f'[data-outbox-id="set:{both[0]}"]')
    )
    expect(done_rows.get_by_role("button", name="Both done")).to_have_count(0)

    go_online(context, server_here)
    for set_id in ticked + both:
        expect(page.locator(f'[data-outbox-id="set:{set_id}"] .sync-note')).to_have_text("Saved")

    # "Both done" online, on a move with sets still to do after it: rest starts.
    row = open_pair(page)
    assert row.locator("xpath=ancestor::article").locator(".pair-form").count() > 1
    online = side_ids(row)
    row.get_by_role("button", name="Both done").click()
    for set_id in online:
        expect(page.locator(f'[data-outbox-id="set:{set_id}"] .sync-note')).to_have_text("Saved")
    expect(rest_running(page)).to_have_count(1)

    stored = [s["id"] for s in person.stored_sets()]
    assert sorted(stored) == sorted(ticked + both + online), "each side stored exactly once"
    sides = {s["id"]: s["side"] for s in person.stored_sets()}
    assert [sides[i] for i in both + online] == ["left", "right", "left", "right"]

    page.reload()  # the server's page: the same sets, each shown once, none left to log twice
    for set_id in ticked + both + online:
        expect(page.locator(f'form.set-form input[value="{set_id}"]')).to_have_count(0)
    assert len(person.stored_sets()) == 6
    assert not page_errors(person)


def test_both_done_without_javascript_stores_both_sides(
    browser: Browser, server_here: Server, screenshots: Path
) -> None:
    plain = browser.new_context(viewport=PHONE_390, java_script_enabled=False)
    try:
        person = Person(plain, server_here, screenshots, "plain@example.com")
        page = person.phone.open("/today")
        row = open_pair(page)
        ids = side_ids(row)
        row.get_by_role("button", name="Both done").click()
        expect(page).to_have_url(re.compile(rf"/today\?logged={ids[1]}#card-\d+$"))
        assert sorted(s["id"] for s in person.stored_sets()) == sorted(ids)
        assert page.locator("[data-timer-autostart]").count() == 1  # the rest is due now
    finally:
        plain.close()
