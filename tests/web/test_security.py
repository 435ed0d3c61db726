"""Sessions, CSRF, security headers, closed sign-up, rate limits and other people's data."""

from __future__ import annotations

from collections.abc import Callable
from http.cookies import SimpleCookie

import pytest
from fastapi.testclient import TestClient

from hipcoach.domain.rate_limit import SIGN_IN_EMAIL_FROM_CLIENT
from hipcoach.web.security import CONTENT_SECURITY_POLICY
from tests.services.fakes import FakeUnitOfWork
from tests.web.conftest import PASSWORD, seed_account, seed_member, sign_up
from tests.web.forms import form_posting_to, forms_of

HEADERS = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
}


def _cookie(response_headers: list[str], name: str) -> SimpleCookie:
    for header in response_headers:
        if header.startswith(f"{name}="):
            cookie: SimpleCookie = SimpleCookie()
            cookie.load(header)
            return cookie
    raise AssertionError(f"no {name} cookie was set")


@pytest.mark.parametrize(
    "path",
    ["/", "/signin", "/static/app.css", "/static/app.js", "/exercises/nope", "/api/openapi.json"],
)
def test_every_response_carries_the_security_headers(client: TestClient, path: str) -> None:
    response = client.get(path)
    for name, value in HEADERS.items():
        assert response.headers[name] == value


def test_the_csp_allows_no_inline_code() -> None:
    assert "unsafe-inline" not in CONTENT_SECURITY_POLICY
    assert "script-src 'self'" in CONTENT_SECURITY_POLICY


def test_the_session_cookie_is_httponly_lax_and_not_secure_over_http(client: TestClient) -> None:
    form = form_posting_to(client.get("/signup").text, "/signup")
    response = client.post(
        "/signup", data=form.data(email="a@example.com", password=PASSWORD), follow_redirects=False
    )
    morsel = _cookie(response.headers.get_list("set-cookie"), "hc_session")["hc_session"]
    assert morsel["httponly"]
    assert morsel["samesite"].lower() == "lax"
    assert morsel["path"] == "/"
    assert not morsel["secure"]


def test_cookies_are_secure_when_the_server_says_so(make_client: Callable[..., TestClient]) -> None:
    client = make_client(secure=True)
    response = client.get("/signup")
    assert _cookie(response.headers.get_list("set-cookie"), "hc_csrf")["hc_csrf"]["secure"]


def test_the_session_cookie_is_secure_over_https(make_client: Callable[..., TestClient]) -> None:
    client = make_client(base_url="https://testserver")
    form = form_posting_to(client.get("/signup").text, "/signup")
    response = client.post(
        "/signup", data=form.data(email="a@example.com", password=PASSWORD), follow_redirects=False
    )
    assert _cookie(response.headers.get_list("set-cookie"), "hc_session")["hc_session"]["secure"]


def test_a_signed_in_form_without_its_csrf_token_is_refused(member: TestClient) -> None:
    form = form_posting_to(member.get("/settings").text, "/settings/units")
    data = form.data(units="lb")
    data.pop("csrf")
    response = member.post("/settings/units", data=data)
    assert response.status_code == 400
    assert "expired" in response.text
    assert 'value="kg" checked' in member.get("/settings").text


def test_a_signed_in_form_with_another_token_is_refused(member: TestClient) -> None:
    form = form_posting_to(member.get("/settings").text, "/settings/units")
    response = member.post("/settings/units", data=form.data(units="lb", csrf="x" * 40))
    assert response.status_code == 400


def test_sign_in_without_the_double_submit_cookie_is_refused(
    make_client: Callable[..., TestClient], fake: FakeUnitOfWork
) -> None:
    seed_account(fake)
    other = make_client()
    form = form_posting_to(other.get("/signin").text, "/signin")
    other.cookies.clear()
    response = other.post("/signin", data=form.data(email="ann@example.com", password=PASSWORD))
    assert response.status_code == 400
    assert "hc_session" not in response.cookies


def test_sign_in_and_sign_out(make_client: Callable[..., TestClient]) -> None:
    """A full UI journey: sign up on one browser, sign in and out on another."""
    first = make_client()
    sign_up(first)
    browser = make_client()
    form = form_posting_to(browser.get("/signin?next=/plan").text, "/signin")
    response = browser.post(
        "/signin",
        data=form.data(email="ANN@example.com", password=PASSWORD),
        follow_redirects=False,
    )
    assert response.headers["location"] == "/plan"
    assert browser.get("/settings").status_code == 200
    assert browser.get("/signout", follow_redirects=False).status_code == 405
    signout = form_posting_to(browser.get("/settings").text, "/signout")
    response = browser.post("/signout", data=signout.data(), follow_redirects=False)
    assert response.headers["location"] == "/signin?notice=signed_out"
    assert browser.get("/settings", follow_redirects=False).status_code == 303


