"""The JSON backup round-trips every record exactly and refuses bad files whole; the log CSV."""

from __future__ import annotations

import copy
import csv
import io
import json
import string
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.domain.strategies import profiles

from hipcoach.content.loader import load_catalogue
from hipcoach.domain.account import PlanChoice, StoredPlan
from hipcoach.domain.catalogue import Dosage, PainArea
from hipcoach.domain.limits import ID_LENGTH
from hipcoach.domain.log import (
    Effort,
    LogError,
    LoggedSet,
    Measurement,
    Side,
    TrainingSession,
)
from hipcoach.domain.planner import generate_plan
from hipcoach.domain.profile import Goal, Level, Profile, Weekday
from hipcoach.domain.selftest import SelfTestResult
from hipcoach.domain.text import has_control_characters
from hipcoach.formats.backup import Backup, backup_from_dict, backup_to_dict
from hipcoach.formats.log_csv import LOG_CSV_HEADER, sets_to_csv

CATALOGUE = load_catalogue()

# The alphabet and lengths of ID_PATTERN, drawn directly (from_regex filters its draws).
ids = st.text(
    string.ascii_letters + string.digits + "_-", min_size=ID_LENGTH.low, max_size=ID_LENGTH.high
)
offsets = st.integers(-14 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m)))
# Hypothesis takes naive bounds and attaches the generated offsets itself.
moments = st.datetimes(datetime(2000, 1, 1), datetime(2100, 1, 1), timezones=offsets)  # noqa: DTZ001
# The import's clock: plans are made before it, and start within the import window of it.
NOW = datetime(2030, 6, 1, tzinfo=UTC)
made = st.datetimes(datetime(2010, 1, 1), datetime(2030, 1, 1), timezones=offsets)  # noqa: DTZ001
# Text a person can store: no control characters but tab, line feed and return (the domain
# refuses the others everywhere). Drawn from that alphabet: filtering any text for it threw
# away nearly half the examples and made this the slowest test in the file.
notes = st.text(
    st.characters(codec="utf-8", exclude_categories=["Cc"]) | st.sampled_from("\t\n\r"),
    max_size=40,
)


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


@st.composite
def logged_sets(draw: st.DrawFn, session_ids: list[str]) -> LoggedSet:
    exercise = draw(st.sampled_from(CATALOGUE.exercises))
    kinds = ["reps"]
    kinds += ["steps"] if Dosage.STEPS_PER_SIDE in exercise.dosage else []
    kinds += ["hold_seconds"] if Dosage.HOLD_SECONDS in exercise.dosage else []
    kind = draw(st.sampled_from(kinds))
    rung = draw(st.sampled_from(exercise.ladder()))
    load = draw(optional(st.floats(0.1, 300))) if rung.load_kg is not None else None
    pain = draw(st.integers(0, 10))
    area, side = draw(pain_location(pain))
    return LoggedSet(
        id=draw(ids),
        session_id=draw(st.sampled_from(session_ids)),
        exercise=exercise.key,
        side=draw(st.sampled_from(list(Side))),
        logged_at=draw(moments),
        resistance_key=rung.key,
        load_kg=load,
        rir=draw(optional(st.integers(0, 10))),
        effort=draw(optional(st.sampled_from(list(Effort)))),
        pain=pain,
        pain_area=area,
        pain_side=side,
        note=draw(notes),
        **{kind: draw(st.integers(1, 500 if kind != "hold_seconds" else 600))},
    )


@st.composite
def pain_location(draw: st.DrawFn, pain: int | None) -> tuple[PainArea | None, Side | None]:
    """Where it hurt: said only of pain above 0, and a side only with an area."""
    area = draw(optional(st.sampled_from(list(PainArea)))) if pain else None
    return area, draw(optional(st.sampled_from(list(Side)))) if area else None


@st.composite
def sessions(draw: st.DrawFn) -> TrainingSession:
    pain = draw(optional(st.integers(0, 10)))
    area, side = draw(pain_location(pain))
    return TrainingSession(
        id=draw(ids),
        date=draw(st.dates()),
        plan_week=draw(optional(st.integers(1, 60))),
        plan_session=draw(optional(st.integers(1, 60))),
        notes=draw(notes),
        next_day_pain=pain,
        next_day_pain_area=area,
        next_day_pain_side=side,
        version=draw(st.integers(1, 10_000)),
        rpe=draw(optional(st.integers(1, 10))),
    )


