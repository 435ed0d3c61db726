"""The owner's invite and reset links in the web app: made in Settings, used once on their page,
and a closed sign-up said at once, before any form."""

from __future__ import annotations

import re
from collections.abc import Callable

from fastapi.testclient import TestClient

from tests.services.fakes import FakeUnitOfWork
from tests.web.conftest import PASSWORD, seed_account
from tests.web.forms import form_posting_to, forms_of

NEW_PASSWORD = "a brand new passphrase"
_ISSUED = re.compile(r'id="issued-link"[^>]*value="http://testserver([^"]+)"')


def issued_path(html: str) -> str:
    found = _ISSUED.search(html)
    assert found, "no link shown"
    return found.group(1)


def make_invite(owner: TestClient) -> str:
    form = form_posting_to(owner.get("/settings").text, "/settings/invites")
    response = owner.post("/settings/invites", data=form.data())
    assert response.status_code == 200
    assert "It works once, until" in response.text
    return issued_path(response.text)


def test_a_closed_sign_up_says_so_before_the_form_and_how_to_get_in(
    make_client: Callable[..., TestClient], fake: FakeUnitOfWork
) -> None:
    seed_account(fake)  # the owner exists: sign-up is now closed
    page = make_client(open_signup=False).get("/signup")
    assert page.status_code == 200
    text = page.text
    assert text.index("Sign-up is closed on this server") < text.index("</main>")
    assert "ask the person who runs this server for an invite link" in text
    assert "/signup" not in [form.action for form in forms_of(text)]
    assert "Sign-up is closed" not in make_client(open_signup=True).get("/signup").text


def test_an_invite_made_in_settings_opens_sign_up_for_one_person(
    make_client: Callable[..., TestClient], fake: FakeUnitOfWork
) -> None:
    owner = make_client(open_signup=False)
    seed_account(fake, owner, "owner@example.com")
    path = make_invite(owner)
    assert path.startswith("/signup?invite=")

    guest = make_client(open_signup=False)
    page = guest.get(path).text
    assert "You have been invited to this server" in page
    form = form_posting_to(page, "/signup")
    sent = guest.post(
        "/signup",
        data=form.data(email="guest@example.com", password=PASSWORD),
        follow_redirects=False,
    )
    assert sent.status_code == 303
    assert sent.headers["location"] == "/onboarding"

    late = make_client(open_signup=False).get(path).text
    assert "This invite link has been used or has expired" in late
    assert "/signup" not in [f.action for f in forms_of(late)]


def test_a_member_has_no_owner_section_and_cannot_make_links(
    make_client: Callable[..., TestClient], fake: FakeUnitOfWork
) -> None:
    seed_account(fake, email="owner@example.com")
    member = make_client()
    seed_account(fake, member, "member@example.com")
    settings = member.get("/settings").text
    assert 'id="people"' not in settings
    form = form_posting_to(settings, "/settings/units")  # any form: it carries the CSRF token
    refused = member.post("/settings/invites", data=form.data())
    assert refused.status_code == 403
    assert "Only the owner of this server can make invite and reset links" in refused.text


def test_a_reset_link_sets_a_new_password_once_and_signs_the_account_out(
    make_client: Callable[..., TestClient], fake: FakeUnitOfWork
) -> None:
    owner = make_client()
    seed_account(fake, owner, "owner@example.com")
    member = make_client()
    seed_account(fake, member, "member@example.com")
    form = form_posting_to(owner.get("/settings").text, "/settings/reset-links")
    made = owner.post("/settings/reset-links", data=form.data(email="member@example.com"))
    assert made.status_code == 200, made.text
    path = issued_path(made.text)
    assert path.startswith("/reset/")

    elsewhere = make_client()
    form = form_posting_to(elsewhere.get(path).text, path)
    reset = elsewhere.post(path, data=form.data(new_password=NEW_PASSWORD), follow_redirects=False)
    assert reset.status_code == 303
    assert reset.headers["location"] == "/signin?notice=reset"

    signed_out = member.get("/today", follow_redirects=False)
    assert signed_out.status_code == 303  # the member's other browser was signed out
    assert signed_out.headers["location"].startswith("/signin")
    spent = make_client().get(path)
    assert spent.status_code == 404
    assert "This reset link has been used or has expired" in spent.text
    signin = form_posting_to(elsewhere.get("/signin").text, "/signin")
    data = signin.data(email="member@example.com", password=NEW_PASSWORD)
    assert elsewhere.post("/signin", data=data, follow_redirects=False).status_code == 303


def test_a_reset_link_for_an_unknown_email_is_a_form_message(
    make_client: Callable[..., TestClient], fake: FakeUnitOfWork
) -> None:
    owner = make_client()
    seed_account(fake, owner, "owner@example.com")
    form = form_posting_to(owner.get("/settings").text, "/settings/reset-links")
    answer = owner.post("/settings/reset-links", data=form.data(email="nobody@example.com"))
    assert answer.status_code == 404  # the settings page again, with the message by the form
    assert "No account on this server has that email" in answer.text
    assert 'id="reset-email"' in answer.text
    assert 'id="issued-link"' not in answer.text
