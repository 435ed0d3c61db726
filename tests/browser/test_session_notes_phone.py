"""Notes and how hard the session felt, from Today and a past session's page, in real Chromium
at 390 px (a phone), against a real server and database."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ViewportSize, expect

from tests.browser.test_phone import PASSWORD, Phone, _post_form, seed, training_days

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


def test_a_missed_day_is_opened_from_today_and_its_sets_added_at_phone_width(
    phone: Phone,
) -> None:
    today = date.today()  # noqa: DTZ011 - the server runs on this machine's clock
    _post_form(phone, "/signup", email="ivo@example.com", password=PASSWORD, name="Ivo")
    start = (today - timedelta(days=14)).isoformat()
    _post_form(
        phone,
        "/onboarding",
        days=sorted(training_days()),
        equipment=["mini_band"],
        start=start,
    )
    page = phone.open("/today")
    page.get_by_label("Day you trained").fill((today - timedelta(days=7)).isoformat())
    page.get_by_role("button", name="Open that day").click()
    expect(page.get_by_text("Log what you did that day")).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile("^Session of"))).to_be_visible()
    first = page.locator("form.add-set").first
    first.get_by_label(re.compile("^(Reps|Steps|Seconds held)$")).fill("12")
    _fits(phone)
    phone.shot("past-session")
    first.get_by_role("button", name=re.compile("^Add set")).click()
    expect(page.get_by_text("Set added.")).to_be_visible()
    expect(page.get_by_text("1 sets logged")).to_be_visible()
    assert not phone.errors
