"""The units a person reads loads in; the store always keeps kilograms."""

from __future__ import annotations

from enum import StrEnum


class Unit(StrEnum):
    """Stable keys of the weight units a person may choose."""

    KG = "kg"
    LB = "lb"
