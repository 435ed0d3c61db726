"""The whole journey in real Chromium at phone size, against a real server and database."""

from __future__ import annotations

import re
import urllib.request
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlencode

import icalendar
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize, expect

from tests.web.forms import form_posting_to

PHONE: ViewportSize = {"width": 375, "height": 812}
PASSWORD = "a long test passphrase"
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MAX_SETS = 80


class Phone:
    """One person's browser: a page at 375 px that records console errors (CSP breaches)."""

    def __init__(self, context: BrowserContext, base: str, shots: Path) -> None:
        self.context = context
        self.base = base
        self.shots = shots
        self.page: Page = context.new_page()
        self.errors: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def open(self, path: str) -> Page:
        self.page.goto(self.base + path)
        return self.page

    def shot(self, name: str, *, full_page: bool = True) -> None:
        self.page.screenshot(path=str(self.shots / f"{name}.png"), full_page=full_page)


NewPhone = Callable[[], Phone]


@pytest.fixture
def new_phone(browser: Browser, server: str, screenshots: Path) -> Iterator[NewPhone]:
    """Fresh phones (browser contexts with their own cookies) on the test server."""
    contexts: list[BrowserContext] = []

    def make() -> Phone:
        context = browser.new_context(
            viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True
        )
        contexts.append(context)
        return Phone(context, server, screenshots)

    yield make
    for context in contexts:
        context.close()


def sign_up(phone: Phone, email: str, *, shots: bool = False) -> None:
    page = phone.open("/")
    if shots:
        phone.shot("welcome")
    page.get_by_role("link", name="Create an account").click()
    page.get_by_label("Your name").fill("Robin")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    if shots:
        phone.shot("signup")
    page.get_by_role("button", name="Create account").click()
    expect(page).to_have_url(re.compile(r"/onboarding$"))


def training_days() -> set[str]:
    """Today and three days later, so that today has a session."""
    today = date.today()  # noqa: DTZ011 - the server runs on this machine's clock
    return {DAYS[today.weekday()], DAYS[(today + timedelta(days=3)).weekday()]}


def onboard(phone: Phone, *, shots: bool = False) -> None:
    page = phone.page
    wanted = training_days()
    for key in DAYS:
        box = page.locator(f'input[name="days"][value="{key}"]')
        box.set_checked(key in wanted)
    page.get_by_label("Mini band").check()
    if shots:
        phone.shot("onboarding")
    page.get_by_role("button", name="Make my plan").click()
    expect(page).to_have_url(re.compile(r"/plan\?notice=new$"))


def _post_form(phone: Phone, action: str, **changes: str | list[str]) -> None:
    """Read the form on `action`'s page and post it, as the browser would, over plain HTTP."""
    request = phone.context.request  # shares the phone's cookies
    form = form_posting_to(request.get(phone.base + action).text(), action)
    response = request.post(
        phone.base + action,
        data=urlencode(form.data(**changes), doseq=True),
        headers={"content-type": "application/x-www-form-urlencoded"},
        max_redirects=0,
    )
    assert response.status == 303, response.text()


def seed(phone: Phone, email: str) -> None:
    """Sign up and onboard over HTTP in the phone's cookie jar, rendering nothing on screen.

    The first test does both on screen; the others only need a person with a plan.
    """
    _post_form(phone, "/signup", email=email, password=PASSWORD, name="Robin")
    _post_form(phone, "/onboarding", days=sorted(training_days()), equipment=["mini_band"])


