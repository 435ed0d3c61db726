"""API tokens and calendar feeds on real databases: found by hash, scoped to their owner."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from hipcoach.domain.auth import hash_token
from tests.store.conftest import UnitOfWorkFactory
from tests.store.records import ALICE, BOB, MORNING, a_calendar_feed, an_api_token

LATER = MORNING + timedelta(hours=5)


def test_a_token_is_found_by_the_hash_of_its_secret(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    token = an_api_token("tok-1", ALICE)
    with uow() as work:
        work.api_tokens.add(token)
        work.commit()
    with uow() as work:
        assert work.api_tokens.by_hash(hash_token("hc_tok-1")) == token
        assert work.api_tokens.by_hash(hash_token("hc_tok-2")) is None
    assert token.active


def test_a_users_tokens_are_listed_newest_first_revoked_ones_included(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    oldest, middle, newest = (an_api_token(f"tok-{n}", ALICE, minute=n) for n in (1, 2, 3))
    with uow() as work:
        for token in (middle, newest, oldest):
            work.api_tokens.add(token)
        work.api_tokens.add(an_api_token("tok-bob", BOB, minute=9))
        work.api_tokens.revoke(ALICE, "tok-2", LATER)
        work.commit()
    with uow() as work:
        listed = work.api_tokens.for_user(ALICE)
    assert [t.id for t in listed] == ["tok-3", "tok-2", "tok-1"]
    assert listed[1] == replace(middle, revoked_at=LATER)
    assert not listed[1].active


def test_revoking_a_token_marks_it_and_keeps_it_findable(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    with uow() as work:
        work.api_tokens.add(an_api_token("tok-1", ALICE))
        work.commit()
    with uow() as work:
        assert work.api_tokens.revoke(ALICE, "tok-1", LATER) is True
        work.commit()
    with uow() as work:
        found = work.api_tokens.by_hash(hash_token("hc_tok-1"))
    assert found is not None
    assert found.revoked_at == LATER
    assert not found.active


def test_nobody_can_revoke_another_persons_token(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    token = an_api_token("tok-alice", ALICE)
    with uow() as work:
        work.api_tokens.add(token)
        work.commit()
    with uow() as work:
        assert work.api_tokens.revoke(BOB, "tok-alice", LATER) is False
        work.commit()
    with uow() as work:
        assert work.api_tokens.by_hash(token.token_hash) == token


def test_revoking_twice_or_an_unknown_token_reports_nothing_to_revoke(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    with uow() as work:
        work.api_tokens.add(an_api_token("tok-1", ALICE))
        assert work.api_tokens.revoke(ALICE, "tok-1", LATER) is True
        assert work.api_tokens.revoke(ALICE, "tok-1", LATER + timedelta(hours=1)) is False
        assert work.api_tokens.revoke(ALICE, "tok-unknown", LATER) is False
        work.commit()
    with uow() as work:
        found = work.api_tokens.by_hash(hash_token("hc_tok-1"))
    assert found is not None
    assert found.revoked_at == LATER  # the first revocation stands


def test_a_calendar_feed_is_found_by_user_and_by_hash(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    feed = a_calendar_feed(ALICE, "feed-secret")
    with uow() as work:
        work.calendars.set(feed)
        work.commit()
    with uow() as work:
        assert work.calendars.get(ALICE) == feed
        assert work.calendars.by_hash(hash_token("feed-secret")) == feed
        assert work.calendars.get(BOB) is None
        assert work.calendars.by_hash(hash_token("other-secret")) is None


def test_setting_a_new_feed_replaces_the_old_address(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    with uow() as work:
        work.calendars.set(a_calendar_feed(ALICE, "first"))
        work.commit()
    rotated = replace(a_calendar_feed(ALICE, "second"), created_at=LATER)
    with uow() as work:
        work.calendars.set(rotated)
        work.commit()
    with uow() as work:
        assert work.calendars.get(ALICE) == rotated
        assert work.calendars.by_hash(hash_token("first")) is None
        assert work.calendars.by_hash(hash_token("second")) == rotated


def test_deleting_a_feed_turns_off_only_that_persons_calendar(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    with uow() as work:
        work.calendars.set(a_calendar_feed(ALICE, "alice-feed"))
        work.calendars.set(a_calendar_feed(BOB, "bob-feed"))
        work.commit()
    with uow() as work:
        work.calendars.delete(ALICE)
        work.calendars.delete(ALICE)  # already gone: no error
        work.commit()
    with uow() as work:
        assert work.calendars.get(ALICE) is None
        assert work.calendars.by_hash(hash_token("alice-feed")) is None
        assert work.calendars.get(BOB) == a_calendar_feed(BOB, "bob-feed")
