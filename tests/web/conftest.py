"""The web pages over TestClient, on the in-memory fakes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import cast

import pytest
from fastapi.testclient import TestClient

from hipcoach.server import create_app
from hipcoach.services.ports import UnitOfWork
from hipcoach.services.runtime import Runtime
from hipcoach.web.visitor import today
from tests.services.fakes import FakeHasher, FakeUnitOfWork
from tests.web.forms import form_posting_to

PASSWORD = "correct horse battery"
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@pytest.fixture
def fake() -> FakeUnitOfWork:
    return FakeUnitOfWork()


@pytest.fixture
def make_client(fake: FakeUnitOfWork) -> Iterator[Callable[..., TestClient]]:
    """Browsers on one server; each has its own cookies."""
    made: list[TestClient] = []

    def make(
        *, open_signup: bool = True, secure: bool | None = None, base_url: str = "http://testserver"
    ) -> TestClient:
        runtime = Runtime(
            uow=lambda: cast(UnitOfWork, fake),
            hasher=FakeHasher(),
            open_signup=open_signup,
            secure_cookies=secure,
        )
        client = TestClient(create_app(runtime), base_url=base_url)
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()


@pytest.fixture
def client(make_client: Callable[..., TestClient]) -> TestClient:
    return make_client()


def sign_up(client: TestClient, email: str = "ann@example.com") -> None:
    """Create an account through the sign-up form (the browser is then signed in)."""
    form = form_posting_to(client.get("/signup").text, "/signup")
    response = client.post(
        "/signup",
        data=form.data(email=email, password=PASSWORD, name="Ann"),
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text


def training_days() -> list[str]:
    """Today and three days later: today is a training day, with rest between."""
    day = today()
    return [DAYS[day.weekday()], DAYS[(day + timedelta(days=3)).weekday()]]


def onboard(client: TestClient, **changes: str | list[str]) -> None:
    """Answer the onboarding questions so that today is a training day."""
    form = form_posting_to(client.get("/onboarding").text, "/onboarding")
    data = form.data(days=training_days(), equipment=["mini_band"], **changes)
    response = client.post("/onboarding", data=data, follow_redirects=False)
    assert response.status_code == 303, response.text
    assert response.headers["location"] == "/plan?notice=new"


@pytest.fixture
def member(client: TestClient) -> TestClient:
    """A signed-in browser whose person has a plan with a session today."""
    sign_up(client)
    onboard(client)
    return client
