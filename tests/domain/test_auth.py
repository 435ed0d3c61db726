"""Password rules of sign-up and password change."""

from __future__ import annotations

import pytest

from hipcoach.domain.auth import AuthError, check_password


def test_a_long_passphrase_up_to_256_characters_is_accepted() -> None:
    check_password("x" * 256)


def test_a_password_longer_than_256_characters_is_refused_on_its_field() -> None:
    with pytest.raises(AuthError, match="at most 256 characters") as info:
        check_password("x" * 257)
    assert info.value.field == "password"
