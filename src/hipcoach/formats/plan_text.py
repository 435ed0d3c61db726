"""Plain-language lines for plan items, shared by the Markdown, HTML, iCalendar and CLI views."""

from __future__ import annotations

from hipcoach.domain.plan import Item


def target_text(item: Item) -> str:
    """'12-20 reps per side', '10-15 steps per side' or '30-45 s hold per side'."""
    side = " per side" if item.per_side else ""
    if item.reps:
        low, high = item.reps
        unit = "reps"
    elif item.steps_per_side:
        low, high = item.steps_per_side
        unit, side = "steps", " per side"
    else:
        low, high = item.hold_seconds or (0, 0)
        unit = "s hold" if item.role != "warmup" else "s"
    span = f"{low}" if low == high else f"{low}-{high}"
    return f"{span} {unit}{side}"


def dose_text(item: Item) -> str:
    """Sets, target, resistance, rest and effort in one line."""
    parts = [f"{item.sets} x {target_text(item)}" if item.sets > 1 else target_text(item)]
    if item.role != "warmup":
        parts.append(item.resistance)
    if item.rest_seconds:
        parts.append(f"rest {item.rest_seconds} s")
    if item.target_rir is not None:
        parts.append(f"stop ~{item.target_rir} reps short of failure")
    return " · ".join(parts)


def item_title(item: Item) -> str:
    """The name people read; the catalogue key follows in brackets for catalogue moves."""
    return f"{item.name} ({item.exercise})" if item.exercise else item.name
