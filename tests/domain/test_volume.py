"""Weekly hard sets per muscle, counted from the plan's sessions."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from hipcoach.domain.catalogue import Catalogue
from hipcoach.domain.plan import BlockKind, Item, Session
from hipcoach.domain.planner import generate_plan
from hipcoach.domain.profile import Goal, Level, Profile, Weekday
from hipcoach.domain.volume import weekly_sets


def _first_session(catalogue: Catalogue) -> Session:
    profile = Profile(
        level=Level.BEGINNER,
        goal=Goal.MUSCLE,
        days=(Weekday.MON, Weekday.THU),
        minutes=30,
        start=date(2026, 1, 5),
    )
    return generate_plan(profile, catalogue).weeks[0].sessions[0]


def _with_first_working_item(session: Session, item: Item | None) -> Session:
    """The session with its first working item replaced by `item` (None: left out)."""
    blocks = []
    for block in session.blocks:
        if block.kind is BlockKind.WORKING:
            rest = block.items[1:]
            block = replace(block, items=rest if item is None else (item, *rest))
        blocks.append(block)
    return replace(session, blocks=tuple(blocks))


def test_a_working_item_that_is_not_a_catalogue_move_adds_no_hard_sets(
    catalogue: Catalogue,
) -> None:
    session = _first_session(catalogue)
    first = session.items(BlockKind.WORKING)[0]
    free_text = _with_first_working_item(session, replace(first, exercise=None, name="Hike"))
    without = _with_first_working_item(session, None)
    assert weekly_sets([free_text], catalogue) == weekly_sets([without], catalogue)
    assert weekly_sets([free_text], catalogue) != weekly_sets([session], catalogue)
