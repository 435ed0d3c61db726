"""Errors a person can cause and fix; adapters translate them into messages."""

from __future__ import annotations


class HipcoachError(Exception):
    """Base for every error that is the user's to fix (never a bug)."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class UnknownKeyError(HipcoachError):
    """A key (exercise, topic, muscle...) that is not in the catalogue."""

    def __init__(self, kind: str, key: str, suggestions: tuple[str, ...] = ()) -> None:
        hint = f" Did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"Unknown {kind} '{key}'.{hint}", field=kind)
        self.kind = kind
        self.key = key
        self.suggestions = suggestions


class PlanRequestError(HipcoachError):
    """A plan request that cannot be met; the message names what to change."""


class ContentError(HipcoachError):
    """The catalogue or learn content on disk is invalid (a packaging defect)."""


class NotFoundError(HipcoachError):
    """Something the user asked for does not exist (or is not theirs)."""


class ConflictError(HipcoachError):
    """The record changed since it was read; reload and try again."""


class BusyError(HipcoachError):
    """The log is busy with another program's write (a backup, a sqlite3 shell): nothing was
    stored, and the same request may be sent again after `retry_after_s` seconds."""

    def __init__(
        self,
        message: str = (
            "The training log is busy with another program's change right now, so nothing was "
            "saved. Try again in a few seconds."
        ),
        *,
        field: str | None = None,
        retry_after_s: int = 2,
    ) -> None:
        super().__init__(message, field=field)
        self.retry_after_s = retry_after_s


class KeyNotFoundError(UnknownKeyError, NotFoundError):
    """An unknown key naming the thing asked for (an address, `hipcoach exercise KEY`):
    not found, yet still suggesting close matches."""

    @classmethod
    def of(cls, error: UnknownKeyError) -> KeyNotFoundError:
        """The same unknown key, as the thing asked for."""
        return cls(error.kind, error.key, error.suggestions)


class NoPlanError(NotFoundError):
    """No plan yet: the person has not answered the onboarding questions."""


class PlanOverError(NotFoundError):
    """Every session of the plan is in the past: time for the next block.

    `cli_hint` names the commands; the web offers the same two choices as buttons."""

    cli_hint = (
        "`hipcoach plan --restart` starts the next block; `hipcoach init` changes your answers."
    )


class AuthError(HipcoachError):
    """Sign-up, sign-in or token problems; messages never reveal whether an email exists."""


class ForbiddenError(HipcoachError):
    """Signed in, but this is the owner's to do (invites, password resets)."""


class RateLimitedError(AuthError):
    """Too many attempts; try again after `retry_after_s` seconds (when known)."""

    def __init__(
        self, message: str, *, field: str | None = None, retry_after_s: int | None = None
    ) -> None:
        super().__init__(message, field=field)
        self.retry_after_s = retry_after_s


#: The one table of statuses, shared by every adapter that answers over HTTP (the API and the
#: web pages), most specific first; any other error is the user's request refused (400).
STATUS: tuple[tuple[type[HipcoachError], int], ...] = (
    (RateLimitedError, 429),
    (AuthError, 401),
    (ForbiddenError, 403),
    (NotFoundError, 404),
    (ConflictError, 409),
    (BusyError, 503),
)
REFUSED = 400


def status_for(error: HipcoachError) -> int:
    """The status an error is answered with: the first kind in STATUS it is, else 400."""
    return next((code for kind, code in STATUS if isinstance(error, kind)), REFUSED)


def retry_after_for(error: HipcoachError) -> int | None:
    """Seconds to wait before sending the same request again (HTTP Retry-After), if known."""
    if isinstance(error, RateLimitedError | BusyError):
        return error.retry_after_s
    return None
