"""The progress page draws its charts inline, each with a table of its numbers, no inline
style, and adherence that counts only sessions with logged work."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient

from hipcoach.domain.log import LoggedSet, Side
from hipcoach.domain.profile import Goal, Level, Profile, Weekday
from hipcoach.services import logbook, training
from hipcoach.web.visitor import today
from tests.services.fakes import FakeUnitOfWork
from tests.web.conftest import seed_account

FIGURE = re.compile(r'<figure class="chart-figure" id="([^"]+)">(.*?)</figure>', re.S)


def _trained_for_weeks(fake: FakeUnitOfWork, client: TestClient, weeks: int) -> str:
    """A person whose plan began `weeks` ago and who trained every planned day until
    yesterday, then undid the only set of the last one."""
    user = seed_account(fake, client)
    start = today() - timedelta(weeks=weeks, days=today().weekday())
    profile = Profile(
        level=Level.BEGINNER,
        goal=Goal.MUSCLE,
        days=(Weekday.MON, Weekday.THU),
        minutes=30,
        start=start,
        equipment=frozenset(),
    )
    stored = training.start_program(uow=fake, user_id=user, name="", profile=profile, now=NOW)
    past = [p for p in stored.plan.sessions() if p.date < today()]
    for n, planned in enumerate(past):
        session = training.session_for(uow=fake, user_id=user, day=planned.date, planned=planned)
        at = datetime.combine(planned.date, NOW.timetz())
        for k, side in enumerate((Side.LEFT, Side.RIGHT)):
            logged = LoggedSet(f"set-{n:04d}-{k}", session.id, "clamshell", side, at, reps=10 + n)
            logbook.log_set(uow=fake, user_id=user, logged=logged, session=session)
    last = len(past) - 1
    for k in range(2):
        logbook.delete_set(uow=fake, user_id=user, set_id=f"set-{last:04d}-{k}")
    return user


NOW = datetime(2026, 1, 1, 18, tzinfo=UTC)


def test_the_page_draws_each_chart_with_its_table_and_no_inline_style(
    client: TestClient, fake: FakeUnitOfWork
) -> None:
    _trained_for_weeks(fake, client, 5)
    html = client.get("/progress").text
    figures = dict(FIGURE.findall(html))
    assert {"adherence-chart", "weekly-sets-chart", "muscles-chart", "challenge-clamshell"} <= set(
        figures
    )
    for ident, body in figures.items():
        svg = body[body.index("<svg") : body.index("</svg>") + 6]
        root = ET.fromstring(svg)
        assert root.get("role") == "img", ident
        assert root.get("aria-labelledby"), ident
        assert "<table>" in body, ident  # the numbers as a table, beside the drawing
        assert f'<caption id="{ident}-caption">' in body, ident  # it names the scroll region
    assert "style=" not in html  # the CSP allows no inline style
    assert "<style" not in html


def test_the_challenge_table_lists_each_side_session_by_session(
    client: TestClient, fake: FakeUnitOfWork
) -> None:
    _trained_for_weeks(fake, client, 3)
    body = dict(FIGURE.findall(client.get("/progress").text))["challenge-clamshell"]
    assert "Best set (reps), Left" in body
    assert "Best set (reps), Right" in body
    assert "<td>10 reps</td><td>10 reps</td>" in body  # the first session, both sides


def test_an_emptied_session_is_not_a_session_done(client: TestClient, fake: FakeUnitOfWork) -> None:
    _trained_for_weeks(fake, client, 3)
    html = client.get("/progress").text
    assert "A session counts as done once it holds at least one logged set." in html
    ratio = re.search(r"Last 4 weeks: <strong>(\d+)%</strong>", html)
    assert ratio is not None
    assert int(ratio.group(1)) < 100
    assert " missed" in dict(FIGURE.findall(html))["adherence-chart"]
