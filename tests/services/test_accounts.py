"""Accounts: sign-up, sign-in, sessions, passwords, deletion, API and calendar tokens."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

import pytest

from hipcoach.domain.appearance import Appearance
from hipcoach.domain.auth import SESSION_LIFETIME, ApiToken, AuthError
from hipcoach.domain.errors import NotFoundError, UnknownKeyError
from hipcoach.services import accounts
from tests.services.fakes import FakeHasher, FakeUnitOfWork

NOW = datetime(2026, 1, 4, 9, tzinfo=UTC)
HASHER = FakeHasher()
PASSWORD = "correct horse battery"


COUNTER = itertools.count()


def secrets_in_order() -> accounts.SecretFactory:
    """Predictable but never repeating secrets (the real ones are 256-bit random)."""
    return lambda: f"secret-{next(COUNTER):06d}-abcdefghijklmnopqrstuvwxyz"


def signed_up(uow: FakeUnitOfWork, email: str = "ana@example.com") -> accounts.SignedIn:
    return accounts.sign_up(
        uow=uow,
        hasher=HASHER,
        email=email,
        password=PASSWORD,
        name="Ana",
        now=NOW,
        open_signup=True,
        make_secret=secrets_in_order(),
    )


def new_token(uow: FakeUnitOfWork, user_id: str, name: str = "phone") -> tuple[ApiToken, str]:
    return accounts.create_api_token(
        uow=uow,
        hasher=HASHER,
        user_id=user_id,
        name=name,
        password=PASSWORD,
        client="c",
        now=NOW,
    )


def test_the_first_account_is_the_owner_and_is_signed_in(uow: FakeUnitOfWork) -> None:
    signed = signed_up(uow)
    credential = accounts.account(uow=uow, user_id=signed.user_id)
    assert credential.is_owner
    assert credential.email == "ana@example.com"
    assert credential.password_hash != PASSWORD
    live = accounts.session_user(uow=uow, token=signed.token, now=NOW)
    assert live is not None
    assert live.user_id == signed.user_id
    assert signed.token not in {s.token_hash for s in uow.committed.web_sessions.values()}


def test_closed_sign_up_admits_only_the_first_account(uow: FakeUnitOfWork) -> None:
    signed_up(uow)
    with pytest.raises(AuthError, match="Sign-up is closed"):
        accounts.sign_up(
            uow=uow,
            hasher=HASHER,
            email="bo@example.com",
            password=PASSWORD,
            name="Bo",
            now=NOW,
            open_signup=False,
        )


def test_duplicate_email_and_weak_password_are_refused(uow: FakeUnitOfWork) -> None:
    signed_up(uow)
    with pytest.raises(AuthError, match="already exists"):
        signed_up(uow, email="ANA@example.com ")
    with pytest.raises(AuthError, match="at least 10"):
        accounts.sign_up(
            uow=uow,
            hasher=HASHER,
            email="x@example.com",
            password="short",
            name="X",
            now=NOW,
            open_signup=True,
        )
    with pytest.raises(AuthError, match="valid email"):
        accounts.sign_up(
            uow=uow,
            hasher=HASHER,
            email="not-an-email",
            password=PASSWORD,
            name="X",
            now=NOW,
            open_signup=True,
        )


def test_sign_in_gives_one_message_for_unknown_email_and_wrong_password(
    uow: FakeUnitOfWork,
) -> None:
    signed_up(uow)
    messages = set()
    for email, password in (("nobody@example.com", PASSWORD), ("ana@example.com", "wrong pass!")):
        with pytest.raises(AuthError) as info:
            accounts.sign_in(
                uow=uow, hasher=HASHER, email=email, password=password, client="1.2.3.4", now=NOW
            )
        messages.add(info.value.message)
    assert messages == {accounts.BAD_SIGN_IN}
    ok = accounts.sign_in(
        uow=uow,
        hasher=HASHER,
        email="Ana@Example.com",
        password=PASSWORD,
        client="1.2.3.4",
        now=NOW,
    )
    assert ok.token


def test_sessions_expire_and_sign_out_ends_them(uow: FakeUnitOfWork) -> None:
    signed = signed_up(uow)
    assert accounts.session_user(uow=uow, token=signed.token, now=NOW + SESSION_LIFETIME) is None
    again = accounts.sign_in(
        uow=uow, hasher=HASHER, email="ana@example.com", password=PASSWORD, client="c", now=NOW
    )
    accounts.sign_out(uow=uow, token=again.token)
    assert accounts.session_user(uow=uow, token=again.token, now=NOW) is None


def test_api_tokens_work_until_revoked_and_only_by_their_owner(uow: FakeUnitOfWork) -> None:
    ana = signed_up(uow)
    bo = signed_up(uow, email="bo@example.com")
    token, plain = new_token(uow, ana.user_id)
    assert plain.startswith("hc_")
    assert accounts.bearer_user(uow=uow, token=plain) == ana.user_id
    with pytest.raises(NotFoundError):
        accounts.revoke_api_token(uow=uow, user_id=bo.user_id, token_id=token.id, now=NOW)
    accounts.revoke_api_token(uow=uow, user_id=ana.user_id, token_id=token.id, now=NOW)
    assert accounts.bearer_user(uow=uow, token=plain) is None
    assert accounts.bearer_user(uow=uow, token="hc_made_up") is None


def test_calendar_feed_rotates_and_revokes(uow: FakeUnitOfWork) -> None:
    ana = signed_up(uow)
    first = accounts.rotate_calendar_feed(uow=uow, user_id=ana.user_id, now=NOW)
    assert accounts.calendar_user(uow=uow, token=first) == ana.user_id
    second = accounts.rotate_calendar_feed(uow=uow, user_id=ana.user_id, now=NOW)
    assert accounts.calendar_user(uow=uow, token=first) is None
    assert accounts.calendar_user(uow=uow, token=second) == ana.user_id
    accounts.revoke_calendar_feed(uow=uow, user_id=ana.user_id)
    assert not accounts.has_calendar_feed(uow=uow, user_id=ana.user_id)


def test_deleting_an_account_removes_all_of_its_data(uow: FakeUnitOfWork) -> None:
    ana = signed_up(uow)
    bo = signed_up(uow, email="bo@example.com")
    new_token(uow, ana.user_id)
    with pytest.raises(AuthError):
        accounts.delete_account(
            uow=uow,
            hasher=HASHER,
            user_id=ana.user_id,
            password="wrong one!",
            client="home",
            now=NOW,
        )
    accounts.delete_account(
        uow=uow, hasher=HASHER, user_id=ana.user_id, password=PASSWORD, client="home", now=NOW
    )
    data = uow.committed
    assert ana.user_id not in data.users
    assert ana.user_id not in data.accounts
    assert all(t.user_id != ana.user_id for t in data.api_tokens.values())
    assert bo.user_id in data.users


def test_an_api_sign_up_makes_the_account_and_its_token_but_no_web_session(
    uow: FakeUnitOfWork,
) -> None:
    token, plain = accounts.sign_up_with_token(
        uow=uow,
        hasher=HASHER,
        email="Ana@Example.com",
        password=PASSWORD,
        name="Ana",
        token_name="api",
        now=NOW,
        open_signup=True,
        make_secret=secrets_in_order(),
    )
    assert accounts.account(uow=uow, user_id=token.user_id).email == "ana@example.com"
    assert accounts.bearer_user(uow=uow, token=plain) == token.user_id
    assert token.name == "api"
    assert uow.committed.web_sessions == {}


def test_an_api_sign_up_refused_stores_nothing(uow: FakeUnitOfWork) -> None:
    signed_up(uow)
    with pytest.raises(AuthError, match="already exists"):
        accounts.sign_up_with_token(
            uow=uow,
            hasher=HASHER,
            email="ana@example.com",
            password=PASSWORD,
            name="Ana again",
            token_name="api",
            now=NOW,
            open_signup=True,
        )
    assert uow.committed.api_tokens == {}


def test_a_password_grant_mints_a_token_without_a_web_session(uow: FakeUnitOfWork) -> None:
    ana = signed_up(uow)
    sessions_before = dict(uow.committed.web_sessions)
    token, plain = accounts.grant_api_token(
        uow=uow,
        hasher=HASHER,
        email="ana@example.com",
        password=PASSWORD,
        client="c",
        name="script",
        now=NOW,
    )
    assert accounts.bearer_user(uow=uow, token=plain) == ana.user_id
    assert token.name == "script"
    assert uow.committed.web_sessions == sessions_before
    with pytest.raises(AuthError, match="don't match"):
        accounts.grant_api_token(
            uow=uow,
            hasher=HASHER,
            email="ana@example.com",
            password="not the password",
            client="c",
            name="script",
            now=NOW,
        )


def test_the_appearance_is_the_devices_until_chosen_and_unknown_ones_name_the_field() -> None:
    uow = FakeUnitOfWork()
    user_id = signed_up(uow).user_id
    before = accounts.person(uow=uow, user_id=user_id)
    assert before is not None
    assert before.appearance is Appearance.SYSTEM
    assert accounts.set_appearance(uow=uow, user_id=user_id, appearance="dark") is Appearance.DARK
    after = accounts.person(uow=uow, user_id=user_id)
    assert after is not None
    assert after.appearance is Appearance.DARK
    with pytest.raises(UnknownKeyError) as refused:
        accounts.set_appearance(uow=uow, user_id=user_id, appearance="Dark mode")
    assert refused.value.field == "appearance"
    with pytest.raises(NotFoundError):
        accounts.set_appearance(uow=uow, user_id="user-gone", appearance="light")
    assert accounts.person(uow=uow, user_id="user-gone") is None
