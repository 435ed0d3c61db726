"""Leaving a move out with the phone offline, in real Chromium: the skip waits in the outbox
with the sets, the page shows it at once and after a reload, and the server gets it once
back online; an Undo before it syncs leaves nothing behind."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from playwright.sync_api import BrowserContext, Page, expect

from tests.browser.test_offline import (
    Person,
    Server,
    context,  # noqa: F401
    go_offline,
    go_online,
    open_today_with_worker,
    page_errors,
    server_here,  # noqa: F401
)


def _first_move(page: Page) -> tuple[Any, str, int, int]:
    """The first card with a skip form: the card, its move's key, its open set forms, and
    its sets as the count at the top counts them (a per-side row once)."""
    first = page.locator("article", has=page.locator(".skip-form")).first
    card = page.locator(f"article#{first.get_attribute('id')}")  # stays this card once skipped
    key = card.locator('.skip-form input[name="exercise"]').input_value()
    rows = card.locator("ol.sets > li").count()
    return card, key, card.locator(".set-form").count(), rows


def _leave_out(card: Any, reason: str, note: str) -> None:
    card.locator("details.skip > summary").click()
    form = card.locator(".skip-form")
    form.get_by_role("radio", name=reason).check()
    form.get_by_role("textbox", name="Note").fill(note)
    form.get_by_role("button", name="Leave it out today").click()


def _total(page: Page) -> int:
    return int(page.locator("#sets-progress").get_attribute("max") or "0")


def _skipped_on_server(person: Person) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for session in person.api("GET", "/api/v1/sessions?limit=50"):
        found += person.api("GET", f"/api/v1/sessions/{session['id']}")["skipped"]
    return found


def test_a_move_left_out_offline_shows_at_once_survives_a_reload_and_syncs_once(
    context: BrowserContext,  # noqa: F811
    server_here: Server,  # noqa: F811
    screenshots: Path,
) -> None:
    person = Person(context, server_here, screenshots, "skipper@example.com")
    page = open_today_with_worker(person)
    card, key, open_sets, rows = _first_move(page)
    assert open_sets > 0
    total = _total(page)

    go_offline(context, server_here)
    _leave_out(card, "Short of time", "train late")
    notice = card.locator(".skipped-move")
    expect(notice).to_contain_text("Left out today: Short of time (train late)")
    expect(notice).to_have_attribute("data-sync", "waiting")
    expect(card.locator(".set-form")).to_have_count(0)
    expect(card.locator(".set-title.skipped")).to_have_count(open_sets)
    assert _total(page) == total - rows
    expect(page.locator("#live-announcer")).to_contain_text("left out today")
    expect(page.locator("#sync-state")).to_contain_text("A change to your moves is saved")
    notice.scroll_into_view_if_needed()
    page.screenshot(path=str(screenshots / "today-skip-offline.png"), full_page=False)

    page.reload()  # the phone's copy of the page, and the outbox
    notice = page.locator(".skipped-move").first
    expect(notice).to_contain_text("Short of time (train late)")
    expect(page.locator(f'.skip-form input[name="exercise"][value="{key}"]')).to_have_count(0)

    go_online(context, server_here)
    expect(page.locator(".skipped-move").first).to_have_attribute("data-sync", "saved")
    skipped = _skipped_on_server(person)
    assert skipped == [{"exercise": key, "reason": "time", "note": "train late"}]
    page.reload()  # now the server's own page says it
    expect(page.locator(".skipped-move").first).to_contain_text("Short of time (train late)")
    expect(page.get_by_role("button", name="Undo: do")).to_have_count(1)
    assert _skipped_on_server(person) == skipped, "stored once"
    assert not page_errors(person)


def test_an_undo_before_the_skip_syncs_leaves_nothing_behind(
    context: BrowserContext,  # noqa: F811
    server_here: Server,  # noqa: F811
    screenshots: Path,
) -> None:
    person = Person(context, server_here, screenshots, "undoer@example.com")
    page = open_today_with_worker(person)
    card, key, open_sets, _ = _first_move(page)
    total = _total(page)

    go_offline(context, server_here)
    _leave_out(card, "It hurts", "")
    expect(card.locator(".skipped-move")).to_contain_text("see a physical therapist")
    card.get_by_role("button", name="Undo: do").click()
    page.wait_for_load_state()
    card = page.locator("article", has=page.locator(f'.skip-form input[value="{key}"]'))
    expect(card.locator(".set-form")).to_have_count(open_sets)
    assert _total(page) == total
    waiting = page.evaluate(
        """() => new Promise(done => { const r = indexedDB.open("hipcoach");
        r.onsuccess = () => { const q = r.result.transaction("outbox").objectStore("outbox")
        .getAll(); q.onsuccess = () => done(q.result.filter(x => x.kind !== "session").length); };
        })"""
    )
    assert waiting == 0

    go_online(context, server_here)
    page.reload()
    expect(page.locator(".skipped-move")).to_have_count(0)
    assert _skipped_on_server(person) == []
    assert not page_errors(person)


def test_a_form_sent_offline_says_nothing_was_saved_and_online_it_goes_through_the_worker(
    context: BrowserContext,  # noqa: F811
    server_here: Server,  # noqa: F811
    screenshots: Path,
) -> None:
    """A swap is a plain form post: through the service worker it lands as before online
    (its redirect followed), and offline it ends on our page, not the browser's error."""
    person = Person(context, server_here, screenshots, "swapper@example.com")
    page = open_today_with_worker(person)
    swap = page.locator("form.inline-form", has=page.locator('select[name="exercise"]')).first
    chosen = swap.locator("option").first.text_content() or ""
    swap.get_by_role("button", name="Swap").click()
    expect(page).to_have_url(re.compile(rf"^{re.escape(server_here.base)}/today(#card-\d+)?$"))
    expect(page.get_by_text("Your choice:").first).to_contain_text(chosen.strip())
    assert page.evaluate("navigator.serviceWorker.controller !== null")

    go_offline(context, server_here)
    page.get_by_role("button", name="Undo my swap").first.click()
    expect(page.get_by_role("heading", name="Not saved: you are offline")).to_be_visible()
    expect(page.get_by_role("link", name="Today")).to_have_attribute("href", "/today")
    go_online(context, server_here)
    page.go_back()
    expect(page.get_by_role("heading", name="Today's session")).to_be_visible()
    expect(page.get_by_role("button", name="Undo my swap").first).to_be_visible()


def test_an_undo_after_the_skip_synced_takes_it_back_on_the_server(
    context: BrowserContext,  # noqa: F811
    server_here: Server,  # noqa: F811
    screenshots: Path,
) -> None:
    person = Person(context, server_here, screenshots, "online-undo@example.com")
    page = open_today_with_worker(person)
    card, key, open_sets, _ = _first_move(page)
    _leave_out(card, "Equipment not to hand", "")
    expect(card.locator(".skipped-move")).to_have_attribute("data-sync", "saved")
    assert [s["exercise"] for s in _skipped_on_server(person)] == [key]
    card.get_by_role("button", name="Undo: do").click()  # no reload in between
    page.wait_for_load_state()
    card = page.locator("article", has=page.locator(f'.skip-form input[value="{key}"]'))
    expect(card.locator(".set-form")).to_have_count(open_sets)
    assert _skipped_on_server(person) == []
    page.reload()  # and the phone does not paint the old skip back over the server's page
    expect(page.locator(".skipped-move")).to_have_count(0)
    assert not page_errors(person)
