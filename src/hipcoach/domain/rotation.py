"""A fresh move for a top held too long: which of the person's options takes its place.

When a move has been held at the top of its ladder, with no harder variation, for
`progression.ROTATE_AFTER_SESSIONS` sessions, the coach swaps in another move that can play
the slot's role (`substitution.rotations_for` lists them, best for the person's goal first;
the service leaves out what pain pauses, what the session already holds and the person's own
choices for a slot). The order here:

1. A move that has already stood in for the slot since the held move was last done keeps its
   place, the one that began first ahead (the one that took the held move's place: a move
   standing in for another slot of the session began later): the swap stays put from one
   session to the next, even once the fresh move reaches its own top (where it holds, with
   the pause: the service gives a slot one fresh move, see `services.coaching`).
2. A move done in the held move's last session is left out: it already has a place of its
   own in the session. So is a move at its own top with nowhere to go, unless it is the one
   standing in: it is no fresh work.
3. Among the rest, a move below its own top comes first (one at its top would only pass the
   slot on to its harder variation), then one with rungs left to climb, then the goal's order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Candidate:
    """One move that could take a held move's place, as the person stands on it."""

    key: str
    rungs_left: int = 0  # rungs above where the person stands (the fewest over their sides)
    at_top: bool = False  # at its own top (with a harder variation waiting, unless stuck)
    stuck: bool = False  # at its own top with no harder variation to move on to
    stood_in: date | None = None  # the first day it stood in since the held move was done
    alongside: bool = False  # done in the held move's last session, in a place of its own


def rotation_order(candidates: Sequence[Candidate]) -> tuple[str, ...]:
    """The moves that may take a held move's place, best first (`candidates` in the goal's
    order): the one that took its place first, else fresh work with rungs left to climb."""
    kept = [c for c in candidates if not c.alongside and (c.stood_in is not None or not c.stuck)]
    ranked = sorted(
        range(len(kept)),
        key=lambda i: (
            kept[i].stood_in is None,
            kept[i].stood_in or date.max,
            kept[i].at_top,
            kept[i].rungs_left <= 0,
            i,
        ),
    )
    return tuple(kept[i].key for i in ranked)
