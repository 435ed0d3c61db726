"""GET /api/v1/progress/chart.svg: the progress page's charts, as SVG files."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from fastapi.testclient import TestClient

from hipcoach.services.progress import ChartName
from tests.api.conftest import Person, error_of, new_session, new_set

URL = "/api/v1/progress/chart.svg"
NS = "{http://www.w3.org/2000/svg}"


@pytest.mark.parametrize("name", [n.value for n in ChartName])
def test_every_chart_is_an_svg_document_that_styles_itself_and_runs_nothing(
    client: TestClient, onboarded: Person, name: str
) -> None:
    new_set(client, onboarded, new_session(client, onboarded), "set-00000001")
    response = client.get(
        URL, params={"name": name, "date": "2026-01-11"}, headers=onboarded.headers
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("image/svg+xml")
    assert response.headers["content-security-policy"].startswith("default-src 'none'")
    root = ET.fromstring(response.text)
    assert root.tag == f"{NS}svg"
    assert root.find(f"{NS}title") is not None
    assert root.find(f"{NS}style") is not None


def test_the_challenge_chart_draws_the_move_asked_for(
    client: TestClient, onboarded: Person
) -> None:
    new_set(client, onboarded, new_session(client, onboarded), "set-00000001")
    params = {"name": "challenge", "exercise": "clamshell", "date": "2026-01-11"}
    svg = client.get(URL, params=params, headers=onboarded.headers).text
    texts = [e.text for e in ET.fromstring(svg).iter() if e.tag == f"{NS}text"]
    assert "Best set (reps)" in texts
    assert "Resistance" in texts
    assert "Left" in texts  # the side the set was logged on
    missing = client.get(
        URL, params={**params, "exercise": "lateral_lunge"}, headers=onboarded.headers
    )
    assert missing.status_code == 404
    assert error_of(missing)["field"] == "exercise"


def test_a_wrong_chart_name_or_no_token_is_refused(client: TestClient, onboarded: Person) -> None:
    wrong = client.get(URL, params={"name": "pie"}, headers=onboarded.headers)
    assert wrong.status_code == 422
    assert error_of(wrong)["field"] == "name"
    assert client.get(URL, params={"name": "adherence"}).status_code == 401


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_far_dates_draw_a_chart_not_an_error(
    client: TestClient, onboarded: Person, day: str
) -> None:
    for name in ChartName:
        params = {"name": name.value, "date": day}
        response = client.get(URL, params=params, headers=onboarded.headers)
        assert response.status_code == 200, (name, response.text)
