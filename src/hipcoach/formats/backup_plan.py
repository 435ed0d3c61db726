"""A plan inside a backup, read as strictly as the API reads a profile.

The document must be one `plan_to_dict` could have written: every key known, every number
within the domain's limits (and so within what the database columns hold), no control
character in any text (a plan's texts are single lines that reach terminals and calendars),
and dates that hang together: the profile's start within `START_WINDOW` of the import day,
one week per week of the plan, each session on one of the profile's days inside its own week,
and a creation time that is not in the future. Only then does the domain's one decoder
(`plan_from_dict`) make the typed plan.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Annotated, Any

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field

from hipcoach.domain import limits
from hipcoach.domain.account import StoredPlan
from hipcoach.domain.catalogue import Catalogue, PainArea
from hipcoach.domain.equipment import Equipment
from hipcoach.domain.errors import HipcoachError, UnknownKeyError
from hipcoach.domain.limits import Range
from hipcoach.domain.log import LogError, Side, check_id
from hipcoach.domain.muscle import Muscle
from hipcoach.domain.plan import BlockKind, Plan
from hipcoach.domain.plan_document import PlanDocumentError, plan_from_dict
from hipcoach.domain.profile import (
    PROFILE_PAIN_AREAS,
    Goal,
    Level,
    Profile,
    Weekday,
    pain_sides_from,
)
from hipcoach.domain.request import validate_profile

#: How far from the import day a plan may start: years back (an old backup), a year ahead.
START_WINDOW = (timedelta(days=20 * 366), timedelta(days=366))
#: How far ahead of the importing clock a plan's creation time may be (another device's clock).
CLOCK_SKEW = timedelta(days=1)
#: The most a generated item or session holds; far above any plan the planner writes.
TEXT_LENGTH = 1000
ITEMS_PER_BLOCK = 20
NOTES_PER_PLAN = 40
SETS_PER_ITEM = Range(1, 20)
REST_S = Range(0, 600)
SESSION_MINUTES = Range(1, 24 * 60)
WEEKLY_SETS = Range(0.0, 1000.0)

_ANY_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def _single_line(text: str) -> str:
    found = _ANY_CONTROL.search(text)
    if found is not None:
        raise ValueError(
            f"A control character (U+{ord(found.group()):04X}) is not allowed here; remove it."
        )
    return text


def _within(bounds: Range[int] | Range[float]) -> Any:
    return Field(ge=bounds.low, le=bounds.high)


Line = Annotated[str, Field(max_length=TEXT_LENGTH), AfterValidator(_single_line)]
Key = Annotated[str, Field(pattern=limits.KEY_PATTERN, max_length=limits.KEY_LENGTH.high)]
StepKey = Annotated[str, Field(pattern=limits.STEP_KEY_PATTERN, max_length=limits.KEY_LENGTH.high)]
Sets = Annotated[float, _within(WEEKLY_SETS)]

_STRICT = ConfigDict(strict=True, extra="forbid", allow_inf_nan=False)


class ProfileRecord(BaseModel):
    """A plan's profile, bounded as the API bounds `PUT /profile`."""

    model_config = _STRICT
    level: Level
    goal: Goal
    days: Annotated[tuple[Weekday, ...], Field(min_length=1, max_length=len(Weekday))]
    minutes: Annotated[int, _within(limits.MINUTES)]
    start: date
    equipment: Annotated[frozenset[Equipment], Field(max_length=len(Equipment))]
    weeks: Annotated[int, _within(limits.WEEKS)]
    pain: Annotated[frozenset[PainArea], Field(max_length=len(PainArea))]
    avoid: Annotated[frozenset[Key], Field(max_length=limits.AVOID_COUNT)]
    weight_kg: Annotated[float | None, _within(limits.BODY_WEIGHT_KG)]
    seed: Annotated[int, _within(limits.SEED)]
    pain_sides: Annotated[tuple[tuple[PainArea, Side], ...], Field(max_length=len(PainArea))] = ()
    age: Annotated[int | None, _within(limits.AGE_YEARS)] = None


Reps = Annotated[int, _within(limits.REPS)]
Steps = Annotated[int, _within(limits.STEPS)]
Seconds = Annotated[int, _within(limits.HOLD_S)]


class _Item(BaseModel):
    model_config = _STRICT
    exercise: Key | None = None
    name: Line
    role: Key
    sets: Annotated[int, _within(SETS_PER_ITEM)]
    reps: tuple[Reps, Reps] | None = None
    steps_per_side: tuple[Steps, Steps] | None = None
    hold_seconds: tuple[Seconds, Seconds] | None = None
    per_side: bool
    equipment: Equipment
    resistance: Line
    resistance_key: StepKey
    rest_seconds: Annotated[int, _within(REST_S)]
    target_rir: Annotated[int | None, _within(limits.RIR)]
    why: Line


class _Block(BaseModel):
    model_config = _STRICT
    kind: BlockKind
    items: Annotated[list[_Item], Field(min_length=1, max_length=ITEMS_PER_BLOCK)]


class _Session(BaseModel):
    model_config = _STRICT
    date: date
    weekday: Weekday
    estimated_minutes: Annotated[int, _within(SESSION_MINUTES)]
    blocks: Annotated[list[_Block], Field(max_length=len(BlockKind))]


