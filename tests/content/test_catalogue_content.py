"""The packaged catalogue and learn pages load, validate and are complete."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from hipcoach.content.loader import load_evidence, load_learn, parse_evidence
from hipcoach.content.schema import ExerciseFile
from hipcoach.domain.catalogue import Catalogue
from hipcoach.domain.errors import ContentError
from hipcoach.domain.evidence import Verification

DOMAIN_KEYS = {
    "clamshell",
    "side_lying_hip_abduction",
    "seated_banded_hip_abduction",
    "standing_banded_hip_abduction",
    "standing_hip_abduction",
    "cable_hip_abduction",
    "lateral_band_walk",
    "side_plank_hip_abduction",
    "single_leg_rdl",
    "banded_squat",
    "lateral_lunge",
    "fire_hydrant",
    "standing_kickback_lunge",
    "side_to_side_squat",
    "curtsy_lunge",
    "glute_bridge",
    "donkey_kick",
    "squat",
}
EXERCISES = Path(__file__).parents[2] / "src" / "hipcoach" / "content" / "exercises"


def test_it_holds_exactly_the_eighteen_keys_of_the_domain_table(catalogue: Catalogue) -> None:
    assert set(catalogue.keys) == DOMAIN_KEYS


def test_no_exercise_lacks_steps_cues_mistakes_or_a_ladder(catalogue: Catalogue) -> None:
    from hipcoach.domain.ladder import build_ladder

    for e in catalogue.exercises:
        assert len(e.steps) >= 3, e.key
        assert len(e.cues) >= 2, e.key
        assert len(e.mistakes) >= 2, e.key
        assert e.easier, e.key
        assert e.harder, e.key
        assert len(build_ladder(e.equipment)) >= 1, e.key
        assert e.primary, e.key
        assert e.roles, e.key
        assert e.dosage, e.key


def test_every_evidence_row_has_a_study_and_a_label() -> None:
    rows = load_evidence()
    assert len(rows) == 111
    for row in rows:
        assert row.study, row
        assert isinstance(row.verification, Verification)


def test_evidence_joins_to_exercises_by_key(catalogue: Catalogue) -> None:
    clam = catalogue.get("clamshell")
    assert all(r.exercise_key == "clamshell" for r in clam.evidence)
    assert clam.gta_index == 115
    assert any(r.study.startswith("DiStefano 2009") for r in clam.evidence)


def test_moves_without_checked_emg_data_say_so(catalogue: Catalogue) -> None:
    assert not catalogue.get("fire_hydrant").has_emg_data
    assert not catalogue.get("fire_hydrant").evidence
    # curtsy lunge has a row, but only an 'unverified, nothing found' one
    assert not catalogue.get("curtsy_lunge").has_emg_data
    assert catalogue.get("side_lying_hip_abduction").has_emg_data


def test_unverified_numbers_never_count_as_the_best_activation(catalogue: Catalogue) -> None:
    # single-leg RDL's only figures (58%, 59%) are unverified recollections
    assert catalogue.get("single_leg_rdl").gmed_activation is None


def test_a_row_without_a_verification_label_is_refused() -> None:
    text = "exercise_key,variant,exercise_name,muscle,pct_mvic_mean,pct_mvic_sd,study,notes\n"
    text += "clamshell,clam,Clam,gluteus_medius,40,,Someone 2020,looked fine\n"
    with pytest.raises(ContentError, match="verification label"):
        parse_evidence(text)


def test_a_content_file_with_an_unknown_field_is_refused() -> None:
    data = tomllib.loads((EXERCISES / "clamshell.toml").read_text("utf-8"))
    data["colour"] = "blue"
    with pytest.raises(ValueError, match="colour"):
        ExerciseFile.model_validate(data)


def test_a_content_file_with_a_blank_step_is_refused() -> None:
    data = tomllib.loads((EXERCISES / "clamshell.toml").read_text("utf-8"))
    data["steps"] = [*data["steps"], "   "]
    with pytest.raises(ValueError, match="blank"):
        ExerciseFile.model_validate(data)


def test_every_variation_link_points_into_the_catalogue(catalogue: Catalogue) -> None:
    for e in catalogue.exercises:
        for v in (*e.easier, *e.harder):
            if v.exercise_key:
                assert v.exercise_key in catalogue, (e.key, v.exercise_key)


def test_learn_pages_cover_the_required_topics() -> None:
    keys = [t.key for t in load_learn().topics]
    for required in (
        "hip_dips",
        "causes",
        "what_training_changes",
        "muscles",
        "principles",
        "nutrition",
        "safety",
        "faq",
    ):
        assert required in keys
    for topic in load_learn().topics:
        assert topic.body.startswith("# ")
        assert len(topic.body.split()) > 100


def test_no_text_promises_to_remove_hip_dips(catalogue: Catalogue) -> None:
    texts = [t.body.lower() for t in load_learn().topics]
    texts += [f"{e.summary} {e.setup} {' '.join(e.steps)}".lower() for e in catalogue.exercises]
    for text in texts:
        for promise in ("get rid of your hip dips", "eliminate hip dips", "fix your hip dips"):
            assert promise not in text
