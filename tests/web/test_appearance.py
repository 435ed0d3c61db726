"""Appearance: light, dark or as the device is set, chosen in Settings and written by the
server on <html>, so the colours follow the choice without JavaScript."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape
from importlib.resources import files

from fastapi.testclient import TestClient

from hipcoach.web.routing import manifest
from hipcoach.web.theme import THEME_DARK, THEME_LIGHT
from tests.services.fakes import FakeUnitOfWork
from tests.web.conftest import seed_member
from tests.web.forms import form_posting_to

ACTION = "/settings/appearance"


def _choose(browser: TestClient, value: str) -> None:
    form = form_posting_to(browser.get("/settings").text, ACTION)
    response = browser.post(ACTION, data=form.data(appearance=value), follow_redirects=False)
    assert response.status_code == 303, response.text
    assert response.headers["location"] == "/settings?notice=appearance#appearance"


def test_pages_follow_the_device_until_the_person_chooses(member: TestClient) -> None:
    html = member.get("/today").text
    assert '<html lang="en">' in html
    assert '<meta name="color-scheme" content="light dark">' in html
    assert 'name="appearance" value="system" checked' in member.get("/settings").text


def test_choosing_dark_pins_every_page_to_dark_colours(member: TestClient) -> None:
    _choose(member, "dark")
    for path in ("/today", "/plan", "/progress", "/exercises", "/settings?notice=appearance"):
        html = member.get(path).text
        assert '<html lang="en" data-theme="dark">' in html, path
        assert '<meta name="color-scheme" content="dark">' in html, path
    settings = member.get("/settings?notice=appearance").text
    assert 'name="appearance" value="dark" checked' in settings
    assert "Appearance saved" in settings


def test_light_pins_light_and_system_follows_the_device_again(member: TestClient) -> None:
    _choose(member, "light")
    assert '<html lang="en" data-theme="light">' in member.get("/plan").text
    _choose(member, "system")
    html = member.get("/plan").text
    assert '<html lang="en">' in html
    assert "data-theme" not in html


def test_an_unknown_appearance_is_refused_and_nothing_changes(member: TestClient) -> None:
    form = form_posting_to(member.get("/settings").text, ACTION)
    response = member.post(ACTION, data=form.data(appearance="sepia"))
    assert response.status_code == 400
    section = unescape(response.text).split('<section id="appearance"')[1].split("</section>")[0]
    assert "Please check:</strong> Unknown appearance 'sepia'" in section  # beside the choice
    assert "data-theme" not in member.get("/today").text


def test_one_persons_choice_leaves_other_people_and_signed_out_pages_alone(
    member: TestClient, make_client: Callable[..., TestClient], fake: FakeUnitOfWork
) -> None:
    _choose(member, "dark")
    other = make_client()
    seed_member(fake, other, "bo@example.com")
    assert "data-theme" not in other.get("/today").text
    assert "data-theme" not in make_client().get("/signin").text


def _theme_metas(html: str) -> list[str]:
    head = html.split("</head>", 1)[0]
    return re.findall(r'<meta name="theme-color"[^>]*>', head)


LIGHT = '<meta name="theme-color" media="(prefers-color-scheme: light)" content="#6b3d8f">'
DARK = '<meta name="theme-color" media="(prefers-color-scheme: dark)" content="#211e27">'


def test_the_phone_s_bar_follows_the_device_when_signed_out_or_as_the_device_is_set(
    client: TestClient, fake: FakeUnitOfWork
) -> None:
    assert _theme_metas(client.get("/signin").text) == [LIGHT, DARK]
    seed_member(fake, client)
    assert _theme_metas(client.get("/today").text) == [LIGHT, DARK]


def test_a_chosen_appearance_paints_the_phone_s_bar_in_its_colour_alone(
    member: TestClient,
) -> None:
    _choose(member, "dark")
    assert _theme_metas(member.get("/today").text) == [
        '<meta name="theme-color" content="#211e27">'
    ]
    _choose(member, "light")
    assert _theme_metas(member.get("/progress").text) == [
        '<meta name="theme-color" content="#6b3d8f">'
    ]


def test_the_bar_colours_are_the_palette_s_accent_and_dark_header() -> None:
    css = (files("hipcoach.web") / "static" / "app.css").read_text(encoding="utf-8")
    accent = re.search(r"--accent: light-dark\((#\w+), (#\w+)\)", css)
    paper = re.search(r"--paper: light-dark\((#\w+), (#\w+)\)", css)
    assert accent is not None
    assert paper is not None
    assert accent.group(1) == THEME_LIGHT
    assert paper.group(2) == THEME_DARK
    assert re.search(r"\.site-header \{\s*background: var\(--paper\);", css), "the header"
    assert manifest()["theme_color"] == THEME_LIGHT
