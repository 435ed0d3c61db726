"""Accounts (credentials) and web sessions on real databases."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, timedelta

from hipcoach.domain.auth import hash_token
from tests.store.conftest import UnitOfWorkFactory
from tests.store.records import ALICE, BOB, MORNING, a_credential, a_web_session


def test_a_stored_credential_comes_back_whole_by_id_and_by_email(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    alice = a_credential(ALICE, is_owner=True)
    with uow() as work:
        assert work.accounts.add(alice) is True
        work.commit()
    with uow() as work:
        stored = work.accounts.get(ALICE)
        assert work.accounts.by_email("alice@example.com") == alice
        assert work.accounts.get(BOB) is None
        assert work.accounts.by_email("bob@example.com") is None
    assert stored == alice
    assert stored.created_at.tzinfo == UTC


def test_an_email_already_taken_is_refused_and_the_first_account_kept(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    with uow() as work:
        assert work.accounts.add(a_credential(ALICE, email="same@example.com"))
        work.commit()
    with uow() as work:
        assert work.accounts.add(a_credential(BOB, email="same@example.com")) is False
        work.commit()
    with uow() as work:
        found = work.accounts.by_email("same@example.com")
        assert found is not None
        assert found.user_id == ALICE
        assert work.accounts.get(BOB) is None
        assert work.accounts.count() == 1


def test_the_count_of_accounts_tells_whether_someone_is_first(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    with uow() as work:
        assert work.accounts.count() == 0
        work.accounts.add(a_credential(ALICE, is_owner=True))
        work.accounts.add(a_credential(BOB))
        work.commit()
    with uow() as work:
        assert work.accounts.count() == 2
        owner = work.accounts.get(ALICE)
        assert owner is not None
        assert owner.is_owner is True
        other = work.accounts.get(BOB)
        assert other is not None
        assert other.is_owner is False


def test_updating_a_credential_replaces_its_password_hash_and_units(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    with uow() as work:
        work.accounts.add(a_credential(ALICE))
        work.accounts.add(a_credential(BOB))
        work.commit()
    changed = replace(a_credential(ALICE), password_hash="$argon2id$new", units="lb")
    with uow() as work:
        work.accounts.update(changed)
        work.commit()
    with uow() as work:
        assert work.accounts.get(ALICE) == changed
        assert work.accounts.get(BOB) == a_credential(BOB)


def test_new_credentials_default_to_kilograms(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    with uow() as work:
        work.accounts.add(a_credential(ALICE))
        work.commit()
    with uow() as work:
        stored = work.accounts.get(ALICE)
    assert stored is not None
    assert stored.units == "kg"


def test_a_web_session_is_found_by_its_token_hash_with_utc_times(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    session = a_web_session("cookie-1", ALICE)
    with uow() as work:
        work.web_sessions.add(session)
        work.commit()
    with uow() as work:
        found = work.web_sessions.get(hash_token("cookie-1"))
        assert work.web_sessions.get(hash_token("cookie-unknown")) is None
    assert found == session
    assert found.expires_at == MORNING + timedelta(days=30)
    assert found.expires_at.tzinfo == UTC


def test_deleting_a_web_session_signs_out_only_that_browser(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    with uow() as work:
        for token in ("laptop", "phone"):
            work.web_sessions.add(a_web_session(token, ALICE))
        work.commit()
    with uow() as work:
        work.web_sessions.delete(hash_token("laptop"))
        work.web_sessions.delete(hash_token("never-existed"))  # no error
        work.commit()
    with uow() as work:
        assert work.web_sessions.get(hash_token("laptop")) is None
        assert work.web_sessions.get(hash_token("phone")) == a_web_session("phone", ALICE)


def test_signing_out_everywhere_leaves_other_peoples_sessions(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    with uow() as work:
        work.web_sessions.add(a_web_session("alice-laptop", ALICE))
        work.web_sessions.add(a_web_session("alice-phone", ALICE))
        work.web_sessions.add(a_web_session("bob-laptop", BOB))
        work.commit()
    with uow() as work:
        work.web_sessions.delete_for_user(ALICE)
        work.commit()
    with uow() as work:
        assert work.web_sessions.get(hash_token("alice-laptop")) is None
        assert work.web_sessions.get(hash_token("alice-phone")) is None
        assert work.web_sessions.get(hash_token("bob-laptop")) == a_web_session("bob-laptop", BOB)


def test_the_owner_is_found_among_the_accounts(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    with uow() as work:
        assert work.accounts.owner() is None
        work.accounts.add(a_credential(BOB, email="bob@example.com"))
        work.accounts.add(a_credential(ALICE, is_owner=True))
        work.commit()
    with uow() as work:
        owner = work.accounts.owner()
    assert owner is not None
    assert owner.user_id == ALICE