class _Week(BaseModel):
    model_config = _STRICT
    number: Annotated[int, _within(limits.WEEKS)]
    deload: bool
    sessions: Annotated[list[_Session], Field(max_length=limits.TRAINING_DAYS.high)]


class _Note(BaseModel):
    model_config = _STRICT
    kind: Key
    text: Line


class _Target(BaseModel):
    model_config = _STRICT
    muscle: Muscle
    sets: Sets
    floor: Sets | None = None  # plans made before weekly ranges have neither
    ceiling: Sets | None = None


class _Summary(BaseModel):
    model_config = _STRICT
    weekly_sets: Annotated[dict[Muscle, Sets], Field(max_length=len(Muscle))]
    weekly_set_target: _Target
    objective: Annotated[float, Field(ge=-1e6, le=1e6)]


class DocumentRecord(BaseModel):
    """The plan document, key by key as `plan_to_dict` writes it."""

    model_config = _STRICT
    schema_version: int
    profile: ProfileRecord
    notes: Annotated[list[_Note], Field(max_length=NOTES_PER_PLAN)]
    summary: _Summary
    weeks: Annotated[list[_Week], Field(min_length=1, max_length=limits.WEEKS.high)]


class PlanRecord(BaseModel):
    """A stored plan: the profile it came from, and its document."""

    model_config = _STRICT
    id: str
    user_id: Annotated[str, Field(max_length=limits.ID_LENGTH.high)]
    profile: ProfileRecord
    created_at: AwareDatetime
    document: DocumentRecord


def _profile_of(record: BaseModel) -> Profile:
    fields = {name: getattr(record, name) for name in type(record).model_fields}
    fields["pain_sides"] = pain_sides_from((a.value, s.value) for a, s in fields["pain_sides"])
    return Profile(**fields)


def _check_profile(profile: Profile, catalogue: Catalogue, today: date) -> None:
    if len(set(profile.days)) != len(profile.days):
        raise LogError("each training day may be listed once", field="days")
    outside = sorted(profile.pain - set(PROFILE_PAIN_AREAS))
    if outside:
        raise LogError(f"a plan cannot work around pain in '{outside[0]}'", field="pain")
    try:
        validate_profile(profile, catalogue)  # the planner's refusals (back-to-back days...)
    except UnknownKeyError as exc:
        raise LogError(exc.message, field="avoid") from None
    back, ahead = START_WINDOW
    if not today - back <= profile.start <= today + ahead:
        raise LogError(
            f"a plan starting {profile.start.isoformat()} is not one to import: a plan's start "
            f"must lie between {(today - back).isoformat()} and {(today + ahead).isoformat()}",
            field="start",
        )


def _check_calendar(plan: Plan, catalogue: Catalogue) -> None:
    profile = plan.profile
    if [w.number for w in plan.weeks] != list(range(1, profile.weeks + 1)):
        raise LogError(
            f"must number the plan's {profile.weeks} weeks 1 to {profile.weeks}, in order",
            field="weeks",
        )
    for w, week in enumerate(plan.weeks):
        first = profile.start + timedelta(weeks=w)
        days: set[Weekday] = set()
        for s, session in enumerate(week.sessions):
            path = f"weeks[{w}].sessions[{s}]"
            if session.weekday not in profile.days or session.weekday in days:
                raise LogError(
                    f"'{session.weekday}' is not a training day left in this week",
                    field=f"{path}.weekday",
                )
            days.add(session.weekday)
            if session.date.weekday() != session.weekday.ordinal or not (
                first <= session.date < first + timedelta(weeks=1)
            ):
                raise LogError(
                    f"{session.date.isoformat()} is not the {session.weekday} of week "
                    f"{week.number} of a plan starting {profile.start.isoformat()}",
                    field=f"{path}.date",
                )
            for b, block in enumerate(session.blocks):
                for i, item in enumerate(block.items):
                    where = f"{path}.blocks[{b}].items[{i}]"
                    if item.exercise is not None and item.exercise not in catalogue:
                        raise LogError(f"'{item.exercise}' is not a known move", field=where)
                    if item.target[0] > item.target[1]:
                        raise LogError("a target range must run from low to high", field=where)


def stored_plan(record: PlanRecord, catalogue: Catalogue, now: datetime) -> StoredPlan:
    """The typed stored plan of a checked record, or a LogError naming the field."""
    check_id(record.id)
    if record.created_at > now + CLOCK_SKEW:
        raise LogError(
            f"{record.created_at.isoformat()} is in the future; a plan cannot be made later "
            "than the import",
            field="created_at",
        )
    profile = _profile_of(record.profile)
    try:
        _check_profile(profile, catalogue, now.date())
    except HipcoachError as exc:
        raise LogError(exc.message, field=f"profile.{exc.field or 'start'}") from None
    try:
        plan = plan_from_dict(record.document.model_dump(mode="json", exclude_unset=True))
    except PlanDocumentError as exc:
        raise LogError(exc.message, field="document") from None
    if profile != plan.profile:
        raise LogError("differs from the profile inside the plan document", field="profile")
    try:
        _check_calendar(plan, catalogue)
    except HipcoachError as exc:
        raise LogError(exc.message, field=f"document.{exc.field}") from None
    return StoredPlan(id=record.id, user_id=record.user_id, created_at=record.created_at, plan=plan)
