"""The owner's invite and reset links over the API, and whether sign-up is open, asked first."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from hipcoach.services.runtime import Runtime
from tests.api.conftest import PASSWORD, Person, error_of
from tests.services.fakes import FakeHasher, FakeUnitOfWork

NEW_PASSWORD = "a brand new passphrase"


@pytest.fixture
def closed(fake: FakeUnitOfWork, app_for: Callable[[Runtime], FastAPI]) -> Iterator[TestClient]:
    """A server whose sign-up is closed after its first account (the owner)."""
    app = app_for(Runtime(uow=lambda: fake, hasher=FakeHasher(), open_signup=False))
    with TestClient(app) as test_client:
        yield test_client


def signed_up(client: TestClient, email: str, **extra: Any) -> Any:
    body = {"email": email, "password": PASSWORD, **extra}
    return client.post("/api/v1/auth/signup", json=body)


def person(response: Any) -> Person:
    assert response.status_code == 201, response.text
    return Person(**response.json())


def test_a_client_can_ask_whether_sign_up_is_open_before_sending_one(closed: TestClient) -> None:
    assert closed.get("/api/v1/auth/signup").json()["state"] == "open"  # the first: the owner
    person(signed_up(closed, "owner@example.com"))
    state = closed.get("/api/v1/auth/signup").json()
    assert state == {
        "state": "closed",
        "message": "Sign-up is closed on this server: ask its owner for an invite link.",
    }
    refused = signed_up(closed, "guest@example.com")
    assert refused.status_code == 400
    assert error_of(refused)["message"].startswith("Sign-up is closed on this server")


def test_the_owners_invite_lets_one_person_sign_up_once(closed: TestClient) -> None:
    owner = person(signed_up(closed, "owner@example.com"))
    made = closed.post("/api/v1/invites", headers=owner.headers)
    assert made.status_code == 201, made.text
    link = made.json()
    assert link["kind"] == "invite"
    assert link["url"].startswith("http://testserver/signup?invite=")
    assert made.headers["cache-control"] == "no-store"
    token = link["url"].split("invite=")[1]
    asked = closed.get("/api/v1/auth/signup", params={"invite": token}).json()
    assert asked["state"] == "invited"

    guest = person(signed_up(closed, "guest@example.com", invite=token))
    assert closed.get("/api/v1/tokens", headers=guest.headers).status_code == 200
    again = signed_up(closed, "third@example.com", invite=token)
    assert again.status_code == 400
    assert error_of(again)["field"] == "invite"
    spent = closed.get("/api/v1/auth/signup", params={"invite": token}).json()
    assert spent["state"] == "invite_spent"


def test_only_the_owner_may_make_links(client: TestClient, ana: Person, bo: Person) -> None:
    refused = client.post("/api/v1/invites", headers=bo.headers)
    assert refused.status_code == 403
    assert error_of(refused)["message"] == (
        "Only the owner of this server can make invite and reset links."
    )
    body = {"email": "ana@example.com", "password": PASSWORD}
    assert client.post("/api/v1/password-resets", json=body, headers=bo.headers).status_code == 403
    assert client.post("/api/v1/invites").status_code == 401


def test_a_reset_link_sets_a_password_once_and_ends_the_accounts_tokens(
    client: TestClient, ana: Person, bo: Person
) -> None:
    body = {"email": "bo@example.com", "password": PASSWORD}
    made = client.post("/api/v1/password-resets", json=body, headers=ana.headers)
    assert made.status_code == 201, made.text
    assert made.json()["kind"] == "reset"
    token = made.json()["url"].split("/reset/")[1]

    reset = {"token": token, "new_password": NEW_PASSWORD}
    done = client.post("/api/v1/auth/password-reset", json=reset)
    assert done.status_code == 200, done.text
    assert done.json()["api_tokens_revoked"] == 1
    assert client.get("/api/v1/tokens", headers=bo.headers).status_code == 401
    grant = {"email": "bo@example.com", "password": NEW_PASSWORD, "name": "phone"}
    assert client.post("/api/v1/auth/tokens", json=grant).status_code == 201

    again = client.post("/api/v1/auth/password-reset", json=reset)
    assert again.status_code == 401
    assert "reset link has been used or has expired" in error_of(again)["message"]


def test_a_reset_link_needs_the_owners_password_as_well_as_their_token(
    client: TestClient, ana: Person, bo: Person
) -> None:
    body = {"email": "bo@example.com", "password": "not the password at all"}
    refused = client.post("/api/v1/password-resets", json=body, headers=ana.headers)
    assert refused.status_code == 401
    unknown = {"email": "nobody@example.com", "password": PASSWORD}
    missing = client.post("/api/v1/password-resets", json=unknown, headers=ana.headers)
    assert missing.status_code == 404
