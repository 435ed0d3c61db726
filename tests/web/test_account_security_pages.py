"""Settings ends every other way in when asked, and says exactly what it ended; making a
token needs the password once the sign-in is not recent; sign-in waits are told plainly."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from fastapi.testclient import TestClient

from hipcoach.domain.auth import RECENT_SIGN_IN
from hipcoach.domain.rate_limit import SIGN_IN_EMAIL_FROM_CLIENT
from tests.services.fakes import FakeUnitOfWork
from tests.web.conftest import PASSWORD
from tests.web.forms import form_posting_to

NEW_PASSWORD = "a new long passphrase"


def _post(browser: TestClient, action: str, **changes: str) -> str:
    form = form_posting_to(browser.get("/settings").text, action)
    response = browser.post(action, data=form.data(**changes))
    return str(response.text)


def _sign_in(browser: TestClient, password: str = PASSWORD) -> int:
    form = form_posting_to(browser.get("/signin").text, "/signin")
    data = form.data(email="ann@example.com", password=password)
    return browser.post("/signin", data=data, follow_redirects=False).status_code


def _token(html: str) -> str:
    found = re.search(r'value="(hc_[A-Za-z0-9_-]{20,})"', html)
    assert found, "no token shown"
    return found.group(1)


def _feed(html: str) -> str:
    found = re.search(r'value="http://testserver(/calendar/[A-Za-z0-9_-]+\.ics)"', html)
    assert found, "no calendar address shown"
    return found.group(1)


def test_a_password_change_ends_other_browsers_tokens_and_the_feed_and_says_so(
    member: TestClient, make_client: Callable[..., TestClient]
) -> None:
    other = make_client()
    assert _sign_in(other) == 303
    token = _token(_post(member, "/settings/tokens", name="phone"))
    feed = _feed(_post(member, "/settings/calendar"))
    api = make_client()
    assert api.get("/api/v1/tokens", headers={"Authorization": f"Bearer {token}"}).is_success
    html = _post(member, "/settings/password", current_password=PASSWORD, new_password=NEW_PASSWORD)
    assert (
        "Password changed. Signed out 1 other browser, revoked 1 API token, turned off the "
        "calendar address. This browser stays signed in."
    ) in html
    assert member.get("/settings", follow_redirects=False).status_code == 200
    assert other.get("/settings", follow_redirects=False).status_code == 303
    assert (
        api.get("/api/v1/tokens", headers={"Authorization": f"Bearer {token}"}).status_code == 401
    )
    assert api.get(feed).status_code == 404
    assert _sign_in(make_client(), NEW_PASSWORD) == 303


def test_sign_out_everywhere_else_keeps_only_this_browser(
    member: TestClient, make_client: Callable[..., TestClient]
) -> None:
    other = make_client()
    assert _sign_in(other) == 303
    html = _post(member, "/settings/sign-out-everywhere")
    assert "Signed out 1 other browser, revoked 0 API tokens, no calendar address to end." in html
    assert other.get("/settings", follow_redirects=False).status_code == 303
    assert member.get("/settings", follow_redirects=False).status_code == 200


def test_a_token_needs_the_password_once_the_sign_in_is_not_recent(
    member: TestClient, fake: FakeUnitOfWork
) -> None:
    assert "hc_" in _post(member, "/settings/tokens", name="fresh")  # just signed up
    sessions = fake.committed.web_sessions
    for key, session in sessions.items():  # the browser signed in a while ago
        aged = session.created_at - RECENT_SIGN_IN - RECENT_SIGN_IN
        sessions[key] = replace(session, created_at=aged)
    refused = _post(member, "/settings/tokens", name="later")
    assert "Type your password to make a token." in refused
    assert 'value="hc_' not in refused
    wrong = _post(member, "/settings/tokens", name="later", password="not it at all")
    assert "The password is not right." in wrong
    assert _token(_post(member, "/settings/tokens", name="later", password=PASSWORD))


def test_too_many_wrong_passwords_are_told_how_long_to_wait(client: TestClient) -> None:
    form = form_posting_to(client.get("/signup").text, "/signup")
    data = form.data(email="ann@example.com", password=PASSWORD, name="Ann")
    client.post("/signup", data=data, follow_redirects=False)
    client.post("/signout", data=form_posting_to(client.get("/today").text, "/signout").data())
    codes = [_sign_in(client, "not it at all") for _ in range(SIGN_IN_EMAIL_FROM_CLIENT.free)]
    assert 429 not in codes
    form = form_posting_to(client.get("/signin").text, "/signin")
    waiting = client.post("/signin", data=form.data(email="ann@example.com", password=PASSWORD))
    assert waiting.status_code == 429
    assert "Too many attempts; wait 30 seconds and try again." in waiting.text
