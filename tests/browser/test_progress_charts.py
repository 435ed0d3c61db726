"""The progress charts in real Chromium at 375 px, light and dark: axes, labels, the table of
each chart's numbers, and nothing wider than the screen."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import APIRequestContext, Browser, BrowserContext, expect

from tests.browser.test_phone import PASSWORD, PHONE, Phone, seed

CHARTS = (
    "adherence-chart",
    "weekly-sets-chart",
    "muscles-chart",
    "challenge-clamshell",
    "self-tests-chart",
)
WEEKS = 5


def _api(request: APIRequestContext, base: str, method: str, path: str, **kw: Any) -> Any:
    response = request.fetch(base + "/api/v1" + path, method=method, **kw)
    assert response.ok, (path, response.status, response.text())
    return response.json()


def _history(phone: Phone, email: str) -> int:
    """A plan that began five weeks ago, trained on each planned day (clamshells, both sides,
    one more rep each time), through the API with a token of the same person."""
    request = phone.context.request
    grant = {"email": email, "password": PASSWORD, "name": "charts"}
    token = _api(request, phone.base, "POST", "/auth/tokens", data=grant)["token"]
    headers = {"Authorization": f"Bearer {token}"}
    today = date.today()  # noqa: DTZ011 - the server runs on this machine's clock
    start = today - timedelta(weeks=WEEKS, days=today.weekday())
    profile = {
        "level": "beginner",
        "goal": "muscle",
        "days": ["mon", "thu"],
        "minutes": 30,
        "start": start.isoformat(),
        "equipment": ["mini_band"],
    }
    _api(request, phone.base, "PUT", "/profile", data=profile, headers=headers)
    plan = _api(request, phone.base, "GET", "/plan", headers=headers)
    days = [s["date"] for w in plan["weeks"] for s in w["sessions"] if s["date"] < str(today)]
    for n, day in enumerate(days):
        session = {"id": f"chart-session-{n:03d}", "date": day}
        _api(request, phone.base, "POST", "/sessions", data=session, headers=headers)
        for side in ("left", "right"):
            logged = {
                "id": f"chart-set-{n:03d}-{side}",
                "exercise": "clamshell",
                "side": side,
                "reps": 10 + n,
                "resistance_key": "mini_band_light" if n > 3 else "bodyweight",
            }
            url = f"/sessions/{session['id']}/sets"
            _api(request, phone.base, "POST", url, data=logged, headers=headers)
    tests = [  # a side-bridge hold at the start and in the lighter week
        {"id": f"chart-test-{day}-{side}", "test": "side_bridge_hold", "date": day}
        | {"side": side, "value": seconds + (5 if side == "left" else 0)}
        for day, seconds in ((days[0], 30), (days[6], 42))
        for side in ("left", "right")
    ]
    _api(
        request, phone.base, "POST", "/self-tests/results", data={"results": tests}, headers=headers
    )
    return len(days)


@pytest.fixture(scope="module")
def person(
    browser: Browser, server: str, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Any, int]:
    """A person with five weeks of history: their signed-in browser's state, and how many
    sessions they logged."""
    context = browser.new_context(viewport=PHONE)
    phone = Phone(context, server, tmp_path_factory.mktemp("shots"))
    seed(phone, "charts@example.com")
    sessions = _history(phone, "charts@example.com")
    state = context.storage_state()
    context.close()
    return state, sessions


@pytest.fixture(params=["light", "dark"])
def scheme_phone(
    request: pytest.FixtureRequest,
    browser: Browser,
    server: str,
    screenshots: Path,
    person: tuple[Any, int],
) -> Iterator[tuple[Phone, str, int]]:
    state, sessions = person
    context: BrowserContext = browser.new_context(
        viewport=PHONE,
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        color_scheme=request.param,
        storage_state=state,
    )
    yield Phone(context, server, screenshots), request.param, sessions
    context.close()


def test_each_chart_has_axes_labels_and_its_table_at_phone_size(
    scheme_phone: tuple[Phone, str, int],
) -> None:
    phone, scheme, sessions = scheme_phone
    page = phone.open("/progress")
    expect(page.get_by_role("heading", name="Progress", exact=True)).to_be_visible()
    for ident in CHARTS:
        figure = page.locator(f"#{ident}")
        svg = figure.locator("svg.chart")
        expect(svg).to_be_visible()
        assert svg.get_attribute("role") == "img"
        box = svg.bounding_box()
        assert box is not None
        assert box["x"] >= 0
        assert box["x"] + box["width"] <= PHONE["width"], ident
        if ident == "adherence-chart":  # a calendar: weekdays across, weeks down
            labels = svg.locator("text").all_text_contents()
            assert {"Mon", "Thu", "Week 1", "Week 2"} <= set(labels)
        else:
            assert svg.locator(".chart-axis").count() >= 2, ident
        assert svg.locator("text").count() >= 5, ident  # ticks, titles, legend
        table = figure.locator("details.chart-data table")
        expect(table).to_be_hidden()
        figure.locator("summary").click()
        expect(table).to_be_visible()
        assert table.locator("tbody tr").count() >= 1, ident
    challenge = page.locator("#challenge-clamshell")
    texts = challenge.locator("svg text").all_text_contents()
    assert "Best set (reps)" in texts
    assert "Resistance" in texts
    assert {"Left", "Right"} <= set(texts)
    assert "Lighter week" in texts  # week 4 was lighter, and is shaded
    dates = [t for t in texts if re.fullmatch(r"\d{1,2} [A-Z][a-z]{2}", t)]
    assert len(dates) >= 2  # the date axis is labelled, '5 Jan'
    rows = challenge.locator("tbody tr")
    assert rows.count() == sessions  # every session drawn is in the table
    assert "10 reps" in rows.first.inner_text()
    held = page.locator("#self-tests-chart")
    held_texts = held.locator("svg text").all_text_contents()
    assert any("Side-bridge hold" in t for t in held_texts), held_texts
    assert {"Left", "Right"} <= set(held_texts)
    assert held.locator("tbody tr").count() >= 2  # both test days are in the table
    week = page.locator("#adherence-chart tbody tr").first.inner_text()
    assert "done" in week
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"/progress scrolls sideways ({width} px)"
    ink = page.evaluate(
        "getComputedStyle(document.querySelector('#weekly-sets-chart svg text')).fill"
    )
    paper = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert ink != paper
    if scheme == "dark":
        # Light text on a dark page: the chart follows the page's palette.
        assert _luminance(ink) > _luminance(paper)
    else:
        assert _luminance(ink) < _luminance(paper)
    phone.shot(f"progress-charts-{scheme}")
    assert not phone.errors  # no CSP breach, no script error


def _luminance(css: str) -> float:
    parts = css[css.index("(") + 1 : css.index(")")].split(",")
    red, green, blue = (float(p) for p in parts[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue
