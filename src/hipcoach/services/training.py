"""Onboarding, and today's session with its next prescriptions (logging: `logbook`)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime

from hipcoach.content.loader import load_catalogue
from hipcoach.domain.account import PlanChoice, StoredPlan, User
from hipcoach.domain.errors import NoPlanError, PlanOverError
from hipcoach.domain.limits import EARLIER_PLANS_KEPT, NAME_LENGTH
from hipcoach.domain.log import Side, TrainingSession, check_past_day, validate_session
from hipcoach.domain.messages import EXPECTATION
from hipcoach.domain.pain import Pause
from hipcoach.domain.plan import BlockKind, Item, Plan, ScheduledSession
from hipcoach.domain.planner import generate_plan
from hipcoach.domain.profile import Profile
from hipcoach.domain.progression import RE_ENTRY_DAYS, NextPrescription
from hipcoach.domain.sides import SideGap
from hipcoach.domain.text import refuse_control_characters
from hipcoach.services import logbook
from hipcoach.services.coaching import Coach
from hipcoach.services.ports import UnitOfWork

MAX_NAME = NAME_LENGTH.high


def new_id() -> str:
    """A fresh client id (what a device would make before saving)."""
    return uuid.uuid4().hex


def start_program(
    *, uow: UnitOfWork, user_id: str, name: str, profile: Profile, now: datetime
) -> StoredPlan:
    """Create the user if needed, generate their plan and keep it as generated."""
    name = refuse_control_characters(name, field="name").strip()[:MAX_NAME]  # as at sign-up
    plan = generate_plan(profile, load_catalogue())
    stored = StoredPlan(new_id(), user_id, now, plan)
    with uow:
        if uow.users.get(user_id) is None:
            uow.users.add(User(user_id, name, now))
        keep_plan(uow, stored)
        uow.commit()
    return stored


def restart_calendar(*, uow: UnitOfWork, user_id: str, day: date, now: datetime) -> StoredPlan:
    """After a break: the same answers, a calendar that starts again on `day` (the log stays)."""
    stored = current_plan(uow=uow, user_id=user_id)
    profile = replace(stored.profile, start=day)
    fresh = StoredPlan(new_id(), user_id, now, generate_plan(profile, load_catalogue()))
    with uow:
        keep_plan(uow, fresh)
        uow.commit()
    return fresh


def keep_plan(uow: UnitOfWork, stored: StoredPlan) -> None:
    """Inside an open unit of work: store a plan, then forget all but the newest
    EARLIER_PLANS_KEPT plans before the current one (a plan is up to about 1 MB)."""
    uow.plans.add(stored)
    uow.plans.prune(stored.user_id, EARLIER_PLANS_KEPT + 1)


def current_plan(*, uow: UnitOfWork, user_id: str) -> StoredPlan:
    """The user's newest plan, or a clear error pointing to onboarding."""
    with uow.read_only():
        plan = uow.plans.current(user_id)
    if plan is None:
        raise NoPlanError("No plan yet: run `hipcoach init` (or onboarding) first.", field="plan")
    return plan


@dataclass(frozen=True, slots=True)
class TodayItem:
    """One item of the day: the move as prescribed today, per side, with why."""

    block: BlockKind
    planned: Item
    sides: tuple[NextPrescription, ...] = ()
    original: Item | None = None
    because: str = ""
    gap: SideGap | None = None
    choice: PlanChoice | None = None
    options: tuple[str, ...] = ()

    @property
    def slot(self) -> str | None:
        """The plan item's own exercise key: what a person's choice is stored against."""
        return (self.original or self.planned).exercise

    @property
    def chosen(self) -> bool:
        """True when the move is the person's own choice (not the plan's, not the coach's)."""
        return self.choice is not None and not self.choice.keep

    @property
    def kept(self) -> bool:
        """True when the person keeps the plan's move where the coach would swap it."""
        return self.choice is not None and self.choice.keep

    @property
    def next(self) -> NextPrescription | None:
        """The prescription of the first side (the only one for two-sided moves)."""
        return self.sides[0] if self.sides else None

    @property
    def paused(self) -> bool:
        """True when pain has paused the move: no dose today."""
        return any(s.paused for s in self.sides)

    @property
    def reasons(self) -> tuple[tuple[str, str], ...]:
        """(side, why): once when the sides agree (side ""), else one per side."""
        if len({s.reason for s in self.sides}) <= 1:
            return tuple(("", s.reason) for s in self.sides[:1])
        return tuple((s.side.value, s.reason) for s in self.sides)

    @property
    def shared_resistance(self) -> str | None:
        """The one resistance every side uses today, if they agree."""
        keys = {s.resistance_key for s in self.sides}
        return self.sides[0].resistance_label if len(keys) == 1 else None

    def for_side(self, side: Side) -> NextPrescription | None:
        """The prescription for one side (a two-sided move's one for either)."""
        return next((s for s in self.sides if s.side in (side, Side.BOTH)), self.next)

    def prescription(self) -> str:
        """'3 x 15 reps per side', 'left 3 x 14 reps, right 3 x 12 reps', or the plan's line."""
        if not self.sides:
            return self.planned.prescription()
        if self.paused:
            return "paused"
        first, shared = self.sides[0], self.shared_resistance
        if shared and all((s.sets, s.aim) == (first.sets, first.aim) for s in self.sides):
            return self.planned.prescription(sets=first.sets, aim=first.aim)
        unit = self.planned.measure.unit
        at = "" if shared else " at {}"
        return ", ".join(
            f"{s.side} {s.sets} x {s.aim} {unit}" + at.format(s.resistance_label)
            for s in self.sides
        )


