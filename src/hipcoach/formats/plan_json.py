"""The plan as a stable JSON document (`hipcoach plan --format json`), and its JSON Schema."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from hipcoach.domain.catalogue import Dosage
from hipcoach.domain.plan import Item, Plan, Session
from hipcoach.domain.profile import profile_to_dict
from hipcoach.domain.progression import Prescription

SCHEMA_VERSION = 1


def item_to_dict(item: Item) -> dict[str, Any]:
    """One prescribed item; exactly one of reps, steps_per_side, hold_seconds appears."""
    data: dict[str, Any] = {"exercise": item.exercise} if item.exercise else {}
    data["name"] = item.name
    data.update(role=item.role, sets=item.sets)
    for field in ("reps", "steps_per_side", "hold_seconds"):
        value = getattr(item, field)
        if value is not None:
            data[field] = list(value)
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


def session_to_dict(session: Session) -> dict[str, Any]:
    """One training day with its blocks in order."""
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
            "weekly_set_target": {"muscle": "gluteus_medius", "sets": plan.weekly_set_target},
            "objective": round(plan.objective, 6),
        },
        "weeks": [
            {
                "number": w.number,
                "deload": w.deload,
                "sessions": [session_to_dict(s) for s in w.sessions],
            }
            for w in plan.weeks
        ],
    }


_PAIR = {"type": "array", "items": {"type": "integer", "minimum": 0}, "minItems": 2, "maxItems": 2}
_KEY = {"type": "string", "pattern": "^[a-z][a-z0-9_]*$"}

PLAN_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "hipcoach:plan:1",
    "title": "hipcoach plan",
    "type": "object",
    "required": ["schema_version", "profile", "notes", "weeks"],
    "properties": {
        "schema_version": {"const": SCHEMA_VERSION},
        "profile": {
            "type": "object",
            "required": ["level", "goal", "equipment", "days", "minutes", "weeks", "start"],
            "properties": {
                "level": {"enum": ["beginner", "intermediate", "advanced"]},
                "goal": {"enum": ["muscle", "strength", "stability"]},
                "equipment": {"type": "array", "items": _KEY},
                "days": {
                    "type": "array",
                    "items": {"enum": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]},
                    "minItems": 1,
                    "maxItems": 6,
                },
                "minutes": {"type": "integer", "minimum": 1},
                "weeks": {"type": "integer", "minimum": 1, "maximum": 52},
                "start": {"type": "string", "format": "date"},
                "pain": {"type": "array", "items": {"enum": ["knee", "hip", "low_back"]}},
                "avoid": {"type": "array", "items": _KEY},
                "weight_kg": {"type": ["number", "null"]},
                "seed": {"type": "integer"},
            },
        },
        "notes": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["kind", "text"],
                "properties": {"kind": {"type": "string"}, "text": {"type": "string"}},
            },
        },
        "summary": {"type": "object"},
        "weeks": {"type": "array", "items": {"$ref": "#/$defs/week"}},
    },
    "$defs": {
        "week": {
            "type": "object",
            "required": ["number", "deload", "sessions"],
            "properties": {
                "number": {"type": "integer", "minimum": 1},
                "deload": {"type": "boolean"},
                "sessions": {"type": "array", "items": {"$ref": "#/$defs/session"}},
            },
        },
        "session": {
            "type": "object",
            "required": ["date", "weekday", "estimated_minutes", "blocks"],
            "properties": {
                "date": {"type": "string", "format": "date"},
                "weekday": {"enum": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]},
                "estimated_minutes": {"type": "integer", "minimum": 1},
                "blocks": {"type": "array", "items": {"$ref": "#/$defs/block"}},
            },
        },
        "block": {
            "type": "object",
            "required": ["kind", "items"],
            "properties": {
                "kind": {"enum": ["warmup", "activation", "working", "cooldown"]},
                "items": {"type": "array", "items": {"$ref": "#/$defs/item"}, "minItems": 1},
            },
        },
        "item": {
            "type": "object",
            "required": ["role", "sets", "per_side", "equipment", "resistance", "rest_seconds"],
            "properties": {
                "exercise": _KEY,
                "name": {"type": "string"},
                "role": {"type": "string"},
                "sets": {"type": "integer", "minimum": 1},
                "reps": _PAIR,
                "steps_per_side": _PAIR,
                "hold_seconds": _PAIR,
                "per_side": {"type": "boolean"},
                "equipment": _KEY,
                "resistance": {"type": "string"},
                "resistance_key": {"type": "string", "pattern": "^[a-z][a-z0-9_.]*$"},
                "rest_seconds": {"type": "integer", "minimum": 0},
                "target_rir": {"type": ["integer", "null"], "minimum": 0},
                "why": {"type": "string"},
            },
            "oneOf": [
                {"required": ["reps"]},
                {"required": ["steps_per_side"]},
                {"required": ["hold_seconds"]},
            ],
            "anyOf": [{"required": ["exercise"]}, {"required": ["name"]}],
        },
    },
}


@dataclass(frozen=True, slots=True)
class PlannedItem:
    """One item of a stored plan's session, with its prescription when it is a catalogue move."""

    block: str
    exercise: str | None
    name: str
    data: dict[str, Any]
    prescription: Prescription | None


@dataclass(frozen=True, slots=True)
class PlannedSession:
    """One session of a stored plan document."""

    week: int
    number: int
    date: date
    deload: bool
    items: tuple[PlannedItem, ...]


def _prescription(item: dict[str, Any]) -> Prescription | None:
    if "exercise" not in item or "resistance_key" not in item:
        return None
    if "reps" in item:
        kind = Dosage.REPS_PER_SIDE if item["per_side"] else Dosage.REPS
        target = item["reps"]
    elif "steps_per_side" in item:
        kind, target = Dosage.STEPS_PER_SIDE, item["steps_per_side"]
    else:
        kind, target = Dosage.HOLD_SECONDS, item["hold_seconds"]
    return Prescription(
        exercise=item["exercise"],
        kind=kind,
        sets=int(item["sets"]),
        target=(int(target[0]), int(target[1])),
        resistance_key=item["resistance_key"],
        target_rir=int(item.get("target_rir") or 0),
    )


def planned_sessions(document: dict[str, Any]) -> tuple[PlannedSession, ...]:
    """Every session of a plan document written by `plan_to_dict`, in date order."""
    sessions = []
    for week in document["weeks"]:
        for number, session in enumerate(week["sessions"], 1):
            items = tuple(
                PlannedItem(
                    block=block["kind"],
                    exercise=item.get("exercise"),
                    name=item.get("name") or item.get("exercise", ""),
                    data=item,
                    prescription=_prescription(item),
                )
                for block in session["blocks"]
                for item in block["items"]
            )
            day = date.fromisoformat(session["date"])
            sessions.append(PlannedSession(week["number"], number, day, week["deload"], items))
    return tuple(sorted(sessions, key=lambda s: s.date))
