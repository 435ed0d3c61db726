"""A scripted user: trains every planned session for 8 weeks and logs every set."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from hipcoach.domain.catalogue import Measure
from hipcoach.domain.equipment import Equipment
from hipcoach.domain.log import LoggedSet
from hipcoach.domain.plan import BlockKind, Item
from hipcoach.domain.profile import Goal, Level, Profile, Weekday
from hipcoach.domain.progression import NextPrescription
from hipcoach.services import logbook, training
from hipcoach.services.ports import UnitOfWork

USER = "sim-user-1"
PROFILE = Profile(
    level=Level.BEGINNER,
    goal=Goal.MUSCLE,
    days=(Weekday.MON, Weekday.THU),
    minutes=30,
    start=date(2026, 1, 5),
    weeks=8,
    equipment=frozenset({Equipment.MINI_BAND, Equipment.ANKLE_WEIGHTS}),
    # Keeps the side-lying raise in both sessions, so its ladder is traced twice a week (the
    # step-up would otherwise take the second slot since its mean figure ranks well).
    avoid=frozenset({"step_up"}),
)
# pain logged at the tracked exercise's k-th exposure (1-based); others are 1/10.
# It settles after the hold: 1 -> 4 -> 6 would be 'rising over two sessions', a stop.
PAIN_SCRIPT = {4: 4, 5: 2, 6: 6, 7: 7}


@dataclass
class Trace:
    """What the engine said at each exposure of the tracked exercise."""

    exercise: str
    seen: list[NextPrescription] = field(default_factory=list)


def _sets(
    nxt: NextPrescription, session_id: str, day: date, pain: int, item: Item
) -> list[LoggedSet]:
    at = datetime(day.year, day.month, day.day, 18, tzinfo=UTC)
    sides = [nxt.side]
    kind = item.measure
    amount = min(nxt.target[1], nxt.aim + 4)  # a keen user beats the aim
    return [
        LoggedSet(
            id=training.new_id(),
            session_id=session_id,
            exercise=nxt.exercise,
            side=side,
            logged_at=at,
            resistance_key=nxt.resistance_key,
            rir=2,
            pain=pain,
            reps=amount if kind is Measure.REPS else None,
            steps=amount if kind is Measure.STEPS else None,
            hold_seconds=amount if kind is Measure.SECONDS else None,
        )
        for _ in range(nxt.sets)
        for side in sides
    ]


def run(uow: UnitOfWork | Callable[[], UnitOfWork]) -> Trace:
    """Train 8 weeks; return the engine's answers at each exposure of the busiest exercise.

    `uow` is a reusable unit of work (the fake) or a factory of fresh ones (the SQL store).
    """
    make: Callable[[], UnitOfWork] = uow if callable(uow) else (lambda: uow)
    plan = training.start_program(
        uow=make(), user_id=USER, name="Sim", profile=PROFILE, now=datetime(2026, 1, 4, tzinfo=UTC)
    )
    sessions = plan.plan.sessions()
    counts = Counter(
        i.exercise for s in sessions for b, i in s.entries if b is BlockKind.WORKING and i.exercise
    )
    trace = Trace(counts.most_common(1)[0][0])
    exposures = 0
    for planned in sessions:
        view = training.todays_session(uow=make(), user_id=USER, today=planned.date)
        session = training.session_for(uow=make(), user_id=USER, day=planned.date, planned=planned)
        for item in view.items:
            if item.next is None:
                continue
            pain = 1
            if item.planned.exercise == trace.exercise and item.block is BlockKind.WORKING:
                exposures += 1
                trace.seen.append(item.next)
                pain = PAIN_SCRIPT.get(exposures, 1)
            if item.paused:
                continue  # the user follows the advice and rests the move
            for nxt in item.sides:
                for logged in _sets(nxt, session.id, planned.date, pain, item.planned):
                    logbook.log_set(uow=make(), user_id=USER, logged=logged, session=session)
    return trace