measurements = st.builds(
    Measurement,
    id=ids,
    date=st.dates(),
    hip_cm=optional(st.floats(40, 250)),
    waist_cm=optional(st.floats(30, 250)),
    weight_kg=st.floats(25, 350),
)
plans = st.builds(
    StoredPlan,
    id=ids,
    user_id=st.text(max_size=20),
    created_at=made,
    # A profile is stored with its days in week order, so generate them that way.
    plan=profiles.map(lambda p: generate_plan(replace(p, days=p.sorted_days), CATALOGUE)),
)


@st.composite
def histories(draw: st.DrawFn) -> dict[str, Any]:
    day_list = draw(st.lists(sessions(), min_size=1, max_size=4, unique_by=lambda s: s.id))
    session_ids = [s.id for s in day_list]
    return {
        "user_name": draw(notes),
        "plans": draw(st.lists(plans, max_size=2, unique_by=lambda p: p.id)),
        "sessions": day_list,
        "sets": draw(st.lists(logged_sets(session_ids), max_size=8, unique_by=lambda s: s.id)),
        "measurements": draw(st.lists(measurements, max_size=3, unique_by=lambda m: m.id)),
        "exported_at": draw(moments),
    }


@given(notes)
def test_the_generated_notes_are_text_the_domain_accepts(note: str) -> None:
    assert not has_control_characters(note)


@settings(max_examples=60, deadline=None)
@given(histories())
def test_a_backup_comes_back_from_json_exactly_as_it_was(history: dict[str, Any]) -> None:
    document = backup_to_dict(**history)
    restored = backup_from_dict(json.loads(json.dumps(document)), CATALOGUE, now=NOW)
    assert restored == Backup(
        user_name=history["user_name"],
        exported_at=history["exported_at"],
        plans=tuple(history["plans"]),
        sessions=tuple(history["sessions"]),
        sets=tuple(history["sets"]),
        measurements=tuple(history["measurements"]),
    )
    again = {k: getattr(restored, k) for k in history}
    assert backup_to_dict(**again) == document  # offsets and None values kept, not just instants


WHEN = datetime(2026, 3, 5, 18, 1, 12, tzinfo=timezone(timedelta(hours=1)))
PROFILE = Profile(Level.BEGINNER, Goal.MUSCLE, (Weekday.MON, Weekday.THU), 30, date(2026, 3, 2))


def small_backup() -> dict[str, Any]:
    session = TrainingSession("session-0001", date(2026, 3, 5), plan_week=1, plan_session=2)
    logged = LoggedSet(
        "set-00000001",
        "session-0001",
        "clamshell",
        Side.LEFT,
        WHEN,
        reps=12,
        resistance_key="mini_band_light",
        rir=2,
        note='band "red", snug',
    )
    data = backup_to_dict(
        user_name="Ada",
        plans=[StoredPlan("plan-00000001", "local-user", WHEN, generate_plan(PROFILE, CATALOGUE))],
        sessions=[session],
        sets=[logged, replace(logged, id="set-00000002", side=Side.RIGHT)],
        measurements=[Measurement("measure-0001", date(2026, 3, 5), hip_cm=98.5)],
        exported_at=WHEN,
    )
    as_read: dict[str, Any] = json.loads(json.dumps(data))  # what a reader of the file sees
    return as_read


def test_a_backup_names_its_format_and_keeps_every_field() -> None:
    data = small_backup()
    assert (data["format"], data["version"]) == ("hipcoach-backup", 6)
    assert data["sets"][0]["logged_at"] == "2026-03-05T18:01:12+01:00"
    assert data["sets"][0]["load_kg"] is None
    assert data["sessions"][0]["version"] == 1
    assert data["plans"][0]["profile"]["days"] == ["mon", "thu"]
    restored = backup_from_dict(data, CATALOGUE, now=NOW)
    assert restored.sets[1].side is Side.RIGHT
    assert restored.plans[0].profile == PROFILE


def test_naive_datetimes_are_written_as_utc() -> None:
    data = backup_to_dict(
        user_name="",
        plans=[],
        sessions=[],
        sets=[],
        measurements=[],
        exported_at=datetime(2026, 1, 1, 9, 0),  # noqa: DTZ001 - the case under test
    )
    assert data["exported_at"] == "2026-01-01T09:00:00+00:00"


