"""Request and response bodies of the API: `XCreate` / `XUpdate` come in, `XRead` goes out.

Inputs refuse unknown fields and non-finite numbers, and bound every number a person can
type, so nonsense is a 422 naming the field before any service sees it. Rules that need the
catalogue (is this a known exercise, is this a step of its ladder) stay in the domain and
come back as 400s with a message.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from hipcoach.domain import limits
from hipcoach.domain.catalogue import PainArea
from hipcoach.domain.equipment import Equipment
from hipcoach.domain.errors import HipcoachError
from hipcoach.domain.evidence import Verification
from hipcoach.domain.limits import SET_PAGE_DEFAULT, Range
from hipcoach.domain.log import Effort, Side, SkipReason
from hipcoach.domain.pain import Pause
from hipcoach.domain.plan import BlockKind
from hipcoach.domain.profile import DEFAULT_WEEKS, PROFILE_PAIN_AREAS, Goal, Level, Weekday
from hipcoach.domain.progression import Action
from hipcoach.domain.selftest import SELF_TESTS, ResultUnit, SelfTest, self_test

# The catalogue's bodies are one shape with the CLI's --json, so they are defined with it.
from hipcoach.formats.exercise_json import ExerciseRead as ExerciseRead
from hipcoach.formats.exercise_json import ExerciseSummaryRead as ExerciseSummaryRead
from hipcoach.formats.exercise_json import TopicRead as TopicRead
from hipcoach.formats.exercise_json import TopicSummaryRead as TopicSummaryRead


def within(bounds: Range[int] | Range[float], *, description: str | None = None) -> Any:
    """A field's number bounds, taken from the domain's range."""
    if bounds.low_exclusive:
        return Field(gt=bounds.low, le=bounds.high, description=description)
    return Field(ge=bounds.low, le=bounds.high, description=description)


def length(bounds: Range[int]) -> Any:
    """A text field's length bounds, taken from the domain's range."""
    return Field(min_length=bounds.low or None, max_length=bounds.high)


ClientId = Annotated[
    str,
    StringConstraints(pattern=limits.ID_PATTERN),
    Field(description="Made by the client (a UUID fits): saving twice stores it once."),
]
Key = Annotated[
    str, StringConstraints(pattern=limits.KEY_PATTERN, max_length=limits.KEY_LENGTH.high)
]
StepKey = Annotated[
    str, StringConstraints(pattern=limits.STEP_KEY_PATTERN, max_length=limits.KEY_LENGTH.high)
]
Pain = Annotated[int, within(limits.PAIN, description="0 none ... 10 worst imaginable")]
Note = Annotated[str, length(limits.NOTE_LENGTH)]
SessionRpe = Annotated[
    int | None,
    within(
        limits.SESSION_RPE,
        description="How hard the whole session felt (session RPE): 1 very easy ... 10 maximal",
    ),
]
PainWhere = Annotated[PainArea | None, Field(description="Where it hurts; only with pain above 0")]
PainSide = Annotated[
    Side | None,
    Field(description="Which side hurts (not the side worked); only with an area"),
]


def _profile_pain_area(area: PainArea) -> PainArea:
    if area not in PROFILE_PAIN_AREAS:
        shown = ", ".join(PROFILE_PAIN_AREAS)
        raise ValueError(
            f"a plan can work around pain in {shown} only; '{area}' is for pain logged with a set"
        )
    return area


# The profile names only the areas a plan can work around (no "other"), and says so in OpenAPI.
ProfilePainArea = Annotated[
    PainArea,
    AfterValidator(_profile_pain_area),
    WithJsonSchema({"type": "string", "enum": [a.value for a in PROFILE_PAIN_AREAS]}),
]
Name = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True,
        min_length=limits.TOKEN_NAME_LENGTH.low,
        max_length=limits.TOKEN_NAME_LENGTH.high,
    ),
]
# The password's minimum is the domain's to explain (a 400 with advice), not a bare 422.
Secret = Annotated[str, Field(max_length=limits.PASSWORD_LENGTH.high)]
Email = Annotated[str, length(limits.EMAIL_LENGTH)]


class Input(BaseModel):
    """Every request body: no unknown fields, no NaN or Infinity."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)


