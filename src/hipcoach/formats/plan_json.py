"""The JSON Schema of the plan document (`hipcoach schema plan`).

The document itself is written and read by `domain.plan_document` (plan_to_dict and
plan_from_dict); this schema describes it for other programs.
"""

from __future__ import annotations

from typing import Any

from hipcoach.domain.plan_document import SCHEMA_VERSION
from hipcoach.domain.profile import PROFILE_PAIN_AREAS

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
                "pain": {"type": "array", "items": {"enum": [a.value for a in PROFILE_PAIN_AREAS]}},
                "avoid": {"type": "array", "items": _KEY},
                "weight_kg": {"type": ["number", "null"]},
                "age": {"type": ["integer", "null"]},
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
