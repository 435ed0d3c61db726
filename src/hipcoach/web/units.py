"""Loads in the unit a person chose: the store keeps kilograms, pages may show pounds."""

from __future__ import annotations

import math
import re

from hipcoach.domain.limits import Range

KG_PER_LB = 0.45359237
_KG = re.compile(r"(\d+(?:\.\d+)?) kg\b")


def kg_to_lb(kg: float) -> float:
    """Pounds, rounded to a half pound (what weight plates and dumbbells come in)."""
    return round(kg / KG_PER_LB * 2) / 2


def lb_to_kg(lb: float) -> float:
    """Kilograms, to two decimals."""
    return round(lb * KG_PER_LB, 2)


def bounds_in(bounds: Range[float], units: str) -> tuple[float, float]:
    """A kilogram range in the person's unit; pounds rounded inward to a tenth, so that both
    ends still fall inside the range once converted back."""
    if units != "lb":
        return bounds.low, bounds.high
    return (
        math.ceil(bounds.low / KG_PER_LB * 10) / 10,
        math.floor(bounds.high / KG_PER_LB * 10) / 10,
    )


def format_load_label(label: str, units: str = "kg") -> str:
    """'2 kg ankle weights' -> '4.5 lb ankle weights' when the person reads pounds."""
    if units != "lb":
        return label
    return _KG.sub(lambda m: f"{kg_to_lb(float(m.group(1))):g} lb", label)


CM_PER_IN = 2.54


def length_unit(units: str) -> str:
    """The tape's unit that goes with a weight unit: inches with pounds, else centimetres."""
    return "in" if units == "lb" else "cm"


def cm_to_length(cm: float, units: str) -> float:
    """A length kept in centimetres as the person reads it (inches to a tenth with pounds)."""
    return round(cm / CM_PER_IN, 1) if units == "lb" else cm


def length_to_cm(value: float, units: str) -> float:
    """A length typed in the person's unit, in centimetres (to a tenth)."""
    return round(value * CM_PER_IN, 1) if units == "lb" else value


def length_bounds_in(bounds: Range[float], units: str) -> tuple[float, float]:
    """A centimetre range in the person's unit; inches rounded inward to a tenth, so both
    ends still fall inside the range once converted back."""
    if units != "lb":
        return bounds.low, bounds.high
    return (
        math.ceil(bounds.low / CM_PER_IN * 10) / 10,
        math.floor(bounds.high / CM_PER_IN * 10) / 10,
    )