class Read(BaseModel):
    """Every response body; built from domain values by attribute."""

    model_config = ConfigDict(from_attributes=True)


class ErrorRead(Read):
    """What every error response holds under "error"."""

    message: str
    field: str | None = None
    details: list[dict[str, Any]] = []


class ErrorEnvelope(Read):
    error: ErrorRead


# Accounts and tokens
LinkToken = Annotated[str, Field(max_length=limits.LINK_TOKEN_LENGTH.high)]
TimeZone = Annotated[
    str,
    length(limits.TIME_ZONE_LENGTH),
    Field(description="An IANA time zone name, e.g. Europe/Berlin, America/Los_Angeles, UTC."),
]


class SignUpCreate(Input):
    email: Email
    password: Secret
    name: Annotated[str, length(limits.NAME_LENGTH)] = ""
    invite: LinkToken | None = Field(
        default=None,
        description="The token of the owner's invite link (after `invite=`): needed when "
        "sign-up is closed; it is used up by this sign-up.",
    )


class SignUpStateRead(Read):
    state: Literal["open", "invited", "closed", "invite_spent"]
    message: str


class LinkRead(Read):
    """A one-time link just made; its address is shown only now."""

    kind: Literal["invite", "reset"]
    url: str
    expires_at: datetime


class ResetLinkCreate(Input):
    email: Email
    password: Secret = Field(
        description="Your (the owner's) password: holding a token is not enough to open "
        "someone's account."
    )


class PasswordReset(Input):
    token: LinkToken = Field(description="The token of the reset link (after `/reset/`).")
    new_password: Secret


class TimeZoneUpdate(Input):
    time_zone: TimeZone


class TimeZoneRead(Read):
    time_zone: str | None = Field(description="Yours; null: the server's zone decides.")
    today: date = Field(description="Today in that zone: the day every route means by today.")


class SignUpRead(Read):
    user_id: str
    token: str = Field(description="An API token named 'api'; shown once, never again.")


class TokenGrantCreate(Input):
    email: Email
    password: Secret
    name: Name = "api"


class ApiTokenCreate(Input):
    name: Name
    password: Secret = Field(
        description="Your password: holding a token is not enough to make another."
    )


class ApiTokenRead(Read):
    id: str
    name: str
    created_at: datetime
    revoked_at: datetime | None
    active: bool


class ApiTokenCreatedRead(Read):
    id: str
    name: str
    created_at: datetime
    token: str = Field(description="The token itself; shown once, never again.")


class AccountDelete(Input):
    password: Secret


class PasswordConfirm(Input):
    password: Secret


class PasswordUpdate(Input):
    current_password: Secret
    new_password: Secret


class AccessEndedRead(Read):
    """What a password change or "sign out everywhere" ended: every way in, this token too."""

    web_sessions_ended: int
    api_tokens_revoked: int
    calendar_feed_ended: bool
    message: str = Field(description="The same, in words, as Settings says it.")


# Profile, plan and today
class ProfileFields(BaseModel):
    level: Level
    goal: Goal
    days: Annotated[list[Weekday], Field(min_length=1, max_length=len(Weekday))]
    minutes: Annotated[int, within(limits.MINUTES)]
    start: date
    equipment: Annotated[list[Equipment], Field(max_length=len(Equipment))] = []
    weeks: Annotated[int, within(limits.WEEKS)] = DEFAULT_WEEKS
    pain: Annotated[list[ProfilePainArea], Field(max_length=len(PROFILE_PAIN_AREAS))] = []
    avoid: Annotated[list[Key], Field(max_length=limits.AVOID_COUNT)] = []
    weight_kg: Annotated[float | None, within(limits.BODY_WEIGHT_KG)] = None
    age: Annotated[
        int | None,
        within(
            limits.AGE_YEARS,
            description="Years, optional: from 60 the hardest variants wait for base work.",
        ),
    ] = None
    seed: Annotated[int, within(limits.SEED)] = 0
    pain_sides: Annotated[
        list[tuple[ProfilePainArea, Side]],
        Field(
            max_length=len(PROFILE_PAIN_AREAS),
            description="[area, side] pairs for pain areas listed in `pain` that hurt on one "
            'side only, e.g. [["hip", "left"]]; an area not named here hurts on both sides.',
        ),
    ] = []


