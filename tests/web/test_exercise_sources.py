"""An exercise page names the articles that describe the move, never their internal ids."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from hipcoach.content.loader import load_catalogue


@pytest.mark.parametrize(
    ("key", "named"),
    [
        ("clamshell", ["Understanding, Training Principles"]),
        ("side_lying_hip_abduction", ["Understanding, Training Principles", "Healthline"]),
        ("fire_hydrant", ["Healthline"]),
    ],
)
def test_an_exercise_page_names_its_source_articles(
    client: TestClient, key: str, named: list[str]
) -> None:
    html = client.get(f"/exercises/{key}").text
    sources = re.search(r'<ul class="sources">(.*?)</ul>', html, re.S)
    assert sources is not None
    for name in named:
        assert name in sources.group(1)
    assert not re.search(r"<li>\s*0\d\d\s*</li>", html)


def test_every_source_id_in_the_catalogue_has_a_name_or_is_the_research_files() -> None:
    from hipcoach.domain.vocabulary import SOURCE_ARTICLES

    ids = {s for e in load_catalogue().exercises for s in e.sources}
    assert ids - set(SOURCE_ARTICLES) <= {"research"}


def test_a_move_from_the_research_alone_shows_no_sources_line(client: TestClient) -> None:
    html = client.get("/exercises/hip_hitch").text
    assert "Described in" not in html
    assert "research</li>" not in html
