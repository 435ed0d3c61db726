"""axe-core finds no violations on any page a person can reach, in light and dark mode:
the device's (prefers-color-scheme) and the one chosen in Settings, which overrides it; at
phone size, and the pages the desktop layout changes at 1280 px as well. The API docs (Swagger
UI) are checked as a reader goes through them, at 390 and 1280 px.

axe-core comes from npm (tools/a11y, installed by `make a11y`, which `make test` runs) and is
injected into each page after it loaded; every <details> is opened first so that what hides
inside is checked too. One browser context per visitor: the signed-in pages reuse one sign-up.
Each page's background is checked too, so a scheme that silently failed to apply is caught.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, ViewportSize, expect

from tests.browser.test_phone import PASSWORD, training_days
from tests.web.forms import form_posting_to

AXE = Path(__file__).resolve().parents[2] / "tools" / "a11y" / "node_modules" / "axe-core"
PHONE: ViewportSize = {"width": 375, "height": 812}
DESKTOP: ViewportSize = {"width": 1280, "height": 800}
# The pages whose layout changes on a desktop (two columns, the header in one row).
DESKTOP_PAGES = ("/today", "/plan", "/progress", "/exercises", "/settings")
Scheme = Literal["light", "dark"]
SCHEMES: tuple[Scheme, ...] = ("light", "dark")
WASH = {"light": "rgb(247, 244, 250)", "dark": "rgb(23, 21, 27)"}  # --wash, the page behind

# /api/docs is Swagger UI in its own light and dark themes (our stylesheet mends the light one).
DOCS = "/api/docs"
DOCS_INK = {"light": "rgb(59, 65, 81)", "dark": "rgb(228, 230, 230)"}  # Swagger's text colour
DOCS_VIEWPORTS: tuple[ViewportSize, ...] = ({"width": 390, "height": 844}, DESKTOP)
# Opened with "Try it out": query parameters; a path parameter and a JSON body.
DOCS_OPENED = (("get", "/api/v1/sessions"), ("post", "/api/v1/sessions/{session_id}/sets"))

SIGNED_OUT = (
    "/",
    "/signin",
    "/signup",
    "/signup?invite=no-such-invite-aaaaaaaaaaaaaaaaaaaaaaaa",
    "/reset/no-such-reset-link-aaaaaaaaaaaaaaaaaaaaaaaa",
    "/exercises",
    "/exercises/clamshell",
    "/learn",
    "/learn/what_training_changes",
    "/exercises/no_such_move",  # the error page
)
SIGNED_IN = (
    "/today",
    "/today/done",
    "/plan",
    "/plan/print",
    "/progress",
    "/settings",
    "/onboarding",
    "/exercises",
    "/exercises?equipment=mini_band&role=isolation",
    "/exercises/side_plank_hip_abduction",
    "/learn",
    "/learn/what_training_changes",
    "/sessions/{session}",
)


def _axe_script() -> Path:
    script = AXE / "axe.min.js"
    if not script.is_file():
        message = f"axe-core is missing at {script} (install it with `make a11y`)"
        if os.environ.get("HIPCOACH_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return script


def _violations(page: Page, script: Path) -> list[str]:
    """axe-core's findings on the page as it is now, one line per element."""
    page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
    page.add_script_tag(path=str(script))
    result: dict[str, Any] = page.evaluate("axe.run(document, { resultTypes: ['violations'] })")
    return [
        f"{rule['id']} ({rule['impact']}) at {' '.join(map(str, node['target']))}: "
        f"{node['failureSummary'].splitlines()[-1].strip()}"
        for rule in result["violations"]
        for node in rule["nodes"]
    ]


