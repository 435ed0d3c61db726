"""What the logbook remembers about today's moves: "last time" and the best at each rung."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from hipcoach.domain.log import LoggedSet, TrainingSession
from hipcoach.domain.recall import LastTime, last_time
from hipcoach.services.ports import UnitOfWork

# How far back "last time" looks: a move in today's plan was nearly always done within this
# many sessions, and the read stays bounded however long the logbook grows. The bests are
# all-time (one grouped MAX in the store), not limited by this.
LOOKBACK_SESSIONS = 60


@dataclass(frozen=True, slots=True)
class MoveMemory:
    """One move's last session and its all-time best at each rung."""

    exercise: str
    last: LastTime | None
    bests: Mapping[str, int]  # rung -> the most in one earlier set (absent: never done there)

    def best_at(self, resistance_key: str) -> int | None:
        """The most done in one earlier set at this rung (None: not done at it before)."""
        return self.bests.get(resistance_key)


def remembered(
    *, uow: UnitOfWork, user_id: str, before: date, exercises: Iterable[str]
) -> dict[str, MoveMemory]:
    """For each move, its sets in the latest session before `before` (within the last
    LOOKBACK_SESSIONS sessions) and its best at each rung in every session before that day."""
    wanted = set(exercises)
    with uow.read_only():
        sessions = [
            s for s in uow.sessions.latest(user_id, LOOKBACK_SESSIONS + 1) if s.date < before
        ][:LOOKBACK_SESSIONS]
        sets = uow.sets.for_sessions(user_id, [s.id for s in sessions]) if sessions else []
        bests = uow.sets.bests(user_id, wanted, before)
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
            bests={rung: most for (move, rung), most in bests.items() if move == key},
        )
        for key in wanted
    }
