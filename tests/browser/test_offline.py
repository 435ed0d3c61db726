"""The gym-floor app offline, in real Chromium: the service worker, the outbox and its sync.

Each test runs its own server on a SQLite file, so it can kill the server and start it again
on the same port and database. "Offline" is the browser context set offline *and* the server
stopped: Chromium's offline emulation does not reach the service worker's own fetches, and a
stopped server makes sure every page shown came from the phone's caches.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, FloatRect, Page, Route, expect

from tests.browser.conftest import _free_port, _server_command, _wait_until_listening
from tests.browser.test_accessibility import _axe_script, _violations
from tests.browser.test_phone import PASSWORD, PHONE, Phone, seed

SAVED_HERE = "Saved on this phone"  # what a waiting row tells a screen reader


@dataclass
class Server:
    """`hipcoach serve` on a fixed port and database file, which outlive its process."""

    folder: Path
    port: int = field(default_factory=_free_port)
    process: subprocess.Popen[bytes] | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        env = os.environ | {
            "HIPCOACH_DATABASE_URL": f"sqlite:///{self.folder / 'db.sqlite'}",
            "HIPCOACH_OPEN_SIGNUP": "1",
            "HIPCOACH_SIGNUPS_PER_HOUR": "0",
        }
        log = self.folder / "server.log"
        with log.open("ab") as out:
            self.process = subprocess.Popen(
                _server_command(self.port), env=env, stdout=out, stderr=subprocess.STDOUT
            )
        _wait_until_listening(self.process, self.port, log)

    def kill(self) -> None:
        """SIGKILL: no shutdown, as when the machine loses power."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
        self.process = None


@pytest.fixture
def server_here(chromium_path: str, tmp_path: Path) -> Iterator[Server]:
    server = Server(tmp_path)
    server.start()
    yield server
    server.kill()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    made = browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True
    )
    yield made
    made.close()


class Person:
    """A signed-up person with a plan, their phone, and an API token to check the store."""

    def __init__(self, context: BrowserContext, server: Server, shots: Path, email: str) -> None:
        self.phone = Phone(context, server.base, shots)
        self.server = server
        self.email = email
        seed(self.phone, email)
        self.token = self._token()

    def _token(self) -> str:
        body = {"email": self.email, "password": PASSWORD, "name": "checks"}
        answer = self.api("POST", "/api/v1/auth/tokens", body, token=False)
        return str(answer["token"])

    def api(self, method: str, path: str, body: Any = None, *, token: bool = True) -> Any:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.server.base + path, data=data, method=method)
        request.add_header("content-type", "application/json")
        if token:
            request.add_header("authorization", f"Bearer {self.token}")
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.loads(response.read() or b"null")

    def stored_sets(self) -> list[dict[str, Any]]:
        sets: list[dict[str, Any]] = []
        for session in self.api("GET", "/api/v1/sessions?limit=50"):
            sets += self.api("GET", f"/api/v1/sessions/{session['id']}/sets")
        return sets

    @property
    def page(self) -> Page:
        return self.phone.page


def open_today_with_worker(person: Person) -> Page:
    """/today, controlled by the service worker, with the page kept in its cache."""
    page = person.phone.open("/today")
    expect(page.get_by_role("heading", name="Today's session")).to_be_visible()
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    _wait_for_cached(page, "/today")
    return page


def _wait_for_cached(page: Page, path: str) -> None:
    for _ in range(100):
        if page.evaluate("p => caches.match(p).then(r => !!r)", path):
            return
        page.wait_for_timeout(100)
    pytest.fail(f"{path} never reached the service worker's cache")


def go_offline(context: BrowserContext, server: Server) -> None:
    context.set_offline(True)
    server.kill()


def go_online(context: BrowserContext, server: Server) -> None:
    server.start()
    context.set_offline(False)


def tap_every_set(page: Page) -> list[str]:
    """Tap "Done as prescribed" on every set still to do; the ids of the sets logged."""
    tapped: list[str] = []
    while (button := page.get_by_role("button", name="Done as prescribed")).count():
        set_id = button.first.locator("xpath=..").locator('input[name="set_id"]').input_value()
        button.first.click()
        row = page.locator(f'[data-outbox-id="set:{set_id}"]')
        expect(row).to_have_attribute("data-sync", "waiting")
        expect(row.locator(".sync-note")).to_have_text(re.compile(SAVED_HERE))
        tapped.append(set_id)
    return tapped


def tap_times(page: Page) -> list[float]:
    durations: list[float] = page.evaluate(
        "performance.getEntriesByName('hc-tap-to-shown').map(e => e.duration)"
    )
    return durations