def test_sign_in_never_redirects_off_site(
    make_client: Callable[..., TestClient], fake: FakeUnitOfWork
) -> None:
    seed_account(fake)
    browser = make_client()
    form = form_posting_to(browser.get("/signin?next=//evil.example").text, "/signin")
    response = browser.post(
        "/signin",
        data=form.data(email="ann@example.com", password=PASSWORD),
        follow_redirects=False,
    )
    assert response.headers["location"] == "/today"


def test_a_wrong_password_is_a_form_message(
    make_client: Callable[..., TestClient], fake: FakeUnitOfWork
) -> None:
    seed_account(fake)
    browser = make_client()
    form = form_posting_to(browser.get("/signin").text, "/signin")
    response = browser.post("/signin", data=form.data(email="ann@example.com", password="nope" * 3))
    assert response.status_code == 401
    assert "match an account" in response.text
    assert 'value="ann@example.com"' in response.text


def test_sign_in_attempts_are_rate_limited(
    make_client: Callable[..., TestClient], fake: FakeUnitOfWork
) -> None:
    seed_account(fake)
    browser = make_client()
    form = form_posting_to(browser.get("/signin").text, "/signin")
    codes = [
        browser.post(
            "/signin", data=form.data(email="ann@example.com", password="x" * 12)
        ).status_code
        for _ in range(SIGN_IN_EMAIL_FROM_CLIENT.free)
    ]
    assert codes == [401] * SIGN_IN_EMAIL_FROM_CLIENT.free
    last = browser.post("/signin", data=form.data(email="ann@example.com", password=PASSWORD))
    assert last.status_code == 429
    assert "Too many attempts; wait 30 seconds" in last.text


def test_sign_up_closes_after_the_first_account_unless_open(
    make_client: Callable[..., TestClient],
) -> None:
    sign_up(make_client(open_signup=False))
    second = make_client(open_signup=False)
    page = second.get("/signup").text
    assert "Sign-up is closed on this server" in page  # said first, with no form to fill
    assert "/signup" not in [f.action for f in forms_of(page)]
    # A form posted anyway (an old tab, a script) is still refused.
    csrf = form_posting_to(second.get("/signin").text, "/signin").data()
    fields = {**csrf, "email": "bob@example.com", "password": PASSWORD}
    response = second.post("/signup", data={k: v for k, v in fields.items() if k != "next"})
    assert response.status_code == 400
    assert "Sign-up is closed" in response.text
    assert "hc_session" not in response.cookies


def test_a_short_password_is_shown_on_the_form(client: TestClient) -> None:
    form = form_posting_to(client.get("/signup").text, "/signup")
    response = client.post("/signup", data=form.data(email="a@example.com", password="short"))
    assert response.status_code == 400
    assert "at least 10 characters" in response.text
    assert 'aria-invalid="true"' in response.text


def _log_first_set(browser: TestClient) -> tuple[str, str]:
    form = next(f for f in forms_of(browser.get("/today").text) if f.action == "/today/sets")
    response = browser.post("/today/sets", data=form.data(), follow_redirects=False)
    assert response.status_code == 303
    undo = next(f for f in forms_of(browser.get("/today").text) if f.action.endswith("/delete"))
    _, _, session_id, _, set_id, _ = undo.action.split("/")
    return session_id, set_id


def test_another_person_cannot_see_or_change_a_session(
    member: TestClient, make_client: Callable[..., TestClient], fake: FakeUnitOfWork
) -> None:
    session_id, set_id = _log_first_set(member)
    assert member.get(f"/sessions/{session_id}").status_code == 200
    other = make_client()
    seed_member(fake, other, "bob@example.com")
    assert other.get(f"/sessions/{session_id}").status_code == 404
    csrf = form_posting_to(other.get("/settings").text, "/settings/units").fields["csrf"][0]
    pain = other.post(f"/sessions/{session_id}/pain", data={"csrf": csrf, "next_day_pain": "9"})
    assert pain.status_code == 404
    undo = other.post(f"/sessions/{session_id}/sets/{set_id}/delete", data={"csrf": csrf})
    assert undo.status_code == 404
    page = member.get(f"/sessions/{session_id}").text
    assert set_id in page
    assert '9 · very severe" selected' not in page.replace("</option>", "")
    assert "bob@example.com" not in member.get("/settings").text


def test_another_person_cannot_revoke_a_token(
    member: TestClient, make_client: Callable[..., TestClient], fake: FakeUnitOfWork
) -> None:
    form = form_posting_to(member.get("/settings").text, "/settings/tokens")
    html = member.post("/settings/tokens", data=form.data(name="phone")).text
    revoke = next(
        f for f in forms_of(html) if f.action.endswith("/revoke") and "tokens" in f.action
    )
    other = make_client()
    seed_account(fake, other, "bob@example.com")
    csrf = form_posting_to(other.get("/settings").text, "/settings/units").fields["csrf"][0]
    assert other.post(revoke.action, data={"csrf": csrf}).status_code == 404
    assert "Revoke" in member.get("/settings").text
