"""The browser tells the server its time zone at onboarding (app.js, Intl), in real Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.test_phone import PHONE, Phone, onboard, sign_up

ZONE = "Pacific/Auckland"  # far from this machine's zone, whatever it is


@pytest.fixture
def phone_in_auckland(browser: Browser, server: str, screenshots: Path) -> Iterator[Phone]:
    context = browser.new_context(viewport=PHONE, is_mobile=True, timezone_id=ZONE)
    yield Phone(context, server, screenshots)
    context.close()


def test_onboarding_keeps_the_browsers_time_zone_for_the_persons_today(
    phone_in_auckland: Phone,
) -> None:
    phone = phone_in_auckland
    sign_up(phone, "auckland@example.com")
    hidden = phone.page.locator('form[action="/onboarding"] input[name="time_zone"]')
    expect(hidden).to_have_value(ZONE)  # filled by app.js before anything is sent
    onboard(phone)
    page = phone.open("/settings")
    expect(page.locator("#time-zone")).to_contain_text(f"Yours is {ZONE}")
    expect(page.locator("#time_zone")).to_have_value(ZONE)
    assert phone.errors == []  # no script error, no CSP breach
