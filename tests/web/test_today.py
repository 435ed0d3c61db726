"""Logging a session on the Today page: one tap per set, edits, pain, finishing."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.services.fakes import FakeUnitOfWork
from tests.web.conftest import seed_member
from tests.web.forms import FormFields, forms_of


def set_forms(html: str) -> list[FormFields]:
    return [f for f in forms_of(html) if f.action == "/today/sets"]


def set_rows(html: str) -> int:
    """The set rows on the page: a per-side move's left and right share one (and count once)."""
    return len(re.findall(r'<li class="set-(?:row|pair)[ "]', html))


def logged(fake: FakeUnitOfWork) -> list[object]:
    return list(fake.committed.sets.values())


def test_one_tap_logs_a_set_exactly_as_prescribed(member: TestClient, fake: FakeUnitOfWork) -> None:
    html = member.get("/today").text
    form = set_forms(html)[0]
    aim = form.fields["amount"][0]
    response = member.post("/today/sets", data=form.data(), follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/today?logged=")
    assert response.headers["location"].endswith("#card-5")
    [stored] = fake.committed.sets.values()
    assert stored.amount == int(aim)
    assert stored.pain == 0
    assert stored.resistance_key == form.fields["resistance_key"][0]
    assert stored.rir == int(form.fields["rir"][0])


def test_the_same_tap_twice_stores_one_set(member: TestClient, fake: FakeUnitOfWork) -> None:
    form = set_forms(member.get("/today").text)[0]
    member.post("/today/sets", data=form.data())
    member.post("/today/sets", data=form.data())
    assert len(fake.committed.sets) == 1


def test_a_retry_keeps_the_first_set_and_goes_on_as_a_success(
    member: TestClient, fake: FakeUnitOfWork
) -> None:
    form = set_forms(member.get("/today").text)[0]
    first = member.post("/today/sets", data=form.data(), follow_redirects=False)
    again = member.post("/today/sets", data=form.data(), follow_redirects=False)
    assert (first.status_code, again.status_code) == (303, 303)
    assert again.headers["location"] == first.headers["location"]
    assert len(fake.committed.sets) == 1


def test_the_same_set_id_with_other_values_is_a_form_message(
    member: TestClient, fake: FakeUnitOfWork
) -> None:
    form = set_forms(member.get("/today").text)[0]
    member.post("/today/sets", data=form.data())
    [before] = fake.committed.sets.values()
    response = member.post("/today/sets", data=form.data(amount=str(before.amount + 1)))
    assert response.status_code == 409
    assert 'role="alert"' in response.text
    assert f"Set {before.id} already exists with other values" in response.text
    assert list(fake.committed.sets.values()) == [before]


def test_one_sided_moves_get_a_left_and_a_right_row(member: TestClient) -> None:
    forms = set_forms(member.get("/today").text)
    sides = [f.fields["side"][0] for f in forms if f.fields["exercise"][0] == "clamshell"]
    assert sides == ["left", "right"] * (len(sides) // 2)
    assert sides


def test_an_edited_set_stores_what_was_done(member: TestClient, fake: FakeUnitOfWork) -> None:
    form = set_forms(member.get("/today").text)[0]
    member.post("/today/sets", data=form.data(amount="9", rir="0", pain="2", note="wobbly"))
    [stored] = fake.committed.sets.values()
    assert (stored.amount, stored.rir, stored.pain, stored.note) == (9, 0, 2, "wobbly")


def test_a_bad_amount_is_a_form_message_and_nothing_is_stored(
    member: TestClient, fake: FakeUnitOfWork
) -> None:
    form = set_forms(member.get("/today").text)[0]
    response = member.post("/today/sets", data=form.data(amount="lots"))
    assert response.status_code == 400
    assert "Amount must be a whole number" in response.text
    assert not fake.committed.sets


def test_the_prescription_does_not_shift_during_the_session(member: TestClient) -> None:
    before = [
        (f.fields["exercise"][0], f.fields["amount"][0])
        for f in set_forms(member.get("/today").text)
    ]
    member.post("/today/sets", data=set_forms(member.get("/today").text)[0].data())
    after = [
        (f.fields["exercise"][0], f.fields["amount"][0])
        for f in set_forms(member.get("/today").text)
    ]
    assert after == before[1:]


def test_a_whole_session_then_finish_shows_what_changes_next_time(
    member: TestClient, fake: FakeUnitOfWork
) -> None:
    first = member.get("/today").text
    total, rows = len(set_forms(first)), set_rows(first)
    for _ in range(total):
        member.post("/today/sets", data=set_forms(member.get("/today").text)[0].data())
    html = member.get("/today").text
    assert not set_forms(html)
    assert f"{rows} of {rows} sets logged" in html
    assert len(fake.committed.sets) == total
    done = member.get("/today/done").text
    assert f"{rows} sets logged. Well done." in done  # counted as Today counted them
    assert "What changes next time, and why" in done
    assert "Build up" in done or "step up" in done
    progress = member.get("/progress").text
    assert f"{total} sets" in progress


def test_severe_pain_stops_the_move_and_points_to_a_professional(member: TestClient) -> None:
    form = set_forms(member.get("/today").text)[0]
    exercise = form.fields["exercise"][0]
    member.post("/today/sets", data=form.data(pain="8"))
    html = member.get("/today").text
    assert "Stop this move for today" in html  # the logged set stays, with what its pain means
    assert "Paused for now" in html  # and the move pauses at once, from today
    assert "pain reached 8/10" in html
    assert "physical therapist" in html
    assert exercise not in [f.fields["exercise"][0] for f in set_forms(html)]
    done = member.get("/today/done").text
    assert "Paused for now" in done  # pain with no place given counts as hip pain: every
    assert "pain reached 8/10" in done  # hip move rests, and none is offered instead
    assert "physical therapist" in done


def test_a_set_logged_by_mistake_can_be_undone(member: TestClient, fake: FakeUnitOfWork) -> None:
    member.post("/today/sets", data=set_forms(member.get("/today").text)[0].data())
    undo = next(f for f in forms_of(member.get("/today").text) if f.action.endswith("/delete"))
    response = member.post(undo.action, data=undo.data(), follow_redirects=False)
    assert response.headers["location"] == "/today"
    assert not fake.committed.sets


def test_next_morning_pain_is_saved_on_the_session(
    member: TestClient, fake: FakeUnitOfWork
) -> None:
    member.post("/today/sets", data=set_forms(member.get("/today").text)[0].data())
    pain = next(f for f in forms_of(member.get("/today/done").text) if f.action.endswith("/pain"))
    response = member.post(pain.action, data=pain.data(next_day_pain="4"), follow_redirects=False)
    assert response.status_code == 303
    [session] = fake.committed.sessions.values()
    assert session.next_day_pain == 4


def test_timers_are_offered_for_rest_and_holds(member: TestClient) -> None:
    html = member.get("/today").text
    assert re.search(r'data-timer="\d+" data-timer-label="Rest"', html)
    assert re.search(r'data-timer="\d+" data-timer-label="Timer"', html)


def test_finishing_before_logging_says_so(member: TestClient) -> None:
    assert "Nothing is logged for today yet" in member.get("/today/done").text


def test_holds_get_a_hold_timer_and_are_logged_in_seconds(
    client: TestClient, fake: FakeUnitOfWork
) -> None:
    # Both training days of this plan hold a side bridge (a single-leg bridge would take one).
    seed_member(fake, client, goal="stability", avoid=("single_leg_bridge",))
    html = client.get("/today").text
    holds = [f for f in set_forms(html) if f.fields["kind"] == ["hold_seconds"]]
    assert holds
    assert re.search(r'data-timer="\d+" data-timer-label="Hold"', html)
    client.post("/today/sets", data=holds[0].data())
    [stored] = fake.committed.sets.values()
    assert stored.hold_seconds == int(holds[0].fields["amount"][0])


def test_pounds_are_shown_to_people_who_chose_them(member: TestClient) -> None:
    from tests.web.forms import form_posting_to

    form = form_posting_to(member.get("/settings").text, "/settings/units")
    member.post("/settings/units", data=form.data(units="lb"))
    html = member.get("/exercises/side_lying_hip_abduction").text
    assert "1 lb ankle weights" in html
    assert "0.5 kg ankle weights" not in html


def test_next_morning_pain_from_the_summary_says_where(
    member: TestClient, fake: FakeUnitOfWork
) -> None:
    member.post("/today/sets", data=set_forms(member.get("/today").text)[0].data())
    pain = next(f for f in forms_of(member.get("/today/done").text) if f.action.endswith("/pain"))
    data = pain.data(next_day_pain="5", next_day_pain_area="knee", next_day_pain_side="right")
    assert member.post(pain.action, data=data, follow_redirects=False).status_code == 303
    [session] = fake.committed.sessions.values()
    assert (session.next_day_pain, session.next_day_pain_area, session.next_day_pain_side) == (
        5,
        "knee",
        "right",
    )


def test_how_to_do_it_shows_each_move_drawn_once_with_unique_ids(member: TestClient) -> None:
    html = member.get("/today").text
    assert html.count('<figure class="move-figure">') >= 3  # warm-up items and moves
    loggable = [c for c in html.split("<article")[1:] if 'action="/today/sets"' in c]
    assert loggable, "no loggable move on the page"
    for card in loggable:  # each move being logged shows how it looks, not only warm-ups
        assert '<figure class="move-figure">' in card, card[:200]
    assert "<svg" in html
    assert "<title>" in html
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "an id appears twice on the page"


def test_the_why_of_a_two_sided_move_is_said_once_when_both_sides_agree(
    member: TestClient,
) -> None:
    html = member.get("/today").text
    assert "Why this (left)" not in html  # a first session: the same start on both sides
    assert "Why this:" in html
