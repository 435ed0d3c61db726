"""The plan as a JSON-ready document and back: the one encoder and the one decoder.

Every reader of a stored plan (web, API, CLI, calendars, progress, progression) works on the
typed `Plan` that `plan_from_dict` returns; nothing else looks inside the document. The shape
is the one `hipcoach schema plan` describes (version 1): an item names its target range under
exactly one of `reps`, `steps_per_side` or `hold_seconds`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from hipcoach.domain.catalogue import Measure
from hipcoach.domain.equipment import Equipment
from hipcoach.domain.errors import HipcoachError
from hipcoach.domain.muscle import Muscle
from hipcoach.domain.plan import Block, BlockKind, Item, Note, Plan, Session, Week
from hipcoach.domain.profile import Weekday, profile_from_dict, profile_to_dict
from hipcoach.domain.volume import WEEKLY_SET_RANGE

SCHEMA_VERSION = 1
TARGET_MUSCLE = Muscle.GLUTEUS_MEDIUS


class PlanDocumentError(HipcoachError):
    """A plan document that is not one `plan_to_dict` could have written."""


def item_to_dict(item: Item) -> dict[str, Any]:
    """One prescribed item; its target range appears under the key of what a set counts."""
    data: dict[str, Any] = {"exercise": item.exercise} if item.exercise else {}
    data["name"] = item.name
    data.update(role=item.role, sets=item.sets)
    data[item.measure.plan_key] = list(item.target)
    data.update(
        per_side=item.per_side,
        equipment=item.equipment.value,
        resistance=item.resistance,
        resistance_key=item.resistance_key,
        rest_seconds=item.rest_seconds,
        target_rir=item.target_rir,
        why=item.why,
    )
    return data


def _session_to_dict(session: Session) -> dict[str, Any]:
    return {
        "date": session.date.isoformat(),
        "weekday": session.weekday.value,
        "estimated_minutes": session.estimated_minutes,
        "blocks": [
            {"kind": b.kind.value, "items": [item_to_dict(i) for i in b.items]}
            for b in session.blocks
        ],
    }


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """The whole plan document."""
    return {
        "schema_version": SCHEMA_VERSION,
        "profile": profile_to_dict(plan.profile),
        "notes": [{"kind": n.kind, "text": n.text} for n in plan.notes],
        "summary": {
            "weekly_sets": {m.value: v for m, v in plan.weekly_sets.items()},
            "weekly_set_target": {
                "muscle": TARGET_MUSCLE.value,
                "sets": plan.weekly_set_target,
                "floor": plan.weekly_set_range[0],
                "ceiling": plan.weekly_set_range[1],
            },
            "objective": plan.objective,
        },
        "weeks": [
            {
                "number": w.number,
                "deload": w.deload,
                "sessions": [_session_to_dict(s) for s in w.sessions],
            }
            for w in plan.weeks
        ],
    }


def _target(data: dict[str, Any]) -> tuple[Measure, tuple[int, int]]:
    found = [m for m in Measure if m.plan_key in data]
    if len(found) != 1:
        raise PlanDocumentError("A plan item needs exactly one of reps, steps or hold seconds.")
    low, high = data[found[0].plan_key]
    return found[0], (int(low), int(high))


def item_from_dict(data: dict[str, Any]) -> Item:
    """One plan item as `item_to_dict` wrote it."""
    measure, target = _target(data)
    rir = data.get("target_rir")
    return Item(
        exercise=data.get("exercise"),
        name=str(data.get("name") or data.get("exercise") or ""),
        role=str(data["role"]),
        sets=int(data["sets"]),
        per_side=bool(data["per_side"]),
        equipment=Equipment(data["equipment"]),
        resistance=str(data["resistance"]),
        resistance_key=str(data["resistance_key"]),
        rest_seconds=int(data["rest_seconds"]),
        target_rir=None if rir is None else int(rir),
        why=str(data.get("why", "")),
        measure=measure,
        target=target,
    )


def _session_from_dict(data: dict[str, Any]) -> Session:
    return Session(
        date=date.fromisoformat(data["date"]),
        weekday=Weekday(data["weekday"]),
        estimated_minutes=int(data["estimated_minutes"]),
        blocks=tuple(
            Block(BlockKind(b["kind"]), tuple(item_from_dict(i) for i in b["items"]))
            for b in data["blocks"]
        ),
    )


def plan_from_dict(data: dict[str, Any]) -> Plan:
    """The typed plan of a document written by `plan_to_dict` (a clear error for any other)."""
    try:
        if data.get("schema_version") != SCHEMA_VERSION:
            raise PlanDocumentError(
                f"Plan documents of version {data.get('schema_version')!r} cannot be read."
            )
        summary = data.get("summary", {})
        target = summary.get("weekly_set_target", {})
        profile = profile_from_dict(data["profile"])
        limits = WEEKLY_SET_RANGE[profile.goal][profile.level]  # documents from before the range
        return Plan(
            profile=profile,
            notes=tuple(Note(str(n["kind"]), str(n["text"])) for n in data["notes"]),
            weeks=tuple(
                Week(
                    int(w["number"]),
                    bool(w["deload"]),
                    tuple(map(_session_from_dict, w["sessions"])),
                )
                for w in data["weeks"]
            ),
            weekly_sets={Muscle(k): float(v) for k, v in summary.get("weekly_sets", {}).items()},
            weekly_set_target=float(target.get("sets", 0.0)),
            objective=float(summary.get("objective", 0.0)),
            weekly_set_range=(
                float(target.get("floor", limits.floor)),
                float(target.get("ceiling", limits.ceiling)),
            ),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        what = f"'{exc.args[0]}' is missing" if isinstance(exc, KeyError) else str(exc)
        raise PlanDocumentError(f"The plan document is malformed: {what}.", field="plan") from None
