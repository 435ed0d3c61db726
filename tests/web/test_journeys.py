"""Full UI journeys: a new person signs up and onboards through the pages, as a browser would.

Every other web test seeds its person and plan through the services (`member`,
`seed_member`); these are the ones that prove the pages themselves lead from sign-up to a plan.
Sign-in through the pages: test_security.py::test_sign_in_and_sign_out.
"""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.services.fakes import FakeUnitOfWork
from tests.web.conftest import onboard, sign_up, training_days
from tests.web.forms import form_posting_to


def test_a_new_person_signs_up_onboards_and_reaches_their_plan_and_today(
    client: TestClient, fake: FakeUnitOfWork
) -> None:
    sign_up(client)
    assert "<h1>Let&#39;s build your plan</h1>" in client.get("/onboarding").text
    onboard(client)  # asserts the redirect to /plan?notice=new
    plan = client.get("/plan?notice=new")
    assert plan.status_code == 200
    assert "Your plan is ready" in plan.text
    assert len(fake.committed.plans) == 1
    today = client.get("/today")
    assert "<h1>Today's session</h1>" in today.text
    assert form_posting_to(today.text, "/today/sets").fields["exercise"]


def test_first_onboarding_refuses_impossible_answers_and_keeps_them_on_the_form(
    client: TestClient, fake: FakeUnitOfWork
) -> None:
    sign_up(client)
    form = form_posting_to(client.get("/onboarding").text, "/onboarding")
    refused = client.post("/onboarding", data=form.data(days=["mon", "tue"], minutes="25"))
    assert refused.status_code == 400
    assert "back to back" in refused.text
    assert 'value="25"' in refused.text  # what was typed is shown again
    assert not fake.committed.plans
    again = form_posting_to(refused.text, "/onboarding")
    fixed = client.post(
        "/onboarding", data=again.data(days=training_days()), follow_redirects=False
    )
    assert fixed.headers["location"] == "/plan?notice=new"
    assert len(fake.committed.plans) == 1