def _set(path: str, value: Any) -> Any:
    def change(data: Any) -> None:
        *parents, last = path.split(".")
        for part in parents:
            name, _, index = part.partition("[")
            data = data[name][int(index[:-1])] if index else data[name]
        if value is _DELETE:
            del data[last]
        else:
            data[last] = value

    return change


_DELETE = object()
ITEM = "plans[0].document.weeks[0].sessions[0].blocks[1].items[0]"
SESSION = "plans[0].document.weeks[0].sessions[0]"


def _profiles(name: str, value: Any) -> Any:
    """The same change to the plan's profile and to the profile inside its document."""
    changes = [_set(f"plans[0].profile.{name}", value), _set(f"{PROFILE_IN}.{name}", value)]

    def change(data: Any) -> None:
        for one in changes:
            one(data)

    return change


PROFILE_IN = "plans[0].document.profile"
# A crafted plan: each change alone once made an account answer 500s or print escapes.
CRAFTED_PLANS = [
    (
        _set("plans[0].created_at", "9999-12-31T00:00:00+00:00"),
        "plans[0].created_at: 9999-12-31T00:00:00+00:00 is in the future",
    ),
    (
        _set("plans[0].created_at", "2030-06-03T00:00:00+00:00"),
        "plans[0].created_at: 2030-06-03T00:00:00+00:00 is in the future",
    ),
    (
        _profiles("start", "9999-11-01"),
        "plans[0].profile.start: a plan starting 9999-11-01 is not one to import",
    ),
    (_profiles("start", "0001-01-01"), "plans[0].profile.start: a plan starting 0001-01-01"),
    (_profiles("seed", 2**40), "plans[0].profile.seed: must be at most 2147483647"),
    (_profiles("weeks", 10**6), "plans[0].profile.weeks: must be at most 52"),
    (_profiles("minutes", 2**70), "plans[0].profile.minutes: must be at most 180"),
    (_profiles("days", ["mon", "mon"]), "plans[0].profile.days: each training day may be"),
    (_profiles("days", ["mon", "tue"]), "plans[0].profile.days: mon and tue are back to back"),
    (_profiles("weight_kg", 1e300), "plans[0].profile.weight_kg: must be at most 350"),
    (_profiles("avoid", ["x" * 65]), "plans[0].profile.avoid[0]: must be at most 64 characters"),
    (_profiles("avoid", ["nope"]), "plans[0].profile.avoid: Unknown exercise 'nope'"),
    (_profiles("pain", ["other"]), "plans[0].profile.pain: a plan cannot work around pain"),
    (_profiles("weeks", 13), "plans[0].document.weeks: must number the plan's 13 weeks 1 to 13"),
    (_set(f"{PROFILE_IN}.colour", "red"), f"{PROFILE_IN}: unknown field 'colour'"),
    (_set("plans[0].document.weeks[0].colour", "red"), "plans[0].document.weeks[0]: unknown"),
    (_set(f"{ITEM}.colour", "red"), f"{ITEM}: unknown field 'colour'"),
    (_set("plans[0].document.summary", _DELETE), "plans[0].document.summary: missing"),
    (_set("plans[0].document.schema_version", 2), "plans[0].document: Plan documents of version"),
    (_set(f"{ITEM}.name", "Clam\x1b[2J"), f"{ITEM}.name: A control character (U+001B)"),
    (_set(f"{ITEM}.why", "ok\r\nBEGIN:VALARM"), f"{ITEM}.why: A control character (U+000D)"),
    (_set(f"{ITEM}.resistance", "\x9b31m"), f"{ITEM}.resistance: A control character (U+009B)"),
    (_set(f"{ITEM}.name", "x" * 1001), f"{ITEM}.name: must be at most 1000 characters"),
    (
        _set("plans[0].document.notes[0].text", "line\none"),
        "plans[0].document.notes[0].text: A control character (U+000A)",
    ),
    (_set(f"{ITEM}.sets", 2**70), f"{ITEM}.sets: must be at most 20"),
    (_set(f"{ITEM}.rest_seconds", -1), f"{ITEM}.rest_seconds: must be at least 0"),
    (_set(f"{ITEM}.exercise", "nope"), f"{ITEM}: 'nope' is not a known move"),
    (_set(f"{ITEM}.reps", [20, 8]), f"{ITEM}: a target range must run from low to high"),
    (_set(f"{SESSION}.estimated_minutes", 2**70), f"{SESSION}.estimated_minutes: must be at"),
    (_set(f"{SESSION}.date", "9999-12-30"), f"{SESSION}.date: 9999-12-30 is not the mon of"),
    (_set(f"{SESSION}.weekday", "tue"), f"{SESSION}.weekday: 'tue' is not a training day"),
    (_set("plans[0].document.weeks[1].number", 1), "plans[0].document.weeks: must number"),
    (_set("sessions[0].version", 2**40), "sessions[0].version: must be at most 2147483647"),
    (_set("sessions[0].version", 0), "sessions[0].version: must be at least 1"),
    (_set("user_name", "A" * 101), "user_name: must be at most 100 characters"),
]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_set("sets[1].pain", 11), "sets[1].pain: Pain must be between 0 and 10"),
        (_set("sets[0].reps", "12"), "sets[0].reps: must be a whole number"),
        (_set("sets[0].reps", True), "sets[0].reps: must be a whole number"),
        (_set("sets[0].reps", None), "sets[0].reps: Give exactly one of reps"),
        (_set("sets[0].load_kg", float("nan")), "sets[0].load_kg: must be a finite number"),
        (_set("sets[0].load_kg", 5.0), "sets[0].load_kg: This step has no weight"),
        (_set("sets[1].session_id", "session-9999"), "sets[1].session_id: session 'session-9"),
        (_set("sets[0].exercise", "clamshel"), "sets[0].exercise: Unknown exercise 'clamshel'"),
        (_set("sets[0].side", "up"), "sets[0].side: 'up' is not one of: left, right, both"),
        (_set("sets[0].logged_at", "2026-03-05T18:01:12"), "sets[0].logged_at: must carry a UTC"),
        (_set("sets[0].logged_at", "yesterday"), "sets[0].logged_at: 'yesterday' is not an ISO"),
        (_set("sets[0].colour", "red"), "sets[0]: unknown field 'colour'"),
        (_set("sets[0].note", _DELETE), "sets[0].note: missing"),
        (_set("sessions[0].date", "2026-13-01"), "sessions[0].date: '2026-13-01' is not a date"),
        (_set("sessions[0].plan_week", 61), "sessions[0].plan_week: plan_week must be between"),
        (_set("sessions[0].id", "x"), "sessions[0].id: 'x' is not a valid id"),
        (_set("measurements[0].hip_cm", None), "measurements[0].hip_cm: Give at least one"),
        (_set("plans[0].profile.level", "expert"), "plans[0].profile.level: 'expert' is not one"),
        (_set("plans[0].profile.days", "mon"), "plans[0].profile.days: must be a list"),
        (_set("plans[0].profile.days", ["mon", 3]), "plans[0].profile.days[1]: must be text"),
        (_set("plans[0].document", []), "plans[0].document: must be an object"),
        (_set("plans[0].document.weeks", _DELETE), "plans[0].document.weeks: missing"),
        (
            _set("plans[0].profile.minutes", 31),
            "plans[0].profile: differs from the profile inside the plan document",
        ),
        (_set("sets", {}), "sets: must be a list"),
        (_set("format", "strong"), "format: this is not a hipcoach backup"),
        (_set("version", 7), "version: 7 is not a version this hipcoach reads"),
        (_set("version", True), "version: True is not a version this hipcoach reads"),
        (_set("sets[0].pain_area", _DELETE), "sets[0].pain_area: missing"),
        (_set("sets[0].pain_area", "elbow"), "sets[0].pain_area: 'elbow' is not one of: knee"),
        (
            _set("sessions[0].next_day_pain_area", "hip"),
            "sessions[0].next_day_pain_area: Say where it hurts only when the pain is above 0",
        ),
        (
            _set("sessions[0].rpe", 11),
            "sessions[0].rpe: Session effort must be between 1 and 10",
        ),
        (_set("exported_at", "2026-03-05"), "exported_at: '2026-03-05' is not an ISO 8601 date"),
        (_set("exported_at", "2026-03-05T09:00:00"), "exported_at: must carry a UTC offset"),
        (_set("user_name", "A\x1bda"), "user_name: A control character (U+001B)"),
        (_set("sets[0].note", "x\x00y"), "sets[0].note: A control character (U+0000)"),
        (_set("sessions[0].notes", 7), "sessions[0].notes: must be text"),
        (_set("measurements[0].hip_cm", "98.5"), "measurements[0].hip_cm: must be a finite"),
        (_set("measurements", _DELETE), "measurements: missing"),
        (_set("backup_of", "x"), "backup: unknown field 'backup_of'"),
        *CRAFTED_PLANS,
    ],
)
def test_a_bad_field_refuses_the_whole_backup_naming_its_path(change: Any, message: str) -> None:
    data = small_backup()
    change(data)
    with pytest.raises(LogError) as caught:
        backup_from_dict(data, CATALOGUE, now=NOW)
    assert str(caught.value).startswith(message)


