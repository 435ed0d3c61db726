"""Today's "last time" and best beside each move, from the logbook, rendered by the server."""

from __future__ import annotations

import html as html_lib
import re
from datetime import UTC, date, datetime, timedelta

from fastapi.testclient import TestClient

from hipcoach.domain.log import LoggedSet, Side, TrainingSession
from hipcoach.services import logbook, training
from hipcoach.services.planning import build_profile
from hipcoach.web.visitor import now, today
from tests.services.fakes import FakeUnitOfWork
from tests.web.conftest import seed_account, seed_member, training_days
from tests.web.forms import form_posting_to, forms_of
from tests.web.test_today import set_rows

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

    html = client.get("/today").text
    page = _text(html)
    latest = today - timedelta(days=4)
    assert f"Last time: {latest:%a} {latest.day} {latest:%b %Y}" in page, page
    assert re.search(rf"Your best at [^:]+: 16 {unit} in one set", page)
    assert page.count("Last time") == 1, "only the move that was done before"
    shown = [_seen(line) for line in _last_lines(_card(html, form["card"])).values()]
    amount = "14" if not per_side else "L 14 · R 14"
    assert len(shown) >= 2, "each set today had a counterpart last time"
    assert all(line.startswith(f"last: {amount} {unit}, ") for line in shown), shown


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
    html = client.get("/today").text
    unit = UNITS[form["kind"]]
    lines = [_seen(line) for line in _last_lines(_card(html, form["card"])).values()]
    each = ("20", "18") if form["side"] == "both" else ("L 20 · R 20", "L 18 · R 18")
    assert lines[:2] == [f"last: {n} {unit}, bodyweight" for n in each]
    assert "Your best" not in _text(html)


def _log_every_set(client: TestClient, *, first_pain: int = 0) -> int:
    """Tap every set form; the set rows logged (a per-side row counts once)."""
    rows = set_rows(client.get("/today").text)
    logged = 0
    while forms := [f for f in forms_of(client.get("/today").text) if f.action == "/today/sets"]:
        data = forms[0].data()
        data["pain"] = str(first_pain if logged == 0 else 0)
        assert client.post("/today/sets", data=data, follow_redirects=False).status_code == 303
        logged += 1
    return rows


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


# "Last time" beside each set row: set n against set n, left against left.

SetDone = tuple[Side, int, str]  # side, amount, rung


def _log_sets(
    fake: FakeUnitOfWork, user: str, day: date, exercise: str, sets: list[SetDone]
) -> None:
    session = TrainingSession(id=f"s-{day.isoformat()}", date=day)
    for number, (side, amount, rung) in enumerate(sets):
        logged = LoggedSet(
            id=f"{session.id}-{exercise}-{number}",
            session_id=session.id,
            exercise=exercise,
            side=side,
            logged_at=datetime.now(UTC) + timedelta(seconds=number),
            resistance_key=rung,
            pain=0,
            reps=amount,
        )
        logbook.log_set(uow=fake, user_id=user, logged=logged, session=session)


def _card(html: str, anchor: str) -> str:
    return html.split(f'id="{anchor}"', 1)[1].split("</article>", 1)[0]


def _last_lines(card: str) -> dict[str, str]:
    """Each set's "last time" line by its row id (`card-5-1`, or `card-5-1-both`)."""
    return dict(re.findall(r'<p class="set-last" id="([^"]+)-last">(.*?)</p>', card, re.S))


def _plain(fragment: str) -> str:
    return re.sub(r"\s+", " ", html_lib.unescape(re.sub(r"<[^>]+>", "", fragment))).strip()


def _seen(fragment: str) -> str:
    return _plain(re.sub(r'<span class="visually-hidden">.*?</span>', "", fragment))


def _heard(fragment: str) -> str:
    return _plain(re.sub(r'<span aria-hidden="true">.*?</span>', "", fragment))


def _described_by(card: str, button_text: str) -> list[list[str]]:
    """The ids each button with this text says it is described by, in page order."""
    found = re.findall(rf'aria-describedby="([^"]+)">(?:<svg.*?</svg>)?{button_text}', card)
    return [str(ids).split() for ids in found]


def test_each_side_of_a_per_side_row_shows_what_that_side_did_as_that_set_last_time(
    client: TestClient, fake: FakeUnitOfWork
) -> None:
    user = seed_member(fake, client)
    form = _first_set_form(client)
    assert form["side"] == "left", "the seeded plan starts with a per-side move"
    anchor, move, rung = form["card"], form["exercise"], form["resistance_key"]
    day = _session_day(client) - timedelta(days=4)
    _log_sets(
        fake,
        user,
        day,
        move,
        [(Side.LEFT, 12, rung), (Side.RIGHT, 11, rung), (Side.LEFT, 10, rung)],
    )
    html = client.get("/today").text
    card = _card(html, anchor)
    lines = _last_lines(card)
    assert set(lines) == {f"{anchor}-1", f"{anchor}-2"}, "two sets last time, on the left"
    assert _seen(lines[f"{anchor}-1"]) == "last: L 12 · R 11 reps, light mini band"
    assert _heard(lines[f"{anchor}-1"]) == "last: left 12, right 11 reps, light mini band"
    assert _seen(lines[f"{anchor}-2"]) == "last: L 10 reps, light mini band"
    # Screen readers hear it with the row's buttons; the card no longer lists the amounts.
    for ids in _described_by(card, "Left") + _described_by(card, "Both done"):
        assert ids[-1] in {f"{anchor}-1-last", f"{anchor}-2-last"}, ids
    assert len(_described_by(card, "Both done")) == 2
    page = _text(card)
    assert f"Last time: {day:%a} {day.day} {day:%b %Y}" in page
    assert "Last time (" not in page
    assert "12, 10 reps" not in page, "said once, beside the sets"


