"""Client ids: letters, digits, '-' and '_', 8-64 long, nothing else (not even a newline)."""

from __future__ import annotations

import pytest

from hipcoach.domain.log import LogError, check_id


@pytest.mark.parametrize("good", ["abcdefgh", "A1b2-C3_d4", "9f1c2e7a4b" * 6])
def test_plain_ids_are_accepted(good: str) -> None:
    assert check_id(good) == good


@pytest.mark.parametrize(
    "bad", ["short", "abcdefgh\n", "abc defgh", "abcdefgh\x00", "é" * 10, "a" * 65]
)
def test_anything_else_is_refused(bad: str) -> None:
    with pytest.raises(LogError):
        check_id(bad)