# Slow by nature: the one journey on screen, every set of a session a real navigation, and the
# screenshots the README shows.
def test_sign_up_plan_log_a_whole_session_and_see_progress(new_phone: NewPhone) -> None:
    phone = new_phone()
    sign_up(phone, "robin@example.com", shots=True)
    onboard(phone, shots=True)
    page = phone.page
    expect(page.get_by_text("no program can remove them")).to_be_visible()
    expect(page.get_by_role("heading", name="What to expect, honestly")).to_be_visible()
    phone.shot("plan")

    page.get_by_role("link", name="Go to today's session").click()
    expect(page.get_by_role("heading", name="Today's session")).to_be_visible()
    phone.shot("today")

    rest = page.locator("[data-timer-label=Rest]").first
    rest.click()
    expect(page.locator(".timer-display:visible").first).to_contain_text("Rest 0:")
    rest.click()

    first = page.locator("form.set-form").first
    first.locator("summary").click()
    first.get_by_label("Pain during the set").select_option("1")
    first.get_by_label(re.compile("done$")).fill("11")
    phone.shot("today-edit")
    first.get_by_role("button", name="Save set").click()
    expect(page.locator(".set-row.is-done")).to_have_count(1)

    for _ in range(MAX_SETS):
        button = page.get_by_role("button", name="Done as prescribed")
        if button.count() == 0:
            break
        done = page.locator(".set-row.is-done").count()
        button.first.click()  # shown at once, sent by the outbox (no page load)
        # each tap is seen done before the next, so a tap never aims at a row just replaced
        expect(page.locator(".set-row.is-done")).to_have_count(done + 1)
    assert page.get_by_role("button", name="Done as prescribed").count() == 0
    logged = page.locator("li.set-row, li.set-pair").count()  # a per-side set counts once
    sides = page.locator(".set-row.is-done").count()
    assert sides > logged > 4
    expect(page.get_by_text(f"{logged} of {logged} sets logged")).to_be_visible()
    phone.shot("today-finished")

    page.get_by_role("link", name="Finish session").click()
    expect(page.get_by_role("heading", name="What changes next time, and why")).to_be_visible()
    phone.shot("finish")

    page.get_by_role("link", name="See your progress").click()
    expect(page.get_by_text(f"{sides} sets")).to_be_visible()  # the logbook counts each side
    expect(page.get_by_text("no program can remove them")).to_be_visible()
    phone.shot("progress")
    page.locator(".sessions-list a").first.click()
    expect(page.get_by_role("heading", name=re.compile("^Session of"))).to_be_visible()
    phone.shot("session")
    assert not phone.errors


def test_every_other_page_at_phone_size(new_phone: NewPhone) -> None:
    phone = new_phone()
    seed(phone, "casey@example.com")
    for path, name in (
        ("/plan/print", "plan-print"),
        ("/exercises", "exercises"),
        ("/exercises/side_lying_hip_abduction", "exercise"),
        ("/learn", "learn"),
        ("/learn/what_training_changes", "learn-topic"),
        ("/settings", "settings"),
    ):
        page = phone.open(path)
        expect(page.locator("h1")).to_be_visible()
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{path} scrolls sideways ({width} px)"
        # The whole printed plan is ~55,000 px tall and took 3.5 s to shoot; its first screen
        # shows the layout.
        phone.shot(name, full_page=not path.startswith("/plan/print"))
    phone.open("/exercises?equipment=mini_band&role=isolation")
    phone.shot("exercises-filtered")
    page = phone.open("/plan/print")
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    phone.shot("plan-print-media", full_page=False)
    page.emulate_media(media="screen")
    page = phone.open("/settings")
    page.get_by_role("button", name="Sign out", exact=True).click()
    expect(page).to_have_url(re.compile(r"/signin"))
    phone.shot("signin")
    assert not phone.errors


def test_the_calendar_subscription_serves_icalendar(new_phone: NewPhone) -> None:
    phone = new_phone()
    seed(phone, "dana@example.com")
    page = phone.open("/settings")
    page.get_by_role("button", name="Create a subscription address").click()
    address = page.get_by_label("Calendar address").input_value()
    phone.shot("settings-calendar")
    assert "/calendar/" in address
    with urllib.request.urlopen(address, timeout=10) as response:  # no cookies: a calendar app
        assert response.headers["content-type"].startswith("text/calendar")
        calendar = icalendar.Calendar.from_ical(response.read())
    assert len(list(calendar.walk("VEVENT"))) > 10


def test_a_second_person_cannot_open_the_first_persons_data(new_phone: NewPhone) -> None:
    first = new_phone()
    seed(first, "eli@example.com")
    page = first.open("/today")
    page.get_by_role("button", name="Done as prescribed").first.click()
    action = page.locator("form.undo").first.get_attribute("action") or ""  # once synced
    session_path = "/".join(action.split("/")[:3])
    assert re.fullmatch(r"/sessions/[A-Za-z0-9_-]+", session_path)
    expect(
        first.open(session_path).get_by_role("heading", name=re.compile("^Session of"))
    ).to_be_visible()

    second = new_phone()
    seed(second, "fay@example.com")
    response = second.page.goto(second.base + session_path)
    assert response is not None
    assert response.status == 404
    second.shot("other-persons-session")
    progress = second.open("/progress")
    expect(progress.get_by_text("No sessions logged yet")).to_be_visible()
    assert "eli@example.com" not in second.open("/settings").content()
    assert second.context.cookies() != first.context.cookies()
