"""Notes and how hard a session felt (session RPE), from Today, the summary and a past session's
page: stored by the logbook edit the API's PATCH uses, bad input a form message."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient

from hipcoach.domain.log import TrainingSession
from hipcoach.web.security import CSRF_FIELD
from tests.services.fakes import FakeUnitOfWork
from tests.web.conftest import seed_member
from tests.web.forms import form_posting_to


def _log_a_set(member: TestClient, fake: FakeUnitOfWork) -> str:
    form = form_posting_to(member.get("/today").text, "/today/sets")
    assert member.post("/today/sets", data=form.data(), follow_redirects=False).status_code == 303
    [session] = fake.committed.sessions.values()
    return session.id


def _stored(fake: FakeUnitOfWork, session_id: str) -> TrainingSession:
    [session] = [s for s in fake.committed.sessions.values() if s.id == session_id]
    return session


def test_today_offers_notes_and_effort_only_once_the_session_exists(
    member: TestClient, fake: FakeUnitOfWork
) -> None:
    assert "/notes" not in member.get("/today").text
    session_id = _log_a_set(member, fake)
    form = form_posting_to(member.get("/today").text, f"/sessions/{session_id}/notes")
    assert (form.fields["rpe"], form.fields["notes"], form.fields["back"]) == (
        [""],
        [""],
        ["today"],
    )
    data = form.data(rpe="7", notes="Slept badly; the band walks felt heavy.")
    saved = member.post(f"/sessions/{session_id}/notes", data=data, follow_redirects=False)
    assert (saved.status_code, saved.headers["location"]) == (303, "/today#session-notes")
    stored = _stored(fake, session_id)
    assert (stored.rpe, stored.notes, stored.version) == (7, data["notes"], 2)
    again = form_posting_to(member.get("/today").text, f"/sessions/{session_id}/notes")
    assert (again.fields["rpe"], again.fields["version"]) == (["7"], ["2"])
    assert again.fields["notes"] == [data["notes"]]


def test_a_past_session_s_page_edits_its_notes_and_clears_its_effort(
    member: TestClient, fake: FakeUnitOfWork
) -> None:
    session_id = _log_a_set(member, fake)
    url = f"/sessions/{session_id}/notes"
    form = form_posting_to(member.get(f"/sessions/{session_id}").text, url)
    assert "back" not in form.fields
    member.post(url, data=form.data(rpe="9", notes="hard"), follow_redirects=False)
    page = member.get(f"/sessions/{session_id}?notice=notes").text
    assert "Notes and effort saved." in page
    assert '<option value="9" selected>9 · close to my limit</option>' in page
    form = form_posting_to(page, url)
    cleared = member.post(url, data=form.data(rpe=""), follow_redirects=False)
    assert cleared.headers["location"] == f"/sessions/{session_id}?notice=notes"
    assert (_stored(fake, session_id).rpe, _stored(fake, session_id).notes) == (None, "hard")


def test_the_summary_saves_notes_and_returns_to_itself(
    member: TestClient, fake: FakeUnitOfWork
) -> None:
    session_id = _log_a_set(member, fake)
    url = f"/sessions/{session_id}/notes"
    form = form_posting_to(member.get("/today/done").text, url)
    saved = member.post(url, data=form.data(rpe="5"), follow_redirects=False)
    assert saved.headers["location"] == "/today/done#session-notes"
    assert _stored(fake, session_id).rpe == 5


def test_an_effort_outside_1_to_10_or_a_stale_version_is_a_form_message_and_stores_nothing(
    member: TestClient, fake: FakeUnitOfWork
) -> None:
    session_id = _log_a_set(member, fake)
    url = f"/sessions/{session_id}/notes"
    form = form_posting_to(member.get(f"/sessions/{session_id}").text, url)
    for bad in ("11", "0", "hard"):
        refused = member.post(url, data=form.data(rpe=bad, notes="kept?"))
        assert refused.status_code == 400, bad
        assert 'name="rpe" aria-invalid="true"' in refused.text
    assert (
        "Session effort must be between 1 and 10" in member.post(url, data=form.data(rpe="11")).text
    )
    too_long = member.post(url, data=form.data(notes="x" * 2001))
    assert too_long.status_code == 400
    assert "at most 2000 characters" in too_long.text
    member.post(url, data=form.data(rpe="6"))
    stale = member.post(url, data=form.data(rpe="8"))  # the same form, version 1 again
    assert stale.status_code == 409
    assert "reload it and try again" in stale.text
    stored = _stored(fake, session_id)
    assert (stored.rpe, stored.notes, stored.version) == (6, "", 2)
    from_today = member.post(url, data=form.data(rpe="11", back="today"))
    assert from_today.status_code == 400
    assert "Today" in from_today.text
    assert 'name="rpe" aria-invalid="true"' in from_today.text


def test_nobody_else_can_write_notes_on_a_session(
    member: TestClient, fake: FakeUnitOfWork, make_client: Callable[..., TestClient]
) -> None:
    session_id = _log_a_set(member, fake)
    other = make_client()
    seed_member(fake, other, "bo@example.com")
    form = form_posting_to(other.get("/today").text, "/today/sets")
    [csrf] = form.fields[CSRF_FIELD]
    response = other.post(
        f"/sessions/{session_id}/notes", data={CSRF_FIELD: csrf, "version": "1", "rpe": "3"}
    )
    assert response.status_code == 404
    assert _stored(fake, session_id).rpe is None
