"""Correcting a self-test result on Progress in real Chromium at 375 px, with JavaScript off
and on: the Edit disclosure beside Delete is a plain form, and fits the screen."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.test_phone import PHONE, Phone, seed


@pytest.fixture(params=[False, True], ids=["no-js", "js"])
def phone(
    request: pytest.FixtureRequest, browser: Browser, server: str, screenshots: Path
) -> Iterator[tuple[Phone, str]]:
    """A phone, and a name for the person on it (one person each way)."""
    context = browser.new_context(
        viewport=PHONE,
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        java_script_enabled=request.param,
    )
    yield Phone(context, server, screenshots), "js" if request.param else "no-js"
    context.close()


def test_a_result_typed_wrong_is_corrected_from_its_edit_disclosure(
    phone: tuple[Phone, str],
) -> None:
    device, name = phone
    seed(device, f"edit.selftest.{name}@example.com")
    page = device.open("/progress")
    card = page.locator("#test-single_leg_stance")
    card.get_by_label("Left (seconds)").fill("12")
    card.get_by_label("Right (seconds)").fill("28")
    card.get_by_role("button", name="Save 30-second single-leg stance").click()
    expect(page.get_by_text("Self-test saved.")).to_be_visible()

    card = page.locator("#test-single_leg_stance")
    card.get_by_text("Your results (2)").click()
    left = card.locator("li", has_text=re.compile(r", left: 12 seconds"))
    left.locator("summary", has_text="Edit").click()
    value = left.get_by_label("Left (seconds)")
    expect(value).to_have_value("12")
    value.fill("21")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"/progress scrolls sideways ({width} px)"
    card.screenshot(path=str(device.shots / f"progress-self-test-edit-{name}.png"))
    left.get_by_role("button", name="Save the correction").click()

    expect(page).to_have_url(re.compile(r"/progress\?notice=corrected#self-tests$"))
    expect(page.get_by_text("Self-test result changed.")).to_be_visible()
    card = page.locator("#test-single_leg_stance")
    card.get_by_text("Your results (2)").click()
    expect(card.locator("li", has_text=", left: 21 seconds")).to_have_count(1)
    expect(card.locator("li", has_text=", left: 12 seconds")).to_have_count(0)
    expect(card.locator("li", has_text=", right: 28 seconds")).to_have_count(1)
    assert not device.errors, device.errors
