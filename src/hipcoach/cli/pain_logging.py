"""Where it hurts, from `hipcoach log`: a painful set with its area and side, and next-day pain.

`hipcoach log --next-day-pain 4 --date 2026-03-05 --pain-area hip --pain-side left` adds how
the trained area felt the morning after to the session logged on that date.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from hipcoach.cli import context
from hipcoach.cli.output import console
from hipcoach.domain.catalogue import PainArea
from hipcoach.domain.log import Effort, LoggedSet, Side
from hipcoach.domain.vocabulary import pain_place
from hipcoach.services import logbook, training
from hipcoach.services.catalogue import parse_choice


def pain_location(flags: dict[str, Any]) -> tuple[PainArea | None, Side | None]:
    """--pain-area and --pain-side as keys (an unknown one is an error with suggestions)."""
    area = parse_choice("pain area", PainArea, flags["pain_area"]) if flags["pain_area"] else None
    side = parse_choice("pain side", Side, flags["pain_side"]) if flags["pain_side"] else None
    return area, side


def log_located_set(flags: dict[str, Any], *, day: date) -> None:
    """Store one set described by flags, saying where and on which side it hurt."""
    # The same set as `logging_prompts.log_one_set` builds, with where it hurt added.
    area, pain_side = pain_location(flags)
    app = context.app()
    session = training.session_for(uow=app.uow(), user_id=context.USER_ID, day=day, planned=None)
    logged = LoggedSet(
        id=flags["set_id"] or training.new_id(),
        session_id=session.id,
        exercise=flags["exercise"],
        side=parse_choice("side", Side, flags["side"]),
        logged_at=context.now(),
        reps=flags["reps"],
        steps=flags["steps"],
        hold_seconds=flags["hold"],
        resistance_key=flags["resistance"] or "bodyweight",
        load_kg=flags["load_kg"],
        rir=flags["rir"],
        effort=parse_choice("effort", Effort, flags["effort"]) if flags["effort"] else None,
        pain=flags["pain"],
        pain_area=area,
        pain_side=pain_side,
        note=flags["note"],
    )
    _, created = logbook.log_set(
        uow=app.uow(), user_id=context.USER_ID, logged=logged, session=session
    )
    console().print("Set saved." if created else "That set was already saved (same id).")


def log_next_day_pain(flags: dict[str, Any], *, day: date) -> None:
    """Add next-morning pain (and where it hurt) to the session logged on `day`."""
    area, side = pain_location(flags)
    updated = logbook.record_next_day_pain_for_day(
        uow=context.app().uow(),
        user_id=context.USER_ID,
        day=day,
        pain=flags["next_day_pain"],
        area=area,
        side=side,
    )
    where = pain_place(updated.next_day_pain_area, updated.next_day_pain_side)
    console().print(
        f"Saved: pain the morning after {day.isoformat()} was {updated.next_day_pain}/10"
        + (f", {where}." if where else ".")
        + " The next prescription takes it into account."
    )
