"""Rate limits that slow guessing without keeping the owner out, the same work for every email,
and a password change (or "sign out everywhere") that ends every other way in."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from hipcoach.domain.auth import RECENT_SIGN_IN, AuthError, RateLimitedError
from hipcoach.domain.rate_limit import (
    SIGN_IN_CLIENT,
    SIGN_IN_EMAIL,
    SIGN_IN_EMAIL_FROM_CLIENT,
    SIGN_UP_CLIENT,
)
from hipcoach.services import accounts
from tests.services.fakes import FakeHasher, FakeUnitOfWork

NOW = datetime(2026, 1, 4, 9, tzinfo=UTC)
PASSWORD = "correct horse battery"
NEW_PASSWORD = "another long passphrase"
HASHER = FakeHasher()
EMAIL = "ana@example.com"
FREE = SIGN_IN_EMAIL_FROM_CLIENT.free


def open_account(uow: FakeUnitOfWork, email: str = EMAIL) -> accounts.SignedIn:
    return accounts.sign_up(
        uow=uow,
        hasher=HASHER,
        email=email,
        password=PASSWORD,
        name="Ana",
        now=NOW,
        open_signup=True,
    )


def sign_in(
    uow: FakeUnitOfWork,
    password: str = PASSWORD,
    *,
    at: datetime = NOW,
    client: str = "198.51.100.7",
    email: str = EMAIL,
) -> accounts.SignedIn:
    return accounts.sign_in(
        uow=uow, hasher=HASHER, email=email, password=password, client=client, now=at
    )


def outcome(uow: FakeUnitOfWork, password: str, *, at: datetime, client: str = "attacker") -> str:
    """'ok', 'wrong' or 'wait' for one sign-in attempt."""
    try:
        sign_in(uow, password, at=at, client=client)
    except RateLimitedError:
        return "wait"
    except AuthError:
        return "wrong"
    return "ok"


def test_the_first_attempts_go_through_then_each_wait_doubles_up_to_a_cap() -> None:
    waits = [SIGN_IN_EMAIL_FROM_CLIENT.wait_after(n) for n in range(1, FREE + 8)]
    assert waits[: FREE - 1] == [None] * (FREE - 1)
    assert waits[FREE - 1 : FREE + 2] == [timedelta(seconds=s) for s in (30, 60, 120)]
    assert waits[-1] == SIGN_IN_EMAIL_FROM_CLIENT.longest_wait == timedelta(minutes=15)
    assert SIGN_IN_EMAIL_FROM_CLIENT.wait_after(10_000) == timedelta(minutes=15)


def test_a_wrong_guess_beyond_the_free_ones_waits_and_the_wait_says_how_long(
    uow: FakeUnitOfWork,
) -> None:
    open_account(uow)
    assert [outcome(uow, "wrong guess!", at=NOW) for _ in range(FREE)] == ["wrong"] * FREE
    with pytest.raises(RateLimitedError, match="wait 30 seconds") as refused:
        sign_in(uow, PASSWORD, client="attacker")
    assert refused.value.retry_after_s == 30
    assert outcome(uow, PASSWORD, at=NOW + timedelta(seconds=30), client="attacker") == "ok"


def test_hammering_a_closed_door_never_makes_the_wait_longer(uow: FakeUnitOfWork) -> None:
    open_account(uow)
    for _ in range(FREE):
        outcome(uow, "wrong guess!", at=NOW)
    # 500 refused tries during the 30 s wait: none counts, so the door opens on time.
    tries = [outcome(uow, "wrong guess!", at=NOW + timedelta(seconds=s / 20)) for s in range(500)]
    assert set(tries) == {"wait"}
    assert outcome(uow, PASSWORD, at=NOW + timedelta(seconds=30)) == "ok"


def test_a_right_password_resets_the_email_s_count(uow: FakeUnitOfWork) -> None:
    open_account(uow)
    for _ in range(FREE - 1):
        outcome(uow, "wrong guess!", at=NOW)
    assert outcome(uow, PASSWORD, at=NOW) == "ok"
    # FREE - 1 more wrong guesses are free again (without the reset the next would wait).
    assert [outcome(uow, "wrong guess!", at=NOW) for _ in range(FREE - 1)] == ["wrong"] * (FREE - 1)


def test_an_attacker_s_guesses_do_not_keep_the_owner_out(uow: FakeUnitOfWork) -> None:
    open_account(uow)
    moment = NOW
    for _ in range(40):  # an hour of guessing from one address, as fast as it is let
        outcome(uow, "wrong guess!", at=moment, client="203.0.113.9")
        moment += timedelta(seconds=90)
    assert outcome(uow, PASSWORD, at=moment, client="198.51.100.7") == "ok"


def test_many_addresses_guessing_together_make_the_email_wait_but_not_for_ever(
    uow: FakeUnitOfWork,
) -> None:
    open_account(uow)
    for n in range(SIGN_IN_EMAIL.free):
        outcome(uow, "wrong guess!", at=NOW, client=f"203.0.113.{n}")
    assert outcome(uow, PASSWORD, at=NOW, client="198.51.100.7") == "wait"
    later = NOW + SIGN_IN_EMAIL.first_wait
    assert outcome(uow, PASSWORD, at=later, client="198.51.100.7") == "ok"


def test_one_address_guessing_many_emails_is_slowed_too(uow: FakeUnitOfWork) -> None:
    attempts = [outcome_for(uow, f"person{n}@example.com") for n in range(SIGN_IN_CLIENT.free + 1)]
    assert attempts[:-1] == ["wrong"] * SIGN_IN_CLIENT.free
    assert attempts[-1] == "wait"


def outcome_for(uow: FakeUnitOfWork, email: str) -> str:
    try:
        sign_in(uow, "wrong guess!", email=email, client="203.0.113.9")
    except RateLimitedError:
        return "wait"
    except AuthError:
        return "wrong"
    return "ok"


def test_the_limit_rows_are_pruned_so_the_table_stays_bounded(uow: FakeUnitOfWork) -> None:
    for day in range(5):  # a spray of new emails and addresses, every day
        for n in range(30):
            moment = NOW + timedelta(days=day, seconds=n)
            with pytest.raises(AuthError):
                sign_in(uow, "x" * 12, at=moment, client=f"10.{day}.0.{n}", email=f"{n}@x.io")
    # Only rows still inside their window remain: one day's worth, not five.
    assert 0 < len(uow.committed.limits) <= 3 * 30 + 3


def test_unknown_and_known_emails_cost_one_hash_check_each(uow: FakeUnitOfWork) -> None:
    class Counting(FakeHasher):
        checks = 0

        def verify(self, password_hash: str, password: str) -> bool:
            Counting.checks += 1
            return super().verify(password_hash, password)

    open_account(uow)
    hasher = Counting()
    for email in (EMAIL, "nobody@example.com"):
        before = Counting.checks
        with pytest.raises(AuthError, match="don't match"):
            accounts.sign_in(
                uow=uow, hasher=hasher, email=email, password="wrong guess", client="c", now=NOW
            )
        assert Counting.checks == before + 1


def test_sign_ups_from_one_address_are_limited(uow: FakeUnitOfWork) -> None:
    def attempt(n: int, client: str = "203.0.113.9") -> str:
        try:
            accounts.sign_up(
                uow=uow,
                hasher=HASHER,
                email=f"bot{n}@example.com",
                password=PASSWORD,
                name="",
                now=NOW,
                open_signup=True,
                client=client,
                limit=SIGN_UP_CLIENT,
            )
        except RateLimitedError:
            return "wait"
        return "ok"

    made = [attempt(n) for n in range(SIGN_UP_CLIENT.free + 1)]
    assert made == ["ok"] * SIGN_UP_CLIENT.free + ["wait"]
    assert attempt(99, client="198.51.100.7") == "ok"
    assert len(uow.committed.accounts) == SIGN_UP_CLIENT.free + 1


def everything_of(uow: FakeUnitOfWork) -> tuple[accounts.SignedIn, accounts.SignedIn, str, str]:
    """Ana signed in on two browsers, with two API tokens and a calendar address."""
    here = open_account(uow)
    phone = sign_in(uow)
    _, first = accounts.sign_up_with_token(
        uow=uow,
        hasher=HASHER,
        email="bo@example.com",
        password=PASSWORD,
        name="Bo",
        token_name="api",
        now=NOW,
        open_signup=True,
    )
    for name in ("laptop", "script"):
        accounts.create_api_token(
            uow=uow,
            hasher=HASHER,
            user_id=here.user_id,
            name=name,
            password=PASSWORD,
            client="c",
            now=NOW,
        )
    feed = accounts.rotate_calendar_feed(uow=uow, user_id=here.user_id, now=NOW)
    return here, phone, feed, first


def test_a_password_change_ends_every_other_way_in_and_counts_them(uow: FakeUnitOfWork) -> None:
    here, phone, feed, bos_token = everything_of(uow)
    ended = accounts.change_password(
        uow=uow,
        hasher=HASHER,
        user_id=here.user_id,
        current=PASSWORD,
        new=NEW_PASSWORD,
        client="c",
        now=NOW,
        keep_session=here.token,
    )
    assert ended == accounts.AccessEnded(web_sessions=1, api_tokens=2, calendar_feed=True)
    assert ended.summary() == (
        "Signed out 1 other browser, revoked 2 API tokens, turned off the calendar address."
    )
    assert accounts.session_user(uow=uow, token=here.token, now=NOW) is not None
    assert accounts.session_user(uow=uow, token=phone.token, now=NOW) is None
    assert accounts.calendar_user(uow=uow, token=feed) is None
    mine = [t.active for t in uow.committed.api_tokens.values() if t.user_id == here.user_id]
    assert mine == [False, False]
    assert accounts.bearer_user(uow=uow, token=bos_token) is not None  # Bo's are Bo's
    assert outcome(uow, PASSWORD, at=NOW, client="c") == "wrong"
    assert outcome(uow, NEW_PASSWORD, at=NOW, client="c") == "ok"


def test_sign_out_everywhere_ends_the_same_and_says_when_there_was_nothing(
    uow: FakeUnitOfWork,
) -> None:
    here, phone, feed, _ = everything_of(uow)
    ended = accounts.sign_out_everywhere(
        uow=uow, user_id=here.user_id, now=NOW, keep_session=here.token
    )
    assert ended == accounts.AccessEnded(web_sessions=1, api_tokens=2, calendar_feed=True)
    assert accounts.session_user(uow=uow, token=phone.token, now=NOW) is None
    assert accounts.calendar_user(uow=uow, token=feed) is None
    again = accounts.sign_out_everywhere(uow=uow, user_id=here.user_id, now=NOW)
    assert again.summary() == (
        "Signed out 1 other browser, revoked 0 API tokens, no calendar address to end."
    )
    assert accounts.session_user(uow=uow, token=here.token, now=NOW) is None


def test_a_wrong_current_password_changes_nothing(uow: FakeUnitOfWork) -> None:
    here, *_ = everything_of(uow)
    before = uow.committed.copy()
    with pytest.raises(AuthError, match="current password is not right") as refused:
        accounts.change_password(
            uow=uow,
            hasher=HASHER,
            user_id=here.user_id,
            current="wrong wrong!",
            new=NEW_PASSWORD,
            client="c",
            now=NOW,
        )
    assert refused.value.field == "current_password"
    assert uow.committed.api_tokens == before.api_tokens
    assert uow.committed.web_sessions == before.web_sessions
    assert uow.committed.accounts == before.accounts


def test_a_locked_out_owner_who_changes_the_password_gets_back_in(uow: FakeUnitOfWork) -> None:
    here = open_account(uow)
    for n in range(SIGN_IN_EMAIL.free):  # many addresses: the email itself now waits
        outcome(uow, "wrong guess!", at=NOW, client=f"203.0.113.{n}")
    assert outcome(uow, PASSWORD, at=NOW, client="laptop") == "wait"
    accounts.change_password(  # from the browser that is still signed in
        uow=uow,
        hasher=HASHER,
        user_id=here.user_id,
        current=PASSWORD,
        new=NEW_PASSWORD,
        client="phone",
        now=NOW + SIGN_IN_EMAIL.first_wait,
        keep_session=here.token,
    )
    assert outcome(uow, NEW_PASSWORD, at=NOW + SIGN_IN_EMAIL.first_wait, client="laptop") == "ok"


def test_minting_a_token_needs_the_password_unless_the_sign_in_is_recent(
    uow: FakeUnitOfWork,
) -> None:
    here = open_account(uow)

    def mint(password: str, signed_in_at: datetime | None) -> str:
        token, _ = accounts.create_api_token(
            uow=uow,
            hasher=HASHER,
            user_id=here.user_id,
            name="phone",
            password=password,
            client="c",
            now=NOW,
            signed_in_at=signed_in_at,
        )
        return token.name

    assert mint("", NOW - RECENT_SIGN_IN) == "phone"
    with pytest.raises(AuthError, match="Type your password") as missing:
        mint("", NOW - RECENT_SIGN_IN - timedelta(seconds=1))
    assert missing.value.field == "password"
    with pytest.raises(AuthError, match="not right"):
        mint("wrong guess!", None)
    assert mint(PASSWORD, None) == "phone"
    assert len(uow.committed.api_tokens) == 2


def test_guessing_the_password_through_token_minting_is_rate_limited(uow: FakeUnitOfWork) -> None:
    here = open_account(uow)
    refusals = []
    for _ in range(FREE + 1):
        try:
            accounts.create_api_token(
                uow=uow,
                hasher=HASHER,
                user_id=here.user_id,
                name="stolen",
                password="wrong guess!",
                client="c",
                now=NOW,
            )
        except RateLimitedError:
            refusals.append("wait")
        except AuthError:
            refusals.append("wrong")
    assert refusals == ["wrong"] * FREE + ["wait"]


def test_right_passwords_from_one_address_never_add_up_to_a_wait(uow: FakeUnitOfWork) -> None:
    open_account(uow)
    ok = [outcome(uow, PASSWORD, at=NOW, client="office") for _ in range(SIGN_IN_CLIENT.free + 5)]
    assert set(ok) == {"ok"}
