"""A stored plan document as domain values again, and plain words for its items."""

from __future__ import annotations

from datetime import date
from typing import Any

from hipcoach.domain.account import StoredPlan
from hipcoach.domain.equipment import Equipment
from hipcoach.domain.muscle import Muscle
from hipcoach.domain.plan import Block, BlockKind, Item, Note, Plan, Session, Week
from hipcoach.domain.profile import Weekday
from hipcoach.formats.plan_text import dose_text
from hipcoach.services.training import TodayItem


def _pair(value: Any) -> tuple[int, int] | None:
    return (int(value[0]), int(value[1])) if value else None


def item_from_dict(data: dict[str, Any]) -> Item:
    """One plan item as written by `plan_to_dict`."""
    rir = data.get("target_rir")
    return Item(
        exercise=data.get("exercise"),
        name=str(data.get("name", "")),
        role=str(data["role"]),
        sets=int(data["sets"]),
        per_side=bool(data["per_side"]),
        equipment=Equipment(data["equipment"]),
        resistance=str(data["resistance"]),
        resistance_key=str(data["resistance_key"]),
        rest_seconds=int(data["rest_seconds"]),
        target_rir=None if rir is None else int(rir),
        why=str(data.get("why", "")),
        reps=_pair(data.get("reps")),
        steps_per_side=_pair(data.get("steps_per_side")),
        hold_seconds=_pair(data.get("hold_seconds")),
    )


def _session(data: dict[str, Any]) -> Session:
    return Session(
        date=date.fromisoformat(data["date"]),
        weekday=Weekday(data["weekday"]),
        estimated_minutes=int(data["estimated_minutes"]),
        blocks=tuple(
            Block(BlockKind(b["kind"]), tuple(item_from_dict(i) for i in b["items"]))
            for b in data["blocks"]
        ),
    )


def plan_from_document(stored: StoredPlan) -> Plan:
    """The plan exactly as it was generated and stored (for calendars and printing)."""
    doc = stored.document
    summary = doc.get("summary", {})
    return Plan(
        profile=stored.profile,
        notes=tuple(Note(n["kind"], n["text"]) for n in doc.get("notes", [])),
        weeks=tuple(
            Week(int(w["number"]), bool(w["deload"]), tuple(_session(s) for s in w["sessions"]))
            for w in doc["weeks"]
        ),
        weekly_sets={
            Muscle(k): float(v)
            for k, v in summary.get("weekly_sets", {}).items()
            if k in Muscle.__members__.values()
        },
        weekly_set_target=float(summary.get("weekly_set_target", {}).get("sets", 0.0)),
        objective=float(summary.get("objective", 0.0)),
    )


def unit_word(data: dict[str, Any]) -> str:
    """What one set counts: 'reps', 'steps' or 's' (seconds held)."""
    if "hold_seconds" in data:
        return "s"
    return "steps" if "steps_per_side" in data else "reps"


def amount_field(data: dict[str, Any]) -> str:
    """The LoggedSet field a set of this item fills: reps, steps or hold_seconds."""
    if "hold_seconds" in data:
        return "hold_seconds"
    return "steps" if "steps_per_side" in data else "reps"


def planned_dose(data: dict[str, Any]) -> str:
    """The plan's own line for an item: '3 x 12-20 reps per side · light mini band · ...'."""
    return dose_text(item_from_dict(data))


def prescription_text(item: TodayItem) -> str:
    """'3 x 12 reps per side' (the next prescription) or the plan's line for warm-ups."""
    nxt = item.next
    data = item.planned.data
    if nxt is None:
        return planned_dose(data)
    side = " per side" if data.get("per_side") or "steps_per_side" in data else ""
    return f"{nxt.sets} x {nxt.aim} {unit_word(data)}{side}"


def hold_seconds(data: dict[str, Any]) -> int | None:
    """The longest hold of a timed item (for the countdown), if it is timed."""
    pair = _pair(data.get("hold_seconds"))
    return pair[1] if pair else None
