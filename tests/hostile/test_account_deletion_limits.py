"""Guessing the password to delete an account is limited as a sign-in, on SQLite and PostgreSQL.

Each test comes from its own client address, so the per-address limit is its own.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from hipcoach.domain.rate_limit import SIGN_IN_EMAIL_FROM_CLIENT
from hipcoach.services.runtime import Runtime
from tests.api.conftest import PASSWORD, error_of
from tests.web.conftest import sign_up
from tests.web.forms import form_posting_to

FREE = SIGN_IN_EMAIL_FROM_CLIENT.free


@pytest.fixture
def from_address(
    runtime: Runtime, app_for: Callable[[Runtime], FastAPI]
) -> Iterator[Callable[[], TestClient]]:
    """Clients of the app, each from an address of its own."""
    made: list[TestClient] = []

    def make() -> TestClient:
        address = f"client-{uuid.uuid4().hex[:12]}"
        made.append(TestClient(app_for(runtime), client=(address, 50000)))
        return made[-1]

    yield make
    for client in made:
        client.close()


def _api_account(client: TestClient) -> tuple[str, dict[str, str]]:
    email = f"{uuid.uuid4().hex[:12]}@example.com"
    response = client.post("/api/v1/auth/signup", json={"email": email, "password": PASSWORD})
    assert response.status_code == 201, response.text
    return email, {"Authorization": f"Bearer {response.json()['token']}"}


def test_wrong_passwords_to_delete_an_account_by_api_make_it_wait_like_a_sign_in(
    from_address: Callable[[], TestClient],
) -> None:
    guesser = from_address()
    email, headers = _api_account(guesser)
    for guess in range(FREE):
        wrong = guesser.request(
            "DELETE", "/api/v1/account", json={"password": f"guess {guess} !!"}, headers=headers
        )
        assert wrong.status_code == 401, wrong.text
        assert error_of(wrong)["field"] == "password"

    waiting = guesser.request(
        "DELETE", "/api/v1/account", json={"password": PASSWORD}, headers=headers
    )
    assert waiting.status_code == 429, waiting.text
    assert int(waiting.headers["retry-after"]) >= 1
    assert "Too many attempts" in error_of(waiting)["message"]
    sign_in = {"email": email, "password": PASSWORD, "name": "laptop"}
    assert guesser.post("/api/v1/auth/tokens", json=sign_in).status_code == 429  # one limit
    assert guesser.get("/api/v1/account/time-zone", headers=headers).status_code == 200

    owner = from_address()  # the owner elsewhere is not kept out by the guesser's limit
    deleted = owner.request(
        "DELETE", "/api/v1/account", json={"password": PASSWORD}, headers=headers
    )
    assert deleted.status_code == 204, deleted.text
    assert owner.get("/api/v1/account/time-zone", headers=headers).status_code == 401


def test_wrong_passwords_on_the_delete_form_make_it_wait_and_keep_the_account(
    from_address: Callable[[], TestClient],
) -> None:
    browser = from_address()
    sign_up(browser, email=f"{uuid.uuid4().hex[:12]}@example.com")

    def delete_with(password: str) -> str:
        form = form_posting_to(browser.get("/settings").text, "/settings/delete")
        return browser.post("/settings/delete", data=form.data(password=password)).text

    for guess in range(FREE):
        assert "The password is not right" in delete_with(f"guess {guess} !!")
    assert "Too many attempts" in delete_with(PASSWORD)
    assert browser.get("/settings", follow_redirects=False).status_code == 200  # still there
