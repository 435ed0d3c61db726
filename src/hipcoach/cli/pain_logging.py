"""Where it hurts, from `hipcoach log`: the --pain-area/--pain-side flags, and next-day pain.

`hipcoach log --next-day-pain 4 --date 2026-03-05 --pain-area hip --pain-side left` adds how
the trained area felt the morning after to the session logged on that date.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from hipcoach.cli import context
from hipcoach.cli.output import console
from hipcoach.domain.catalogue import PainArea
from hipcoach.domain.log import Side
from hipcoach.domain.vocabulary import pain_place
from hipcoach.services import logbook
from hipcoach.services.catalogue import parse_choice


def pain_location(flags: dict[str, Any]) -> tuple[PainArea | None, Side | None]:
    """--pain-area and --pain-side as keys (an unknown one is an error with suggestions)."""
    area = parse_choice("pain area", PainArea, flags["pain_area"]) if flags["pain_area"] else None
    side = parse_choice("pain side", Side, flags["pain_side"]) if flags["pain_side"] else None
    return area, side


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
