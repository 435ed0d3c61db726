"""The printable plan shows each move's start and end frames, once, before the weeks."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from hipcoach.services import training
from hipcoach.services.figures import plan_figures
from tests.services.fakes import FakeUnitOfWork
from tests.web.conftest import seed_member


def test_the_printable_plan_draws_each_item_once_before_the_weeks(
    client: TestClient, fake: FakeUnitOfWork
) -> None:
    user_id = seed_member(fake, client)
    html = client.get("/plan/print").text
    plan = training.current_plan(uow=fake, user_id=user_id).plan
    expected = [f.title for f in plan_figures(plan)]
    section = html[html.index('id="how-they-look"') : html.index("<h2>Week 1")]
    captions = re.findall(r"<figcaption>([^<]*)</figcaption>", section)
    assert captions == expected
    assert len(expected) >= 5  # warm-up, activation, working moves and cool-down
    assert section.count("<svg") == len(expected)
    assert "Start" in section
    assert "End" in section
    assert "<animate" not in section  # paper shows the two frames
