"""Plain-language lines for plan items, shared by the Markdown, HTML, iCalendar and web views."""

from __future__ import annotations

from hipcoach.domain.plan import Item


def dose_text(item: Item) -> str:
    """The prescription, resistance, rest and effort in one line."""
    parts = [item.prescription()]
    if not item.is_warmup:
        parts.append(item.resistance)
    if item.rest_seconds:
        parts.append(f"rest {item.rest_seconds} s")
    if item.target_rir is not None:
        parts.append(f"stop ~{item.target_rir} reps short of failure")
    return " · ".join(parts)


def item_title(item: Item) -> str:
    """The name people read; the catalogue key follows in brackets for catalogue moves."""
    return f"{item.name} ({item.exercise})" if item.exercise else item.name
