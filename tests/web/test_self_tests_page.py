"""The Self-tests section of Progress: how to do each test, a plain form per test that works
without JavaScript (CSRF like every form), results drawn as a chart with its table, and a
pointer from Today when a test is due."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import timedelta

from fastapi.testclient import TestClient

from hipcoach.domain.log import Side
from hipcoach.services import selftest
from hipcoach.web.visitor import today
from tests.services.fakes import FakeUnitOfWork
from tests.web.forms import FormFields, forms_of

FIGURE = re.compile(r'<figure class="chart-figure" id="([^"]+)">(.*?)</figure>', re.S)


def _form_of(html: str, test: str) -> FormFields:
    found = [f for f in forms_of(html) if f.action == "/progress/self-tests"]
    assert len(found) == 5
    return next(f for f in found if f.fields["test"] == [test])


def test_the_section_explains_each_test_and_says_all_are_due_at_first(member: TestClient) -> None:
    html = member.get("/progress").text
    assert 'id="self-tests"' in html
    assert "not the shape of your hips" in html
    assert "<strong>Due today:</strong>" in html
    assert "Crossley KM" in html
    assert "verified-qualitative" in html
    assert "no study has checked this exact version" in html
    assert 'name="left" type="number" inputmode="numeric" step="1" min="0" max="30"' in html
    assert "self-tests-chart" not in html  # nothing to draw yet
    assert "style=" not in html


def test_a_result_saved_by_the_form_is_drawn_with_its_table(
    member: TestClient, fake: FakeUnitOfWork
) -> None:
    form = _form_of(member.get("/progress").text, "single_leg_stance")
    assert form.fields["csrf"][0]  # the hidden CSRF field, sent unchanged
    response = member.post(
        "/progress/self-tests", data=form.data(left="22", right="30"), follow_redirects=False
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/progress?notice=tested#self-tests"
    html = member.get("/progress?notice=tested").text
    assert "Self-test saved." in html
    body = dict(FIGURE.findall(html))["self-tests-chart"]
    svg = body[body.index("<svg") : body.index("</svg>") + 6]
    assert ET.fromstring(svg).get("role") == "img"
    assert "30-second single-leg stance (seconds), Left" in body
    assert "<td>22 seconds</td><td>30 seconds</td>" in body
    assert "last done" in html
    again = member.post("/progress/self-tests", data=form.data(left="22", right="30"))
    assert again.status_code == 200  # the same ids again: stored once
    (user,) = fake.committed.users
    assert len(selftest.list_results(uow=fake, user_id=user)) == 2


def test_a_result_out_of_range_shows_the_form_again_and_stores_nothing(
    member: TestClient, fake: FakeUnitOfWork
) -> None:
    form = _form_of(member.get("/progress").text, "step_down_quality")
    response = member.post("/progress/self-tests", data=form.data(left="3", right="5"))
    assert response.status_code == 400
    assert "Step-down quality, right side (points) must be between 0 and 4." in response.text
    assert 'aria-invalid="true"' in response.text
    (user,) = fake.committed.users
    assert selftest.list_results(uow=fake, user_id=user) == []
    later = (today() + timedelta(days=1)).isoformat()
    future = member.post("/progress/self-tests", data=form.data(left="3", date=later))
    assert future.status_code == 400
    assert "after today" in future.text


def test_the_form_needs_its_csrf_token(member: TestClient, fake: FakeUnitOfWork) -> None:
    form = _form_of(member.get("/progress").text, "side_bridge_hold")
    data = form.data(left="40")
    data.pop("csrf")
    response = member.post("/progress/self-tests", data=data)
    assert response.status_code == 400
    assert "expired" in response.text
    (user,) = fake.committed.users
    assert selftest.list_results(uow=fake, user_id=user) == []


def test_today_points_to_the_self_tests_while_they_are_due(
    member: TestClient, fake: FakeUnitOfWork
) -> None:
    html = member.get("/today").text
    assert "Self-tests due: Side-bridge hold" in html
    assert 'href="/progress#self-tests"' in html
    for test in (
        "side_bridge_hold",
        "single_leg_stance",
        "step_down_quality",
        "side_lying_abduction_reps",
    ):
        form = _form_of(member.get("/progress").text, test)
        member.post("/progress/self-tests", data=form.data(left="3", right="3"))
    assert "Self-tests due" not in member.get("/today").text
    assert "Self-test due" not in member.get("/today").text


def test_a_result_is_deleted_only_after_the_confirm_button_and_the_others_stay(
    member: TestClient, fake: FakeUnitOfWork
) -> None:
    form = _form_of(member.get("/progress").text, "single_leg_stance")
    member.post("/progress/self-tests", data=form.data(left="22", right="30"))
    (user,) = fake.committed.users
    left, right = selftest.list_results(uow=fake, user_id=user)
    html = member.get("/progress").text
    assert "Your results (2)" in html
    deletes = [f for f in forms_of(html) if f.action.endswith("/delete")]
    assert {f.action for f in deletes} == {
        f"/progress/self-tests/{left.id}/delete",
        f"/progress/self-tests/{right.id}/delete",
    }
    # The button sits inside a closed "Delete" disclosure: opening it is the first step.
    assert html.count('<details class="confirm">') == 2
    assert "Yes, delete" in html
    confirm = next(f for f in deletes if left.id in f.action)
    done = member.post(confirm.action, data=confirm.data(), follow_redirects=False)
    assert done.status_code == 303
    assert done.headers["location"] == "/progress?notice=untested#self-tests"
    assert "Self-test result deleted." in member.get("/progress?notice=untested").text
    assert selftest.list_results(uow=fake, user_id=user) == [right]
    gone = member.post(confirm.action, data=confirm.data())
    assert gone.status_code == 404  # the page again, saying what is missing
    assert f"No self-test result {left.id}." in gone.text
    assert selftest.list_results(uow=fake, user_id=user) == [right]


def test_deleting_a_result_needs_the_csrf_token(member: TestClient, fake: FakeUnitOfWork) -> None:
    form = _form_of(member.get("/progress").text, "single_leg_stance")
    member.post("/progress/self-tests", data=form.data(left="22", right="30"))
    (user,) = fake.committed.users
    first = selftest.list_results(uow=fake, user_id=user)[0]
    refused = member.post(f"/progress/self-tests/{first.id}/delete", data={})
    assert refused.status_code == 400
    assert "expired" in refused.text
    assert len(selftest.list_results(uow=fake, user_id=user)) == 2


def _edits(html: str) -> list[FormFields]:
    return [f for f in forms_of(html) if f.action.endswith("/edit")]


def test_a_result_is_corrected_from_its_edit_disclosure_and_the_others_stay(
    member: TestClient, fake: FakeUnitOfWork
) -> None:
    form = _form_of(member.get("/progress").text, "single_leg_stance")
    member.post("/progress/self-tests", data=form.data(left="22", right="30"))
    (user,) = fake.committed.users
    left, right = sorted(selftest.list_results(uow=fake, user_id=user), key=lambda r: r.side)
    html = member.get("/progress").text
    edits = _edits(html)
    assert {f.action for f in edits} == {
        f"/progress/self-tests/{left.id}/edit",
        f"/progress/self-tests/{right.id}/edit",
    }
    # A closed "Edit" disclosure beside each Delete, holding the result as it is now.
    assert html.count('<details class="edit">') == 2
    form = next(f for f in edits if left.id in f.action)
    assert form.fields["value"] == ["22"]
    assert form.fields["date"] == [left.date.isoformat()]
    assert 'min="0" max="30" value="22" required' in html
    yesterday = (today() - timedelta(days=1)).isoformat()
    done = member.post(
        form.action, data=form.data(value="25", date=yesterday), follow_redirects=False
    )
    assert done.status_code == 303
    assert done.headers["location"] == "/progress?notice=corrected#self-tests"
    assert "Self-test result changed." in member.get("/progress?notice=corrected").text
    fixed = selftest.get_result(uow=fake, user_id=user, result_id=left.id)
    assert (fixed.test, fixed.side, fixed.value, fixed.date.isoformat()) == (
        left.test,
        left.side,
        25,
        yesterday,
    )
    assert selftest.list_results(uow=fake, user_id=user) == [fixed, right]


def test_a_correction_out_of_range_is_refused_in_the_recording_forms_words(
    member: TestClient, fake: FakeUnitOfWork
) -> None:
    form = _form_of(member.get("/progress").text, "step_down_quality")
    member.post("/progress/self-tests", data=form.data(left="3", right="4"))
    (user,) = fake.committed.users
    stored = selftest.list_results(uow=fake, user_id=user)
    recording = member.post("/progress/self-tests", data=form.data(right="5"))
    said = "Step-down quality, right side (points) must be between 0 and 4."
    assert said in recording.text
    (right,) = [r for r in stored if r.side is Side.RIGHT]
    edit = next(f for f in _edits(member.get("/progress").text) if right.id in f.action)
    refused = member.post(edit.action, data=edit.data(value="5"))
    assert refused.status_code == 400
    assert said in refused.text
    later = (today() + timedelta(days=1)).isoformat()
    future = member.post(edit.action, data=edit.data(date=later))
    assert future.status_code == 400
    assert "after today" in future.text
    assert selftest.list_results(uow=fake, user_id=user) == stored


def test_a_correction_of_a_result_that_is_gone_is_404_and_needs_the_csrf_token(
    member: TestClient, fake: FakeUnitOfWork
) -> None:
    form = _form_of(member.get("/progress").text, "single_leg_stance")
    member.post("/progress/self-tests", data=form.data(left="22", right="30"))
    (user,) = fake.committed.users
    left, right = sorted(selftest.list_results(uow=fake, user_id=user), key=lambda r: r.side)
    edit = next(f for f in _edits(member.get("/progress").text) if left.id in f.action)
    refused = member.post(edit.action, data={"value": "25"})
    assert refused.status_code == 400
    assert "expired" in refused.text
    selftest.delete_result(uow=fake, user_id=user, result_id=left.id)
    gone = member.post(edit.action, data=edit.data(value="25"))
    assert gone.status_code == 404  # the page again, saying what is missing
    assert f"No self-test result {left.id}." in gone.text
    assert selftest.list_results(uow=fake, user_id=user) == [right]
