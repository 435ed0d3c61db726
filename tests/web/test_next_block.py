"""When a plan's weeks are all past, Today says the block is done and offers the next one."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient

from hipcoach.services import training
from hipcoach.services.planning import build_profile
from hipcoach.web.visitor import now, today
from tests.services.fakes import FakeUnitOfWork
from tests.web.conftest import seed_account, training_days
from tests.web.forms import form_posting_to


def test_a_finished_block_offers_the_next_one_from_today(
    client: TestClient, fake: FakeUnitOfWork
) -> None:
    user_id = seed_account(fake, client)
    began = today() - timedelta(weeks=10)
    profile = build_profile(
        level="beginner",
        goal="muscle",
        days=training_days(),
        minutes=30,
        start=began,
        equipment=["mini_band"],
        weeks=4,
    )
    training.start_program(uow=fake, user_id=user_id, name="", profile=profile, now=now())
    page = client.get("/today")
    assert page.status_code == 200
    assert "Your 4-week block ended with its last session on" in page.text
    assert "the coach carries on from your log" in page.text
    assert 'href="/onboarding"' in page.text  # changing the answers stays one tap away
    form = form_posting_to(page.text, "/plan/restart")
    restarted = client.post("/plan/restart", data=form.data(), follow_redirects=False)
    assert restarted.status_code == 303
    again = client.get("/today")
    assert "block ended" not in again.text
    assert form_posting_to(again.text, "/today/sets")  # a session to log, starting today
    stored = training.current_plan(uow=fake, user_id=user_id)
    assert stored.plan.profile.start == today()
    assert stored.plan.profile.weeks == 4  # the same answers
