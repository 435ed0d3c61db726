"""A past session's sets from the web: corrected in place, deleted only after a confirming
button, and put back by "Undo" with every value they had."""

from __future__ import annotations

from fastapi.testclient import TestClient

from hipcoach.domain.log import LoggedSet
from tests.services.fakes import FakeUnitOfWork
from tests.web.forms import forms_of
from tests.web.test_today import set_forms


def _one_logged(member: TestClient, fake: FakeUnitOfWork) -> LoggedSet:
    form = set_forms(member.get("/today").text)[0]
    member.post(
        "/today/sets",
        data=form.data(pain="2", pain_area="hip", pain_side="left", note="felt the outer hip"),
    )
    [logged] = fake.committed.sets.values()
    return logged


def _form(page: str, action: str) -> object:
    return next(f for f in forms_of(page) if f.action == action)


def test_a_past_set_is_corrected_in_place(member: TestClient, fake: FakeUnitOfWork) -> None:
    logged = _one_logged(member, fake)
    url = f"/sessions/{logged.session_id}"
    edit = next(f for f in forms_of(member.get(url).text) if f.action.endswith("/edit"))
    assert edit.fields["amount"] == [str(logged.amount)]  # the form starts from the set
    assert edit.fields["note"] == ["felt the outer hip"]
    response = member.post(
        edit.action, data=edit.data(amount="9", pain="0", note=""), follow_redirects=False
    )
    assert response.status_code == 303
    assert response.headers["location"] == f"{url}?notice=edited#set-{logged.id}"
    [corrected] = fake.committed.sets.values()
    assert (corrected.id, corrected.amount, corrected.pain, corrected.note) == (logged.id, 9, 0, "")
    assert (logged.pain_area, corrected.pain_area, corrected.pain_side) == ("hip", None, None)
    assert (corrected.exercise, corrected.side, corrected.logged_at) == (
        logged.exercise,
        logged.side,
        logged.logged_at,
    )
    assert "Set corrected." in member.get(f"{url}?notice=edited").text


def test_an_impossible_correction_says_why_and_changes_nothing(
    member: TestClient, fake: FakeUnitOfWork
) -> None:
    logged = _one_logged(member, fake)
    url = f"/sessions/{logged.session_id}"
    edit = next(f for f in forms_of(member.get(url).text) if f.action.endswith("/edit"))
    response = member.post(edit.action, data=edit.data(amount="0"))
    assert response.status_code == 400
    assert "must be" in response.text
    assert list(fake.committed.sets.values()) == [logged]


def test_a_deleted_set_goes_only_by_its_confirming_button_and_undo_puts_it_back(
    member: TestClient, fake: FakeUnitOfWork
) -> None:
    logged = _one_logged(member, fake)
    url = f"/sessions/{logged.session_id}"
    page = member.get(url).text
    assert '<details class="confirm">' in page  # the button sits behind a disclosure
    assert "Delete this set? You can put it back right after." in page
    delete = next(f for f in forms_of(page) if f.action.endswith("/delete"))
    gone = member.post(delete.action, data=delete.data(), follow_redirects=False)
    assert gone.status_code == 200  # the page itself: the copy is in its form, not an address
    assert not fake.committed.sets
    after = gone.text
    assert "Set removed." in after
    assert "Undo" not in member.get(url).text  # nothing to put back once the page is left
    undo = next(f for f in forms_of(after) if f.action.endswith("/sets/restore"))
    back = member.post(undo.action, data=undo.data(), follow_redirects=False)
    assert back.status_code == 303
    assert list(fake.committed.sets.values()) == [logged]  # every value, the time too
    again = member.post(undo.action, data=undo.data(), follow_redirects=False)
    assert again.status_code == 303  # a second tap stores nothing new
    assert list(fake.committed.sets.values()) == [logged]


def test_a_damaged_undo_copy_is_refused_with_a_message(
    member: TestClient, fake: FakeUnitOfWork
) -> None:
    logged = _one_logged(member, fake)
    url = f"/sessions/{logged.session_id}"
    delete = next(f for f in forms_of(member.get(url).text) if f.action.endswith("/delete"))
    after = member.post(delete.action, data=delete.data()).text
    undo = next(f for f in forms_of(after) if f.action.endswith("/sets/restore"))
    for damaged in ("%%%", "eyJpZCI6IDF9"):  # not base64; a set with a number for its id
        response = member.post(undo.action, data=undo.data(set=damaged))
        assert response.status_code == 400
        assert "its copy is damaged" in response.text
    assert not fake.committed.sets


def test_a_move_outside_today_s_plan_is_added_to_today_s_session(
    member: TestClient, fake: FakeUnitOfWork
) -> None:
    add = next(
        f
        for f in forms_of(member.get("/today").text)
        if "move" in f.fields and f.action == "/past-sessions"
    )
    opened = member.post(add.action, data=add.data(move="hip_hitch"), follow_redirects=False)
    assert opened.status_code == 303
    location = opened.headers["location"]
    assert location.endswith("&move=hip_hitch#move-hip_hitch")
    [session] = fake.committed.sessions.values()
    page = member.get(location).text
    form = next(
        f
        for f in forms_of(page)
        if f.action == f"/sessions/{session.id}/sets" and f.fields.get("exercise") == ["hip_hitch"]
    )
    added = member.post(form.action, data=form.data(amount="8"), follow_redirects=False)
    assert added.status_code == 303
    [logged] = fake.committed.sets.values()
    assert (logged.exercise, logged.amount, logged.session_id) == ("hip_hitch", 8, session.id)
    unknown = member.post(add.action, data=add.data(move="no_such_move"), follow_redirects=False)
    assert "move=" not in unknown.headers["location"]  # an unknown key opens the day only
