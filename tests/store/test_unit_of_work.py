"""The unit of work: all or nothing, and only commit() stores."""

from __future__ import annotations

import pytest

from tests.store.conftest import UnitOfWorkFactory
from tests.store.records import ALICE, a_session


def test_work_left_uncommitted_is_undone(uow: UnitOfWorkFactory, users: tuple[str, str]) -> None:
    with uow() as work:
        work.sessions.add(ALICE, a_session("session-01"))
    with uow() as work:
        assert work.sessions.get(ALICE, "session-01") is None


def test_a_failure_undoes_everything_since_the_last_commit(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    def commit_one_then_fail() -> None:
        with uow() as work:
            work.sessions.add(ALICE, a_session("session-01"))
            work.commit()
            work.sessions.add(ALICE, a_session("session-02"))
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        commit_one_then_fail()
    with uow() as work:
        assert [s.id for s in work.sessions.all(ALICE)] == ["session-01"]


def test_rollback_discards_pending_work_and_the_unit_carries_on(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    with uow() as work:
        work.sessions.add(ALICE, a_session("session-01"))
        work.rollback()
        work.sessions.add(ALICE, a_session("session-02"))
        work.commit()
    with uow() as work:
        assert [s.id for s in work.sessions.all(ALICE)] == ["session-02"]


def test_a_unit_of_work_is_only_usable_inside_its_with_block(uow: UnitOfWorkFactory) -> None:
    work = uow()
    with pytest.raises(RuntimeError, match="inside a `with` block"):
        work.commit()