def test_a_session_logged_offline_survives_a_reload_and_is_stored_once_online(
    browser: Browser, context: BrowserContext, server_here: Server, screenshots: Path
) -> None:
    person = Person(context, server_here, screenshots, "olive@example.com")
    page = open_today_with_worker(person)
    sent: list[str] = []
    page.on(
        "request",
        lambda r: sent.append(r.post_data or "") if r.url.endswith("/api/v1/sync") else None,
    )

    rows = page.locator("li.set-row, li.set-pair").count()  # a per-side set is one row
    go_offline(context, server_here)
    tapped = tap_every_set(page)
    assert len(tapped) > rows > 2, "the plan has per-side moves: two taps to a row"
    focused = page.evaluate("document.activeElement.closest('[data-outbox-id]') !== null")
    assert focused, "focus stays on the set just logged"
    expect(page.locator("#live-announcer")).to_contain_text("saved")
    banner = page.locator("#sync-state")
    expect(banner).to_contain_text("You are offline.")
    expect(banner).to_contain_text(f"{rows} sets saved on this phone")
    expect(banner).to_have_attribute("aria-live", "polite")
    # One banner at the top of the page, not a visible note on every row.
    assert page.evaluate("document.querySelector('main').firstElementChild.id") == "sync-state"
    assert page.evaluate(
        "[...document.querySelectorAll('.sync-note')].every(n => n.offsetHeight <= 1)"
    ), "a waiting row's note is for screen readers only"
    expect(page.get_by_text(f"{rows} of {rows} sets logged")).to_be_visible()
    expect(page.locator("[data-all-logged]")).to_have_text(f"All {rows} sets logged.")
    times = tap_times(page)
    assert len(times) == len(tapped)
    page.screenshot(path=str(screenshots / "today-offline.png"), full_page=False)

    page.reload()  # no server, no network: the page and the outbox come from the phone
    expect(page.get_by_role("heading", name="Today's session")).to_be_visible()
    expect(page.locator(".set-row.is-done")).to_have_count(len(tapped))
    expect(page.get_by_role("button", name="Done as prescribed")).to_have_count(0)

    go_online(context, server_here)
    for set_id in tapped:
        expect(page.locator(f'[data-outbox-id="set:{set_id}"] .sync-note')).to_have_text("Saved")
    expect(page.locator("#sync-state")).to_be_hidden()
    stored = person.stored_sets()
    assert sorted(s["id"] for s in stored) == sorted(tapped), "every set stored exactly once"

    # The same outbox sent twice more (a phone that never heard the answers): nothing new.
    csrf = page.locator('meta[name="hipcoach-csrf"]').get_attribute("content") or ""
    assert sent
    for _ in range(2):
        for body in sent:
            answer = context.request.post(
                server_here.base + "/api/v1/sync",
                data=body,
                headers={"content-type": "application/json", "x-csrf-token": csrf},
            )
            assert answer.status == 200, answer.text()
            assert {r["status"] for r in answer.json()["results"]} == {200}
    assert len(person.stored_sets()) == len(tapped)
    # Measured, not judged here (a loaded CI machine is no benchmark): `make bench` reports it.
    assert all(t > 0 for t in times)
    assert not page_errors(person)


def page_errors(person: Person) -> list[str]:
    """Console errors and uncaught exceptions, but for failed loads (offline on purpose) and
    the 401 of a signed-out sync (answered on screen)."""
    expected = ("net::ERR_", "401 (Unauthorized)")
    return [e for e in person.phone.errors if not any(mark in e for mark in expected)]


def test_the_offline_banner_shows_only_while_offline_or_with_sets_queued(
    context: BrowserContext, server_here: Server, screenshots: Path
) -> None:
    person = Person(context, server_here, screenshots, "banner@example.com")
    page = open_today_with_worker(person)
    banner = page.locator("#sync-state")
    expect(banner).to_be_hidden()
    context.set_offline(True)
    expect(banner).to_be_visible()
    expect(banner).to_have_text(
        "You are offline. Sets you log are kept on this phone and sync when you are back online."
    )
    assert banner.bounding_box()["y"] < page.locator("h1").bounding_box()["y"]  # type: ignore[index]
    context.set_offline(False)
    expect(banner).to_be_hidden()

    # Online, a set on its way to the server is no news: the banner stays hidden (no jump).
    page.evaluate(
        """() => { window.bannerShown = false; const b = document.getElementById('sync-state');
           new MutationObserver(() => { if (!b.hidden) window.bannerShown = true; })
             .observe(b, { attributes: true, childList: true }); }"""
    )
    form = page.locator("form.set-form").first
    set_id = form.locator('input[name="set_id"]').input_value()
    form.get_by_role("button", name="Done as prescribed").click()
    note = page.locator(f'[data-outbox-id="set:{set_id}"] .sync-note')
    expect(note).to_have_text("Saved")
    assert page.evaluate("window.bannerShown") is False
    assert not page_errors(person)


