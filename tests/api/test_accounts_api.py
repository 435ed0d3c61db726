"""Sign-up, API tokens, deleting the account, and the ways authentication fails."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from hipcoach.domain.rate_limit import SIGN_IN_EMAIL_FROM_CLIENT, SIGN_UP_CLIENT
from hipcoach.server import create_app
from hipcoach.services.runtime import Runtime
from tests.api.conftest import PASSWORD, Person, error_of
from tests.services.fakes import FakeHasher, FakeUnitOfWork


def test_signing_up_returns_a_token_that_opens_the_api(client: TestClient, ana: Person) -> None:
    assert ana.token.startswith("hc_")
    tokens = client.get("/api/v1/tokens", headers=ana.headers)
    assert tokens.status_code == 200
    assert [t["name"] for t in tokens.json()] == ["api"]


def test_signing_up_leaves_no_web_session_behind(fake: FakeUnitOfWork, ana: Person) -> None:
    assert fake.committed.web_sessions == {}


def test_a_password_grant_never_opens_a_web_session(
    client: TestClient, fake: FakeUnitOfWork, ana: Person
) -> None:
    body = {"email": "ana@example.com", "password": PASSWORD, "name": "script"}
    granted = client.post("/api/v1/auth/tokens", json=body)
    assert granted.status_code == 201
    assert fake.committed.web_sessions == {}
    headers = {"Authorization": f"Bearer {granted.json()['token']}"}
    assert client.get("/api/v1/tokens", headers=headers).status_code == 200


def test_a_taken_email_or_short_password_is_a_400_naming_the_field(
    client: TestClient, ana: Person
) -> None:
    taken = client.post(
        "/api/v1/auth/signup", json={"email": "ana@example.com", "password": PASSWORD}
    )
    assert taken.status_code == 400
    assert error_of(taken)["field"] == "email"
    short = client.post("/api/v1/auth/signup", json={"email": "cy@example.com", "password": "x"})
    assert short.status_code == 400
    assert error_of(short)["field"] == "password"


def test_email_and_password_buy_a_new_named_token(client: TestClient, ana: Person) -> None:
    body = {"email": "ana@example.com", "password": PASSWORD, "name": "phone"}
    response = client.post("/api/v1/auth/tokens", json=body)
    assert response.status_code == 201
    created = response.json()
    assert created["name"] == "phone"
    headers = {"Authorization": f"Bearer {created['token']}"}
    assert client.get("/api/v1/tokens", headers=headers).status_code == 200


def test_a_wrong_password_is_a_401_that_does_not_say_which_part_was_wrong(
    client: TestClient, ana: Person
) -> None:
    wrong = {"email": "ana@example.com", "password": "not the password"}
    nobody = {"email": "nobody@example.com", "password": PASSWORD}
    first = client.post("/api/v1/auth/tokens", json=wrong)
    second = client.post("/api/v1/auth/tokens", json=nobody)
    assert first.status_code == second.status_code == 401
    assert error_of(first)["message"] == error_of(second)["message"]


def test_too_many_sign_in_attempts_are_a_429_saying_when_to_retry(
    client: TestClient, ana: Person
) -> None:
    free = SIGN_IN_EMAIL_FROM_CLIENT.free
    wrong = {"email": "ana@example.com", "password": "not the password"}
    answers = [client.post("/api/v1/auth/tokens", json=wrong) for _ in range(free + 1)]
    assert [a.status_code for a in answers] == [401] * free + [429]
    assert answers[-1].headers["Retry-After"] == "30"
    assert "wait 30 seconds" in error_of(answers[-1])["message"]


def test_sign_ups_from_one_address_are_a_429_beyond_the_limit(fake: FakeUnitOfWork) -> None:
    runtime = Runtime(uow=lambda: fake, hasher=FakeHasher(), open_signup=True)
    with TestClient(create_app(runtime)) as api:
        codes = [
            api.post(
                "/api/v1/auth/signup", json={"email": f"b{n}@example.com", "password": PASSWORD}
            ).status_code
            for n in range(SIGN_UP_CLIENT.free + 1)
        ]
    assert codes == [201] * SIGN_UP_CLIENT.free + [429]


def test_tokens_are_listed_created_and_revoked(client: TestClient, ana: Person) -> None:
    body = {"name": " laptop ", "password": PASSWORD}
    created = client.post("/api/v1/tokens", json=body, headers=ana.headers)
    assert created.status_code == 201
    token = created.json()
    assert token["name"] == "laptop"
    revoked = client.delete(f"/api/v1/tokens/{token['id']}", headers=ana.headers)
    assert revoked.status_code == 204
    listed = {t["name"]: t for t in client.get("/api/v1/tokens", headers=ana.headers).json()}
    assert listed["laptop"]["active"] is False
    assert listed["laptop"]["revoked_at"] is not None
    assert "token" not in listed["laptop"]
    assert listed["api"]["active"] is True


def test_a_blank_token_name_is_a_422(client: TestClient, ana: Person) -> None:
    body = {"name": "   ", "password": PASSWORD}
    response = client.post("/api/v1/tokens", json=body, headers=ana.headers)
    assert response.status_code == 422
    assert error_of(response)["field"] == "name"


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer hc_not-a-real-token"},
        {"Authorization": "Basic YW5hOnBhc3N3b3Jk"},
        {"Authorization": "Bearer"},
    ],
    ids=["no token", "unknown token", "wrong scheme", "empty bearer"],
)
@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/api/v1/profile"),
        ("GET", "/api/v1/plan"),
        ("GET", "/api/v1/sessions"),
        ("GET", "/api/v1/sets/set-00000001"),
        ("GET", "/api/v1/progress"),
        ("GET", "/api/v1/export"),
        ("GET", "/api/v1/tokens"),
    ],
)
def test_user_endpoints_refuse_requests_without_an_active_token(
    client: TestClient, ana: Person, headers: dict[str, str], method: str, path: str
) -> None:
    response = client.request(method, path, headers=headers)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"
    assert error_of(response)["field"] == "authorization"


def test_a_revoked_token_stops_working_at_once(client: TestClient, ana: Person) -> None:
    body = {"name": "old", "password": PASSWORD}
    token = client.post("/api/v1/tokens", json=body, headers=ana.headers).json()
    headers = {"Authorization": f"Bearer {token['token']}"}
    assert client.get("/api/v1/tokens", headers=headers).status_code == 200
    client.delete(f"/api/v1/tokens/{token['id']}", headers=ana.headers)
    assert client.get("/api/v1/tokens", headers=headers).status_code == 401


def test_deleting_the_account_needs_the_password_and_removes_everything(
    client: TestClient, sign_up: Callable[[str], Person], onboarded: Person
) -> None:
    wrong = client.request(
        "DELETE", "/api/v1/account", json={"password": "nope nope nope"}, headers=onboarded.headers
    )
    assert wrong.status_code == 401
    assert error_of(wrong)["field"] == "password"
    deleted = client.request(
        "DELETE", "/api/v1/account", json={"password": PASSWORD}, headers=onboarded.headers
    )
    assert deleted.status_code == 204
    assert client.get("/api/v1/plan", headers=onboarded.headers).status_code == 401
    again = sign_up("ana@example.com")
    assert client.get("/api/v1/plan", headers=again.headers).status_code == 404


def test_closed_sign_up_admits_only_the_owner(fake: FakeUnitOfWork) -> None:
    runtime = Runtime(uow=lambda: fake, hasher=FakeHasher(), open_signup=False)
    with TestClient(create_app(runtime)) as closed:
        owner = closed.post(
            "/api/v1/auth/signup", json={"email": "o@example.com", "password": PASSWORD}
        )
        other = closed.post(
            "/api/v1/auth/signup", json={"email": "x@example.com", "password": PASSWORD}
        )
    assert owner.status_code == 201
    assert other.status_code == 400
    assert "closed" in error_of(other)["message"]


def test_a_token_cannot_mint_another_without_the_password(client: TestClient, ana: Person) -> None:
    missing = client.post("/api/v1/tokens", json={"name": "more"}, headers=ana.headers)
    assert missing.status_code == 422
    assert error_of(missing)["field"] == "password"
    body = {"name": "more", "password": "not the password"}
    wrong = client.post("/api/v1/tokens", json=body, headers=ana.headers)
    assert wrong.status_code == 401
    assert error_of(wrong)["field"] == "password"
    names = [t["name"] for t in client.get("/api/v1/tokens", headers=ana.headers).json()]
    assert names == ["api"]


def test_a_password_change_revokes_every_token_and_says_so(
    client: TestClient, fake: FakeUnitOfWork, ana: Person
) -> None:
    client.post("/api/v1/tokens", json={"name": "b", "password": PASSWORD}, headers=ana.headers)
    body = {"current_password": PASSWORD, "new_password": "a brand new passphrase"}
    changed = client.put("/api/v1/account/password", json=body, headers=ana.headers)
    assert changed.status_code == 200, changed.text
    assert changed.headers["cache-control"] == "no-store"
    assert changed.json() == {
        "web_sessions_ended": 0,
        "api_tokens_revoked": 2,
        "calendar_feed_ended": False,
        "message": "Signed out 0 other browsers, revoked 2 API tokens, no calendar address to end.",
    }
    assert client.get("/api/v1/tokens", headers=ana.headers).status_code == 401
    old = {"email": "ana@example.com", "password": PASSWORD}
    assert client.post("/api/v1/auth/tokens", json=old).status_code == 401
    new = {"email": "ana@example.com", "password": "a brand new passphrase"}
    assert client.post("/api/v1/auth/tokens", json=new).status_code == 201


def test_a_wrong_current_password_is_a_401_and_changes_nothing(
    client: TestClient, ana: Person
) -> None:
    body = {"current_password": "not it at all", "new_password": "a brand new passphrase"}
    refused = client.put("/api/v1/account/password", json=body, headers=ana.headers)
    assert refused.status_code == 401
    assert error_of(refused)["field"] == "current_password"
    assert client.get("/api/v1/tokens", headers=ana.headers).status_code == 200


def test_sign_out_everywhere_ends_this_token_too(client: TestClient, ana: Person) -> None:
    url = "/api/v1/account/sign-out-everywhere"
    wrong = client.post(url, json={"password": "not it at all"}, headers=ana.headers)
    assert wrong.status_code == 401
    assert error_of(wrong)["field"] == "password"
    ended = client.post(url, json={"password": PASSWORD}, headers=ana.headers)
    assert ended.status_code == 200
    assert ended.json()["api_tokens_revoked"] == 1
    assert client.get("/api/v1/tokens", headers=ana.headers).status_code == 401


def test_private_answers_are_never_stored_by_caches(client: TestClient, ana: Person) -> None:
    body = {"email": "ana@example.com", "password": PASSWORD, "name": "phone"}
    private = [
        client.post("/api/v1/auth/tokens", json=body),
        client.post("/api/v1/auth/signup", json={"email": "c@example.com", "password": PASSWORD}),
        client.post(
            "/api/v1/tokens", json={"name": "x", "password": PASSWORD}, headers=ana.headers
        ),
        client.get("/api/v1/tokens", headers=ana.headers),
        client.get("/api/v1/export", headers=ana.headers),
        client.get("/api/v1/profile", headers={"Authorization": "Bearer hc_wrong"}),
    ]
    assert [r.headers.get("cache-control") for r in private] == ["no-store"] * len(private)
    assert "cache-control" not in client.get("/api/v1/exercises").headers
