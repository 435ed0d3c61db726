"""Turn a person's answers into a profile and a generated plan."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from hipcoach.content.loader import load_catalogue
from hipcoach.domain.account import StoredPlan
from hipcoach.domain.catalogue import PainArea
from hipcoach.domain.equipment import Equipment
from hipcoach.domain.errors import PlanRequestError
from hipcoach.domain.limits import WEEKS
from hipcoach.domain.plan import Plan
from hipcoach.domain.planner import generate_plan
from hipcoach.domain.profile import (
    DEFAULT_WEEKS,
    PROFILE_PAIN_AREAS,
    Goal,
    Level,
    Profile,
    Weekday,
)
from hipcoach.domain.vocabulary import labels
from hipcoach.formats.plan_ics import plan_to_ics
from hipcoach.services.catalogue import parse_choice

# The longest plan, and the week of warm-up to its first training day, must fit in the calendar.
LAST_START = date.max - timedelta(weeks=WEEKS.high + 1)


def split_list(text: str | None) -> list[str]:
    """'a, b,,c' -> ['a', 'b', 'c'] (empty or None -> [])."""
    return [part.strip() for part in (text or "").split(",") if part.strip()]


def parse_date(text: str, *, field: str = "start") -> date:
    """An ISO date (YYYY-MM-DD), or an error naming the field."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise PlanRequestError(
            f"'{text}' is not a date; use YYYY-MM-DD, e.g. 2026-01-05.", field=field
        ) from None


def build_profile(
    *,
    level: str,
    goal: str,
    days: Iterable[str],
    minutes: int,
    start: date,
    equipment: Iterable[str] = (),
    weeks: int = DEFAULT_WEEKS,
    pain: Iterable[str] = (),
    avoid: Iterable[str] = (),
    weight_kg: float | None = None,
    seed: int = 0,
) -> Profile:
    """A validated-by-type profile from plain strings (keys as in files, URLs and JSON)."""
    if start > LAST_START:
        raise PlanRequestError(
            f"Start on or before {LAST_START.isoformat()}, so the plan fits in the calendar.",
            field="start",
        )
    day_list = [parse_choice("weekday", Weekday, d) for d in days]
    if len(set(day_list)) != len(day_list):
        raise PlanRequestError("Each training day may be listed once.", field="days")
    return Profile(
        level=parse_choice("level", Level, level),
        goal=parse_choice("goal", Goal, goal),
        days=tuple(day_list),
        minutes=minutes,
        start=start,
        equipment=frozenset(parse_choice("equipment", Equipment, e) for e in equipment),
        weeks=weeks,
        pain=frozenset(_profile_pain(p) for p in pain),
        avoid=frozenset(avoid),
        weight_kg=weight_kg,
        seed=seed,
    )


def _profile_pain(value: str) -> PainArea:
    area = parse_choice("pain area", PainArea, value)
    if area not in PROFILE_PAIN_AREAS:
        raise PlanRequestError(
            f"A plan can work around pain in these areas: {labels(PROFILE_PAIN_AREAS)} "
            f"({', '.join(PROFILE_PAIN_AREAS)}). Pain somewhere else can be noted on each "
            "set you log.",
            field="pain",
        )
    return area


def make_plan(*, profile: Profile) -> Plan:
    """Generate the plan for a profile against the packaged catalogue."""
    return generate_plan(profile, load_catalogue())


def plan_calendar(stored: StoredPlan) -> str:
    """The stored plan as iCalendar text: the same events wherever it is asked for.

    Stamped with the plan's creation time, so the download, the feed, the API and the CLI
    give identical files for one plan, and a calendar app sees no change until the plan does.
    """
    return plan_to_ics(stored.plan, generated_at=stored.created_at)
