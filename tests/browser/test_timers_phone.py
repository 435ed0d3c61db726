"""Timers a phone can live with, in real Chromium: the screen kept awake while Today's session
is open, one sound context primed by the first tap, tones in the last three seconds, and a
notification (through the service worker) when a rest ends while the tab is hidden.

The wake lock, the audio context and the notifications are the browser's own: an init script
only records what the page asks of them (headless Chromium refuses every wake lock, so the
request is what can be checked). Headless Chromium never hides a tab, so the script stands in
for the page's visibility (the phone locked and unlocked). Time is Playwright's clock, run
forward instead of waited for.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.browser.test_phone import PHONE, Phone, seed

OBSERVE = """
window.__hidden = false;
Object.defineProperty(document, "visibilityState", {
  get: () => (window.__hidden ? "hidden" : "visible"), configurable: true
});
window.__show = (hidden) => {
  window.__hidden = hidden;
  document.dispatchEvent(new Event("visibilitychange"));
};
window.__wake = [];
window.__contexts = 0;
window.__tones = [];
if (navigator.wakeLock) {
  const request = navigator.wakeLock.request.bind(navigator.wakeLock);
  navigator.wakeLock.request = (type) => { window.__wake.push(type); return request(type); };
}
const Real = window.AudioContext;
window.AudioContext = class extends Real {
  constructor(...args) { super(...args); window.__contexts += 1; }
  createOscillator() {
    const osc = super.createOscillator();
    const start = osc.start.bind(osc);
    osc.start = (...a) => { window.__tones.push(osc.frequency.value); return start(...a); };
    return osc;
  }
};
"""


def _until(page: Page, script: str, timeout_s: float = 15.0) -> None:
    """Wait until `script` is true in the page (wait_for_function would eval it, which the
    app's Content-Security-Policy forbids, and rightly)."""
    deadline = time.monotonic() + timeout_s
    while not page.evaluate(script):
        if time.monotonic() > deadline:
            pytest.fail(f"still false after {timeout_s:g} s: {script}")
        time.sleep(0.05)


@pytest.fixture
def allowed(browser: Browser, server: str, screenshots: Path) -> Iterator[Phone]:
    """A phone that has allowed notifications."""
    context: BrowserContext = browser.new_context(
        viewport=PHONE, is_mobile=True, has_touch=True, permissions=["notifications"]
    )
    context.add_init_script(OBSERVE)
    yield Phone(context, server, screenshots)
    context.close()


def test_a_rest_counts_down_out_loud_and_notifies_a_hidden_tab(allowed: Phone) -> None:
    phone = allowed
    seed(phone, "timer@example.com")
    page = phone.page
    phone.open("/today")
    _until(page, "navigator.serviceWorker.controller !== null")
    phone.open("/today")  # now a page the worker controls
    page.clock.install()  # from here on, the page's timers run when the test says
    assert page.evaluate("window.__wake") == ["screen"]  # asked as soon as the session opened
    assert page.evaluate("window.__contexts") == 0  # no sound before a tap

    rest = page.locator("[data-timer-label=Rest]").first
    seconds = int(rest.get_attribute("data-timer") or "0")
    assert seconds > 3
    rest.click()
    assert page.evaluate("window.__contexts") == 1
    assert page.evaluate("window.__tones") == []  # silent until the last three seconds

    asked = page.evaluate("window.__wake.length")
    page.evaluate("window.__show(true)")  # the phone locked
    page.clock.run_for(seconds * 1000 + 500)
    _until(page, "window.__tones.length === 4")
    assert page.evaluate("window.__tones") == [660, 660, 660, 880]  # 3, 2, 1, then the end
    assert page.evaluate("window.__contexts") == 1  # the one primed context, reused
    shown = page.evaluate(
        "navigator.serviceWorker.ready.then(r => r.getNotifications())"
        ".then(ns => ns.map(n => [n.title, n.body]))"
    )
    assert shown == [["hipcoach", "Rest done: next set."]]

    page.evaluate("window.__show(false)")  # and unlocked
    _until(page, f"window.__wake.length === {asked + 1}")  # asked again on coming back
    expect(page.locator(".timer-display.is-over").first).to_contain_text("Rest done")
    assert not phone.errors, phone.errors
