"""Protein and energy guidance (research/science.md section 4)."""

from __future__ import annotations

from dataclasses import dataclass

PROTEIN_G_PER_KG = (1.6, 2.2)
PROTEIN_SOURCE = (
    "Morton 2018, Br J Sports Med (no further gain above ~1.6 g/kg/day); "
    "Iraki 2019, Sports (1.6-2.2 g/kg/day)"
)


@dataclass(frozen=True, slots=True)
class ProteinTarget:
    """A daily protein range in grams, with where the numbers come from."""

    low_g: int
    high_g: int
    source: str = PROTEIN_SOURCE


def protein_target(weight_kg: float) -> ProteinTarget:
    """Daily protein range for a body weight: 1.6-2.2 g per kg."""
    low, high = PROTEIN_G_PER_KG
    return ProteinTarget(round(weight_kg * low), round(weight_kg * high))
