"""Sign-in takes the same time whether or not the email has an account (real argon2id)."""

from __future__ import annotations

import statistics
import time
from datetime import UTC, datetime

import pytest

from hipcoach.domain.auth import AuthError
from hipcoach.passwords import Argon2Hasher
from hipcoach.services import accounts
from tests.services.fakes import FakeUnitOfWork

NOW = datetime(2026, 1, 4, 9, tzinfo=UTC)
ROUNDS = 9  # each: one known and one unknown email, interleaved so load hits both alike
FACTOR = 1.5  # before the dummy hash: ~50x (one argon2id check against none)


def _seconds(uow: FakeUnitOfWork, hasher: Argon2Hasher, email: str, client: str) -> float:
    start = time.perf_counter()
    with pytest.raises(AuthError, match="don't match"):
        accounts.sign_in(
            uow=uow, hasher=hasher, email=email, password="wrong guess!", client=client, now=NOW
        )
    return time.perf_counter() - start


def test_known_and_unknown_emails_take_the_same_time_to_refuse() -> None:
    uow, hasher = FakeUnitOfWork(), Argon2Hasher()
    accounts.sign_up(
        uow=uow,
        hasher=hasher,
        email="ana@example.com",
        password="correct horse battery",
        name="Ana",
        now=NOW,
        open_signup=True,
    )
    _seconds(uow, hasher, "warm@example.com", "warm-up")  # the dummy hash is made once
    known, unknown = [], []
    for n in range(ROUNDS):  # a new address each round: the limits must not interfere
        known.append(_seconds(uow, hasher, "ana@example.com", f"198.51.100.{n}"))
        unknown.append(_seconds(uow, hasher, f"nobody{n}@example.com", f"203.0.113.{n}"))
    ratio = statistics.median(known) / statistics.median(unknown)
    assert 1 / FACTOR < ratio < FACTOR, (known, unknown)
