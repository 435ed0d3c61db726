"""The action icons: one sprite per page, every icon drawn from it, hidden from screen readers
and beside words that still name the button or link."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient

from hipcoach.web.rendering import ENVIRONMENT, NAV, PUBLIC_NAV
from tests.web.forms import forms_of
from tests.web.test_today import set_forms

PAGES = ("/today", "/plan", "/progress", "/settings", "/exercises", "/learn")


class Icons(HTMLParser):
    """The sprite's symbols, each icon's attributes and reference, and the words of each
    button, link and summary that holds an icon."""

    def __init__(self) -> None:
        super().__init__()
        self.sprites = 0
        self.symbols: set[str] = set()
        self.icons: list[dict[str, str | None]] = []
        self.refs: list[str] = []
        self.styled: list[str] = []
        self.labelled: list[str] = []  # words of each control that holds an icon
        self._controls: list[list[str | bool]] = []  # [words..., has-icon flag first]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if "style" in found:
            self.styled.append(tag)
        classes = (found.get("class") or "").split()
        if tag == "svg" and "icon-sprite" in classes:
            self.sprites += 1
        elif tag == "symbol":
            self.symbols.add(found.get("id") or "")
        elif tag == "svg" and "icon" in classes:
            self.icons.append(found)
            if self._controls:
                self._controls[-1][0] = True
        elif tag == "use":
            self.refs.append(found.get("href") or "")
        elif tag in ("button", "a", "summary"):
            self._controls.append([False])

    def handle_endtag(self, tag: str) -> None:
        if tag in ("button", "a", "summary") and self._controls:
            has_icon, *words = self._controls.pop()
            if has_icon:
                self.labelled.append(" ".join("".join(map(str, words)).split()))

    def handle_data(self, data: str) -> None:
        if self._controls:
            self._controls[-1].append(data)


def icons_of(html: str) -> Icons:
    parser = Icons()
    parser.feed(html)
    return parser


def assert_icons_sound(html: str) -> Icons:
    found = icons_of(html)
    assert found.sprites == 1
    assert not found.styled  # CSP: style-src 'self' allows no style attribute
    for icon in found.icons:
        assert icon["aria-hidden"] == "true", icon
        assert icon["focusable"] == "false", icon
    assert found.refs, "no icon on the page"
    missing = {ref for ref in found.refs if ref.removeprefix("#") not in found.symbols}
    assert not missing, f"icons with no symbol: {missing}"
    assert all(words.strip() for words in found.labelled), found.labelled
    return found


def test_every_navigation_entry_has_a_drawn_icon() -> None:
    symbols = icons_of(ENVIRONMENT.get_template("_icons.html").render()).symbols
    for _, label, icon in NAV + PUBLIC_NAV:
        assert f"icon-{icon}" in symbols, label


@pytest.mark.parametrize("path", PAGES)
def test_each_main_page_draws_its_icons_from_the_one_sprite(member: TestClient, path: str) -> None:
    found = assert_icons_sound(member.get(path).text)
    for _, label, _ in NAV:
        assert label in found.labelled, f"{label} in the navigation of {path}"


def test_signed_out_pages_draw_their_icons_too(client: TestClient) -> None:
    found = assert_icons_sound(client.get("/exercises").text)
    assert {"Exercises", "Learn"} <= set(found.labelled)


def test_the_actions_of_today_and_a_session_keep_their_words(member: TestClient) -> None:
    today = assert_icons_sound(member.get("/today").text)
    done = [w for w in today.labelled if w.lower().endswith("done as prescribed")]
    assert done, today.labelled  # "Done as prescribed", or "Left done as prescribed" per side
    assert any(words.startswith("Edit set 1") for words in today.labelled)
    assert any(words.startswith("Rest ") for words in today.labelled)
    assert any(words.startswith("Swap ") for words in today.labelled)

    form = set_forms(member.get("/today").text)[0]
    response = member.post("/today/sets", data=form.data(), follow_redirects=False)
    html = member.get(response.headers["location"]).text
    after = assert_icons_sound(html)
    assert any(words.startswith("Undo set 1") for words in after.labelled)
    [undo] = [f for f in forms_of(html) if f.action.endswith("/delete")]
    session = assert_icons_sound(member.get(undo.action.rsplit("/sets/", 1)[0]).text)
    assert any(words.startswith("Edit this set") for words in session.labelled)
    assert any(words.startswith("Delete this set") for words in session.labelled)
    assert any(words.startswith("Yes, delete it") for words in session.labelled)