@dataclass(frozen=True, slots=True)
class TodayView:
    """The session for today, or the next training day, ready to train."""

    session: ScheduledSession
    is_today: bool
    items: tuple[TodayItem, ...]
    pauses: tuple[Pause, ...] = ()
    days_away: int | None = None
    expectation: str = EXPECTATION

    @property
    def refer(self) -> bool:
        """True when pain says: see a physical therapist."""
        return bool(self.pauses)

    @property
    def offer_restart(self) -> bool:
        """True after a long break: the calendar may start again from today."""
        return self.days_away is not None and self.days_away > RE_ENTRY_DAYS


def plan_over_message(plan: Plan) -> str:
    """What to say once every session of a plan is past: the block is done, and the next one
    starts from today with the same answers while the coach carries on from the log."""
    last = plan.sessions()[-1].date if plan.sessions() else plan.profile.start
    weeks = plan.profile.weeks
    return (
        f"Your {weeks}-week block ended with its last session on {last:%A %d %B %Y}. "
        "Start the next block: the same answers from today, and the coach carries on from "
        "your log, so every move picks up where you left it (after a long gap, with an easier "
        "return). Or change your answers first."
    )


def todays_session(*, uow: UnitOfWork, user_id: str, today: date) -> TodayView:
    """Today's planned session (or the next one) with next prescriptions from the log."""
    plan = current_plan(uow=uow, user_id=user_id)
    session = plan.plan.next_session(today)
    if session is None:
        raise PlanOverError(plan_over_message(plan.plan), field="plan")
    with uow.read_only():
        coach = Coach(uow, user_id, plan, session.date)
        coach.in_session = frozenset(i.exercise for _, i in session.entries if i.exercise)
        coached = [coach.prescribe(block, item, session.week) for block, item in session.entries]
        last = uow.sessions.latest(user_id, 2)
        options = [
            coach.options_for((c.original or c.item).exercise or "") if c.sides else ()
            for c in coached
        ]
    items = tuple(
        TodayItem(c.block, c.item, c.sides, c.original, c.because, c.gap, c.choice, o)
        for c, o in zip(coached, options, strict=True)
    )
    earlier = [s.date for s in last if s.date < today]
    away = (today - earlier[0]).days if earlier else None
    return TodayView(session, session.date == today, items, coach.paused_now, away)


def session_for(
    *, uow: UnitOfWork, user_id: str, day: date, planned: ScheduledSession | None
) -> TrainingSession:
    """The session already logged on a day, or a new one tied to the planned session."""
    with uow.read_only():
        for existing in uow.sessions.between(user_id, day, day):
            return existing
    week = planned.week if planned else None
    number = planned.number if planned else None
    return TrainingSession(new_id(), day, plan_week=week, plan_session=number)


def planned_on(plan: StoredPlan, day: date) -> ScheduledSession | None:
    """The session the plan has on a day, if it has one."""
    return next((s for s in plan.plan.sessions() if s.date == day), None)


def planned_slot(plan: StoredPlan, week: int, number: int) -> ScheduledSession | None:
    """The plan's session in a slot (week, number within the week), if it has one."""
    return next((s for s in plan.plan.sessions() if (s.week, s.number) == (week, number)), None)


def open_past_session(
    *, uow: UnitOfWork, user_id: str, day: date, today: date, session_id: str
) -> tuple[TrainingSession, bool]:
    """A missed or unlogged day opened for logging afterwards; (session, True if new).

    The session already logged that day comes back if there is one; else a new one in the
    day's planned slot, or a free session when the plan had nothing that day. Days after today
    and before the plan's first day are refused. The store's one session per day and slot
    holds against a second tap or device: that one is returned.
    """
    plan = current_plan(uow=uow, user_id=user_id)
    check_past_day(day, today=today, first=plan.profile.start)
    planned = planned_on(plan, day)
    session = TrainingSession(
        session_id,
        day,
        plan_week=planned.week if planned else None,
        plan_session=planned.number if planned else None,
    )
    validate_session(session)
    with uow:
        logged = uow.sessions.between(user_id, day, day)
        if logged:
            return logged[0], False
        stored = logbook.store_session(uow=uow, user_id=user_id, session=session, join_slot=True)
        uow.commit()
    return stored
