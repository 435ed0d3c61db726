"""Settings: units, exports and imports, the calendar feed, tokens, password and deletion."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import icalendar
from fastapi.testclient import TestClient

from tests.services.fakes import FakeUnitOfWork
from tests.web.conftest import PASSWORD, seed_account
from tests.web.forms import form_posting_to, forms_of
from tests.web.test_today import set_forms


def _post(browser: TestClient, action: str, page: str = "/settings", **changes: str) -> str:
    form = form_posting_to(browser.get(page).text, action)
    return str(browser.post(action, data=form.data(**changes)).text)


def test_units_change_to_pounds(member: TestClient) -> None:
    _post(member, "/settings/units", units="lb")
    assert 'value="lb" checked' in member.get("/settings").text
    assert "Body weight (lb)" in member.get("/progress").text


def test_the_calendar_feed_is_shown_once_and_parses(member: TestClient) -> None:
    html = _post(member, "/settings/calendar")
    found = re.search(r'value="http://testserver(/calendar/[A-Za-z0-9_-]+\.ics)"', html)
    assert found
    path = found.group(1)
    assert "cannot be shown again" in member.get("/settings").text
    feed = TestClient(member.app).get(path)  # a calendar app: no cookies
    assert feed.status_code == 200
    assert feed.headers["content-type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(feed.content)
    events = list(calendar.walk("VEVENT"))
    assert events
    assert str(events[0]["SUMMARY"]).startswith("hipcoach")
    _post(member, "/settings/calendar/revoke")
    assert TestClient(member.app).get(path).status_code == 404


def test_an_unknown_calendar_address_is_a_404(client: TestClient) -> None:
    assert client.get("/calendar/" + "x" * 43 + ".ics").status_code == 404


def test_the_plan_downloads_as_icalendar(member: TestClient) -> None:
    response = member.get("/plan.ics")
    assert "attachment" in response.headers["content-disposition"]
    assert icalendar.Calendar.from_ical(response.content).walk("VEVENT")


def test_an_api_token_is_shown_once_and_can_be_revoked(member: TestClient) -> None:
    html = _post(member, "/settings/tokens", name="phone")
    assert "it will not be shown again" in html
    found = re.search(r'value="(hc_[A-Za-z0-9_-]{20,})"', html)
    assert found
    assert found.group(1) not in member.get("/settings").text
    revoke = next(
        f
        for f in forms_of(member.get("/settings").text)
        if f.action.endswith("/revoke") and "/tokens/" in f.action
    )
    member.post(revoke.action, data=revoke.data())
    assert "revoked" in member.get("/settings").text


def test_a_token_needs_a_name(member: TestClient) -> None:
    form = form_posting_to(member.get("/settings").text, "/settings/tokens")
    response = member.post("/settings/tokens", data=form.data(name=" "))
    assert response.status_code == 401
    assert "Give the token a name" in response.text


def test_export_then_import_a_backup(member: TestClient, fake: FakeUnitOfWork) -> None:
    member.post("/today/sets", data=set_forms(member.get("/today").text)[0].data())
    backup = member.get("/settings/export.json")
    assert json.loads(backup.text)
    assert "attachment" in backup.headers["content-disposition"]
    assert member.get("/settings/export.csv").text.count("\n") >= 2
    form = form_posting_to(member.get("/settings").text, "/settings/import")
    response = member.post(
        "/settings/import",
        data=form.data(),
        files={"file": ("backup.json", backup.content, "application/json")},
    )
    assert response.status_code == 200
    assert "Imported (hipcoach backup)" in response.text
    assert "0 sessions, 0 sets" in response.text


def test_a_strong_export_s_other_exercises_are_kept_and_shown_on_progress(
    member: TestClient, fake: FakeUnitOfWork
) -> None:
    strong = (
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,RPE\n"
        "2026-01-05 18:00:00,Gym,1h,Glute Bridge,1,20,12,0,0,\n"
        "2026-01-05 18:00:00,Gym,1h,Bench Press (Barbell),1,60,8,0,0,\n"
        "2026-01-05 18:00:00,Gym,1h,Bench Press (Barbell),2,60,6,0,0,\n"
    )
    _post(member, "/settings/units", units="lb")
    form = form_posting_to(member.get("/settings").text, "/settings/import")
    response = member.post(
        "/settings/import",
        data=form.data(),
        files={"file": ("strong.csv", strong.encode(), "text/csv")},
    )
    assert response.status_code == 200
    assert "Kept as your own exercises (2 sets new)" in response.text
    assert "<li>Bench Press (Barbell) (2 sets)</li>" in response.text
    assert len(fake.committed.own_sets) == 2
    progress = member.get("/progress").text
    assert "Your own exercises" in progress
    # 60 kg read as pounds (the person's units) is 27.22 kg, shown back as 60 lb.
    assert "Bench Press (Barbell) · 2 sets: 8, 6 reps at 60 lb" in progress


def test_importing_nonsense_says_why(member: TestClient) -> None:
    form = form_posting_to(member.get("/settings").text, "/settings/import")
    response = member.post(
        "/settings/import",
        data=form.data(),
        files={"file": ("x.csv", b"\xff\xfe\x00junk", "text/csv")},
    )
    assert response.status_code == 400
    assert "not UTF-8" in response.text


def test_changing_the_password_keeps_this_browser_signed_in(
    member: TestClient, make_client: Callable[..., TestClient]
) -> None:
    other = make_client()
    form = form_posting_to(other.get("/signin").text, "/signin")
    other.post("/signin", data=form.data(email="ann@example.com", password=PASSWORD))
    assert other.get("/settings", follow_redirects=False).status_code == 200
    form = form_posting_to(member.get("/settings").text, "/settings/password")
    data = form.data(current_password=PASSWORD, new_password="a new passphrase")
    response = member.post("/settings/password", data=data, follow_redirects=False)
    assert response.status_code == 200
    assert "Password changed. Signed out 1 other browser" in response.text
    assert member.get("/settings", follow_redirects=False).status_code == 200
    assert other.get("/settings", follow_redirects=False).status_code == 303


def test_a_wrong_current_password_changes_nothing(member: TestClient) -> None:
    html = _post(
        member,
        "/settings/password",
        current_password="not it at all",
        new_password="a new passphrase",
    )
    assert "The current password is not right" in html


def test_deleting_the_account_removes_everything(member: TestClient, fake: FakeUnitOfWork) -> None:
    member.post("/today/sets", data=set_forms(member.get("/today").text)[0].data())
    assert "password is not right" in _post(member, "/settings/delete", password="wrong one!!")
    form = form_posting_to(member.get("/settings").text, "/settings/delete")
    response = member.post(
        "/settings/delete", data=form.data(password=PASSWORD), follow_redirects=False
    )
    assert response.headers["location"] == "/?notice=deleted"
    data = fake.committed
    assert not data.users
    assert not data.accounts
    assert not data.plans
    assert not data.sessions
    assert not data.sets
    assert member.get("/today", follow_redirects=False).status_code == 303


def test_regenerating_the_plan_from_the_plan_page(member: TestClient, fake: FakeUnitOfWork) -> None:
    form = form_posting_to(member.get("/plan").text, "/onboarding")
    response = member.post("/onboarding", data=form.data(minutes="20"), follow_redirects=False)
    assert response.headers["location"] == "/plan?notice=new"
    assert len(fake.committed.plans) == 2
    assert "about 20 minutes" in member.get("/plan").text


def test_impossible_answers_are_shown_on_the_form(member: TestClient) -> None:
    form = form_posting_to(member.get("/onboarding").text, "/onboarding")
    response = member.post("/onboarding", data=form.data(days=["mon", "tue"]))
    assert response.status_code == 400
    assert "back to back" in response.text


def test_a_measurement_is_added_with_the_honest_note(member: TestClient) -> None:
    form = form_posting_to(member.get("/progress").text, "/progress/measurements")
    response = member.post(
        "/progress/measurements", data=form.data(hip_cm="98.5"), follow_redirects=False
    )
    assert response.status_code == 303
    html = member.get("/progress").text
    assert "98.5 cm" in html
    assert "Tape measurements move slowly" in html


def test_a_measurement_out_of_range_is_a_form_message(member: TestClient) -> None:
    form = form_posting_to(member.get("/progress").text, "/progress/measurements")
    response = member.post("/progress/measurements", data=form.data(hip_cm="9"))
    assert response.status_code == 400
    assert "hip_cm must be between" in response.text


def test_a_second_account_is_separate(
    make_client: Callable[..., TestClient], fake: FakeUnitOfWork
) -> None:
    seed_account(fake, make_client())
    second = make_client()
    seed_account(fake, second, "bob@example.com")
    assert "bob@example.com" in second.get("/settings").text
    assert "ann@example.com" not in second.get("/settings").text
