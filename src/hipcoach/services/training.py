"""Onboarding, and today's session with its next prescriptions (logging: `logbook`)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from hipcoach.content.loader import load_catalogue
from hipcoach.domain.account import StoredPlan, User
from hipcoach.domain.errors import NoPlanError, PlanOverError
from hipcoach.domain.ladder import build_ladder
from hipcoach.domain.limits import NAME_LENGTH
from hipcoach.domain.log import TrainingSession
from hipcoach.domain.messages import EXPECTATION
from hipcoach.domain.plan import BlockKind, Item, ScheduledSession
from hipcoach.domain.planner import generate_plan
from hipcoach.domain.profile import Profile
from hipcoach.domain.progression import (
    STALL_WINDOW,
    Context,
    Exposure,
    NextPrescription,
    next_prescription,
)
from hipcoach.domain.substitution import alternatives_for, harder_for
from hipcoach.domain.text import refuse_control_characters
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
        uow.plans.add(stored)
        uow.commit()
    return stored


def current_plan(*, uow: UnitOfWork, user_id: str) -> StoredPlan:
    """The user's newest plan, or a clear error pointing to onboarding."""
    with uow.read_only():
        plan = uow.plans.current(user_id)
    if plan is None:
        raise NoPlanError("No plan yet: run `hipcoach init` (or onboarding) first.", field="plan")
    return plan


@dataclass(frozen=True, slots=True)
class TodayItem:
    """One item of the day with, for catalogue moves, the next prescription and its reason."""

    block: BlockKind
    planned: Item
    next: NextPrescription | None

    def prescription(self) -> str:
        """'3 x 15 reps per side' from the next prescription, or the plan's own line."""
        if self.next is None:
            return self.planned.prescription()
        return self.planned.prescription(sets=self.next.sets, aim=self.next.aim)


@dataclass(frozen=True, slots=True)
class TodayView:
    """The session for today, or the next training day, ready to train."""

    session: ScheduledSession
    is_today: bool
    items: tuple[TodayItem, ...]
    expectation: str = EXPECTATION


def _next_for(
    uow: UnitOfWork, user_id: str, profile: Profile, item: Item, today: date
) -> NextPrescription | None:
    start = item.progression_start()
    if start is None or item.exercise is None:
        return None
    catalogue = load_catalogue()
    exercise = catalogue.get(item.exercise)
    # Sets logged on `today` itself are the session being done: its prescription must not
    # shift from one set to the next, so only earlier days count.
    history = [
        Exposure(session.date, tuple(sets), session.next_day_pain)
        for session, sets in uow.sets.exposures(user_id, item.exercise, STALL_WINDOW + 2)
        if session.date < today
    ][: STALL_WINDOW + 1]
    ctx = Context(
        ladder=build_ladder(exercise.equipment, profile.owned),
        today=today,
        sessions_per_week=len(profile.sorted_days),
        harder=harder_for(exercise, profile, catalogue),
        alternatives=alternatives_for(exercise, profile, catalogue),
    )
    return next_prescription(start, history, ctx)


def todays_session(*, uow: UnitOfWork, user_id: str, today: date) -> TodayView:
    """Today's planned session (or the next one) with next prescriptions from the log."""
    plan = current_plan(uow=uow, user_id=user_id)
    session = plan.plan.next_session(today)
    if session is None:
        raise PlanOverError(
            "Your plan has no sessions left: generate a new one with `hipcoach init`.",
            field="plan",
        )
    with uow.read_only():
        items = tuple(
            TodayItem(block, item, _next_for(uow, user_id, plan.profile, item, today))
            for block, item in session.entries
        )
    return TodayView(session, session.date == today, items)


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
