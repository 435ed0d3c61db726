"""Where it hurts, on the pages: the set form, next-morning pain, history and progress."""

from __future__ import annotations

from fastapi.testclient import TestClient

from hipcoach.domain.catalogue import PainArea
from hipcoach.domain.log import Side
from tests.services.fakes import FakeUnitOfWork
from tests.web.forms import form_posting_to, forms_of

AREAS = ["", "knee", "hip", "low_back", "other"]
SIDES = ["", "left", "right", "both"]


def _options(html: str, name: str) -> list[str]:
    """The option values of the first select named `name`."""
    start = html.index(f'name="{name}"')
    select = html[start : html.index("</select>", start)]
    return [part.split('"', 1)[0] for part in select.split('<option value="')[1:]]


def _log_painful_set(member: TestClient, **changes: str) -> None:
    form = form_posting_to(member.get("/today").text, "/today/sets")
    data = form.data(**{"pain": "5", "pain_area": "hip", "pain_side": "left", **changes})
    response = member.post("/today/sets", data=data, follow_redirects=False)
    assert response.status_code == 303, response.text


def test_the_set_form_asks_where_and_which_side_and_stores_it(
    member: TestClient, fake: FakeUnitOfWork
) -> None:
    today = member.get("/today").text
    assert "Where does it hurt?" in today
    assert "Which side?" in today
    assert (_options(today, "pain_area"), _options(today, "pain_side")) == (AREAS, SIDES)
    form = form_posting_to(today, "/today/sets")
    assert (form.fields["pain_area"], form.fields["pain_side"]) == ([""], [""])  # not said
    _log_painful_set(member)
    [stored] = fake.committed.sets.values()
    assert (stored.pain, stored.pain_area, stored.pain_side) == (5, PainArea.HIP, Side.LEFT)
    assert "pain 5 (Hip (left))" in member.get("/today").text
    session_page = member.get(f"/sessions/{stored.session_id}").text
    assert "pain 5 (Hip (left))" in session_page


def test_a_set_done_as_prescribed_says_nowhere(member: TestClient, fake: FakeUnitOfWork) -> None:
    form = form_posting_to(member.get("/today").text, "/today/sets")
    assert member.post("/today/sets", data=form.data(), follow_redirects=False).status_code == 303
    [stored] = fake.committed.sets.values()
    assert (stored.pain, stored.pain_area, stored.pain_side) == (0, None, None)


def test_a_place_without_pain_or_an_unknown_place_is_a_form_message(
    member: TestClient, fake: FakeUnitOfWork
) -> None:
    form = form_posting_to(member.get("/today").text, "/today/sets")
    no_pain = member.post("/today/sets", data=form.data(pain="0", pain_area="knee"))
    assert no_pain.status_code == 400
    assert "Say where it hurts only when the pain is above 0" in no_pain.text
    assert 'name="pain_area" aria-invalid="true"' in no_pain.text
    unknown = member.post("/today/sets", data=form.data(pain="4", pain_area="elbow"))
    assert unknown.status_code == 400
    assert "Pain area: choose one of the options offered" in unknown.text
    no_area = member.post("/today/sets", data=form.data(pain="4", pain_side="left"))
    assert no_area.status_code == 400
    assert "Say where it hurts as well as which side" in no_area.text
    assert fake.committed.sets == {}


def test_next_morning_pain_says_where_and_shows_it_everywhere(
    member: TestClient, fake: FakeUnitOfWork
) -> None:
    _log_painful_set(member)
    [session_id] = [s.id for s in fake.committed.sessions.values()]
    page = member.get(f"/sessions/{session_id}").text
    form = form_posting_to(page, f"/sessions/{session_id}/pain")
    assert _options(page, "next_day_pain_area") == AREAS
    data = form.data(next_day_pain="4", next_day_pain_area="knee", next_day_pain_side="right")
    saved = member.post(f"/sessions/{session_id}/pain", data=data, follow_redirects=False)
    assert saved.status_code == 303, saved.text
    [session] = fake.committed.sessions.values()
    assert (session.next_day_pain, session.next_day_pain_area, session.next_day_pain_side) == (
        4,
        PainArea.KNEE,
        Side.RIGHT,
    )
    again = member.get(f"/sessions/{session_id}").text
    assert "You noted 4/10, Knee (right)." in again
    assert '<option value="knee" selected>' in again  # the form shows what was saved
    progress = member.get("/progress").text
    assert "next-morning pain 4/10 (Knee (right))" in progress
    assert "Pain over time" in progress
    assert "<td>5/10</td><td>5/10</td><td>4/10</td><td>Hip (left), Knee (right)</td>" in progress


def test_next_morning_pain_of_0_cannot_say_where(member: TestClient, fake: FakeUnitOfWork) -> None:
    _log_painful_set(member)
    [session_id] = [s.id for s in fake.committed.sessions.values()]
    form = form_posting_to(
        member.get(f"/sessions/{session_id}").text, f"/sessions/{session_id}/pain"
    )
    refused = member.post(
        f"/sessions/{session_id}/pain", data=form.data(next_day_pain="0", next_day_pain_area="hip")
    )
    assert refused.status_code == 400
    assert "Say where it hurts only when the pain is above 0" in refused.text
    [session] = fake.committed.sessions.values()
    assert session.next_day_pain is None


def test_progress_says_when_nothing_hurt(member: TestClient) -> None:
    assert "No pain logged in the last 12 weeks." in member.get("/progress").text


def test_the_profile_questions_do_not_offer_other_and_refuse_it(member: TestClient) -> None:
    page = member.get("/onboarding").text
    assert 'name="pain" value="hip"' in page
    assert 'name="pain" value="other"' not in page
    form = form_posting_to(page, "/onboarding")
    refused = member.post("/onboarding", data=form.data(pain=["hip", "other"]))
    assert refused.status_code == 400
    assert "A plan can work around pain in these areas: Knee, Hip, Lower back" in refused.text


def test_pain_seven_in_the_hip_pauses_today_and_shows_on_progress(member: TestClient) -> None:
    _log_painful_set(member, pain="7")
    today = member.get("/today").text
    assert "Paused for pain: left hip." in today
    assert "physical therapist" in today
    assert not [f for f in forms_of(today) if f.action.startswith("/today/sets")]  # no dose
    progress = member.get("/progress").text
    assert "Paused now: left hip." in progress