def test_a_server_killed_in_the_middle_of_a_sync_loses_nothing_and_stores_nothing_twice(
    context: BrowserContext, server_here: Server, screenshots: Path
) -> None:
    person = Person(context, server_here, screenshots, "mid@example.com")
    page = open_today_with_worker(person)
    go_offline(context, server_here)
    tapped = tap_every_set(page)[:3]

    killed: list[int] = []

    def store_then_die(route: Route) -> None:
        # The server stores the outbox and commits; then it dies before the phone hears back.
        if not killed:
            answer = route.fetch()
            killed.append(answer.status)
            server_here.kill()
            route.abort("connectionreset")
            return
        route.continue_()

    page.route("**/api/v1/sync", store_then_die)
    go_online(context, server_here)
    _wait_until(page, lambda: killed == [200])
    expect(page.locator("#sync-state")).to_contain_text("waiting")  # the phone still has it all
    server_here.start()  # the phone's retry timer sends the outbox again
    for set_id in tapped:
        expect(page.locator(f'[data-outbox-id="set:{set_id}"] .sync-note')).to_have_text(
            "Saved", timeout=20_000
        )
    stored = [s["id"] for s in person.stored_sets()]
    assert len(stored) == len(set(stored))
    assert set(tapped) <= set(stored)
    assert not page_errors(person)


