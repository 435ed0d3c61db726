"""The owner's invite and reset links on real databases (SQLite and PostgreSQL): stored only as
hashes, used once, expired on time, and a reset ends every way into the account."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Connection, Engine, select

from hipcoach.domain.auth import (
    INVITE_LIFETIME,
    RECENT_SIGN_IN,
    RESET_LIFETIME,
    AuthError,
    LinkKind,
    hash_token,
)
from hipcoach.domain.errors import ForbiddenError, NotFoundError
from hipcoach.services import access_links, accounts
from hipcoach.services.access_links import SignUpState
from hipcoach.store import migrate
from hipcoach.store.tables import access_link
from hipcoach.store.uow import SqlUnitOfWork
from tests.services.fakes import FakeHasher
from tests.store.conftest import UnitOfWorkFactory

NOW = datetime(2026, 1, 4, 9, tzinfo=UTC)
PASSWORD = "correct horse battery"
NEW_PASSWORD = "another long passphrase"
HASHER = FakeHasher()
OWNER = "owner@example.com"
MEMBER = "member@example.com"


def join(
    work: SqlUnitOfWork,
    email: str,
    *,
    invite: str | None = None,
    at: datetime = NOW,
) -> accounts.SignedIn:
    """A sign-up on a closed server (the first one becomes the owner)."""
    return accounts.sign_up(
        uow=work,
        hasher=HASHER,
        email=email,
        password=PASSWORD,
        name="",
        now=at,
        open_signup=False,
        invite=invite,
    )


def reset_link(work: SqlUnitOfWork, owner: str, email: str = MEMBER) -> access_links.IssuedLink:
    return access_links.create_reset_link(
        uow=work,
        hasher=HASHER,
        user_id=owner,
        email=email,
        password="",
        client="192.0.2.1",
        now=NOW,
        signed_in_at=NOW,  # just signed in: no password needed
    )


def signs_in(work: SqlUnitOfWork, password: str, at: datetime = NOW) -> bool:
    try:
        accounts.sign_in(
            uow=work, hasher=HASHER, email=MEMBER, password=password, client="203.0.113.5", now=at
        )
    except AuthError:
        return False
    return True


def test_an_invite_lets_one_person_in_once_on_a_closed_server(uow: UnitOfWorkFactory) -> None:
    work = uow()
    owner = join(work, OWNER).user_id
    with pytest.raises(AuthError, match="Sign-up is closed on this server: ask its owner"):
        join(work, MEMBER)
    invite = access_links.create_invite(uow=work, user_id=owner, now=NOW)
    assert invite.path == f"/signup?invite={invite.token}"
    assert invite.link.expires_at == NOW + INVITE_LIFETIME
    member = join(work, MEMBER, invite=invite.token)
    assert accounts.account(uow=work, user_id=member.user_id).is_owner is False
    with pytest.raises(AuthError, match="invite link has been used or has expired") as refused:
        join(work, "third@example.com", invite=invite.token)
    assert refused.value.field == "invite"
    with work:
        assert work.accounts.by_email("third@example.com") is None  # nothing half-stored
        assert work.accounts.count() == 2


def test_an_invite_works_until_seven_days_have_passed(uow: UnitOfWorkFactory) -> None:
    work = uow()
    owner = join(work, OWNER).user_id
    late = access_links.create_invite(uow=work, user_id=owner, now=NOW)
    in_time = access_links.create_invite(uow=work, user_id=owner, now=NOW)
    with pytest.raises(AuthError, match="used or has expired"):
        join(work, MEMBER, invite=late.token, at=NOW + INVITE_LIFETIME)
    join(work, MEMBER, invite=in_time.token, at=NOW + INVITE_LIFETIME - timedelta(seconds=1))


def test_a_sign_up_that_fails_leaves_the_invite_unused(uow: UnitOfWorkFactory) -> None:
    work = uow()
    owner = join(work, OWNER).user_id
    invite = access_links.create_invite(uow=work, user_id=owner, now=NOW)
    with pytest.raises(AuthError, match="already exists"):
        join(work, OWNER, invite=invite.token)
    assert join(work, MEMBER, invite=invite.token).user_id


def test_the_sign_up_page_can_tell_before_the_form_whether_it_will_be_taken(
    uow: UnitOfWorkFactory,
) -> None:
    work = uow()

    def state(invite: str | None = None, *, open_signup: bool = False) -> SignUpState:
        return access_links.sign_up_state(uow=work, open_signup=open_signup, invite=invite, now=NOW)

    assert state() is SignUpState.OPEN  # no account yet: the first becomes the owner
    owner = join(work, OWNER).user_id
    assert state() is SignUpState.CLOSED
    assert state(open_signup=True) is SignUpState.OPEN
    invite = access_links.create_invite(uow=work, user_id=owner, now=NOW).token
    assert state(invite) is SignUpState.INVITED
    assert state("not-a-token-we-ever-made-at-all") is SignUpState.INVITE_SPENT
    assert state(reset_link(work, owner, OWNER).token) is SignUpState.INVITE_SPENT  # a reset
    join(work, MEMBER, invite=invite)
    assert state(invite) is SignUpState.INVITE_SPENT


def test_only_the_owner_makes_links(uow: UnitOfWorkFactory) -> None:
    work = uow()
    owner = join(work, OWNER).user_id
    invite = access_links.create_invite(uow=work, user_id=owner, now=NOW)
    member = join(work, MEMBER, invite=invite.token).user_id
    with pytest.raises(ForbiddenError, match="Only the owner"):
        access_links.create_invite(uow=work, user_id=member, now=NOW)
    with pytest.raises(ForbiddenError, match="Only the owner"):
        reset_link(work, member, OWNER)
    with pytest.raises(NotFoundError, match="No account on this server has that email"):
        reset_link(work, owner, "nobody@example.com")


def test_links_are_stored_only_as_hashes_of_their_token(
    uow: UnitOfWorkFactory, connection: Connection
) -> None:
    work = uow()
    owner = join(work, OWNER).user_id
    issued = [
        access_links.create_invite(uow=work, user_id=owner, now=NOW),
        reset_link(work, owner, OWNER),
    ]
    rows = connection.execute(select(access_link)).mappings().all()
    stored = {row["token_hash"] for row in rows}
    assert stored == {hash_token(link.token) for link in issued}
    for row in rows:  # no column holds a token
        assert not any(link.token in str(value) for link in issued for value in row.values())
    assert {row["kind"] for row in rows} == {"invite", "reset"}


def test_a_reset_link_sets_the_password_once_and_ends_every_way_in(
    uow: UnitOfWorkFactory,
) -> None:
    work = uow()
    owner = join(work, OWNER).user_id
    member = join(
        work, MEMBER, invite=access_links.create_invite(uow=work, user_id=owner, now=NOW).token
    )
    accounts.create_api_token(
        uow=work,
        hasher=HASHER,
        user_id=member.user_id,
        name="phone",
        password=PASSWORD,
        client="c",
        now=NOW,
    )
    accounts.rotate_calendar_feed(uow=work, user_id=member.user_id, now=NOW)
    link = reset_link(work, owner)
    assert link.path == f"/reset/{link.token}"
    assert link.link.expires_at == NOW + RESET_LIFETIME
    assert access_links.reset_link_usable(uow=work, token=link.token, now=NOW)

    ended = access_links.reset_password(
        uow=work, hasher=HASHER, token=link.token, new=NEW_PASSWORD, now=NOW
    )

    assert (ended.web_sessions, ended.api_tokens, ended.calendar_feed) == (1, 1, True)
    assert accounts.session_user(uow=work, token=member.token, now=NOW) is None
    assert not signs_in(work, PASSWORD)
    assert signs_in(work, NEW_PASSWORD)
    assert not access_links.reset_link_usable(uow=work, token=link.token, now=NOW)
    with pytest.raises(AuthError, match="reset link has been used or has expired"):
        access_links.reset_password(
            uow=work, hasher=HASHER, token=link.token, new="yet another passphrase", now=NOW
        )
    assert signs_in(work, NEW_PASSWORD)  # the refused second use changed nothing


def test_a_reset_link_expires_after_an_hour_and_a_newer_one_replaces_it(
    uow: UnitOfWorkFactory,
) -> None:
    work = uow()
    owner = join(work, OWNER).user_id
    join(work, MEMBER, invite=access_links.create_invite(uow=work, user_id=owner, now=NOW).token)
    older, newer = reset_link(work, owner), reset_link(work, owner)
    assert not access_links.reset_link_usable(uow=work, token=older.token, now=NOW)
    with pytest.raises(AuthError, match="used or has expired"):
        access_links.reset_password(
            uow=work, hasher=HASHER, token=older.token, new=NEW_PASSWORD, now=NOW
        )
    with pytest.raises(AuthError, match="used or has expired"):
        access_links.reset_password(
            uow=work, hasher=HASHER, token=newer.token, new=NEW_PASSWORD, now=NOW + RESET_LIFETIME
        )
    assert signs_in(work, PASSWORD)


def test_a_reset_link_needs_the_owners_password_unless_they_just_signed_in(
    uow: UnitOfWorkFactory,
) -> None:
    work = uow()
    owner = join(work, OWNER).user_id

    def make(password: str, signed_in_at: datetime | None) -> access_links.IssuedLink:
        return access_links.create_reset_link(
            uow=work,
            hasher=HASHER,
            user_id=owner,
            email=OWNER,
            password=password,
            client="192.0.2.1",
            now=NOW,
            signed_in_at=signed_in_at,
        )

    stale = NOW - RECENT_SIGN_IN - timedelta(seconds=1)
    with pytest.raises(AuthError, match="Type your password to make a reset link"):
        make("", stale)
    with pytest.raises(AuthError, match="The password is not right"):
        make("a wrong guess at it", None)
    assert make(PASSWORD, stale).token
    assert make("", NOW).token


def test_links_go_with_the_accounts_they_belong_to(
    uow: UnitOfWorkFactory, connection: Connection
) -> None:
    work = uow()
    owner = join(work, OWNER).user_id
    member = join(
        work, MEMBER, invite=access_links.create_invite(uow=work, user_id=owner, now=NOW).token
    ).user_id
    access_links.create_invite(uow=work, user_id=owner, now=NOW)
    reset_link(work, owner)
    accounts.delete_account(
        uow=work, hasher=HASHER, user_id=member, password=PASSWORD, client="home", now=NOW
    )
    kinds = connection.execute(select(access_link.c.kind)).scalars().all()
    assert sorted(kinds) == ["invite", "invite"]  # the member's reset link went with them
    accounts.delete_account(
        uow=work, hasher=HASHER, user_id=owner, password=PASSWORD, client="home", now=NOW
    )
    assert connection.execute(select(access_link)).all() == []


def test_expired_links_are_cleared_when_a_new_one_is_made(
    uow: UnitOfWorkFactory, connection: Connection
) -> None:
    work = uow()
    owner = join(work, OWNER).user_id
    old = access_links.create_invite(uow=work, user_id=owner, now=NOW)
    later = NOW + INVITE_LIFETIME
    fresh = access_links.create_invite(uow=work, user_id=owner, now=later)
    stored = connection.execute(select(access_link.c.token_hash)).scalars().all()
    assert stored == [hash_token(fresh.token)]
    assert hash_token(old.token) not in stored


def test_two_uses_of_one_link_at_the_same_moment_let_exactly_one_through(
    empty_engine: Engine,
) -> None:
    """The second use waits for the first's transaction, then finds the link used."""
    migrate.upgrade(empty_engine)
    work = SqlUnitOfWork(empty_engine)
    owner = join(work, OWNER).user_id
    token_hash = hash_token(access_links.create_invite(uow=work, user_id=owner, now=NOW).token)
    held, release = threading.Event(), threading.Event()
    results: dict[str, bool] = {}

    def use(name: str, *, hold: bool) -> None:
        racing = SqlUnitOfWork(empty_engine)
        with racing:
            results[name] = racing.access_links.use(token_hash, LinkKind.INVITE, NOW) is not None
            if hold:
                held.set()
                release.wait(10)
            racing.commit()

    first = threading.Thread(target=use, args=("first",), kwargs={"hold": True})
    first.start()
    assert held.wait(10)
    second = threading.Thread(target=use, args=("second",), kwargs={"hold": False})
    second.start()
    time.sleep(0.3)
    assert "second" not in results  # waiting for the first transaction to end
    release.set()
    first.join(10)
    second.join(10)
    assert results == {"first": True, "second": False}
