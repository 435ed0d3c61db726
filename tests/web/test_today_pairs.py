"""Per-side moves on Today: one row per set, left and right ticks, "Both done", rest after both
sides, and a finished move folded to one line."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import cast

from fastapi.testclient import TestClient

from hipcoach.domain.log import Side
from hipcoach.services.ports import UnitOfWork
from hipcoach.web.today_view import today_page
from hipcoach.web.visitor import today
from tests.services.fakes import FakeUnitOfWork
from tests.web.conftest import seed_member
from tests.web.forms import FormFields, forms_of

PAIR = "/today/sets/pair"


def pair_forms(html: str) -> list[FormFields]:
    return [f for f in forms_of(html) if f.action == PAIR]


def side_forms(html: str, exercise: str) -> list[FormFields]:
    return [
        f
        for f in forms_of(html)
        if f.action == "/today/sets" and f.fields["exercise"] == [exercise]
    ]


def first_pair(member: TestClient) -> FormFields:
    return pair_forms(member.get("/today").text)[0]


def card_html(html: str, anchor: str) -> str:
    return html.split(f'id="{anchor}"', 1)[1].split("</article>", 1)[0]


def test_a_per_side_move_has_one_row_per_set_with_both_sides_and_both_done(
    member: TestClient,
) -> None:
    html = member.get("/today").text
    pair = pair_forms(html)[0]
    exercise = pair.fields["exercise"][0]
    card = card_html(html, pair.fields["card"][0])
    rows = card.count('class="set-pair"')
    assert rows >= 2
    assert card.count('action="/today/sets/pair"') == rows  # one "Both done" per set
    sides = [f.fields["side"][0] for f in side_forms(html, exercise)]
    assert sides == ["left", "right"] * rows  # each side keeps its own form
    assert '>Left<span class="visually-hidden"> done as prescribed</span>' in card
    assert '>Right<span class="visually-hidden"> done as prescribed</span>' in card
    assert ">Both done</button>" in card
    left, right = side_forms(html, exercise)[:2]
    assert pair.fields["left_set_id"] == left.fields["set_id"]
    assert pair.fields["right_set_id"] == right.fields["set_id"]
    assert pair.fields["left_amount"] == left.fields["amount"]
    assert pair.fields["rir"] == left.fields["rir"]


def test_both_done_stores_both_sides_as_prescribed(
    member: TestClient, fake: FakeUnitOfWork
) -> None:
    html = member.get("/today").text
    pair = pair_forms(html)[0]
    left, right = side_forms(html, pair.fields["exercise"][0])[:2]
    response = member.post(PAIR, data=pair.data(), follow_redirects=False)
    assert response.status_code == 303
    anchor = pair.fields["card"][0]
    assert response.headers["location"] == f"/today?logged={right.fields['set_id'][0]}#{anchor}"
    stored = {s.side: s for s in fake.committed.sets.values()}
    assert set(stored) == {Side.LEFT, Side.RIGHT}
    for side, form in ((Side.LEFT, left), (Side.RIGHT, right)):
        assert stored[side].id == form.fields["set_id"][0]
        assert stored[side].amount == int(form.fields["amount"][0])
        assert stored[side].resistance_key == form.fields["resistance_key"][0]
        assert stored[side].rir == int(form.fields["rir"][0])
        assert (stored[side].pain, stored[side].note) == (0, "")


def test_both_done_tapped_twice_stores_each_side_once(
    member: TestClient, fake: FakeUnitOfWork
) -> None:
    pair = first_pair(member)
    first = member.post(PAIR, data=pair.data(), follow_redirects=False)
    again = member.post(PAIR, data=pair.data(), follow_redirects=False)
    assert (first.status_code, again.status_code) == (303, 303)
    assert again.headers["location"] == first.headers["location"]
    assert len(fake.committed.sets) == 2


def test_both_done_after_the_left_tick_stores_only_the_right(
    member: TestClient, fake: FakeUnitOfWork
) -> None:
    html = member.get("/today").text
    pair = pair_forms(html)[0]  # an older copy of the page, still showing "Both done"
    left = side_forms(html, pair.fields["exercise"][0])[0]
    member.post("/today/sets", data=left.data())
    after = member.get("/today").text
    row = card_html(after, pair.fields["card"][0]).split('class="set-pair"')[1]
    assert PAIR not in row, "a row with a side logged offers no Both done"
    member.post(PAIR, data=pair.data())
    assert sorted(s.side for s in fake.committed.sets.values()) == [Side.LEFT, Side.RIGHT]


def test_a_bad_amount_in_both_done_is_a_form_message_naming_the_side(
    member: TestClient, fake: FakeUnitOfWork
) -> None:
    pair = first_pair(member)
    response = member.post(PAIR, data=pair.data(right_amount="lots"))
    assert response.status_code == 400
    assert 'role="alert"' in response.text
    assert "Right amount must be a whole number" in response.text
    assert not fake.committed.sets, "neither side is stored"


def test_both_done_with_a_side_in_conflict_stores_neither(
    member: TestClient, fake: FakeUnitOfWork
) -> None:
    html = member.get("/today").text
    pair = pair_forms(html)[0]
    left = side_forms(html, pair.fields["exercise"][0])[0]
    member.post("/today/sets", data=left.data(amount="1"))  # the left side, edited
    response = member.post(PAIR, data=pair.data())
    assert response.status_code == 409
    assert f"Set {left.fields['set_id'][0]} already exists with other values" in response.text
    assert [s.amount for s in fake.committed.sets.values()] == [1]


def test_both_done_without_its_csrf_token_is_refused(
    member: TestClient, fake: FakeUnitOfWork
) -> None:
    data = first_pair(member).data()
    data.pop("csrf")
    response = member.post(PAIR, data=data)
    assert response.status_code == 400
    assert "expired" in response.text
    assert not fake.committed.sets


def test_both_done_needs_a_signed_in_person(client: TestClient, fake: FakeUnitOfWork) -> None:
    response = client.post(PAIR, data={"csrf": "x" * 40}, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/signin")
    assert not fake.committed.sets


def test_rest_starts_after_both_sides_not_between_them(member: TestClient) -> None:
    html = member.get("/today").text
    pair = pair_forms(html)[0]
    left, right = side_forms(html, pair.fields["exercise"][0])[:2]
    member.post("/today/sets", data=left.data())
    between = member.get(f"/today?logged={left.fields['set_id'][0]}").text
    assert "data-timer-autostart" not in between
    member.post("/today/sets", data=right.data())
    after = member.get(f"/today?logged={right.fields['set_id'][0]}").text
    assert "data-timer-autostart" in card_html(after, pair.fields["card"][0])


def test_a_finished_move_folds_to_one_line_and_the_next_stays_open(member: TestClient) -> None:
    pair = first_pair(member)
    anchor, exercise = pair.fields["card"][0], pair.fields["exercise"][0]
    while (left := pair_forms(member.get("/today").text)) and left[0].fields["card"] == [anchor]:
        assert member.post(PAIR, data=left[0].data(), follow_redirects=False).status_code == 303
    html = member.get("/today").text
    assert not side_forms(html, exercise)
    card = card_html(html, anchor)
    name = re.search(r'<h2 id="[^"]+-title">([^<]+)', card)
    assert name is not None
    sets = card.count('class="set-pair"')
    summary = re.search(
        r'<details class="move-body">\s*<summary class="move-summary">(.*?)</summary>', card, re.S
    )
    assert summary is not None, "rendered closed: no open attribute"
    text = re.sub(r"<[^>]+>", "", summary.group(1))
    assert text == f"{name.group(1).strip()}: {sets} of {sets} sets done"
    assert "card-collapsed" in html.split(f'id="{anchor}"', 1)[0].rsplit("<article", 1)[1]
    articles = [a.split("</article>", 1)[0] for a in html.split("<article")[1:]]
    still_to_log = [a for a in articles if 'action="/today/sets"' in a]
    assert still_to_log, "other moves remain to log"
    assert all("move-body" not in a for a in still_to_log), "a move with sets to log stays open"


def test_a_row_whose_sides_aim_differently_says_each_sides_aim(
    client: TestClient, fake: FakeUnitOfWork
) -> None:
    user_id = seed_member(fake, client)
    page = today_page(cast(UnitOfWork, fake), user_id, today())
    card = next(c for c in page.cards if c.item.planned.per_side and c.rows)
    left, right = card.item.sides
    assert card.pair_aim(card.groups[0]) == f"{left.aim} {card.unit} each side"
    weaker = replace(card, item=replace(card.item, sides=(left, replace(right, aim=left.aim - 2))))
    assert weaker.pair_aim(weaker.groups[0]) == (
        f"left {left.aim}, right {left.aim - 2} {card.unit}"
    )


def _count(html: str) -> tuple[int, int]:
    found = re.search(r"(\d+) of (\d+) sets logged", html)
    assert found is not None, "no count at the top"
    return int(found.group(1)), int(found.group(2))


def test_the_count_at_the_top_counts_a_per_side_set_once_as_the_card_does(
    member: TestClient,
) -> None:
    html = member.get("/today").text
    rows = html.count('<li class="set-pair">') + html.count('<li class="set-row">')
    assert _count(html) == (0, rows)
    assert len(forms_of(html)) > rows, "per-side rows have two sides to tap"
    pair = pair_forms(html)[0]
    anchor, exercise = pair.fields["card"][0], pair.fields["exercise"][0]
    left, right = side_forms(html, exercise)[:2]
    member.post("/today/sets", data=left.data())
    assert _count(member.get("/today").text) == (0, rows), "half a set is not a set"
    member.post("/today/sets", data=right.data())
    assert _count(member.get("/today").text) == (1, rows)
    while (more := pair_forms(member.get("/today").text)) and more[0].fields["card"] == [anchor]:
        member.post(PAIR, data=more[0].data())
    html = member.get("/today").text
    card = card_html(html, anchor)
    sets = card.count('class="set-pair"')
    assert f": {sets} of {sets} sets done</summary>" in card
    assert _count(html) == (sets, rows), "the top and the folded card count the same sets"
