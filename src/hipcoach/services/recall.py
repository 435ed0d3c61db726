"""What the logbook remembers about today's moves: "last time" and the best at each rung."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from hipcoach.domain.log import LoggedSet, TrainingSession
from hipcoach.domain.recall import LastTime, best, last_time
from hipcoach.services.ports import UnitOfWork

# How far back the page looks: enough for a rung in use (a rung older than this is rarely the
# current one), and a bounded read however long the logbook grows.
LOOKBACK_SESSIONS = 60


@dataclass(frozen=True, slots=True)
class MoveMemory:
    """One move's last session and the logbook's sets of it, to find the best at a rung."""

    exercise: str
    last: LastTime | None
    sets: tuple[LoggedSet, ...]

    def best_at(self, resistance_key: str) -> int | None:
        """The most done in one earlier set at this rung (None: not done at it before)."""
        return best(self.sets, self.exercise, resistance_key)


def remembered(
    *, uow: UnitOfWork, user_id: str, before: date, exercises: Iterable[str]
) -> dict[str, MoveMemory]:
    """For each move, its sets in the latest session before `before` and in the sessions
    before that day (up to LOOKBACK_SESSIONS of them)."""
    wanted = set(exercises)
    with uow.read_only():
        sessions = [
            s for s in uow.sessions.latest(user_id, LOOKBACK_SESSIONS + 1) if s.date < before
        ][:LOOKBACK_SESSIONS]
        sets = uow.sets.for_sessions(user_id, [s.id for s in sessions]) if sessions else []
    by_session: dict[str, list[LoggedSet]] = {}
    for logged in sets:
        if logged.exercise in wanted:
            by_session.setdefault(logged.session_id, []).append(logged)
    history: list[tuple[TrainingSession, list[LoggedSet]]] = [
        (s, by_session.get(s.id, [])) for s in sessions
    ]
    return {
        key: MoveMemory(
            exercise=key,
            last=last_time(history, key, before),
            sets=tuple(x for _, found in history for x in found if x.exercise == key),
        )
        for key in wanted
    }
