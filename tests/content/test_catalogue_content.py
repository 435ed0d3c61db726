"""The packaged catalogue and learn pages load, validate and are complete."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from hipcoach.content.loader import load_evidence, load_learn, parse_evidence
from hipcoach.content.schema import ExerciseFile
from hipcoach.domain.catalogue import Catalogue
from hipcoach.domain.errors import ContentError
from hipcoach.domain.evidence import Method, Verification

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
#: "Beyond the sources: moves to add" in DOMAIN.md.
ADDED_KEYS = {
    "hip_hitch",
    "lateral_step_up",
    "step_up",
    "single_leg_squat",
    "single_leg_bridge",
    "side_bridge",
    "machine_hip_abduction",
    "hip_thrust",
    "split_squat",
}
EXERCISES = Path(__file__).parents[2] / "src" / "hipcoach" / "content" / "exercises"


def test_it_holds_exactly_the_keys_of_both_domain_tables(catalogue: Catalogue) -> None:
    assert set(catalogue.keys) == DOMAIN_KEYS | ADDED_KEYS


def test_no_exercise_lacks_steps_cues_mistakes_or_a_ladder(catalogue: Catalogue) -> None:

    for e in catalogue.exercises:
        assert len(e.steps) >= 3, e.key
        assert len(e.cues) >= 2, e.key
        assert len(e.mistakes) >= 2, e.key
        assert e.easier, e.key
        assert e.harder, e.key
        assert len(e.ladder()) >= 1, e.key
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


def test_the_added_moves_carry_every_part_of_an_entry(catalogue: Catalogue) -> None:
    for key in sorted(ADDED_KEYS):
        e = catalogue.get(key)
        assert e.summary, key
        assert e.setup, key
        assert e.if_it_hurts, key
        assert len(e.steps) >= 4, key
        assert len(e.cues) >= 3, key
        assert len(e.mistakes) >= 3, key
        assert len(e.easier) >= 2, key
        assert len(e.harder) >= 3, key
        assert e.sources == ("research",), key


def test_the_added_moves_have_the_equipment_and_dosage_of_the_domain_table(
    catalogue: Catalogue,
) -> None:
    table = {
        "hip_hitch": ({"none", "ankle_weights"}, {"reps_per_side"}),
        "lateral_step_up": ({"none", "dumbbell"}, {"reps_per_side"}),
        "step_up": ({"none", "dumbbell"}, {"reps_per_side"}),
        "single_leg_squat": ({"none"}, {"reps_per_side"}),
        "single_leg_bridge": ({"none", "dumbbell"}, {"reps_per_side"}),
        "side_bridge": ({"none"}, {"hold_seconds"}),
        "machine_hip_abduction": ({"abduction_machine"}, {"reps"}),
        "hip_thrust": ({"none", "dumbbell", "barbell"}, {"reps"}),
        "split_squat": ({"none", "dumbbell"}, {"reps_per_side"}),
    }
    for key, (equipment, dosage) in table.items():
        e = catalogue.get(key)
        assert {q.value for q in e.equipment} == equipment, key
        assert {d.value for d in e.dosage} == dosage, key


def test_the_added_moves_join_exactly_their_research_rows(catalogue: Catalogue) -> None:
    research = Path(__file__).parents[3] / "shared" / "research" / "emg.csv"
    shipped = {(r.study, r.variant, r.measure, r.description) for r in load_evidence()}
    if research.exists():  # the research folder sits beside the repository in development
        original = parse_evidence(research.read_text("utf-8"))
        assert {(r.study, r.variant, r.measure, r.description) for r in original} == shipped
    counts = {key: len(catalogue.get(key).evidence) for key in ADDED_KEYS}
    assert counts == {
        "hip_hitch": 3,
        "lateral_step_up": 6,
        "step_up": 3,
        "single_leg_squat": 4,
        "single_leg_bridge": 6,
        "side_bridge": 2,
        "machine_hip_abduction": 1,
        "hip_thrust": 1,
        "split_squat": 0,
    }
    bridge = catalogue.get("side_bridge")
    assert bridge.gmed_activation == 74
    assert {r.variant for r in bridge.evidence} == {"side_plank"}
    assert "on elbow and feet" in bridge.evidence[0].description


def test_a_figure_is_only_a_figure_of_what_was_measured(catalogue: Catalogue) -> None:
    # recalled numbers never count; thresholds and peak values keep their labels
    assert catalogue.get("single_leg_squat").gmed_activation is None
    assert catalogue.get("single_leg_squat").has_emg_data  # Muyor 2020's ranking is checked
    hitch = catalogue.get("hip_hitch")
    assert hitch.gmed_activation is None  # Moore 2020's ">40%" is a band, not a mean
    assert [r.method for r in hitch.evidence if r.pct_mvic_mean == 40] == [Method.THRESHOLD]
    assert catalogue.get("step_up").gmed_activation == 62.7
    assert catalogue.get("single_leg_bridge").gta_index == 59
    assert catalogue.get("hip_thrust").gmed_activation is None
    machine = catalogue.get("machine_hip_abduction")
    assert machine.has_emg_data
    assert machine.gmed_activation is None


def test_a_move_without_any_study_says_no_emg_data(catalogue: Catalogue) -> None:
    split = catalogue.get("split_squat")
    assert split.evidence == ()
    assert not split.has_emg_data


def test_the_machine_and_the_barbell_climb_in_kilograms(catalogue: Catalogue) -> None:
    from hipcoach.domain.equipment import Equipment

    machine = catalogue.get("machine_hip_abduction").ladder()
    assert [s.key for s in machine[:3]] == ["machine_5kg", "machine_10kg", "machine_15kg"]
    assert machine[-1].load_kg == 100
    assert all(s.equipment is Equipment.ABDUCTION_MACHINE for s in machine)
    owned = frozenset({Equipment.BARBELL})
    thrust = catalogue.get("hip_thrust").ladder(owned)
    assert thrust[0].key == "bodyweight"
    assert thrust[1].label == "20 kg barbell"  # the bar alone
    assert {s.equipment for s in thrust[1:]} == {Equipment.BARBELL}
    assert [s.load_kg for s in thrust[1:4]] == [20, 25, 30]
