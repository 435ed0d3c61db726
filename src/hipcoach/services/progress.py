"""Progress over months, computed from a bounded window of the log (no full-history scans)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from hipcoach.content.loader import load_catalogue
from hipcoach.domain.day import days_before
from hipcoach.domain.errors import ConflictError
from hipcoach.domain.ladder import build_ladder
from hipcoach.domain.log import LoggedSet, Measurement, TrainingSession, validate_measurement
from hipcoach.domain.messages import EXPECTATION
from hipcoach.domain.muscle import Muscle
from hipcoach.domain.pain import Pause, active, pauses
from hipcoach.domain.progress import (
    MEASUREMENT_NOTE,
    Adherence,
    Milestone,
    PainDay,
    TrendPoint,
    adherence,
    exercise_trend,
    measurement_changes,
    milestones,
    pain_history,
    weekly_hard_sets,
)
from hipcoach.services.coaching import PAIN_LOOKBACK_DAYS, pain_reports
from hipcoach.services.ports import UnitOfWork
from hipcoach.services.training import current_plan

TREND_SESSIONS = 24
SETS_WEEKS = 12
PAIN_WEEKS = 12  # pain over time: the last 12 weeks, whatever plan they fell in


@dataclass(frozen=True, slots=True)
class ProgressReport:
    """Everything the progress views show, with the honest notes."""

    plan_start: date
    adherence: Adherence
    weekly_sets: dict[date, dict[Muscle, float]]
    trends: dict[str, tuple[TrendPoint, ...]]
    milestones: tuple[Milestone, ...]
    measurements: tuple[Measurement, ...]
    measurement_changes: dict[str, float]
    pain: tuple[PainDay, ...] = ()
    paused: tuple[Pause, ...] = ()
    expectation: str = EXPECTATION
    measurement_note: str = MEASUREMENT_NOTE


AFTER_PLAN_WEEKS = 12


def _weeks_before(day: date, weeks: int) -> date:
    """The day `weeks` earlier, or the calendar's first day."""
    return days_before(day, 7 * weeks)


def _adherence_day(today: date, plan_end: date) -> date:
    """Weeks long after the plan hold nothing (no plan, no sessions read): a date decades
    ahead must not list every week until then (a 9999-12-31 asked for 400,000 of them)."""
    return min(today, plan_end + timedelta(weeks=AFTER_PLAN_WEEKS))


def progress_report(*, uow: UnitOfWork, user_id: str, today: date) -> ProgressReport:
    """Adherence, weekly hard sets (last 12 weeks), trends, milestones, measurements, and
    pain over time (last 12 weeks) with any pain pause in force today."""
    plan = current_plan(uow=uow, user_id=user_id)
    profile = plan.profile
    planned = plan.plan.sessions()
    plan_end = planned[-1].date if planned else profile.start
    window_end = min(today, plan_end + timedelta(days=6))
    catalogue = load_catalogue()
    working = sorted({i.exercise for s in planned for _, i in s.entries if i.exercise})
    with uow.read_only():
        sessions = uow.sessions.between(user_id, profile.start, window_end)
        recent_first = max(profile.start, _weeks_before(today, SETS_WEEKS))
        recent = [s for s in sessions if s.date >= recent_first]
        sets = uow.sets.for_sessions(user_id, [s.id for s in recent])
        trends = {
            key: exercise_trend(
                [
                    (s.date, logged)
                    for s, logged in uow.sets.exposures(user_id, key, TREND_SESSIONS)
                ],
                build_ladder(catalogue.get(key).equipment, profile.owned),
            )
            for key in working
        }
        measurements = tuple(uow.measurements.all(user_id))
        painful = _pain_days(uow, user_id, today)
        lookback = days_before(today, PAIN_LOOKBACK_DAYS)
        paused = active(pauses(pain_reports(uow, user_id, lookback, today), today), today)
    done = [s.date for s in sessions]
    return ProgressReport(
        plan_start=profile.start,
        adherence=adherence(
            profile.start, [p.date for p in planned], done, today=_adherence_day(today, plan_end)
        ),
        weekly_sets=weekly_hard_sets(
            sets, {s.id: s.date for s in recent}, catalogue, week_start=profile.start
        ),
        trends={k: v for k, v in trends.items() if v},
        milestones=milestones(profile.start, done, today=today),
        measurements=measurements,
        measurement_changes=measurement_changes(measurements),
        pain=painful,
        paused=paused,
    )


def _pain_days(uow: UnitOfWork, user_id: str, today: date) -> tuple[PainDay, ...]:
    # Inside an open unit of work: every session of the last weeks, before this plan too.
    sessions = uow.sessions.between(user_id, _weeks_before(today, PAIN_WEEKS), today)
    return pain_history(sessions, uow.sets.for_sessions(user_id, [s.id for s in sessions]))


def add_measurement(*, uow: UnitOfWork, user_id: str, measurement: Measurement) -> bool:
    """Store a measurement; False for a retry of the same one; other values under its id: 409."""
    validate_measurement(measurement)
    with uow:
        if uow.measurements.add(user_id, measurement):
            uow.commit()
            return True
        stored = next((m for m in uow.measurements.all(user_id) if m.id == measurement.id), None)
    if stored != measurement:
        raise ConflictError(
            f"Measurement {measurement.id} already exists with other values.", field="id"
        )
    return False


def recent_sessions(
    *, uow: UnitOfWork, user_id: str, limit: int
) -> tuple[list[TrainingSession], list[LoggedSet]]:
    """The newest sessions (newest first) and their sets."""
    with uow.read_only():
        sessions = uow.sessions.latest(user_id, limit)
        sets = uow.sets.for_sessions(user_id, [s.id for s in sessions])
    return sessions, sets
