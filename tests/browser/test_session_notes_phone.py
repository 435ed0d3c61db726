"""Notes and how hard the session felt, from Today and a past session's page, in real Chromium
at 390 px (a phone), against a real server and database."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ViewportSize, expect

from tests.browser.test_phone import Phone, seed

NARROW: ViewportSize = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser: Browser, server: str, screenshots: Path) -> Iterator[Phone]:
    context = browser.new_context(
        viewport=NARROW, device_scale_factor=2, is_mobile=True, has_touch=True
    )
    yield Phone(context, server, screenshots)
    context.close()


def _fits(phone: Phone) -> None:
    width = phone.page.evaluate("document.documentElement.scrollWidth")
    assert width <= NARROW["width"], f"{phone.page.url} scrolls sideways ({width} px)"


def test_notes_and_effort_are_saved_from_today_and_edited_on_the_session_page(
    phone: Phone,
) -> None:
    seed(phone, "noor@example.com")
    page = phone.open("/today")
    expect(page.get_by_role("heading", name="Notes and effort")).to_have_count(0)
    page.get_by_role("button", name="Done as prescribed").first.click()
    expect(page.locator(".set-row.is-done")).to_have_count(1)
    # The outbox sends the set in the background; once stored, Today offers the notes.
    expect(page.locator('[data-sync="saved"]')).to_have_count(1)
    page.reload()
    expect(page.get_by_role("heading", name="Notes and effort")).to_be_visible()
    page.get_by_label("How hard was the session as a whole?").select_option("7")
    page.get_by_role("textbox", name=re.compile("^Notes")).fill(
        "Short on sleep; band walks felt heavy."
    )
    _fits(phone)
    phone.shot("today-notes")
    page.get_by_role("button", name="Save notes").click()
    expect(page).to_have_url(re.compile(r"/today#session-notes$"))
    expect(page.get_by_label("How hard was the session as a whole?")).to_have_value("7")
    expect(page.get_by_role("textbox", name=re.compile("^Notes"))).to_have_value(
        "Short on sleep; band walks felt heavy."
    )

    page.get_by_role("link", name="Finish session").click()
    page.get_by_role("link", name="See every set").click()
    expect(page.get_by_role("heading", name=re.compile("^Session of"))).to_be_visible()
    page.get_by_label("How hard was the session as a whole?").select_option("")
    page.get_by_role("textbox", name=re.compile("^Notes")).fill("Fine after all.")
    page.get_by_role("button", name="Save notes").click()
    expect(page.get_by_text("Notes and effort saved.")).to_be_visible()
    expect(page.get_by_label("How hard was the session as a whole?")).to_have_value("")
    expect(page.get_by_role("textbox", name=re.compile("^Notes"))).to_have_value("Fine after all.")
    _fits(phone)
    phone.shot("session-notes")
    assert not phone.errors
