"""Published EMG evidence for an exercise, each number with its verification label."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from hipcoach.domain.muscle import Muscle

GTA_INDEX = "GTA_index"


class Verification(StrEnum):
    """How well a number was checked against its source (research/science.md section 0)."""

    VERIFIED_ABSTRACT = "verified-abstract"
    VERIFIED_REVIEW = "verified-review"
    VERIFIED_QUALITATIVE = "verified-qualitative"
    SECONDARY = "secondary"
    UNVERIFIED = "unverified"


VERIFICATION_MEANINGS: dict[Verification, str] = {
    Verification.VERIFIED_ABSTRACT: "number read in the paper's own abstract or table",
    Verification.VERIFIED_REVIEW: "number read in a peer-reviewed review citing the study",
    Verification.VERIFIED_QUALITATIVE: "direction or rank read in the abstract; no number",
    Verification.SECONDARY: "number seen only in a secondary summary; not checked in the paper",
    Verification.UNVERIFIED: "recalled or unreviewed; treat with caution",
}


@dataclass(frozen=True, slots=True)
class EvidenceRow:
    """One measurement: a muscle's %MVIC (or the glute-to-TFL index) in one study."""

    exercise_key: str
    variant: str
    description: str
    measure: str
    pct_mvic_mean: float | None
    pct_mvic_sd: float | None
    study: str
    verification: Verification
    note: str

    @property
    def is_gta_index(self) -> bool:
        """True for the gluteal-to-TFL activation index (not a %MVIC)."""
        return self.measure == GTA_INDEX

    @property
    def has_number(self) -> bool:
        """True when the row carries a figure, not only a direction."""
        return self.pct_mvic_mean is not None


def best_activation(rows: tuple[EvidenceRow, ...], muscle: Muscle) -> float | None:
    """Highest reported %MVIC for a muscle, ignoring unverified figures."""
    values = [
        r.pct_mvic_mean
        for r in rows
        if r.measure == muscle.value
        and r.pct_mvic_mean is not None
        and r.verification is not Verification.UNVERIFIED
    ]
    return max(values) if values else None


def gta_index(rows: tuple[EvidenceRow, ...]) -> float | None:
    """The gluteal-to-TFL activation index (Selkowitz 2013), when measured."""
    values = [r.pct_mvic_mean for r in rows if r.is_gta_index and r.pct_mvic_mean is not None]
    return max(values) if values else None


def has_usable_data(rows: tuple[EvidenceRow, ...]) -> bool:
    """True when at least one row is more than an 'unverified, nothing found' placeholder."""
    return any(r.verification is not Verification.UNVERIFIED for r in rows)