def test_a_row_done_today_drops_its_last_time_and_a_finished_move_lists_it_again(
    client: TestClient, fake: FakeUnitOfWork
) -> None:
    user = seed_member(fake, client)
    form = _first_set_form(client)
    anchor, move, rung = form["card"], form["exercise"], form["resistance_key"]
    _log_sets(
        fake,
        user,
        _session_day(client) - timedelta(days=4),
        move,
        [(Side.LEFT, 12, rung), (Side.RIGHT, 12, rung)] * 2,
    )
    pair = next(f for f in forms_of(client.get("/today").text) if f.action == "/today/sets/pair")
    client.post(pair.action, data=pair.data())
    lines = _last_lines(_card(client.get("/today").text, anchor))
    assert list(lines) == [f"{anchor}-2"]
    while (
        pairs := [f for f in forms_of(client.get("/today").text) if f.action == "/today/sets/pair"]
    ) and pairs[0].fields["card"] == [anchor]:
        client.post(pairs[0].action, data=pairs[0].data())
    card = _card(client.get("/today").text, anchor)
    assert not _last_lines(card)
    assert re.search(r"Last time \([^)]*\): 2 x 12 reps per side, light mini band", _text(card))


def test_sides_at_different_rungs_each_say_their_own(
    client: TestClient, fake: FakeUnitOfWork
) -> None:
    user = seed_member(fake, client)
    form = _first_set_form(client)
    anchor, move, rung = form["card"], form["exercise"], form["resistance_key"]
    sets = [(Side.LEFT, 12, rung), (Side.RIGHT, 15, "bodyweight")]
    _log_sets(fake, user, _session_day(client) - timedelta(days=2), move, sets)
    lines = _last_lines(_card(client.get("/today").text, anchor))
    assert _seen(lines[f"{anchor}-1"]) == "last: L 12, light mini band · R 15, bodyweight"
    assert _heard(lines[f"{anchor}-1"]) == (
        "last: left 12 reps, light mini band, right 15 reps, bodyweight"
    )


def test_a_whole_body_row_says_its_set_and_a_set_with_no_counterpart_says_nothing(
    client: TestClient, fake: FakeUnitOfWork
) -> None:
    user = seed_member(fake, client)
    html = client.get("/today").text
    swap = next(
        f
        for f in forms_of(html)
        if f.action == "/today/swap"
        and '<option value="banded_squat">' in _card(html, f.fields["card"][0])
    )
    client.post(swap.action, data=swap.data(exercise="banded_squat"))
    anchor = swap.fields["card"][0]
    _log_sets(
        fake,
        user,
        _session_day(client) - timedelta(days=3),
        "banded_squat",
        [(Side.BOTH, 15, "mini_band_medium")],
    )
    card = _card(client.get("/today").text, anchor)
    assert card.count('<li class="set-row">') >= 2
    lines = _last_lines(card)
    assert list(lines) == [f"{anchor}-1-both"], "only set 1 was done last time"
    assert _seen(lines[f"{anchor}-1-both"]) == "last: 15 reps, medium mini band above the knees"
    assert _heard(lines[f"{anchor}-1-both"]) == "last: 15 reps, medium mini band above the knees"
    first, second, *_ = _described_by(card, "Done as prescribed")
    assert first == [f"{anchor}-1-both-title", f"{anchor}-1-both-last"]
    assert second == [f"{anchor}-2-both-title"]


def test_last_time_is_in_the_person_s_units(client: TestClient, fake: FakeUnitOfWork) -> None:
    user = seed_account(fake, client)
    profile = build_profile(
        level="intermediate",
        goal="muscle",
        days=training_days(),
        minutes=30,
        start=today(),
        equipment=["mini_band", "ankle_weights"],
    )
    training.start_program(uow=fake, user_id=user, name="", profile=profile, now=now())
    html = client.get("/today").text
    form = next(
        f
        for f in forms_of(html)
        if f.action == "/today/sets" and 'value="ankle_2kg"' in _card(html, f.fields["card"][0])
    )
    anchor, move = form.fields["card"][0], form.fields["exercise"][0]
    sets = [(Side.LEFT, 9, "ankle_2kg"), (Side.RIGHT, 9, "ankle_2kg")]
    _log_sets(fake, user, _session_day(client) - timedelta(days=2), move, sets)
    kilograms = _last_lines(_card(client.get("/today").text, anchor))[f"{anchor}-1"]
    assert _seen(kilograms) == "last: L 9 · R 9 reps, 2 kg ankle weights"
    units = form_posting_to(client.get("/settings").text, "/settings/units")
    assert client.post(units.action, data=units.data(units="lb")).status_code == 200
    pounds = _last_lines(_card(client.get("/today").text, anchor))[f"{anchor}-1"]
    assert _seen(pounds) == "last: L 9 · R 9 reps, 4.5 lb ankle weights"
