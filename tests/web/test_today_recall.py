"""Today's "last time" and best beside each move, from the logbook, rendered by the server."""

from __future__ import annotations

import html as html_lib
import re
from datetime import UTC, date, datetime, timedelta

from fastapi.testclient import TestClient

from hipcoach.domain.log import LoggedSet, Side, TrainingSession
from hipcoach.services import logbook
from tests.services.fakes import FakeUnitOfWork
from tests.web.conftest import seed_member
from tests.web.forms import forms_of

UNITS = {"reps": "reps", "steps": "steps", "hold_seconds": "s"}


def _text(page: str) -> str:
    return re.sub(r"\s+", " ", html_lib.unescape(re.sub(r"<[^>]+>", " ", page)))


def _log_day(
    fake: FakeUnitOfWork, user: str, day: date, form: dict[str, str], amounts: list[int]
) -> None:
    session = TrainingSession(id=f"s-{day.isoformat()}", date=day)
    sides = [Side.BOTH] if form["side"] == "both" else [Side.LEFT, Side.RIGHT]
    for number, amount in enumerate(amounts):
        for side in sides:
            logged = LoggedSet(
                id=f"{session.id}-{side.value}-{number}",
                session_id=session.id,
                exercise=form["exercise"],
                side=side,
                logged_at=datetime.now(UTC),
                resistance_key=form["resistance_key"],
                pain=0,
                reps=amount if form["kind"] == "reps" else None,
                steps=amount if form["kind"] == "steps" else None,
                hold_seconds=amount if form["kind"] == "hold_seconds" else None,
            )
            logbook.log_set(uow=fake, user_id=user, logged=logged, session=session)


def _session_day(client: TestClient) -> date:
    found = re.search(r'data-session-date="([\d-]+)"', client.get("/today").text)
    assert found is not None
    return date.fromisoformat(found.group(1))


def _first_set_form(client: TestClient) -> dict[str, str]:
    [form, *_] = [f for f in forms_of(client.get("/today").text) if f.action == "/today/sets"]
    return {k: v[0] for k, v in form.fields.items()}


def test_a_new_person_sees_no_last_time_and_no_best(
    client: TestClient, fake: FakeUnitOfWork
) -> None:
    seed_member(fake, client)
    page = _text(client.get("/today").text)
    assert "Last time" not in page
    assert "Your best" not in page


def test_each_move_shows_its_last_session_and_the_best_at_todays_rung(
    client: TestClient, fake: FakeUnitOfWork
) -> None:
    user = seed_member(fake, client)
    form = _first_set_form(client)
    today = _session_day(client)
    _log_day(fake, user, today - timedelta(days=9), form, [16, 12])  # the best, further back
    _log_day(fake, user, today - timedelta(days=4), form, [14, 14, 14])  # the latest
    unit = UNITS[form["kind"]]
    per_side = "" if form["side"] == "both" else " per side"

    page = _text(client.get("/today").text)
    assert re.search(rf"Last time \([^)]*\): 3 x 14 {unit}{per_side}, ", page), page
    assert re.search(rf"Your best at [^:]+: 16 {unit} in one set", page)
    assert page.count("Last time (") == 1, "only the move that was done before"


def test_the_best_is_all_time_however_many_sessions_came_since(
    client: TestClient, fake: FakeUnitOfWork
) -> None:
    """A best from long ago (before the last 60 sessions "last time" reads) still stands."""
    user = seed_member(fake, client)
    form = _first_set_form(client)
    today = _session_day(client)
    _log_day(fake, user, today - timedelta(days=200), form, [16])
    for back in range(61, 0, -1):
        _log_day(fake, user, today - timedelta(days=back), form, [10])
    page = _text(client.get("/today").text)
    unit = UNITS[form["kind"]]
    assert re.search(rf"Your best at [^:]+: 16 {unit} in one set", page), page


def test_sets_at_another_rung_are_not_the_best_at_todays(
    client: TestClient, fake: FakeUnitOfWork
) -> None:
    user = seed_member(fake, client)
    form = _first_set_form(client)
    assert form["resistance_key"] != "bodyweight"
    other = dict(form, resistance_key="bodyweight")
    _log_day(fake, user, _session_day(client) - timedelta(days=3), other, [20, 18])
    page = _text(client.get("/today").text)
    unit = UNITS[form["kind"]]
    assert re.search(rf"Last time \([^)]*\): 20, 18 {unit}", page)
    assert "Your best" not in page


def _log_every_set(client: TestClient, *, first_pain: int = 0) -> int:
    logged = 0
    while forms := [f for f in forms_of(client.get("/today").text) if f.action == "/today/sets"]:
        data = forms[0].data()
        data["pain"] = str(first_pain if logged == 0 else 0)
        assert client.post("/today/sets", data=data, follow_redirects=False).status_code == 303
        logged += 1
    return logged


def test_after_the_last_set_a_summary_says_sets_done_and_no_pain(
    client: TestClient, fake: FakeUnitOfWork
) -> None:
    seed_member(fake, client)
    page = _text(client.get("/today").text)
    assert "Session complete" not in page
    total = _log_every_set(client)
    page = _text(client.get("/today").text)
    assert "Session complete" in page
    assert f"You logged {total} of {total} sets." in page
    assert "No pain logged." in page


def test_the_summary_names_the_moves_that_hurt(client: TestClient, fake: FakeUnitOfWork) -> None:
    seed_member(fake, client)
    form = _first_set_form(client)
    title = rf'<h2 id="{form["card"]}-title">([^<]+)'
    name = re.search(title, client.get("/today").text)
    _log_every_set(client, first_pain=2)
    page = _text(client.get("/today").text)
    assert name is not None
    assert f"Pain logged: {name.group(1).strip()} 2/10." in page


def test_the_summary_names_the_bests_broken_today(client: TestClient, fake: FakeUnitOfWork) -> None:
    user = seed_member(fake, client)
    form = _first_set_form(client)
    title = re.search(rf'<h2 id="{form["card"]}-title">([^<]+)', client.get("/today").text)
    assert title is not None
    _log_day(fake, user, _session_day(client) - timedelta(days=4), form, [1, 1])
    _log_every_set(client)
    page = _text(client.get("/today").text)
    unit = UNITS[form["kind"]]
    assert re.search(
        rf"New bests today: {re.escape(title.group(1).strip())}: \d+ {unit} in one set at "
        r"[^(]+\(before: 1\)",
        page,
    ), page


def test_a_first_session_lists_no_new_bests(client: TestClient, fake: FakeUnitOfWork) -> None:
    seed_member(fake, client)
    _log_every_set(client)
    page = _text(client.get("/today").text)
    assert "Session complete" in page
    assert "New bests" not in page
