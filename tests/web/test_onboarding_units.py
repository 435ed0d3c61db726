"""The onboarding form asks for body weight in the person's unit and stores kilograms."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from hipcoach.services import training
from tests.services.fakes import FakeUnitOfWork
from tests.web.conftest import onboard, seed_account
from tests.web.forms import form_posting_to


def _in_pounds(browser: TestClient) -> None:
    form = form_posting_to(browser.get("/settings").text, "/settings/units")
    assert browser.post("/settings/units", data=form.data(units="lb")).status_code == 200


def _weight_input(html: str) -> dict[str, str]:
    found = re.search(r'<input id="weight_kg"([^>]*)>', html)
    assert found is not None
    return dict(re.findall(r'(\w+)="([^"]*)"', found.group(1)))


@pytest.mark.parametrize("page", ["/onboarding", "/plan"])
def test_after_switching_to_pounds_the_profile_form_asks_for_pounds(
    client: TestClient, fake: FakeUnitOfWork, page: str
) -> None:
    user_id = seed_account(fake, client)
    onboard(client, weight="62")  # kilograms: the account starts in kg
    plan = training.current_plan(uow=fake, user_id=user_id)
    assert plan.profile.weight_kg == 62
    _in_pounds(client)
    html = client.get(page).text
    assert "Body weight in lb" in html
    assert "Body weight in kg" not in html
    shown = _weight_input(html)
    assert shown["value"] == "136.5"  # 62 kg, to the half pound
    assert (float(shown["min"]), float(shown["max"])) == (55.2, 771.6)


def test_a_weight_typed_in_pounds_is_stored_in_kilograms(
    client: TestClient, fake: FakeUnitOfWork
) -> None:
    user_id = seed_account(fake, client)
    _in_pounds(client)
    onboard(client, weight="150")
    assert training.current_plan(uow=fake, user_id=user_id).profile.weight_kg == 68.04


def test_a_weight_in_pounds_outside_the_range_is_refused_in_pounds(
    client: TestClient, fake: FakeUnitOfWork
) -> None:
    seed_account(fake, client)
    _in_pounds(client)
    form = form_posting_to(client.get("/onboarding").text, "/onboarding")
    response = client.post("/onboarding", data=form.data(days=["mon", "thu"], weight="40"))
    assert response.status_code == 400
    assert "between 55.2 and 771.6 lb (you gave 40)" in response.text


def test_lengths_follow_the_weight_unit_and_their_bounds_survive_the_round_trip() -> None:
    from hipcoach.domain.limits import HIP_CM, WAIST_CM
    from hipcoach.web.units import cm_to_length, length_bounds_in, length_to_cm, length_unit

    assert (length_unit("kg"), length_unit("lb")) == ("cm", "in")
    assert cm_to_length(98.5, "kg") == 98.5
    assert cm_to_length(98.5, "lb") == 38.8
    assert length_to_cm(38.8, "lb") == 98.6
    for bounds in (HIP_CM, WAIST_CM):
        low, high = length_bounds_in(bounds, "lb")
        assert length_to_cm(low, "lb") in bounds
        assert length_to_cm(high, "lb") in bounds
        assert length_bounds_in(bounds, "kg") == (bounds.low, bounds.high)


def test_tape_measurements_follow_the_unit_setting_on_progress(
    member: TestClient, fake: FakeUnitOfWork
) -> None:
    _in_pounds(member)
    html = member.get("/progress").text
    assert "Hips (in)" in html
    assert "Hips (cm)" not in html
    form = form_posting_to(html, "/progress/measurements")
    response = member.post("/progress/measurements", data=form.data(hip_cm="38.5"))
    assert response.status_code in (200, 303)
    [stored] = fake.committed.measurements.values()
    assert stored.hip_cm == 97.8  # 38.5 in, kept in centimetres
    shown = member.get("/progress").text
    assert "38.5 in" in shown
    assert "97.8 cm" not in shown
