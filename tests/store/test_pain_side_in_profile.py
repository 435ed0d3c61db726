"""A one-sided pain is kept inside the stored profile document (no migration), on both
databases (older profiles without a side: tests/domain/test_plan_quality.py)."""

from __future__ import annotations

from dataclasses import replace

from hipcoach.content.loader import load_catalogue
from hipcoach.domain.catalogue import PainArea
from hipcoach.domain.log import Side
from hipcoach.domain.planner import generate_plan
from tests.store.conftest import UnitOfWorkFactory
from tests.store.records import ALICE, a_plan


def test_a_pain_side_comes_back_from_the_store(
    uow: UnitOfWorkFactory, users: tuple[str, str]
) -> None:
    plain = a_plan("plan-0001", ALICE)
    profile = replace(
        plain.profile,
        pain=frozenset({PainArea.HIP}),
        pain_sides=((PainArea.HIP, Side.RIGHT),),
    )
    stored = replace(plain, plan=generate_plan(profile, load_catalogue()))
    with uow() as work:
        work.plans.add(stored)
        work.commit()
    with uow() as work:
        back = work.plans.current(ALICE)
    assert back == stored
    assert back is not None
    assert back.profile.pain_side(PainArea.HIP) is Side.RIGHT
