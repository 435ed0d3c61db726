"""The web pages over TestClient, on the in-memory fakes.

Most tests start from `member` or `seed_member`/`seed_account`: the person and their plan are
stored through the services and the session token goes into the browser's cookie jar, so a
test renders only the pages it is about. A few full UI journeys still sign up and onboard
through the pages with `sign_up` and `onboard`:
- tests/web/test_journeys.py: sign-up -> onboarding -> plan page -> today; the onboarding
  form's validation on a first visit;
- tests/web/test_security.py::test_sign_in_and_sign_out: sign-up, then sign-in and sign-out
  on another browser; the sign-up form's cookie, closed sign-up and password tests.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import cast

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from hipcoach.services import accounts, training
from hipcoach.services.planning import build_profile
from hipcoach.services.ports import UnitOfWork
from hipcoach.services.runtime import Runtime
from hipcoach.web.security import SESSION_COOKIE
from hipcoach.web.visitor import now, today
from tests.services.fakes import FakeHasher, FakeUnitOfWork
from tests.web.forms import form_posting_to

PASSWORD = "correct horse battery"
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@pytest.fixture
def fake() -> FakeUnitOfWork:
    return FakeUnitOfWork()


@pytest.fixture
def make_client(
    fake: FakeUnitOfWork, app_for: Callable[[Runtime], FastAPI]
) -> Iterator[Callable[..., TestClient]]:
    """Browsers on one server (shared by the tests, see `app_for`); each has its own cookies."""
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
        client = TestClient(app_for(runtime), base_url=base_url)
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


def seed_account(
    fake: FakeUnitOfWork, browser: TestClient | None = None, email: str = "ann@example.com"
) -> str:
    """Create an account through the service (no pages); sign `browser` in, if given."""
    signed = accounts.sign_up(
        uow=fake,
        hasher=FakeHasher(),
        email=email,
        password=PASSWORD,
        name=email.split("@")[0].title(),
        now=now(),
        open_signup=True,
    )
    if browser is not None:
        browser.cookies.set(SESSION_COOKIE, signed.token)
    return signed.user_id


def seed_member(
    fake: FakeUnitOfWork,
    browser: TestClient,
    email: str = "ann@example.com",
    *,
    goal: str = "muscle",
    avoid: tuple[str, ...] = (),
    level: str = "beginner",
) -> str:
    """A signed-in `browser` whose person has a plan with a session today, as `onboard` makes.

    The answers are the onboarding form's defaults with today's training days and a mini band.
    """
    user_id = seed_account(fake, browser, email)
    profile = build_profile(
        level=level,
        goal=goal,
        days=training_days(),
        minutes=30,
        start=today(),
        equipment=["mini_band"],
        avoid=avoid,
    )
    training.start_program(uow=fake, user_id=user_id, name="", profile=profile, now=now())
    return user_id


@pytest.fixture
def member(client: TestClient, fake: FakeUnitOfWork) -> TestClient:
    """A signed-in browser whose person has a plan with a session today (seeded, no pages)."""
    seed_member(fake, client)
    return client