class ProfileUpdate(ProfileFields, Input):
    """The profile fields as in the plan document's "profile"; storing it makes a new plan."""


class PlanNoteRead(Read):
    kind: str
    text: str


class PlanItemRead(Read):
    """One prescribed item; its target range is under exactly one of reps, steps_per_side or
    hold_seconds (the key of what a set counts)."""

    exercise: str | None = None
    name: str
    role: str
    sets: int
    reps: tuple[int, int] | None = None
    steps_per_side: tuple[int, int] | None = None
    hold_seconds: tuple[int, int] | None = None
    per_side: bool
    equipment: Equipment
    resistance: str
    resistance_key: str
    rest_seconds: int
    target_rir: int | None
    why: str


class PlanBlockRead(Read):
    kind: BlockKind
    items: list[PlanItemRead]


class PlanSessionRead(Read):
    date: date
    weekday: Weekday
    estimated_minutes: int
    blocks: list[PlanBlockRead]


class PlanWeekRead(Read):
    number: int
    deload: bool
    sessions: list[PlanSessionRead]


class WeeklySetTargetRead(Read):
    muscle: str
    sets: float = Field(description="The floor of the weekly range: the hard sets to aim for")
    floor: float | None = Field(None, description="Fewest weekly hard sets for goal and level")
    ceiling: float | None = Field(None, description="Most weekly hard sets the plan will give")


class PlanTotalsRead(Read):
    weekly_sets: dict[str, float]
    weekly_set_target: WeeklySetTargetRead
    objective: float


class PlanDocumentRead(Read):
    """The plan document of `hipcoach plan --format json` (`hipcoach schema plan`)."""

    schema_version: int
    profile: ProfileFields
    notes: list[PlanNoteRead]
    summary: PlanTotalsRead
    weeks: list[PlanWeekRead]


class PlanSummaryRead(Read):
    id: str
    created_at: datetime
    weeks: int
    sessions: int
    first_session: date | None
    last_session: date | None
    weekly_sets: dict[str, float]
    notes: list[PlanNoteRead]


class ProfileRead(Read):
    profile: ProfileFields
    plan: PlanSummaryRead


class NextPrescriptionRead(Read):
    side: Side = Field(description="left, right, or both for a two-sided move")
    action: Action
    sets: int
    target: list[int] = Field(description="[low, high] of the range")
    aim: int = Field(description="Reps, steps or seconds to aim for in each set")
    resistance_key: str
    resistance_label: str
    reason: str
    swap_to: str | None
    refer: bool = Field(description="True when pain says: see a physical therapist")
    misses: int = Field(description="Sessions in a row short of the aim at this rung")


class SideGapRead(Read):
    weaker: Side
    percent: int | None = Field(description="How far behind; null when a rung apart")
    advice: str


class PauseRead(Read):
    where: str = Field(description="e.g. 'left hip', 'knee', 'this move'")
    area: PainArea | None
    side: Side | None
    exercise: str | None = Field(description="The move paused, when no area was given")
    start: date
    end: date = Field(description="The first day it may lift (exclusive end)")
    why: str


def pause_read(pause: Pause) -> PauseRead:
    """A pain pause as the API shows it."""
    return PauseRead(
        where=pause.where,
        area=pause.area,
        side=pause.side,
        exercise=pause.exercise,
        start=pause.start,
        end=pause.end,
        why=pause.why,
    )


class ChoiceUpdate(Input):
    """Either `exercise` (a suitable alternative) or `keep: true` (the plan's own move)."""

    exercise: Key | None = Field(
        default=None, description="The move to do in this slot's place (an alternative)"
    )
    keep: bool = Field(
        default=False, description="Do the plan's own move, even where the coach would swap it"
    )


