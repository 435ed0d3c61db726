"""The argon2id password hasher: salted hashes, a yes/no answer, never an exception."""

from __future__ import annotations

import pytest

from hipcoach.passwords import Argon2Hasher

PASSWORD = "correct horse battery staple"


@pytest.fixture(scope="module")
def hasher() -> Argon2Hasher:
    return Argon2Hasher()


@pytest.fixture(scope="module")
def stored(hasher: Argon2Hasher) -> str:
    return hasher.hash(PASSWORD)


def test_a_hash_is_argon2id_and_never_the_password_itself(stored: str) -> None:
    assert stored.startswith("$argon2id$")
    assert PASSWORD not in stored


def test_the_same_password_hashes_differently_each_time(hasher: Argon2Hasher, stored: str) -> None:
    again = hasher.hash(PASSWORD)
    assert again != stored
    assert hasher.verify(again, PASSWORD)


def test_the_right_password_verifies(hasher: Argon2Hasher, stored: str) -> None:
    assert hasher.verify(stored, PASSWORD) is True


@pytest.mark.parametrize("attempt", ["correct horse battery stapl", "", PASSWORD.upper()])
def test_a_wrong_password_is_refused(hasher: Argon2Hasher, stored: str, attempt: str) -> None:
    assert hasher.verify(stored, attempt) is False


@pytest.mark.parametrize(
    "malformed",
    [
        pytest.param("", id="empty"),
        pytest.param("hashed:" + PASSWORD, id="not-argon2"),
        pytest.param("$argon2id$v=19$m=65536,t=3,p=4$$", id="no-salt-or-digest"),
        pytest.param("$2b$12$abcdefghijklmnopqrstuu", id="bcrypt"),
    ],
)
def test_a_malformed_hash_refuses_the_password_instead_of_raising(
    hasher: Argon2Hasher, malformed: str
) -> None:
    assert hasher.verify(malformed, PASSWORD) is False


def test_a_truncated_hash_refuses_the_password(hasher: Argon2Hasher, stored: str) -> None:
    assert hasher.verify(stored[:-4], PASSWORD) is False


def test_unicode_passwords_round_trip(hasher: Argon2Hasher) -> None:
    password = "Übung macht den Meister 🏋️"
    assert hasher.verify(hasher.hash(password), password)
    assert not hasher.verify(hasher.hash(password), password.lower())