def test_a_backup_written_before_pain_locations_still_imports() -> None:
    data = small_backup()
    data["version"] = 1
    for record in data["sets"]:
        del record["pain_area"], record["pain_side"]
    for record in data["sessions"]:
        del record["next_day_pain_area"], record["next_day_pain_side"]
    restored = backup_from_dict(data, CATALOGUE, now=NOW)
    assert [s.pain_area for s in restored.sets] == [None, None]
    assert restored.sessions[0].next_day_pain_side is None
    assert restored == backup_from_dict(small_backup(), CATALOGUE, now=NOW)


def test_a_backup_keeps_the_person_s_swaps_and_older_files_have_none() -> None:
    data = small_backup()
    assert data["choices"] == []
    data["choices"] = [
        {
            "plan_id": "plan-00000001",
            "slot": "clamshell",
            "exercise": "fire_hydrant",
            "chosen_at": "2026-03-05T18:01:12+01:00",
        }
    ]
    restored = backup_from_dict(data, CATALOGUE, now=NOW)
    assert restored.choices == (PlanChoice("plan-00000001", "clamshell", "fire_hydrant", WHEN),)
    again = {name: getattr(restored, name) for name in ("plans", "sessions", "sets")}
    written = backup_to_dict(
        user_name="Ada",
        measurements=restored.measurements,
        exported_at=WHEN,
        choices=restored.choices,
        **again,
    )
    assert json.loads(json.dumps(written))["choices"] == data["choices"]
    data["choices"][0]["plan_id"] = "plan-elsewhere"
    with pytest.raises(LogError, match=r"choices\[0\]\.plan_id: plan 'plan-elsewhere'"):
        backup_from_dict(data, CATALOGUE, now=NOW)
    older = small_backup()
    older["version"] = 2
    del older["choices"]
    assert backup_from_dict(older, CATALOGUE, now=NOW).choices == ()


