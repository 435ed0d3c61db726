"""Evidence rows: a figure, or only a direction."""

from __future__ import annotations

from dataclasses import replace

import pytest

from hipcoach.content.loader import load_catalogue, load_evidence, parse_evidence
from hipcoach.domain.errors import ContentError
from hipcoach.domain.evidence import (
    Electrode,
    EvidenceRow,
    Load,
    Method,
    Verification,
    best_activation,
    cited_row,
    scoring_row,
)
from hipcoach.domain.explain import evidence_line, why_chosen
from hipcoach.domain.muscle import Muscle

CATALOGUE = load_catalogue()


def _row(
    mean: float | None,
    verification: Verification,
    *,
    variant: str = "",
    method: Method = Method.MEAN,
    load: Load = Load.BODYWEIGHT,
) -> EvidenceRow:
    return EvidenceRow(
        exercise_key="clamshell",
        variant=variant,
        description="side-lying clamshell",
        measure="gluteus_medius",
        pct_mvic_mean=mean,
        pct_mvic_sd=None,
        study="Example 2020",
        verification=verification,
        note="",
        method=method,
        load=load,
    )


def test_a_row_with_a_mean_has_a_number() -> None:
    assert _row(38.0, Verification.VERIFIED_ABSTRACT).has_number


def test_a_direction_only_finding_has_no_number() -> None:
    assert not _row(None, Verification.VERIFIED_QUALITATIVE).has_number


def test_the_shipped_rows_say_how_they_were_measured() -> None:
    rows = load_evidence()
    boren = [r for r in rows if r.study.startswith("Boren 2011")]
    assert boren
    assert all(r.method is Method.PEAK for r in boren)
    heavy = [r for r in rows if "McBeth 2012" in r.study or "10-RM" in r.description]
    assert heavy
    assert all(r.load is Load.LOADED for r in heavy)
    selkowitz = [r for r in rows if r.study.startswith("Selkowitz 2013")]
    assert selkowitz
    assert all(r.electrode is Electrode.FINE_WIRE for r in selkowitz)
    assert all(r.verification in Verification for r in rows)  # every label kept


def test_the_research_copy_without_the_columns_reads_the_same_way() -> None:
    header = "exercise_key,variant,exercise_name,muscle,pct_mvic_mean,pct_mvic_sd,study,notes\n"
    text = header + (
        'a,a,"Clam, ankle weight 5% body mass",gluteus_medius,32.6,,McBeth 2012,'
        "verification=verified-abstract\n"
        "b,b,Clam (Boren),gluteus_medius,47,,Boren 2011,verification=secondary; peak\n"
        "c,c,Clam,GTA_index,115,,Selkowitz 2013,verification=verified-abstract\n"
        "d,d,Hitch,gluteus_medius,40,,Moore 2020,verification=verified-qualitative; a threshold\n"
    )
    a, b, c, d = parse_evidence(text)
    assert (a.method, a.load, a.electrode) == (Method.MEAN, Load.LOADED, Electrode.SURFACE)
    assert (b.method, b.load) == (Method.PEAK, Load.BODYWEIGHT)
    assert c.electrode is Electrode.FINE_WIRE
    assert d.method is Method.THRESHOLD


def test_an_unknown_method_is_a_content_error() -> None:
    text = (
        "exercise_key,variant,exercise_name,muscle,pct_mvic_mean,pct_mvic_sd,method,load,"
        "electrode,study,notes\n"
        "a,a,Clam,gluteus_medius,40,,median,bodyweight,surface,X 2020,verification=secondary\n"
    )
    with pytest.raises(ContentError, match="method 'median' is not one of mean, peak"):
        parse_evidence(text)


def test_clamshell_is_scored_by_a_clamshell_mean_bodyweight_row() -> None:
    clam = CATALOGUE.get("clamshell")
    row = scoring_row(clam.evidence, Muscle.GLUTEUS_MEDIUS)
    assert row is not None
    assert (row.variant, row.method, row.load) == ("clamshell", Method.MEAN, Load.BODYWEIGHT)
    assert row.study.startswith("DiStefano 2009")
    assert clam.gmed_activation == 40  # not Boren's 47 peak, not a progression's 76
    assert "40% MVIC (mean over the movement)" in evidence_line(clam)


def test_the_bodyweight_side_lying_raise_never_shows_the_10rm_figure_as_its_own() -> None:
    raise_ = CATALOGUE.get("side_lying_hip_abduction")
    line = why_chosen(raise_, ())
    assert "99.9" not in line
    assert "81% MVIC (mean over the movement)" in line
    assert "Side-lying hip abduction (bodyweight)" in line
    loaded = why_chosen(raise_, (), loaded=True)
    assert "99.9" not in loaded  # the 10-RM row is a neighbouring variant
    assert "70.1% MVIC" in loaded
    assert "ankle weight" in loaded


def test_a_line_says_peak_threshold_neighbour_and_load_plainly() -> None:
    plank = CATALOGUE.get("side_plank_hip_abduction")
    assert "at its peak (a peak figure" in evidence_line(plank)
    hitch = CATALOGUE.get("hip_hitch")
    assert "at least 40% MVIC (a review's band, not a measured mean)" in evidence_line(hitch)
    neighbour = _row(52.0, Verification.VERIFIED_ABSTRACT, variant="neighbour")
    base = _row(None, Verification.VERIFIED_QUALITATIVE, variant="base")
    moved = replace(plank, evidence=(base, neighbour))
    assert "measured for a neighbouring variant, not the version you start with" in evidence_line(
        moved
    )
    heavy = _row(70.0, Verification.VERIFIED_ABSTRACT, load=Load.LOADED)
    only_loaded = replace(plank, evidence=(heavy,))
    line = evidence_line(only_loaded)
    assert "measured under added load; the bodyweight version is likely lower" in line
    assert "likely lower" not in evidence_line(only_loaded, loaded=True)


def test_cited_row_falls_back_from_mean_to_peak_to_threshold_to_nothing() -> None:
    peak = _row(80.0, Verification.SECONDARY, method=Method.PEAK)
    band = _row(40.0, Verification.VERIFIED_QUALITATIVE, method=Method.THRESHOLD)
    mean = _row(30.0, Verification.VERIFIED_ABSTRACT)
    gmed = Muscle.GLUTEUS_MEDIUS
    assert cited_row((peak, band, mean), gmed) is mean
    assert cited_row((band, peak), gmed) is peak
    assert cited_row((band,), gmed) is band
    assert cited_row((_row(None, Verification.VERIFIED_QUALITATIVE),), gmed) is None
    assert cited_row((), gmed) is None
    assert best_activation((peak, band), gmed) is None


def test_the_side_bridge_says_its_figure_is_for_the_version_on_the_feet() -> None:
    bridge = CATALOGUE.get("side_bridge")  # prescribed from the knees first
    line = evidence_line(bridge)
    assert "74% MVIC (mean over the movement) (Side bridge (static, on elbow and feet)" in line
    assert "neighbouring variant, not the version you start with" in line