def _check(
    page: Page, base: str, paths: tuple[str, ...], device: Scheme, shown: Scheme | None = None
) -> list[str]:
    """Every path's violations with the device set to `device`; each page must show `shown`
    (the device's scheme unless the person chose another)."""
    script = _axe_script()
    page.emulate_media(color_scheme=device)
    found: list[str] = []
    for path in paths:
        page.goto(base + path)
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert background == WASH[shown or device], f"{path} is not {shown or device}"
        found += [f"{path} [{shown or device}] {line}" for line in _violations(page, script)]
    return found


def _refused_sign_in(page: Page, base: str, scheme: Scheme) -> list[str]:
    """The sign-in page as a wrong password leaves it: the message and the marked field."""
    page.emulate_media(color_scheme=scheme)
    page.goto(base + "/signin")
    page.get_by_label("Email").fill("nobody@example.com")
    page.get_by_label("Password").fill("not the password at all")
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator("#form-error")).to_be_visible()
    return [f"refused sign-in [{scheme}] {line}" for line in _violations(page, _axe_script())]


def _one_time_values(page: Page, base: str, scheme: Scheme) -> list[str]:
    """Settings as it shows a new API token, then a new calendar address (shown once each)."""
    page.emulate_media(color_scheme=scheme)
    page.goto(base + "/settings")
    page.get_by_label("Token name").fill("phone")
    page.get_by_role("button", name="Create token").click()
    expect(page.get_by_label("New token")).to_be_visible()
    found = [f"new token [{scheme}] {line}" for line in _violations(page, _axe_script())]
    page.get_by_role("button", name=re.compile("subscription address|new address")).click()
    expect(page.get_by_label("Calendar address")).to_be_visible()
    return found + [f"new address [{scheme}] {line}" for line in _violations(page, _axe_script())]


def _context(browser: Browser) -> BrowserContext:
    # bypass_csp: the checker is injected as a script of its own; the pages keep their policy
    # for everything they load themselves.
    return browser.new_context(viewport=PHONE, bypass_csp=True)


def _post(context: BrowserContext, base: str, where: str, action: str, **changes: Any) -> None:
    """Submit the form on `where` that posts to `action`, as the browser would, over HTTP."""
    form = form_posting_to(context.request.get(base + where).text(), action)
    response = context.request.post(
        base + action,
        data=urlencode(form.data(**changes), doseq=True),
        headers={"content-type": "application/x-www-form-urlencoded"},
        max_redirects=0,
    )
    assert response.status == 303, response.text()


def _record_progress(page: Page, base: str) -> str:
    """A logged set, a self-test and a measurement, so Progress draws its charts and lists;
    the logged session's address."""
    context = page.context
    _post(context, base, "/today", "/today/sets")
    page.goto(base + "/progress")
    test = page.locator('form[action="/progress/self-tests"]').first
    for field in test.locator('input[type="number"]').all():
        field.fill(field.get_attribute("min") or "1")
    test.get_by_role("button").click()
    page.goto(base + "/progress#measurements")
    page.get_by_label("Hips").fill("100")
    page.get_by_label("Body weight").fill("64")
    page.get_by_role("button", name="Save measurement").click()
    expect(page.locator(".sessions-list a").first).to_be_visible()
    return page.locator(".sessions-list a").first.get_attribute("href") or ""


@pytest.fixture(scope="module")
def member(browser: Browser, server: str) -> Iterator[tuple[Page, str]]:
    """One signed-in browser with a plan, a logged session, a self-test and a measurement."""
    context = _context(browser)
    _post(
        context,
        server,
        "/signup",
        "/signup",
        email="axe@example.com",
        password=PASSWORD,
        name="Ana",
    )
    _post(
        context,
        server,
        "/onboarding",
        "/onboarding",
        days=sorted(training_days()),
        equipment=["mini_band"],
    )
    page = context.new_page()
    session = _record_progress(page, server)
    assert re.fullmatch(r"/sessions/[A-Za-z0-9_-]+", session), session
    yield page, session
    context.close()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_nothing_on_the_signed_out_pages(
    browser: Browser, server: str, scheme: Scheme
) -> None:
    context = _context(browser)
    try:
        page = context.new_page()
        found = _check(page, server, SIGNED_OUT, scheme)
        found += _refused_sign_in(page, server, scheme)
    finally:
        context.close()
    assert not found, "\n".join(found)