def test_a_backup_keeps_a_session_s_effort_and_older_files_have_none() -> None:
    data = small_backup()
    assert data["sessions"][0]["rpe"] is None
    data["sessions"][0]["rpe"] = 8
    assert backup_from_dict(data, CATALOGUE, now=NOW).sessions[0].rpe == 8
    older = small_backup()
    older["version"] = 3
    for record in older["sessions"]:
        del record["rpe"]
    assert backup_from_dict(older, CATALOGUE, now=NOW) == backup_from_dict(
        small_backup(), CATALOGUE, now=NOW
    )
    older["sessions"][0]["rpe"] = 8  # a version 3 file may still carry it
    assert backup_from_dict(older, CATALOGUE, now=NOW).sessions[0].rpe == 8
    newer = small_backup()
    del newer["sessions"][0]["rpe"]
    with pytest.raises(LogError, match=r"^sessions\[0\]\.rpe: missing"):
        backup_from_dict(newer, CATALOGUE, now=NOW)


def test_a_backup_keeps_where_it_hurt() -> None:
    data = small_backup()
    data["sets"][0] |= {"pain": 5, "pain_area": "knee", "pain_side": "right"}
    data["sessions"][0] |= {"next_day_pain": 3, "next_day_pain_area": "other"}
    restored = backup_from_dict(data, CATALOGUE, now=NOW)
    assert (restored.sets[0].pain_area, restored.sets[0].pain_side) == (PainArea.KNEE, Side.RIGHT)
    assert restored.sessions[0].next_day_pain_area is PainArea.OTHER
    assert restored.sessions[0].next_day_pain_side is None


