"""Importing Strong and Hevy exports: matching names, mapping sets, refusing malformed files."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from hipcoach.domain.catalogue import Catalogue
from hipcoach.domain.log import LogError, check_id, validate_session, validate_set
from hipcoach.formats.exercise_names import FOREIGN_NAMES, match_exercise
from hipcoach.formats.importers import (
    ImportResult,
    Unit,
    detect_format,
    parse_hevy,
    parse_strong,
)

FIXTURES = Path(__file__).parent / "fixtures"
STRONG_HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,RPE"
)
HEVY_HEADER = (
    "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,"
    "set_index,set_type,weight_kg,reps,distance_km,duration_seconds,rpe"
)


def read(name: str) -> str:
    return (FIXTURES / name).read_text("utf-8")


def strong(text: str, catalogue: Catalogue, unit: Unit = "kg") -> ImportResult:
    return parse_strong(text, catalogue, unit=unit, id_prefix="user-1")


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Hip Abduction (Machine)", "machine_hip_abduction"),
        ("Squat (Barbell)", None),
        ("Side Plank", "side_bridge"),
        ("Clamshell", "clamshell"),
        ("Clam Shell", "clamshell"),
        ("Clamshells (Band)", "clamshell"),
        ("Glute Bridge", "glute_bridge"),
        ("Lateral Band Walk", "lateral_band_walk"),
        ("Band Side Walk", "lateral_band_walk"),
        ("Fire Hydrant", "fire_hydrant"),
        ("Donkey Kick", "donkey_kick"),
        ("Donkey Kicks", "donkey_kick"),
        ("Squat (Bodyweight)", "squat"),
        ("Goblet Squat", "squat"),
        ("Squat (Band)", "banded_squat"),
        ("Curtsy Lunge", "curtsy_lunge"),
        ("Lateral Lunge", "lateral_lunge"),
        ("Side Lunge (Dumbbell)", "lateral_lunge"),
        ("Single Leg Romanian Deadlift", "single_leg_rdl"),
        ("Single-Leg RDL (Kettlebell)", "single_leg_rdl"),
        ("Cable Hip Abduction", "cable_hip_abduction"),
        ("Hip Abduction (Cable)", "cable_hip_abduction"),
        ("Standing Hip Abduction (Cable)", "cable_hip_abduction"),
        ("Side Plank with Leg Raise", "side_plank_hip_abduction"),
        ("side plank leg lift", "side_plank_hip_abduction"),
        ("Standing Hip Abduction", "standing_hip_abduction"),
        ("Side Lying Leg Raise", "side_lying_hip_abduction"),
        ("Side-Lying Hip Abduction", "side_lying_hip_abduction"),
    ],
)
def test_foreign_names_match_our_exercises(
    name: str, key: str | None, catalogue: Catalogue
) -> None:
    assert match_exercise(name, catalogue) == key


def test_every_explicit_name_points_at_a_catalogue_exercise(catalogue: Catalogue) -> None:
    for name, key in FOREIGN_NAMES.items():
        assert key in catalogue
        assert match_exercise(name, catalogue) == key, name


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (read("strong_comma.csv"), "strong"),
        (read("strong_semicolon_lbs.csv"), "strong"),
        (read("hevy.csv"), "hevy"),
        ('\ufeff  {"format": "hipcoach-backup"}', "hipcoach"),
    ],
)
def test_the_format_is_detected_from_the_header(text: str, kind: str) -> None:
    assert detect_format(text) == kind


def test_an_unknown_file_is_refused() -> None:
    with pytest.raises(LogError, match="not a Strong or Hevy CSV export"):
        detect_format("date,exercise,reps\n2024-01-01,squat,5\n")


def test_a_strong_export_becomes_sessions_and_working_sets(catalogue: Catalogue) -> None:
    result = strong(read("strong_comma.csv"), catalogue)
    assert [(s.date.isoformat(), s.notes) for s in result.sessions] == [
        ("2024-03-05", "Hip Day"),
        ("2024-03-07", "Side Work"),
    ]
    assert result.own == ()
    assert result.skipped == (
        (2, "warm-up set"),
        (5, "rest timer"),
        (12, "a timed set (45 s), but Fire hydrant is not done as a hold"),
        (13, "no reps or seconds"),
    )
    summary = [
        (s.exercise, s.reps, s.steps, s.hold_seconds, s.resistance_key, s.load_kg, s.rir)
        for s in result.sets
    ]
    assert summary == [
        ("glute_bridge", 12, None, None, "dumbbell_20kg", 20.0, 2),
        ("glute_bridge", 10, None, None, "dumbbell_20kg", 20.0, 1),
        ("clamshell", 15, None, None, "bodyweight", None, None),
        ("machine_hip_abduction", 15, None, None, "machine_40kg", 40.0, None),
        ("machine_hip_abduction", 12, None, None, "machine_40kg", 40.0, None),
        ("glute_bridge", 8, None, None, "dumbbell_24kg", 24.0, None),
        ("side_plank_hip_abduction", None, None, 30, "bodyweight", None, None),
        ("lateral_band_walk", None, 20, None, "mini_band_light", None, None),
        ("donkey_kick", 12, None, None, "ankle_1.5kg", 1.5, None),
        ("curtsy_lunge", 10, None, None, "dumbbell_4kg", 5.0, None),
    ]
    assert result.sets[7].note == "resistance not recorded, assumed light mini band at the ankles"
    assert result.sets[9].effort == "failure"
    assert {s.side for s in result.sets} == {"both"}
    assert {s.pain for s in result.sets} == {0}
    assert result.sets[0].logged_at == datetime(2024, 3, 5, 18, 1, 12, tzinfo=UTC)
    assert [s.logged_at.second for s in result.sets[:4]] == [12, 13, 14, 15]


def test_the_semicolon_variant_converts_pounds_from_its_header(catalogue: Catalogue) -> None:
    result = strong(read("strong_semicolon_lbs.csv"), catalogue, unit="kg")
    loads = [(s.exercise, s.resistance_key, s.load_kg) for s in result.sets]
    assert loads == [
        ("single_leg_rdl", "dumbbell_12kg", 12.0),  # 26.5 lb
        ("single_leg_rdl", "dumbbell_8kg", 8.0),  # "17,6" lb, decimal comma
        ("squat", "dumbbell_12kg", 11.3),  # 25 lb
        ("side_lying_hip_abduction", "bodyweight", None),
        ("side_lying_hip_abduction", "ankle_1kg", 1.0),  # 2.2 lb
    ]
    assert result.sets[0].note == "left leg wobbly; slow"
    assert result.sessions[0].notes == "Evening\nFelt good"
    (bench,) = result.own  # none of our moves: kept as the person's own, in kilograms
    assert (bench.exercise, bench.reps, bench.load_kg, bench.note) == (
        "Bench Press (Barbell)",
        8,
        43.1,  # 95 lb
        "",
    )
    assert result.own_exercises == {"Bench Press (Barbell)": 1}


def test_the_unit_applies_when_the_header_has_none(catalogue: Catalogue) -> None:
    text = f"{STRONG_HEADER}\n2024-03-05 18:01:12,A,1h,Glute Bridge,1,45,10,0,0,\n"
    (kilos,) = strong(text, catalogue, unit="kg").sets
    (pounds,) = strong(text, catalogue, unit="lb").sets
    assert (kilos.resistance_key, kilos.load_kg) == ("dumbbell_30kg", 45.0)
    assert (pounds.resistance_key, pounds.load_kg) == ("dumbbell_20kg", 20.4)


def test_a_load_the_exercise_cannot_carry_is_kept_in_the_note(catalogue: Catalogue) -> None:
    text = f"{STRONG_HEADER}\n2024-03-05 18:01:12,A,1h,Clamshell,1,5,15,0,0,\n"
    (logged,) = strong(text, catalogue).sets
    assert (logged.resistance_key, logged.load_kg) == ("bodyweight", None)
    assert logged.note == "load 5 kg not representable"


def test_a_hevy_export_keeps_multiline_notes_and_reads_both_date_styles(
    catalogue: Catalogue,
) -> None:
    result = parse_hevy(read("hevy.csv"), catalogue, id_prefix="user-1")
    morning, evening = result.sessions
    assert morning.notes == 'Morning Hips\nSlept badly, kept it "easy".\nKnee fine.'
    assert result.sets[0].logged_at == datetime(2026, 7, 5, 10, 21, tzinfo=UTC)
    assert evening.date.isoformat() == "2026-07-14"
    assert result.sets[4].logged_at == datetime(2026, 7, 14, 18, 5, tzinfo=UTC)
    assert result.sets[0].note == "Pause at top,\nsqueeze"
    assert (result.sets[0].rir, result.sets[1].effort) == (2, "failure")
    assert (result.sets[2].exercise, result.sets[2].hold_seconds) == ("side_bridge", 45)
    assert (result.sets[3].exercise, result.sets[3].hold_seconds) == (
        "side_plank_hip_abduction",
        40,
    )
    machine = result.sets[4]
    assert (machine.exercise, machine.resistance_key, machine.load_kg) == (
        "machine_hip_abduction",
        "machine_45kg",
        45.0,
    )
    cable = result.sets[5]
    assert (cable.resistance_key, cable.load_kg) == ("cable_pin_1", None)
    assert cable.note.startswith("load 15 kg not representable")
    assert [(s.resistance_key, s.load_kg) for s in result.sets[6:]] == [
        ("dumbbell_12kg", 13.0),
        ("dumbbell_8kg", 9.0),
    ]
    assert result.own == ()
    assert result.skipped == ((2, "warm-up set"), (11, "no reps or seconds"))


def test_hevy_pounds_are_converted(catalogue: Catalogue) -> None:
    text = HEVY_HEADER.replace("weight_kg", "weight_lbs") + (
        '\nA,"Jul 5, 2026, 9:05 PM",,,Goblet Squat,,,0,normal,35,10,,,\n'
    )
    (logged,) = parse_hevy(text, catalogue, id_prefix="user-1").sets
    assert (logged.load_kg, logged.resistance_key) == (15.9, "dumbbell_16kg")
    assert logged.logged_at == datetime(2026, 7, 5, 21, 5, tzinfo=UTC)


@pytest.mark.parametrize("name", ["strong_comma.csv", "strong_semicolon_lbs.csv", "hevy.csv"])
def test_importing_again_gives_the_same_valid_ids(name: str, catalogue: Catalogue) -> None:
    def load(prefix: str) -> ImportResult:
        text = read(name)
        if detect_format(text) == "hevy":
            return parse_hevy(text, catalogue, id_prefix=prefix)
        return parse_strong(text, catalogue, unit="kg", id_prefix=prefix)

    first, again, other = load("user-1"), load("user-1"), load("user-2")
    assert first == again
    ids = [s.id for s in first.sets] + [s.id for s in first.sessions]
    assert len(set(ids)) == len(ids)
    assert all(len(i) == 32 and check_id(i) for i in ids)
    assert not set(ids) & {s.id for s in other.sets}
    for session in first.sessions:
        validate_session(session)
    for logged in first.sets:
        validate_set(logged, catalogue)
        assert logged.session_id in {s.id for s in first.sessions}


def test_a_set_out_of_range_is_skipped_with_the_reason(catalogue: Catalogue) -> None:
    text = f"{STRONG_HEADER}\n2024-03-05 18:01:12,A,1h,Side Plank Leg Raise,1,0,0,0,900,\n"
    result = strong(text, catalogue)
    assert result.sets == ()
    assert result.sessions == ()
    assert result.skipped == ((2, "hold_seconds must be between 1 and 600 (got 900)."),)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("2024-03-05 18:01:12,A,1h,Glute Bridge,1,20,ten,0,0,", "row 3, column 'Reps': 'ten'"),
        ("2024-03-05 18:01:12,A,1h,Glute Bridge,1,20,8.5,0,0,", "row 3, column 'Reps': '8.5'"),
        ("2024-03-05 18:01:12,A,1h,Glute Bridge,1,20,-3,0,0,", "row 3, column 'Reps': '-3'"),
        (
            '2024-03-05 18:01:12,A,1h,Glute Bridge,1,"1,000",8,0,0,',
            "row 3, column 'Weight': '1,000'",
        ),
        ("2024-03-05 18:01:12,A,1h,Glute Bridge,1,nan,8,0,0,", "row 3, column 'Weight': 'nan'"),
        ("2024-03-05 18:01:12,A,1h,Glute Bridge,1,20,8,0,0,hard", "row 3, column 'RPE': 'hard'"),
        ("05/03/2024,A,1h,Glute Bridge,1,20,8,0,0,", "row 3, column 'Date': '05/03/2024'"),
        ("2024-03-05 18:01:12,A,1h,Glute Bridge,1,20", "row 3: 6 columns, the header has 10"),
        ('2024-03-05 18:01:12,"A"x,1h,Glute Bridge,1,20,8,0,0,', "row 3: the CSV is malformed"),
    ],
)
def test_a_malformed_strong_row_refuses_the_file(
    row: str, message: str, catalogue: Catalogue
) -> None:
    good = "2024-03-05 18:01:12,A,1h,Glute Bridge,1,20,8,0,0,"
    text = f"{STRONG_HEADER}\n{good}\n{row}\n{good}\n"
    with pytest.raises(LogError) as caught:
        strong(text, catalogue)
    assert str(caught.value).startswith(message)


def test_a_missing_column_is_named(catalogue: Catalogue) -> None:
    text = STRONG_HEADER.replace(",Reps", "") + "\n"
    with pytest.raises(LogError, match=r"^row 1: the column 'Reps' is missing"):
        strong(text, catalogue)
    with pytest.raises(LogError, match=r"^row 1: the column 'set_type' is missing"):
        parse_hevy(HEVY_HEADER.replace(",set_type", ""), catalogue, id_prefix="user-1")


def test_a_bad_hevy_date_names_the_row_after_multiline_cells(catalogue: Catalogue) -> None:
    text = HEVY_HEADER + (
        '\nA,"14 Jul 2026, 18:05",,"two\nlines",Glute Bridge,,,0,normal,,10,,,'
        '\nA,"2026-14-07 18:05",,,Glute Bridge,,,1,normal,,10,,,\n'
    )
    with pytest.raises(LogError, match=r"^row 3, column 'start_time': '2026-14-07 18:05'"):
        parse_hevy(text, catalogue, id_prefix="user-1")


def test_an_empty_file_has_no_columns(catalogue: Catalogue) -> None:
    with pytest.raises(LogError, match=r"^row 1: the column 'start_time' is missing"):
        parse_hevy("", catalogue, id_prefix="user-1")
