"""Swapping a move on the Today page: stored against the plan item, undone, refused when unfit."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.services.fakes import FakeUnitOfWork
from tests.web.forms import FormFields, forms_of


def _forms(html: str, action: str) -> list[FormFields]:
    return [f for f in forms_of(html) if f.action == action]


def _choices(fake: FakeUnitOfWork) -> list[tuple[str, str]]:
    return [(c.slot, c.exercise) for c in fake.committed.choices.values()]


def test_a_move_is_swapped_from_today_and_the_swap_undone(
    member: TestClient, fake: FakeUnitOfWork
) -> None:
    html = member.get("/today").text
    swap = _forms(html, "/today/swap")[0]
    slot, chosen = swap.fields["slot"][0], swap.fields["exercise"][0]
    assert 'for="card-5-swap">Swap for…' in html
    response = member.post("/today/swap", data=swap.data(), follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == f"/today#{swap.fields['card'][0]}"
    assert _choices(fake) == [(slot, chosen)]

    html = member.get("/today").text
    assert "Your choice: " in html
    keep = next(f for f in _forms(html, "/today/swap") if f.fields["exercise"] == [slot])
    assert keep.fields["slot"] == [slot]
    assert "instead</button>" in html
    [undo] = _forms(html, "/today/swap/undo")
    assert "Undo my swap" in html
    assert member.post("/today/swap/undo", data=undo.data()).status_code == 200
    assert _choices(fake) == []
    assert _forms(member.get("/today").text, "/today/swap/undo") == []


def test_keeping_the_plan_s_move_is_shown_and_undoable(
    member: TestClient, fake: FakeUnitOfWork
) -> None:
    swap = _forms(member.get("/today").text, "/today/swap")[0]
    slot = swap.fields["slot"][0]
    member.post("/today/swap", data=swap.data(exercise=slot))
    assert _choices(fake) == [(slot, slot)]
    html = member.get("/today").text
    assert "the plan&#39;s own move" in html or "the plan's own move" in html
    assert "Undo: let the coach decide" in html


def test_an_unsuitable_or_unknown_choice_is_a_form_message_and_stores_nothing(
    member: TestClient, fake: FakeUnitOfWork
) -> None:
    first, second = _forms(member.get("/today").text, "/today/swap")[:2]
    unsuitable = member.post(
        "/today/swap", data=first.data(exercise=second.fields["slot"][0])
    )  # already in the session with it
    assert unsuitable.status_code == 400
    assert "cannot stand in" in unsuitable.text
    unknown = member.post("/today/swap", data=first.data(slot="moonwalk"))
    assert unknown.status_code == 404
    assert "Unknown slot" in unknown.text
    assert _choices(fake) == []


def test_a_swap_needs_the_form_s_csrf_token(member: TestClient, fake: FakeUnitOfWork) -> None:
    swap = _forms(member.get("/today").text, "/today/swap")[0]
    response = member.post("/today/swap", data=swap.data(csrf="x" * 40))
    assert response.status_code == 400
    assert _choices(fake) == []
