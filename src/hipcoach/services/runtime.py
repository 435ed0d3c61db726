"""What the web and API adapters need at run time, as ports (so tests can pass fakes)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from hipcoach.services.ports import PasswordHasher, UnitOfWork


@dataclass(frozen=True, slots=True)
class Runtime:
    """A unit-of-work factory, the password hasher and the server's switches."""

    uow: Callable[[], UnitOfWork]
    hasher: PasswordHasher
    open_signup: bool = False
    secure_cookies: bool | None = None  # None: Secure exactly when the request came over https
    max_body_bytes: int = 2 * 1024 * 1024
