"""Plain-language lines for plan items, shared by the Markdown, HTML, iCalendar and web views."""

from __future__ import annotations

from hipcoach.domain.catalogue import Measure
from hipcoach.domain.plan import Item


def dose_text(item: Item) -> str:
    """The prescription, resistance, rest and effort in one line."""
    parts = [item.prescription()]
    if not item.is_warmup:
        parts.append(item.resistance)
    if item.rest_seconds:
        parts.append(f"rest {item.rest_seconds} s")
    if item.target_rir is not None:
        parts.append(_effort(item, item.target_rir))
    return " · ".join(parts)


def _effort(item: Item, rir: int) -> str:
    """How hard: reps short of failure for reps; for steps and holds, in their own words."""
    if item.measure is Measure.SECONDS:
        return "end each hold with a few seconds still in you"
    if item.measure is Measure.STEPS:
        return f"stop ~{rir} {'step' if rir == 1 else 'steps'} before your form goes"
    if rir == 0:
        return "go to the last rep you can do with good form"
    return f"stop ~{rir} {'rep' if rir == 1 else 'reps'} short of failure"


def item_title(item: Item) -> str:
    """The name people read; the catalogue key follows in brackets for catalogue moves."""
    return f"{item.name} ({item.exercise})" if item.exercise else item.name
