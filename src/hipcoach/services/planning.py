"""Turn a person's answers into a profile and a generated plan."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta

from hipcoach.content.loader import load_catalogue
from hipcoach.domain.account import StoredPlan
from hipcoach.domain.catalogue import PainArea
from hipcoach.domain.equipment import Equipment
from hipcoach.domain.errors import PlanRequestError
from hipcoach.domain.limits import WEEKS
from hipcoach.domain.log import Side
from hipcoach.domain.plan import BlockKind, Item, Plan, Session
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
from hipcoach.services.coaching import Coach, Coached
from hipcoach.services.ports import UnitOfWork

_Memo = dict[tuple[BlockKind, Item, int, frozenset[str]], Item]
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
    age: int | None = None,
    pain_sides: Iterable[tuple[str, str]] = (),
) -> Profile:
    """A validated-by-type profile from plain strings (keys as in files, URLs and JSON).

    A pain entry may name its side, `hip:left` (CLI and forms); `pain_sides` says the same as
    [area, side] pairs (the API and the plan document). No side means both."""
    if start > LAST_START:
        raise PlanRequestError(
            f"Start on or before {LAST_START.isoformat()}, so the plan fits in the calendar.",
            field="start",
        )
    day_list = [parse_choice("weekday", Weekday, d) for d in days]
    areas, sides = _pain_with_sides(pain, pain_sides)
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
        pain=frozenset(areas),
        avoid=frozenset(avoid),
        weight_kg=weight_kg,
        age=age,
        seed=seed,
        pain_sides=tuple(sorted((a, s) for a, s in sides.items() if s is not Side.BOTH)),
    )


def _pain_with_sides(
    pain: Iterable[str], pain_sides: Iterable[tuple[str, str]]
) -> tuple[list[PainArea], dict[PainArea, Side]]:
    """The areas that hurt and, for those that name one, the side."""
    areas: list[PainArea] = []
    sides: dict[PainArea, Side] = {}
    entries = [entry.partition(":") for entry in pain]
    for area_text, colon, side_text in entries:
        area = _profile_pain(area_text.strip())
        areas.append(area)
        if colon:
            sides[area] = parse_choice("pain side", Side, side_text.strip())
    for area_text, side_text in pain_sides:
        area = _profile_pain(area_text)
        if area not in areas:
            raise PlanRequestError(
                f"A side is given for {area.value} pain, but {area.value} is not in the pain "
                "list; add it there too.",
                field="pain_sides",
            )
        sides[area] = parse_choice("pain side", Side, side_text)
    return areas, sides


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


def plan_calendar(stored: StoredPlan, *, plan: Plan | None = None) -> str:
    """The stored plan (or `plan`, its sessions as prescribed now) as iCalendar text: the
    same events wherever it is asked for.

    Stamped with the plan's creation time, so the download, the feed, the API and the CLI
    give identical files for one plan and one log.
    """
    return plan_to_ics(plan or stored.plan, generated_at=stored.created_at)


def current_calendar(*, uow: UnitOfWork, user_id: str, stored: StoredPlan, today: date) -> str:
    """The calendar of the plan as the coach prescribes it now (`plan_as_prescribed`)."""
    now = plan_as_prescribed(uow=uow, user_id=user_id, stored=stored, today=today)
    return plan_calendar(stored, plan=now)


def _as_coached(coached: Coached) -> Item:
    """The item as Today would show it: the move, sets, aim and resistance the coach gives."""
    item, sides = coached.item, coached.sides
    if not sides:
        return item
    if any(side.paused for side in sides):
        return replace(item, resistance="paused for now (pain): see Today")
    labels = {side.resistance_label for side in sides}
    aims = sorted({side.aim for side in sides})
    resistance = (
        sides[0].resistance_label
        if len(labels) == 1
        else ", ".join(f"{side.side} {side.resistance_label}" for side in sides)
    )
    return replace(
        item,
        sets=max(side.sets for side in sides),
        target=(aims[0], aims[-1]),
        resistance=resistance,
        resistance_key=sides[0].resistance_key,
    )


def _session_as_prescribed(coach: Coach, session: Session, week: int, memo: _Memo) -> Session:
    coach.in_session = frozenset(i.exercise for b in session.blocks for i in b.items if i.exercise)
    blocks = []
    for block in session.blocks:
        items = []
        for item in block.items:
            key = (block.kind, item, week, coach.in_session)
            if key not in memo:  # the same item in the same week: one prescription
                memo[key] = _as_coached(coach.prescribe(block.kind, item, week))
            items.append(memo[key])
        blocks.append(replace(block, items=tuple(items)))
    return replace(session, blocks=tuple(blocks))


def plan_as_prescribed(*, uow: UnitOfWork, user_id: str, stored: StoredPlan, today: date) -> Plan:
    """The plan with every session from `today` on as the coach would prescribe it now (the
    dose Today gives, after progression, swaps and pain); past sessions stay as planned."""
    upcoming = stored.plan.next_session(today)
    if upcoming is None:
        return stored.plan
    memo: _Memo = {}
    with uow.read_only():
        coach = Coach(uow, user_id, stored, upcoming.date)  # the day Today shows
        weeks = tuple(
            replace(
                week,
                sessions=tuple(
                    s
                    if s.date < upcoming.date
                    else _session_as_prescribed(coach, s, week.number, memo)
                    for s in week.sessions
                ),
            )
            for week in stored.plan.weeks
        )
    return replace(stored.plan, weeks=weeks)