class ChoiceRead(Read):
    plan_id: str
    slot: str = Field(description="The plan item's own exercise key")
    exercise: str = Field(description="The move done in its place (the slot itself when kept)")
    keep: bool = Field(description="True when the plan's own move is kept")
    chosen_at: datetime


class TodayItemRead(Read):
    block: str
    exercise: str | None = Field(description="The move to do today (after any swap)")
    name: str
    planned: dict[str, Any] = Field(description="The item as prescribed today (plan document)")
    next: NextPrescriptionRead | None = Field(description="The first side's prescription")
    sides: list[NextPrescriptionRead] = Field(description="One per side (one for two-sided)")
    original: dict[str, Any] | None = Field(
        description="The plan's own item, when the coach swapped it (harder variation earned, "
        "or an alternative for a move paused by pain)"
    )
    because: str = Field(description="Why the swap, when there was one")
    side_gap: SideGapRead | None
    slot: str | None = Field(
        description="The plan item's own exercise key: PUT /plan/choices/{slot} swaps it"
    )
    choice: ChoiceRead | None = Field(description="Your own choice for this slot, if any")
    options: list[str] = Field(description="The moves you may choose for this slot today")


class TodayRead(Read):
    date: date
    is_today: bool
    week: int
    number: int
    deload: bool
    expectation: str
    items: list[TodayItemRead]
    pauses: list[PauseRead] = Field(description="Pain pauses in force on the day")
    refer: bool = Field(description="True when pain says: see a physical therapist")
    days_away: int | None = Field(description="Days since the last logged session")
    offer_restart: bool = Field(
        description="After a long break: POST /plan/restart starts the calendar again today"
    )


# The log
class SessionCreate(Input):
    id: ClientId
    date: date
    plan_week: Annotated[int | None, within(limits.PLAN_POSITION)] = None
    plan_session: Annotated[int | None, within(limits.PLAN_POSITION)] = None
    notes: Note = ""
    rpe: SessionRpe = None
    next_day_pain: Pain | None = None
    next_day_pain_area: PainWhere = None
    next_day_pain_side: PainSide = None


class PastSessionCreate(Input):
    """A past or missed day to log afterwards, from your plan's first day up to today."""

    id: ClientId
    date: date


class SessionUpdate(Input):
    """Only the fields sent change; `next_day_pain: null` clears it (and where it hurt),
    `rpe: null` the effort."""

    version: Annotated[int, Field(ge=1, description="The version you read; else 409")]
    notes: Note = ""
    rpe: SessionRpe = None
    next_day_pain: Pain | None = None
    next_day_pain_area: PainWhere = None
    next_day_pain_side: PainSide = None


class SessionRead(Read):
    id: str
    date: date
    plan_week: int | None
    plan_session: int | None
    notes: str
    rpe: int | None = Field(description="How hard the whole session felt, 1-10; null: not rated")
    next_day_pain: int | None
    next_day_pain_area: PainArea | None
    next_day_pain_side: Side | None
    version: int


class SetFields(Input):
    exercise: Key
    side: Side = Side.BOTH
    reps: Annotated[int | None, within(limits.REPS)] = None
    steps: Annotated[int | None, within(limits.STEPS)] = None
    hold_seconds: Annotated[int | None, within(limits.HOLD_S)] = None
    resistance_key: StepKey = "bodyweight"
    load_kg: Annotated[float | None, within(limits.LOAD_KG)] = None
    rir: Annotated[int | None, within(limits.RIR)] = None
    effort: Effort | None = None
    pain: Pain = 0
    pain_area: PainWhere = None
    pain_side: PainSide = None
    note: Note = ""
    logged_at: AwareDatetime | None = Field(
        default=None, description="With a UTC offset; now when creating, unchanged when editing"
    )


class SetCreate(SetFields):
    """Exactly one of reps, steps or hold_seconds."""

    id: ClientId


class SetUpdate(SetFields):
    """Every value of the set (a full replacement); id and session stay."""


