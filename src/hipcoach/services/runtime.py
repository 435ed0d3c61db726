"""What the web and API adapters need at run time, as ports (so tests can pass fakes)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from hipcoach.domain.rate_limit import SIGN_UP_CLIENT, RateLimit
from hipcoach.services.clock import Clock
from hipcoach.services.ports import PasswordHasher, UnitOfWork


@dataclass(frozen=True, slots=True)
class Runtime:
    """A unit-of-work factory, the password hasher, the clock and the server's switches.

    `uow_no_wait`, when the store offers it, makes units of work that raise StoreBusy at their
    first write instead of queueing behind another writer: short store work can then run on
    the event loop and move to the thread pool only when it would wait (SQLite; None for
    stores that talk over the network, and for fakes).
    """

    uow: Callable[[], UnitOfWork]
    hasher: PasswordHasher
    uow_no_wait: Callable[[], UnitOfWork] | None = None
    open_signup: bool = False
    secure_cookies: bool | None = None  # None: Secure exactly when the request came over https
    max_body_bytes: int = 2 * 1024 * 1024
    clock: Clock = field(default_factory=Clock)  # now, and today in the configured zone
    sign_up_limit: RateLimit | None = SIGN_UP_CLIENT  # per client address; None: no limit
