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