def test_a_repeated_id_is_refused() -> None:
    data = small_backup()
    data["sets"][1]["id"] = data["sets"][0]["id"]
    with pytest.raises(LogError, match=r"^sets\[1\]\.id: 'set-00000001' appears twice"):
        backup_from_dict(data, CATALOGUE, now=NOW)


def test_something_that_is_not_an_object_is_refused() -> None:
    with pytest.raises(LogError, match=r"^backup: must be an object"):
        backup_from_dict([], CATALOGUE, now=NOW)


def test_the_log_csv_has_one_row_per_set_in_date_order() -> None:
    early = TrainingSession("session-0001", date(2026, 3, 2), plan_week=1, plan_session=1)
    late = TrainingSession("session-0002", date(2026, 3, 5), rpe=7)
    note = 'left hip "pinched",\nthen fine'
    sets = [
        LoggedSet(
            "set-00000003",
            late.id,
            "side_plank_hip_abduction",
            Side.LEFT,
            WHEN,
            hold_seconds=30,
            note=note,
            pain=2,
            pain_area=PainArea.HIP,
            pain_side=Side.LEFT,
        ),
        LoggedSet(
            "set-00000002",
            early.id,
            "glute_bridge",
            Side.BOTH,
            WHEN + timedelta(1),
            reps=12,
            resistance_key="dumbbell_8kg",
            load_kg=8.5,
            effort=Effort.HARD,
        ),
        LoggedSet(
            "set-00000001",
            early.id,
            "lateral_band_walk",
            Side.BOTH,
            WHEN,
            steps=20,
            resistance_key="mini_band_medium",
            rir=3,
        ),
    ]
    text = sets_to_csv([late, early], sets)
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert text.splitlines()[0] == ",".join(LOG_CSV_HEADER)
    exercises = [r["exercise"] for r in rows]
    assert exercises == ["lateral_band_walk", "glute_bridge", "side_plank_hip_abduction"]
    assert rows[0] | {"logged_at": ""} == {
        "date": "2026-03-02",
        "plan_week": "1",
        "plan_session": "1",
        "session_rpe": "",
        "exercise": "lateral_band_walk",
        "side": "both",
        "reps": "",
        "steps": "20",
        "hold_seconds": "",
        "resistance_key": "mini_band_medium",
        "load_kg": "",
        "rir": "3",
        "effort": "",
        "pain": "0",
        "pain_area": "",
        "pain_side": "",
        "note": "",
        "logged_at": "",
    }
    assert (rows[2]["pain"], rows[2]["pain_area"], rows[2]["pain_side"]) == ("2", "hip", "left")
    assert (rows[1]["load_kg"], rows[1]["effort"]) == ("8.5", "hard")
    assert rows[2]["note"] == note
    assert [r["session_rpe"] for r in rows] == ["", "", "7"]
    assert rows[2]["logged_at"] == "2026-03-05T18:01:12+01:00"


def test_the_log_csv_refuses_a_set_without_its_session() -> None:
    lost = LoggedSet("set-00000001", "session-0404", "squat", Side.BOTH, datetime.now(UTC), reps=5)
    with pytest.raises(LogError, match="session-0404"):
        sets_to_csv([], [lost])


def test_an_empty_log_is_just_the_header() -> None:
    assert sets_to_csv([], []) == ",".join(LOG_CSV_HEADER) + "\n"


def test_reading_a_backup_leaves_the_input_untouched() -> None:
    data = small_backup()
    before = copy.deepcopy(data)
    backup_from_dict(data, CATALOGUE, now=NOW)
    assert data == before


