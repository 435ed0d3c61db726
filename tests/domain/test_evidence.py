"""Evidence rows: a figure, or only a direction."""

from __future__ import annotations

from hipcoach.domain.evidence import EvidenceRow, Verification


def _row(mean: float | None, verification: Verification) -> EvidenceRow:
    return EvidenceRow(
        exercise_key="clamshell",
        variant="",
        description="side-lying clamshell",
        measure="gluteus_medius",
        pct_mvic_mean=mean,
        pct_mvic_sd=None,
        study="Example 2020",
        verification=verification,
        note="",
    )


def test_a_row_with_a_mean_has_a_number() -> None:
    assert _row(38.0, Verification.VERIFIED_ABSTRACT).has_number


def test_a_direction_only_finding_has_no_number() -> None:
    assert not _row(None, Verification.VERIFIED_QUALITATIVE).has_number