def _wait_until(page: Page, condition: Callable[[], bool], seconds: float = 10.0) -> None:
    """Poll while Playwright keeps handling the page's events (routes run meanwhile)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        page.wait_for_timeout(50)
    pytest.fail("the condition never held")


def test_a_conflicting_set_is_shown_and_a_signed_out_phone_keeps_its_outbox(
    context: BrowserContext, server_here: Server, screenshots: Path
) -> None:
    person = Person(context, server_here, screenshots, "conflict@example.com")
    page = open_today_with_worker(person)
    session = page.locator("[data-session-id]")
    session_id = session.get_attribute("data-session-id")
    day = session.get_attribute("data-session-date")
    context.set_offline(True)
    form = page.locator("form.set-form").first
    set_id = form.locator('input[name="set_id"]').input_value()
    exercise = form.locator('input[name="exercise"]').input_value()
    side = form.locator('input[name="side"]').input_value()
    kind = form.locator('input[name="kind"]').input_value()
    form.get_by_role("button", name="Done as prescribed").click()
    row = page.locator(f'[data-outbox-id="set:{set_id}"]')
    expect(row).to_have_attribute("data-sync", "waiting")

    # Meanwhile another device stores the same set id with other values.
    person.api("POST", "/api/v1/sessions", {"id": session_id, "date": day})
    other = {"id": set_id, "exercise": exercise, "side": side, kind: 1, "pain": 0}
    person.api("POST", f"/api/v1/sessions/{session_id}/sets", other)

    context.set_offline(False)
    expect(row.locator(".sync-note")).to_contain_text("Conflict: Set")
    expect(row.locator(".sync-note")).to_contain_text("other values")
    expect(page.locator("#sync-state")).to_contain_text("not stored")
    assert [s[kind] for s in person.stored_sets()] == [1], "the server's copy stands"

    # Signed out (the session ended) while a set waits: the phone says so and keeps it.
    context.set_offline(True)
    second = page.locator("form.set-form").first
    second_id = second.locator('input[name="set_id"]').input_value()
    second.get_by_role("button", name="Done as prescribed").click()
    context.clear_cookies()
    context.set_offline(False)
    expect(page.locator("#sync-state")).to_contain_text("sign in to sync")
    expect(page.locator("#sync-state").get_by_role("link", name="Sign in")).to_be_visible()
    assert second_id not in {s["id"] for s in person.stored_sets()}
    page.screenshot(path=str(screenshots / "today-sign-in-to-sync.png"), full_page=False)

    page.goto(server_here.base + "/signin?next=/today")
    page.get_by_label("Email").fill(person.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/today"))
    _wait_until(page, lambda: second_id in {s["id"] for s in person.stored_sets()})
    assert not page_errors(person)


def test_the_app_is_installable(
    context: BrowserContext, server_here: Server, screenshots: Path
) -> None:
    person = Person(context, server_here, screenshots, "install@example.com")
    page = open_today_with_worker(person)
    scope = page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.scope)")
    assert scope == server_here.base + "/"
    manifest = page.evaluate("fetch('/manifest.webmanifest').then(r => r.json())")
    assert manifest["start_url"] == "/today"
    for icon in manifest["icons"]:
        size = page.evaluate(
            """src => new Promise(done => { const i = new Image(); i.onload = () =>
               done(i.naturalWidth + 'x' + i.naturalHeight); i.src = src; })""",
            icon["src"],
        )
        assert size == icon["sizes"]
    cdp = context.new_cdp_session(page)
    assert cdp.send("Page.getAppManifest")["errors"] == []
    errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
    # Playwright's contexts are incognito, which Chromium never installs from; nothing else
    # (manifest fields, icons, a service worker with a fetch handler) may be missing.
    assert [e["errorId"] for e in errors if e["errorId"] != "in-incognito"] == [], errors


def log_a_past_session(person: Person, page: Page, *, days_ago: int) -> None:
    """Today's first two moves as done `days_ago` days ago (through the API), one rep more
    on the left than on the right, so that Today has a "last time" beside each set."""
    forms: list[dict[str, str]] = page.evaluate(
        """() => [...document.querySelectorAll('article')]
            .filter(a => a.querySelector('form.set-form')).slice(0, 2)
            .flatMap(a => [...a.querySelectorAll('form.set-form')])
            .map(f => Object.fromEntries(new FormData(f)))"""
    )
    day = (date.today() - timedelta(days=days_ago)).isoformat()  # noqa: DTZ011 - the server's clock
    session = f"past-session-{days_ago}-days-ago"
    person.api("POST", "/api/v1/sessions", {"id": session, "date": day})
    for n, form in enumerate(forms):
        amount = int(form["amount"]) + (2 if form["side"] == "left" else 1)
        logged = {
            "id": f"{session}-set-{n}",
            "exercise": form["exercise"],
            "side": form["side"],
            form["kind"]: amount,
            "resistance_key": form["resistance_key"],
            "pain": 0,
            "logged_at": f"{day}T09:{n:02d}:00Z",
        }
        person.api("POST", f"/api/v1/sessions/{session}/sets", logged)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_today_at_phone_size_in_light_and_dark(
    browser: Browser, server_here: Server, screenshots: Path, scheme: str
) -> None:
    made = browser.new_context(
        viewport=PHONE,
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        color_scheme="dark" if scheme == "dark" else "light",
        bypass_csp=True,  # for axe-core's script below; the page loads nothing else
    )
    try:
        person = Person(made, server_here, screenshots, f"{scheme}@example.com")
        log_a_past_session(person, person.phone.open("/today"), days_ago=3)
        page = person.phone.open("/today")
        expect(page.locator(".set-last").first).to_be_visible()  # "last time" beside the sets
        # Heard with the row: each side's button is described by its set and last time's.
        left = page.get_by_role("button", name="Left done as prescribed").first
        expect(left).to_have_accessible_description(
            re.compile(r"^Set 1 · Left: \d+ \w+ last: left \d+, right \d+ \w+, .+$")
        )
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert (background == "rgb(23, 21, 27)") == (scheme == "dark")
        # The phone's bar: the first theme-color whose media query this device matches.
        bar = page.evaluate(
            """() => [...document.querySelectorAll('meta[name="theme-color"]')]
                .find(m => !m.media || matchMedia(m.media).matches).content"""
        )
        header = page.evaluate(
            "getComputedStyle(document.querySelector('.site-header')).backgroundColor"
        )
        if scheme == "dark":
            assert (bar, header) == ("#211e27", "rgb(33, 30, 39)"), "bar and header run together"
        else:
            assert bar == "#6b3d8f"
        # From the top of the page to the first move's set rows, with their "last time".
        rows = page.locator("article:has(form.set-form) ol.sets").first.bounding_box()
        assert rows is not None
        height = min(rows["y"] + rows["height"] + 16, 2 * PHONE["height"])
        clip: FloatRect = {"x": 0, "y": 0, "width": PHONE["width"], "height": height}
        page.screenshot(path=str(screenshots / f"today-{scheme}.png"), full_page=True, clip=clip)
        assert _violations(page, _axe_script()) == [], "axe-core, with last time shown"

        # One side of a row, then the other: the count moves once, and the row's last time
        # goes with its buttons (app.js, as the server draws a logged row).
        page.reload()  # axe opened every panel
        first = page.locator("li.set-pair").first
        total = page.locator("li.set-row, li.set-pair").count()
        first.get_by_role("button", name="Left done as prescribed").click()
        expect(first.locator(".set-row.is-done")).to_have_count(1)
        expect(page.get_by_text(f"0 of {total} sets logged")).to_be_visible()
        expect(first.locator(".set-last")).to_have_count(1)
        first.get_by_role("button", name="Right done as prescribed").click()
        expect(page.get_by_text(f"1 of {total} sets logged")).to_be_visible()
        expect(first.locator(".set-last")).to_have_count(0)
        assert not page_errors(person)
    finally:
        made.close()