def test_a_backup_keeps_self_test_results_and_refuses_one_out_of_range() -> None:
    data = small_backup()
    assert data["self_tests"] == []
    data["self_tests"] = [
        {
            "id": "result-0001",
            "test": "side_bridge_hold",
            "date": "2026-03-05",
            "side": "left",
            "value": 48,
        },
        {
            "id": "result-0002",
            "test": "single_leg_stance",
            "date": "2026-03-05",
            "side": "right",
            "value": 30,
        },
    ]
    restored = backup_from_dict(data, CATALOGUE, now=NOW)
    assert restored.self_tests == (
        SelfTestResult("result-0001", "side_bridge_hold", date(2026, 3, 5), Side.LEFT, 48),
        SelfTestResult("result-0002", "single_leg_stance", date(2026, 3, 5), Side.RIGHT, 30),
    )
    again = {name: getattr(restored, name) for name in ("plans", "sessions", "sets")}
    written = backup_to_dict(
        user_name="Ada",
        measurements=restored.measurements,
        exported_at=WHEN,
        self_tests=restored.self_tests,
        **again,
    )
    assert json.loads(json.dumps(written))["self_tests"] == data["self_tests"]
    data["self_tests"][1]["value"] = 31
    with pytest.raises(LogError, match=r"self_tests\[1\]\.value: 30-second single-leg stance"):
        backup_from_dict(data, CATALOGUE, now=NOW)
    older = small_backup()
    older["version"] = 3
    del older["self_tests"]
    assert backup_from_dict(older, CATALOGUE, now=NOW).self_tests == ()


def test_a_backup_keeps_the_sets_of_ones_own_exercises_and_checks_them() -> None:
    data = small_backup()
    assert data["own_sets"] == []
    data["own_sets"] = [
        {
            "id": "own-set-0001",
            "exercise": "Bench Press (Barbell)",
            "logged_at": "2026-03-05T18:01:12+00:00",
            "reps": 8,
            "seconds": None,
            "distance_m": None,
            "load_kg": 60.0,
            "rir": 2,
            "note": "",
        },
        {
            "id": "own-set-0002",
            "exercise": "Plank",
            "logged_at": "2026-03-05T18:09:00+00:00",
            "reps": None,
            "seconds": 60,
            "distance_m": None,
            "load_kg": None,
            "rir": None,
            "note": "steady",
        },
    ]
    restored = backup_from_dict(data, CATALOGUE, now=NOW)
    assert [(o.exercise, o.reps, o.seconds, o.load_kg) for o in restored.own_sets] == [
        ("Bench Press (Barbell)", 8, None, 60.0),
        ("Plank", None, 60, None),
    ]
    again = {name: getattr(restored, name) for name in ("plans", "sessions", "sets")}
    written = backup_to_dict(
        user_name="Ada",
        measurements=restored.measurements,
        exported_at=WHEN,
        own_sets=restored.own_sets,
        **again,
    )
    assert json.loads(json.dumps(written))["own_sets"] == data["own_sets"]
    data["own_sets"][1]["seconds"] = None  # nothing done at all
    with pytest.raises(LogError, match=r"own_sets\[1\]\.reps: Give reps, seconds or a distance"):
        backup_from_dict(data, CATALOGUE, now=NOW)
    data["own_sets"][1]["seconds"] = 60
    data["own_sets"][1].update(reps=None, exercise=" ")
    with pytest.raises(LogError, match=r"own_sets\[1\]\.exercise: An exercise's name"):
        backup_from_dict(data, CATALOGUE, now=NOW)
    older = small_backup()
    older["version"] = 5
    del older["own_sets"]
    assert backup_from_dict(older, CATALOGUE, now=NOW).own_sets == ()


def test_a_backup_keeps_moves_left_out_and_refuses_ones_it_cannot_place() -> None:
    data = small_backup()
    assert data["skips"] == []
    skip = {"session_id": "session-0001", "exercise": "clamshell", "reason": "pain", "note": ""}
    data["skips"] = [skip]
    (restored,) = backup_from_dict(data, CATALOGUE, now=NOW).skips
    assert (restored.session_id, restored.exercise, restored.reason) == (
        "session-0001",
        "clamshell",
        "pain",
    )
    for bad, message in (
        (
            [{**skip, "session_id": "session-9999"}],
            r"skips\[0\]\.session_id: session 'session-9999'",
        ),
        ([skip, {**skip, "reason": "time"}], r"skips\[1\]\.exercise: 'clamshell' appears twice"),
        ([{**skip, "exercise": "moonwalk"}], r"skips\[0\]\.exercise: 'moonwalk' is not one"),
        ([{**skip, "reason": "bored"}], r"skips\[0\]\.reason"),
    ):
        data["skips"] = bad
        with pytest.raises(LogError, match=message):
            backup_from_dict(data, CATALOGUE, now=NOW)
