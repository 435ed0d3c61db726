"""Sets of one's own exercises (imported, none of our moves): what may be stored, and how a
day of them reads."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from hipcoach.domain.errors import HipcoachError
from hipcoach.domain.log import OwnSet, own_days, validate_own_set

AT = datetime(2026, 1, 5, 18, 0, tzinfo=UTC)
BENCH = OwnSet("own-set-0001", "Bench Press (Barbell)", AT, reps=8, load_kg=60.0, rir=2)


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"exercise": ""}, "exercise", "between 1 and 100 characters"),
        ({"exercise": " Bench"}, "exercise", "no space at either end"),
        ({"exercise": "x" * 101}, "exercise", "between 1 and 100"),
        ({"exercise": "Bench\x1b[2J"}, "exercise", "control"),
        ({"reps": None}, "reps", "reps, seconds or a distance"),
        ({"reps": 501}, "reps", "between 1 and 500"),
        ({"seconds": 86_401}, "seconds", "between 1 and 86400"),
        ({"distance_m": 0.0}, "distance_m", "above 0"),
        ({"distance_m": 1_000_001.0}, "distance_m", "at most 1000 km"),
        ({"load_kg": 0.0}, "load_kg", "kg"),
        ({"load_kg": 1000.5}, "load_kg", "1000"),
        ({"load_kg": float("nan")}, "load_kg", "kg"),
        ({"rir": 11}, "rir", "between 0 and 10"),
        ({"note": "n" * 2001}, "note", "2000 characters"),
        ({"id": "short"}, "id", "not a valid id"),
        ({"logged_at": AT.replace(tzinfo=None)}, "logged_at", "UTC offset"),
    ],
)
def test_an_own_set_that_cannot_be_true_is_refused_naming_the_field(
    change: dict[str, object], field: str, words: str
) -> None:
    validate_own_set(BENCH)
    with pytest.raises(HipcoachError) as refused:
        validate_own_set(replace(BENCH, **change))  # type: ignore[arg-type]
    assert refused.value.field == field
    assert words.lower() in refused.value.message.lower()


def test_a_day_reads_as_its_sets_with_one_load_or_each_set_s_own() -> None:
    later = AT + timedelta(seconds=1)
    same = [BENCH, replace(BENCH, id="own-set-0002", logged_at=later, reps=6)]
    (day,) = own_days(same)
    assert day.summary == "2 sets: 8, 6 reps at 60 kg"
    heavier = [
        BENCH,
        replace(same[1], load_kg=65.0),
        replace(same[1], id="own-set-0003", load_kg=None),
    ]
    assert own_days(heavier)[0].summary == "3 sets: 8 at 60 kg, 6 at 65 kg, 6"
    plank = OwnSet("own-set-0009", "Plank", AT, seconds=60)
    assert own_days([plank])[0].summary == "1 set: 60 s"
    run = OwnSet("own-set-0010", "Treadmill", AT, seconds=1800, distance_m=5000.0)
    press = OwnSet("own-set-0011", "Leg Press", AT, reps=10, load_kg=320.0)
    for heavy_or_long in (run, press):
        validate_own_set(heavy_or_long)  # a gym's numbers, not a hip move's
    assert own_days([run])[0].summary == "1 set: 5000 m in 1800 s"
    assert own_days([press])[0].summary == "1 set: 10 reps at 320 kg"


def test_days_are_newest_first_and_a_day_keeps_the_order_its_exercises_were_done() -> None:
    plank = OwnSet("own-set-0009", "Plank", AT + timedelta(seconds=5), seconds=60)
    earlier = replace(BENCH, id="own-set-0000", logged_at=AT - timedelta(days=3))
    days = own_days([plank, BENCH, earlier])
    assert [(d.day.isoformat(), d.exercise) for d in days] == [
        ("2026-01-05", "Bench Press (Barbell)"),
        ("2026-01-05", "Plank"),
        ("2026-01-02", "Bench Press (Barbell)"),
    ]
