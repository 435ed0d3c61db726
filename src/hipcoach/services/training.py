"""Onboarding, today's session with its next prescriptions, and logging."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime

from hipcoach.content.loader import load_catalogue
from hipcoach.domain.account import StoredPlan, User
from hipcoach.domain.errors import ConflictError, NotFoundError
from hipcoach.domain.ladder import build_ladder
from hipcoach.domain.log import (
    LogError,
    LoggedSet,
    TrainingSession,
    check_pain,
    validate_session,
    validate_set,
)
from hipcoach.domain.messages import EXPECTATION
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
from hipcoach.formats.plan_json import PlannedItem, PlannedSession, plan_to_dict, planned_sessions
from hipcoach.services.input_text import has_control_characters, refuse_control_characters
from hipcoach.services.log_editing import check_logged_at
from hipcoach.services.ports import UnitOfWork

MAX_NAME = 100


def new_id() -> str:
    """A fresh client id (what a device would make before saving)."""
    return uuid.uuid4().hex


def start_program(
    *, uow: UnitOfWork, user_id: str, name: str, profile: Profile, now: datetime
) -> StoredPlan:
    """Create the user if needed, generate their plan and keep it as generated."""
    name = refuse_control_characters(name, field="name").strip()[:MAX_NAME]  # as at sign-up
    plan = generate_plan(profile, load_catalogue())
    stored = StoredPlan(new_id(), user_id, profile, now, plan_to_dict(plan))
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
        raise NotFoundError("No plan yet: run `hipcoach init` (or onboarding) first.", field="plan")
    return plan


@dataclass(frozen=True, slots=True)
class TodayItem:
    """One item of the day with, for catalogue moves, the next prescription and its reason."""

    planned: PlannedItem
    next: NextPrescription | None


@dataclass(frozen=True, slots=True)
class TodayView:
    """The session for today, or the next training day, ready to train."""

    session: PlannedSession
    is_today: bool
    items: tuple[TodayItem, ...]
    expectation: str = EXPECTATION


def _next_for(
    uow: UnitOfWork, user_id: str, profile: Profile, item: PlannedItem, today: date
) -> NextPrescription | None:
    if item.prescription is None or item.exercise is None:
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
    return next_prescription(item.prescription, history, ctx)


def todays_session(*, uow: UnitOfWork, user_id: str, today: date) -> TodayView:
    """Today's planned session (or the next one) with next prescriptions from the log."""
    plan = current_plan(uow=uow, user_id=user_id)
    upcoming = [s for s in planned_sessions(plan.document) if s.date >= today]
    if not upcoming:
        raise NotFoundError(
            "Your plan has no sessions left: generate a new one with `hipcoach init`.",
            field="plan",
        )
    session = upcoming[0]
    with uow.read_only():
        items = tuple(
            TodayItem(item, _next_for(uow, user_id, plan.profile, item, today))
            for item in session.items
        )
    return TodayView(session, session.date == today, items)


def log_set(*, uow: UnitOfWork, user_id: str, session: TrainingSession, logged: LoggedSet) -> bool:
    """Store one set (creating its session on first use); False if it was already stored."""
    if logged.session_id != session.id:
        raise LogError("The set belongs to a different session.", field="session_id")
    validate_session(session)
    validate_set(logged, load_catalogue())
    refuse_control_characters(session.notes, field="notes")
    refuse_control_characters(logged.note, field="note")
    check_logged_at(logged.logged_at)
    with uow:
        if uow.users.get(user_id) is None:
            raise NotFoundError("No profile yet: run `hipcoach init` first.", field="user")
        existing = uow.sessions.get(user_id, session.id)
        if existing is None:
            uow.sessions.add(user_id, session)
        elif existing.date != session.date:
            raise ConflictError(
                f"Session {session.id} is dated {existing.date}, not {session.date}.",
                field="session_id",
            )
        created = uow.sets.add(user_id, logged)
        uow.commit()
    return created


def record_next_day_pain(
    *, uow: UnitOfWork, user_id: str, session_id: str, pain: int
) -> TrainingSession:
    """Note how the trained area felt the next morning (0-10)."""
    check_pain(pain, field="next_day_pain")
    with uow:
        found = not has_control_characters(session_id)
        session = uow.sessions.get(user_id, session_id) if found else None
        if session is None:
            raise NotFoundError(f"No session {session_id}.", field="session_id")
        updated = replace(session, next_day_pain=pain, version=session.version + 1)
        if not uow.sessions.update(user_id, updated):
            raise ConflictError("The session changed meanwhile; reload and try again.")
        uow.commit()
    return updated


def session_for(
    *, uow: UnitOfWork, user_id: str, day: date, planned: PlannedSession | None
) -> TrainingSession:
    """The session already logged on a day, or a new one tied to the planned session."""
    with uow.read_only():
        for existing in uow.sessions.between(user_id, day, day):
            return existing
    week = planned.week if planned else None
    number = planned.number if planned else None
    return TrainingSession(new_id(), day, plan_week=week, plan_session=number)