def _signed_in_paths(session: str) -> tuple[str, ...]:
    return tuple(path.format(session=session.removeprefix("/sessions/")) for path in SIGNED_IN)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_nothing_on_the_signed_in_pages(
    member: tuple[Page, str], server: str, scheme: Scheme
) -> None:
    page, session = member
    found = _check(page, server, _signed_in_paths(session), scheme)
    found += _one_time_values(page, server, scheme)
    assert not found, "\n".join(found)


def _choose(page: Page, base: str, appearance: str) -> None:
    _post(page.context, base, "/settings", "/settings/appearance", appearance=appearance)


@pytest.mark.parametrize(("chosen", "device"), [("dark", "light"), ("light", "dark")])
def test_axe_finds_nothing_when_the_chosen_appearance_overrides_the_device(
    member: tuple[Page, str], server: str, chosen: Scheme, device: Scheme
) -> None:
    page, session = member
    _choose(page, server, chosen)
    try:
        found = _check(page, server, _signed_in_paths(session), device, chosen)
    finally:
        _choose(page, server, "system")
    assert not found, "\n".join(found)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_nothing_on_the_desktop_layout(
    member: tuple[Page, str], server: str, scheme: Scheme
) -> None:
    page, _ = member
    page.set_viewport_size(DESKTOP)
    try:
        found = _check(page, server, DESKTOP_PAGES, scheme)
    finally:
        page.set_viewport_size(PHONE)
    assert not found, "\n".join(found)


def _operation(page: Page, method: str, path: str) -> Locator:
    summary = page.locator(f'.opblock-summary-path[data-path="{path}"]')
    return page.locator(f".opblock-{method}").filter(has=summary)


def _docs_views(page: Page, base: str, scheme: Scheme) -> list[str]:
    """The API docs as a reader goes through them: every operation collapsed; two opened with
    "Try it out", the first one sent (without a token: its 401 answer shown); Authorize."""
    script = _axe_script()
    page.emulate_media(color_scheme=scheme)
    page.goto(base + DOCS)
    expect(page.locator(".opblock").first).to_be_visible(timeout=30_000)
    ink = page.evaluate("getComputedStyle(document.querySelector('.swagger-ui')).color")
    assert ink == DOCS_INK[scheme], f"{DOCS} is not {scheme}"
    found = [f"collapsed {line}" for line in _violations(page, script)]
    for method, path in DOCS_OPENED:
        operation = _operation(page, method, path)
        operation.locator(".opblock-summary-control").click()
        operation.get_by_role("button", name="Try it out").click()
        expect(operation.get_by_role("button", name="Execute")).to_be_visible()
    sent = _operation(page, *DOCS_OPENED[0])
    sent.get_by_role("button", name="Execute").click()
    expect(sent.locator(".live-responses-table")).to_contain_text("401")
    found += [f"tried out {line}" for line in _violations(page, script)]
    page.get_by_role("button", name="Authorize", exact=True).click()
    expect(page.get_by_role("heading", name="Available authorizations")).to_be_visible()
    found += [f"Authorize dialog {line}" for line in _violations(page, script)]
    return [f"{DOCS} {page.viewport_size} [{scheme}] {line}" for line in found]


@pytest.mark.parametrize("viewport", DOCS_VIEWPORTS, ids=lambda size: f"{size['width']}px")
@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_nothing_on_the_api_docs(
    browser: Browser, server: str, scheme: Scheme, viewport: ViewportSize
) -> None:
    context = browser.new_context(viewport=viewport, bypass_csp=True)
    try:
        found = _docs_views(context.new_page(), server, scheme)
    finally:
        context.close()
    assert not found, "\n".join(found)