class SetRead(Read):
    id: str
    session_id: str
    exercise: str
    side: Side
    logged_at: datetime
    reps: int | None
    steps: int | None
    hold_seconds: int | None
    resistance_key: str
    load_kg: float | None
    rir: int | None
    effort: Effort | None
    pain: int
    pain_area: PainArea | None
    pain_side: Side | None
    note: str


class SkipCreate(Input):
    """Leave a planned move out of the session, saying why (again: the reason is replaced)."""

    exercise: Key
    reason: SkipReason
    note: Note = ""


class SkipRead(Read):
    exercise: str
    reason: SkipReason
    note: str


class SessionDetailRead(SessionRead):
    sets: list[SetRead] = Field(
        description=f"The first {SET_PAGE_DEFAULT} sets in the order logged; the rest: follow "
        "the Link header"
    )
    skipped: list[SkipRead] = Field(description="Planned moves left out of it on purpose")
    more_sets: bool = Field(
        description="True when more sets follow: the Link header (rel=next) points to the "
        "next page of GET /sessions/{id}/sets"
    )
    started_at: datetime | None = Field(
        description="When the first set logged on the session's day (in your time zone) was "
        "logged; null when none was (nothing yet, or entered on another day)"
    )
    ended_at: datetime | None = Field(description="When the last such set was logged")
    duration_s: int | None = Field(description="Seconds from the first such set to the last")


# Self-tests
class SelfTestSourceRead(Read):
    citation: str
    verification: Verification = Field(description="How far the citation was checked")
    note: str


class SelfTestRead(Read):
    key: str
    name: str
    measures: str
    unit: ResultUnit
    per_side: bool
    low: int = Field(description="The lowest result this test gives")
    high: int = Field(description="The highest result this test gives")
    steps: list[str]
    reading: str = Field(description="What a change means, and what it cannot show")
    source: SelfTestSourceRead | None
    own_test_note: str
    last_tested: date | None
    due: bool


def self_test_read(test: SelfTest, *, last: date | None, due: bool) -> SelfTestRead:
    """A test as the API shows it, with its range and whether it is due."""
    source = SelfTestSourceRead.model_validate(test.source) if test.source else None
    return SelfTestRead(
        key=test.key,
        name=test.name,
        measures=test.measures,
        unit=test.unit,
        per_side=test.per_side,
        low=test.bounds.low,
        high=test.bounds.high,
        steps=list(test.steps),
        reading=test.reading,
        source=source,
        own_test_note=test.own_test_note,
        last_tested=last,
        due=due,
    )


class SelfTestsRead(Read):
    tests: list[SelfTestRead]
    due: list[str] = Field(description="The keys of the tests due today")
    note: str


_TEST_KEYS = ", ".join(t.key for t in SELF_TESTS)


class SelfTestResultCreate(Input):
    id: ClientId
    test: Key = Field(description=f"One of: {_TEST_KEYS}")
    date: date
    side: Side = Field(description="left or right (every test is done on each side)")
    value: int = Field(description="In the test's unit and range (see GET /self-tests)")

    @field_validator("test")
    @classmethod
    def _known_test(cls, key: str) -> str:
        try:
            self_test(key)
        except HipcoachError as exc:
            raise ValueError(exc.message) from None
        return key

    @field_validator("value")
    @classmethod
    def _in_range(cls, value: int, info: ValidationInfo) -> int:
        key = info.data.get("test")
        if key is None:
            return value  # the test itself is refused
        test = self_test(key)
        if value not in test.bounds:
            raise ValueError(f"{test.name} must be {test.bounds.describe(test.unit)}")
        return value


class SelfTestResultsCreate(Input):
    results: Annotated[list[SelfTestResultCreate], Field(min_length=1, max_length=16)]


_Day = date  # (inside SelfTestResultUpdate, `date` names its field)


