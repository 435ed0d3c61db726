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


class Method(StrEnum):
    """How a study summarised its EMG: a mean over the movement, or the average peak.

    Peak values (Boren 2011) run higher than means, so the two are never ranked together
    (research/science.md, "Three cautions"). A threshold is a review's band ("at least 40%"),
    not a measurement, and is never used as a mean either.
    """

    MEAN = "mean"
    PEAK = "peak"
    THRESHOLD = "threshold"


class Load(StrEnum):
    """Whether the move was measured as done with no added weight, or under a load."""

    BODYWEIGHT = "bodyweight"
    LOADED = "loaded"
    UNKNOWN = "unknown"


class Electrode(StrEnum):
    """Surface electrodes, or fine wires in the muscle (more muscle-specific, e.g. for the TFL)."""

    SURFACE = "surface"
    FINE_WIRE = "fine_wire"


METHOD_MEANINGS: dict[Method, str] = {
    Method.MEAN: "mean activity over the movement",
    Method.PEAK: "average peak activity; runs higher than a mean, so not ranked against means",
    Method.THRESHOLD: "a review's band (at least this much), not a measured value",
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
    method: Method = Method.MEAN
    load: Load = Load.BODYWEIGHT
    electrode: Electrode = Electrode.SURFACE
    #: Catalogue moves this study found level with the move for this muscle, when it gave a
    #: ranking rather than a figure ("similar gluteus medius activity to ...").
    level_with: tuple[str, ...] = ()

    @property
    def is_gta_index(self) -> bool:
        """True for the gluteal-to-TFL activation index (not a %MVIC)."""
        return self.measure == GTA_INDEX

    @property
    def has_number(self) -> bool:
        """True when the row carries a figure, not only a direction."""
        return self.pct_mvic_mean is not None

    @property
    def checked_figure(self) -> bool:
        """True when the row has a number that was checked (not 'unverified')."""
        return self.pct_mvic_mean is not None and self.verification is not Verification.UNVERIFIED


#: Moves whose prescribed start is not the version their studies measured: the side bridge
#: starts from the knees (its catalogue steps), Ekstrom 2007 measured it on the feet.
PRESCRIBED_START: dict[str, str] = {"side_bridge": "side_bridge_knees"}


def base_variant(rows: tuple[EvidenceRow, ...]) -> str | None:
    """The variant the catalogue prescribes by default: `PRESCRIBED_START` when the move
    starts on a version no study measured, else the variant of its first row (emg.csv order)."""
    if not rows:
        return None
    return PRESCRIBED_START.get(rows[0].exercise_key, rows[0].variant)


def _figure(row: EvidenceRow) -> float:
    return row.pct_mvic_mean or 0.0


def scoring_row(rows: tuple[EvidenceRow, ...], muscle: Muscle) -> EvidenceRow | None:
    """The one comparable figure that ranks a move for a muscle, or None.

    Only checked *mean* figures compete: peak and threshold figures are never set against
    means. Among them, rows measured without added weight (or of unknown load) win over
    loaded rows, and the default variant wins over its neighbours; the highest of the best
    group is taken. A move with only peak or threshold figures has no comparable figure.
    """
    means = [
        r
        for r in rows
        if r.measure == muscle.value and r.checked_figure and r.method is Method.MEAN
    ]
    if not means:
        return None
    base = base_variant(rows)

    def rank(r: EvidenceRow) -> tuple[bool, bool, float]:
        return (r.load is not Load.LOADED, r.variant == base, _figure(r))

    return max(means, key=rank)


def best_activation(rows: tuple[EvidenceRow, ...], muscle: Muscle) -> float | None:
    """The comparable %MVIC for a muscle (see `scoring_row`), ignoring unverified figures."""
    row = scoring_row(rows, muscle)
    return row.pct_mvic_mean if row is not None else None


def cited_row(
    rows: tuple[EvidenceRow, ...], muscle: Muscle, *, loaded: bool = False
) -> EvidenceRow | None:
    """The checked figure a "why" line cites for the move as prescribed.

    Bodyweight items cite the comparable figure (`scoring_row`); loaded items cite a loaded
    mean for the default variant when one exists. With no mean figure at all, the highest
    checked peak (then threshold) figure is cited, labelled as such by the caller.
    """
    if loaded:
        base = base_variant(rows)
        heavy = [
            r
            for r in rows
            if r.measure == muscle.value
            and r.checked_figure
            and r.method is Method.MEAN
            and r.load is Load.LOADED
            and r.variant == base
        ]
        if heavy:
            return max(heavy, key=_figure)
    row = scoring_row(rows, muscle)
    if row is not None:
        return row
    for method in (Method.PEAK, Method.THRESHOLD):
        others = [
            r for r in rows if r.measure == muscle.value and r.checked_figure and r.method is method
        ]
        if others:
            return max(others, key=_figure)
    return None


def level_row(rows: tuple[EvidenceRow, ...], muscle: Muscle) -> EvidenceRow | None:
    """The checked row that ranks a move level with other catalogue moves for a muscle."""
    checked = (r for r in rows if r.verification is not Verification.UNVERIFIED)
    return next((r for r in checked if r.measure == muscle.value and r.level_with), None)


def gta_index(rows: tuple[EvidenceRow, ...]) -> float | None:
    """The gluteal-to-TFL activation index (Selkowitz 2013), when measured."""
    values = [r.pct_mvic_mean for r in rows if r.is_gta_index and r.pct_mvic_mean is not None]
    return max(values) if values else None


def has_usable_data(rows: tuple[EvidenceRow, ...]) -> bool:
    """True when at least one row is more than an 'unverified, nothing found' placeholder."""
    return any(r.verification is not Verification.UNVERIFIED for r in rows)
