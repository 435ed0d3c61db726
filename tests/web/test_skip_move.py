"""Leaving a move out of today's session, with a reason: its sets stop being asked for, the
count and the summary say so, it can be undone, and the next prescription waits."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from hipcoach.domain.log import SkipReason
from tests.services.fakes import FakeUnitOfWork
from tests.web.forms import FormFields, forms_of
from tests.web.test_today import set_forms, set_rows
from tests.web.test_today_pairs import card_html


def _skip_form(page: str) -> FormFields:
    return next(f for f in forms_of(page) if f.action == "/today/skip")


def _count(page: str) -> tuple[int, int]:
    found = re.search(r"(\d+) of (\d+) sets logged", page)
    assert found, "no set count"
    return int(found.group(1)), int(found.group(2))


def test_a_skipped_move_is_left_out_with_its_reason_and_can_be_undone(
    member: TestClient, fake: FakeUnitOfWork
) -> None:
    page = member.get("/today").text
    _, total = _count(page)
    form = _skip_form(page)
    move = form.fields["exercise"][0]
    card = form.fields["card"][0]
    forms_before = [f for f in set_forms(page) if f.fields["exercise"] == [move]]
    assert forms_before
    rows = set_rows(card_html(page, card))
    response = member.post(
        "/today/skip",
        data=form.data(reason="equipment", note="machine taken"),
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == f"/today#{card}"
    [skip] = fake.committed.skips.values()
    assert (skip.exercise, skip.reason, skip.note) == (move, SkipReason.EQUIPMENT, "machine taken")
    [session] = fake.committed.sessions.values()  # the day is stored by its first skip
    assert skip.session_id == session.id

    page = member.get("/today").text
    assert "Left out today:</strong> Equipment not to hand (machine taken)" in page
    assert not [f for f in set_forms(page) if f.fields["exercise"] == [move]]
    assert _count(page) == (0, total - rows)
    undo = next(f for f in forms_of(page) if f.action == "/today/skip/undo")
    assert member.post(undo.action, data=undo.data(), follow_redirects=False).status_code == 303
    assert not fake.committed.skips
    page = member.get("/today").text
    assert len([f for f in set_forms(page) if f.fields["exercise"] == [move]]) == len(forms_before)


def test_skipping_for_pain_points_to_a_professional_and_the_summary_lists_it(
    member: TestClient, fake: FakeUnitOfWork
) -> None:
    form = _skip_form(member.get("/today").text)
    member.post("/today/skip", data=form.data(reason="pain"))
    page = member.get("/today").text
    assert "Left out today:</strong> It hurts." in page
    assert "see a physical therapist" in page
    while forms := set_forms(member.get("/today").text):
        member.post("/today/sets", data=forms[0].data())
    page = member.get("/today").text
    assert "Session complete" in page
    assert "Left out:" in page
    assert "(it hurts)" in page


def test_a_bad_reason_or_move_is_a_form_message_and_nothing_is_stored(
    member: TestClient, fake: FakeUnitOfWork
) -> None:
    form = _skip_form(member.get("/today").text)
    bad = member.post("/today/skip", data=form.data(reason="bored"))
    assert bad.status_code == 400
    assert "bored" in bad.text
    unknown = member.post("/today/skip", data=form.data(exercise="no_such_move"))
    assert unknown.status_code == 400
    assert "is not one of hipcoach" in unknown.text
    assert not fake.committed.skips
    assert member.post("/today/skip", data={"reason": "time"}).status_code in (400, 403)