class SelfTestResultUpdate(Input):
    """Only the fields sent change. The test and the side stay: a result of another test or
    side is a new result (POST it, and delete this one if it was a mistake)."""

    value: int | None = Field(
        default=None,
        description="In the result's test's unit and range (see GET /self-tests); outside "
        "it, 422 naming value",
    )
    date: _Day | None = Field(
        default=None, description="The day the test was done; not after today"
    )

    @field_validator("value", "date")
    @classmethod
    def _not_null(cls, given: object) -> object:
        if given is None:
            raise ValueError("cannot be null; leave it out to keep it as it is")
        return given

    @model_validator(mode="after")
    def _something_to_change(self) -> SelfTestResultUpdate:
        if not self.model_fields_set:
            raise ValueError("give value or date (or both) to change")
        return self


class SelfTestResultRead(Read):
    id: str
    test: str
    date: date
    side: Side
    value: int


# Progress and measurements
class MeasurementCreate(Input):
    id: ClientId
    date: date
    hip_cm: Annotated[float | None, within(limits.HIP_CM)] = None
    waist_cm: Annotated[float | None, within(limits.WAIST_CM)] = None
    weight_kg: Annotated[float | None, within(limits.BODY_WEIGHT_KG)] = None


class MeasurementRead(Read):
    id: str
    date: date
    hip_cm: float | None
    waist_cm: float | None
    weight_kg: float | None


class OwnSetRead(Read):
    """A set of an exercise of your own: imported from another app, none of hipcoach's moves;
    kept as logged, never coached."""

    id: str
    exercise: str = Field(description="The name the other app gave it")
    logged_at: datetime
    reps: int | None
    seconds: int | None
    distance_m: float | None
    load_kg: float | None
    rir: int | None
    note: str


class WeekAdherenceRead(Read):
    number: int
    start: date
    planned: int
    done: int


class AdherenceRead(Read):
    weeks: list[WeekAdherenceRead]
    last_4: float | None
    last_12: float | None


class WeeklySetsRead(Read):
    week_start: date
    sets: dict[str, float] = Field(description="Hard sets per muscle key")


class TrendPointRead(Read):
    date: date
    rung: int
    rung_label: str
    best: int


class MilestoneRead(Read):
    week: int
    reached: bool
    sessions_done: int
    message: str


class PainPlaceRead(Read):
    area: PainArea
    side: Side | None = Field(description="The side that hurt, when said")


class PainDayRead(Read):
    """A training day that hurt (pain above 0 during a set or the morning after)."""

    date: date
    worst: int = Field(description="The worst pain reported for the day, 0-10")
    during_sets: int | None = Field(description="The worst pain during its sets, if any")
    next_day: int | None = Field(description="The pain the morning after, if it hurt")
    places: list[PainPlaceRead] = Field(description="Where it hurt, in the order reported")


class ProgressRead(Read):
    plan_start: date
    adherence: AdherenceRead
    weekly_sets: list[WeeklySetsRead]
    trends: dict[str, list[TrendPointRead]]
    milestones: list[MilestoneRead]
    measurements: list[MeasurementRead]
    measurement_changes: dict[str, float]
    pain: list[PainDayRead] = Field(description="Pain over the last 12 weeks, oldest first")
    paused: list[PauseRead] = Field(description="Pain pauses in force on the day")
    expectation: str
    measurement_note: str
    self_tests: list[SelfTestResultRead] = Field(
        description="Every self-test result, oldest first (one per test, day and side)"
    )


# Export and import
class ImportCreate(Input):
    text: Annotated[str, Field(max_length=limits.IMPORT_BYTES)] = Field(
        description="The whole file: a hipcoach JSON backup, or a Strong or Hevy CSV export"
    )
    unit: Literal["kg", "lb"] = Field(default="kg", description="Weight unit of a Strong export")


class SkippedRowRead(Read):
    row: int
    reason: str


class ImportRead(Read):
    kind: str
    plans: int
    sessions: int
    sets: int
    measurements: int
    self_tests: int = Field(description="Self-test results stored")
    own_sets: int = Field(
        description="Sets of exercises of your own stored (none of hipcoach's moves: kept as "
        "logged, shown in the history and backups, never coached)"
    )
    own_exercises: dict[str, int] = Field(
        description="Each exercise of your own in the file, by name, and its sets"
    )
    skipped: list[SkippedRowRead]
