"""Service tests run on the in-memory fake unit of work."""

from __future__ import annotations

import pytest

from tests.services.fakes import FakeUnitOfWork


@pytest.fixture
def uow() -> FakeUnitOfWork:
    return FakeUnitOfWork()
