"""Password hashing with argon2id (argon2-cffi's defaults, RFC 9106's low-memory profile)."""

from __future__ import annotations

from argon2 import PasswordHasher as _Argon2
from argon2.exceptions import InvalidHashError, VerificationError


class Argon2Hasher:
    """The production PasswordHasher: argon2id hashes that carry their own salt and costs."""

    def __init__(self) -> None:
        self._argon2 = _Argon2()

    def hash(self, password: str) -> str:
        """A fresh salted argon2id hash (`$argon2id$...`) of the password."""
        return self._argon2.hash(password)

    def verify(self, password_hash: str, password: str) -> bool:
        """True if the password matches; False on a mismatch or a hash that is not argon2."""
        try:
            return self._argon2.verify(password_hash, password)
        except (VerificationError, InvalidHashError):
            return False
