"""The onboarding form asks for an optional age; from 60 the hardest variant waits."""

from __future__ import annotations

from fastapi.testclient import TestClient

from hipcoach.services import training
from tests.services.fakes import FakeUnitOfWork
from tests.web.conftest import onboard, seed_account
from tests.web.forms import form_posting_to


def test_an_age_typed_on_the_form_is_stored_and_shown_again(
    client: TestClient, fake: FakeUnitOfWork
) -> None:
    user_id = seed_account(fake, client)
    onboard(client, age="66")
    stored = training.current_plan(uow=fake, user_id=user_id)
    assert stored.profile.age == 66
    moves = {i.exercise for s in stored.plan.sessions() for b in s.session.blocks for i in b.items}
    assert "side_plank_hip_abduction" not in moves
    assert 'name="age"' in client.get("/plan").text
    assert 'value="66"' in client.get("/plan").text


def test_age_may_be_left_empty(client: TestClient, fake: FakeUnitOfWork) -> None:
    user_id = seed_account(fake, client)
    onboard(client, age="")
    assert training.current_plan(uow=fake, user_id=user_id).profile.age is None


def test_an_impossible_age_is_refused_next_to_the_field(
    client: TestClient, fake: FakeUnitOfWork
) -> None:
    seed_account(fake, client)
    form = form_posting_to(client.get("/onboarding").text, "/onboarding")
    response = client.post("/onboarding", data=form.data(days=["mon", "thu"], age="7"))
    assert response.status_code == 400
    assert "Age must be between 13 and 100" in response.text
    assert 'aria-invalid="true"' in response.text.split('id="age"')[1].split(">")[0]
