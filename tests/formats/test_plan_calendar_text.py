"""The .ics of a plan holding hostile text: RFC 5545 escapes, CRLF line ends only, no controls."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import icalendar

from hipcoach.content.loader import load_catalogue
from hipcoach.domain.plan import Plan
from hipcoach.domain.planner import generate_plan
from hipcoach.domain.profile import Goal, Level, Profile, Weekday
from hipcoach.formats.plan_ics import plan_to_ics

PROFILE = Profile(Level.BEGINNER, Goal.MUSCLE, (Weekday.MON, Weekday.THU), 30, date(2026, 3, 2))
HOSTILE = "Band, light; left\\right\r\nBEGIN:VALARM\rbare CR\x1b[31m red\x9b1m\x00"


def _named(plan: Plan, name: str) -> Plan:
    """The plan with its first session's first item renamed."""
    week = plan.weeks[0]
    session = week.sessions[0]
    block = session.blocks[0]
    item = replace(block.items[0], name=name)
    blocks = (replace(block, items=(item, *block.items[1:])), *session.blocks[1:])
    sessions = (replace(session, blocks=blocks), *week.sessions[1:])
    return replace(plan, weeks=(replace(week, sessions=sessions), *plan.weeks[1:]))


def test_hostile_text_in_a_plan_is_escaped_and_cannot_break_the_calendar() -> None:
    plan = _named(generate_plan(PROFILE, load_catalogue()), HOSTILE)
    text = plan_to_ics(plan, generated_at=datetime(2026, 3, 1, tzinfo=UTC))
    assert text.endswith("\r\n")
    body = text.replace("\r\n ", "").replace("\r\n", "")  # unfolded, one line after another
    assert "\r" not in body
    assert "\n" not in body
    assert not any(ch in text for ch in "\x1b\x9b\x00")
    assert "Band\\, light\\; left\\\\right\\nBEGIN:VALARM\\nbare CR[31m red1m" in body
    calendar = icalendar.Calendar.from_ical(text)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == sum(len(w.sessions) for w in plan.weeks)
    assert len(list(calendar.walk("VALARM"))) == len(events)  # no alarm smuggled in
    description = str(events[0]["DESCRIPTION"])
    assert "Band, light; left\\right\nBEGIN:VALARM\nbare CR[31m red1m" in description
