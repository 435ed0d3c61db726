"""Onboarding: pain can name its side, the form shows it again, and the plan says it."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.conftest import onboard, sign_up
from tests.web.forms import form_posting_to


def test_a_one_sided_pain_reaches_the_plan_and_comes_back_in_the_form(client: TestClient) -> None:
    sign_up(client)
    onboard(client, pain=["hip", "knee"], pain_side_hip="left", pain_side_knee="both")
    plan = client.get("/plan").text
    assert "left hip" in plan
    again = form_posting_to(client.get("/onboarding").text, "/onboarding").data()
    assert again["pain_side_hip"] == "left"
    assert again["pain_side_knee"] == "both"
    assert "Left hip" in client.get("/settings").text


def test_an_unknown_side_is_refused_with_a_message_and_no_new_plan(client: TestClient) -> None:
    sign_up(client)
    form = form_posting_to(client.get("/onboarding").text, "/onboarding")
    response = client.post(
        "/onboarding", data=form.data(pain=["hip"], pain_side_hip="up"), follow_redirects=False
    )
    assert response.status_code == 400
    assert "Unknown pain side" in response.text
    assert client.get("/plan", follow_redirects=False).status_code == 303
