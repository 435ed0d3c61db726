"""Plan documents: JSON against its schema, iCalendar through a real parser, Markdown, HTML."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, date, datetime

import icalendar
import jsonschema
import pytest

from hipcoach.content.loader import load_catalogue
from hipcoach.domain.catalogue import Measure
from hipcoach.domain.equipment import Equipment
from hipcoach.domain.plan import Plan
from hipcoach.domain.plan_document import plan_to_dict
from hipcoach.domain.planner import generate_plan
from hipcoach.domain.profile import Goal, Level, Profile, Weekday
from hipcoach.formats.plan_html import plan_to_html
from hipcoach.formats.plan_ics import plan_to_ics
from hipcoach.formats.plan_json import PLAN_SCHEMA
from hipcoach.formats.plan_markdown import plan_to_markdown
from hipcoach.formats.plan_text import dose_text


@pytest.fixture(scope="module")
def plan() -> Plan:
    profile = Profile(
        level=Level.INTERMEDIATE,
        goal=Goal.MUSCLE,
        days=(Weekday.MON, Weekday.WED, Weekday.FRI),
        minutes=40,
        start=date(2026, 1, 5),
        weeks=8,
        weight_kg=70,
        equipment=frozenset({Equipment.MINI_BAND, Equipment.ANKLE_WEIGHTS}),
    )
    return generate_plan(profile, load_catalogue())


def test_json_validates_against_the_published_schema(plan: Plan) -> None:
    document = plan_to_dict(plan)
    jsonschema.Draft202012Validator.check_schema(PLAN_SCHEMA)
    jsonschema.validate(document, PLAN_SCHEMA)
    assert set(document) >= {"profile", "notes", "weeks"}
    item = document["weeks"][0]["sessions"][0]["blocks"][2]["items"][0]
    assert {"exercise", "role", "sets", "per_side", "equipment", "resistance"} <= set(item)
    assert sum(k in item for k in ("reps", "steps_per_side", "hold_seconds")) == 1


def test_the_schema_rejects_an_item_with_two_targets(plan: Plan) -> None:
    document = plan_to_dict(plan)
    item = document["weeks"][0]["sessions"][0]["blocks"][2]["items"][0]
    item["hold_seconds"] = [30, 40]
    item.setdefault("reps", [10, 12])
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, PLAN_SCHEMA)


def test_ics_parses_with_a_real_calendar_library(plan: Plan) -> None:
    text = plan_to_ics(plan, generated_at=datetime(2026, 1, 1, tzinfo=UTC))
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    calendar = icalendar.Calendar.from_ical(text)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 8 * 3
    first = events[0]
    floating = datetime(2026, 1, 5, 18, 0)  # noqa: DTZ001 (a floating local time is the point)
    assert first.decoded("DTSTART") == floating
    assert "Activation:" in str(first.get("DESCRIPTION"))
    alarms = list(first.walk("VALARM"))
    assert alarms
    assert str(alarms[0].get("ACTION")) == "DISPLAY"
    assert len({str(e.get("UID")) for e in events}) == len(events)


def test_ics_uids_are_stable_across_exports(plan: Plan) -> None:
    one = plan_to_ics(plan, generated_at=datetime(2026, 1, 1, tzinfo=UTC))
    two = plan_to_ics(plan, generated_at=datetime(2026, 2, 1, tzinfo=UTC))
    uids = re.compile(r"^UID:.*$", re.M)
    assert uids.findall(one) == uids.findall(two)


def test_markdown_and_html_carry_every_week_and_the_expectation(plan: Plan) -> None:
    markdown = plan_to_markdown(plan)
    html = plan_to_html(plan)
    for week in range(1, 9):
        assert f"## Week {week}" in markdown
        assert f"<h2>Week {week}" in html
    assert "cannot change bone" in markdown
    assert "cannot change bone" in html
    assert "page-break-after:always" in html
    assert "<script" not in html
    assert "Why:" in markdown


def test_effort_is_worded_for_what_a_set_counts(plan: Plan) -> None:
    working = next(
        i
        for w in plan.weeks
        for s in w.sessions
        for b in s.blocks
        for i in b.items
        if i.target_rir is not None
    )
    reps = replace(working, measure=Measure.REPS)
    assert "stop ~2 reps short of failure" in dose_text(replace(reps, target_rir=2))
    assert "stop ~1 rep short of failure" in dose_text(replace(reps, target_rir=1))
    assert "last rep you can do with good form" in dose_text(replace(reps, target_rir=0))
    assert "stop ~1 step before" in dose_text(replace(reps, measure=Measure.STEPS, target_rir=1))
    held = dose_text(replace(working, measure=Measure.SECONDS, target=(30, 40)))
    assert "reps short" not in held
    assert "seconds still in you" in held
    steps = replace(working, measure=Measure.STEPS, target_rir=3)
    assert "steps before your form goes" in dose_text(steps)
