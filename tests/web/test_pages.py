"""Every page renders, for the right people, with labelled inputs and no inline code."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient

from hipcoach.domain.messages import EXPECTATION
from tests.services.fakes import FakeUnitOfWork
from tests.web.conftest import seed_account

PRIVATE_PAGES = (
    "/onboarding",
    "/today",
    "/today/done",
    "/plan",
    "/plan/print",
    "/progress",
    "/settings",
)
PUBLIC_PAGES = ("/exercises", "/exercises/clamshell", "/learn", "/learn/hip_dips")
DOWNLOADS = ("/plan.ics", "/settings/export.json", "/settings/export.csv")


@pytest.mark.parametrize("path", PRIVATE_PAGES + PUBLIC_PAGES + DOWNLOADS)
def test_every_page_renders_for_a_signed_in_person(member: TestClient, path: str) -> None:
    response = member.get(path)
    assert response.status_code == 200
    assert "Traceback" not in response.text


@pytest.mark.parametrize("path", PRIVATE_PAGES + DOWNLOADS + ("/sessions/abcdefgh12345",))
def test_private_pages_send_a_signed_out_browser_to_sign_in(client: TestClient, path: str) -> None:
    response = client.get(path, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/signin?next=" + path)


@pytest.mark.parametrize("path", ["/", "/signin", "/signup", *PUBLIC_PAGES])
def test_public_pages_render_for_anyone(client: TestClient, path: str) -> None:
    assert client.get(path).status_code == 200


def test_the_front_door_sends_a_signed_in_person_to_today(member: TestClient) -> None:
    response = member.get("/", follow_redirects=False)
    assert response.headers["location"] == "/today"


def test_the_front_door_tells_the_honest_expectation(client: TestClient) -> None:
    assert "cannot change bone" in client.get("/").text


@pytest.mark.parametrize("path", ["/plan", "/progress"])
def test_the_expectation_note_appears_on_plan_and_progress(member: TestClient, path: str) -> None:
    html = member.get(path).text
    assert EXPECTATION.split(".")[0] in html
    assert "no program can remove them" in html


def test_a_person_without_a_plan_is_sent_to_onboarding(
    client: TestClient, fake: FakeUnitOfWork
) -> None:
    seed_account(fake, client)
    for path in ("/today", "/plan", "/progress"):
        assert client.get(path, follow_redirects=False).headers["location"] == "/onboarding"


def test_an_unknown_exercise_is_a_404_page_not_a_traceback(client: TestClient) -> None:
    response = client.get("/exercises/clamshel")
    assert response.status_code == 404
    assert "text/html" in response.headers["content-type"]
    assert "Did you mean: clamshell" in response.text


def test_a_bad_filter_is_shown_as_a_form_message(client: TestClient) -> None:
    response = client.get("/exercises?muscle=glutes")
    assert response.status_code == 400
    assert "Unknown muscle" in response.text


def test_filters_narrow_the_catalogue(client: TestClient) -> None:
    every = client.get("/exercises").text.count('class="card exercise-card"')
    banded = client.get("/exercises?equipment=cable_machine&role=isolation").text
    assert 0 < banded.count('class="card exercise-card"') < every
    assert "Cable hip abduction" in banded


def test_an_exercise_without_emg_data_says_so(client: TestClient) -> None:
    from hipcoach.content.loader import load_catalogue

    missing = [e for e in load_catalogue().exercises if not e.has_emg_data]
    assert missing, "the catalogue has no move without EMG data to show"
    assert "No EMG data" in client.get(f"/exercises/{missing[0].key}").text


def test_evidence_numbers_carry_their_labels(client: TestClient) -> None:
    html = client.get("/exercises/side_lying_hip_abduction").text
    assert "verified-abstract" in html
    assert "What the labels mean" in html
    assert "peak · no added load · surface electrodes · Boren 2011" in html
    assert "mean · loaded · surface electrodes · MacAskill 2014" in html


def test_learn_pages_render_markdown_as_html(client: TestClient) -> None:
    html = client.get("/learn/hip_dips").text
    assert "<h2>Where the curve comes from</h2>" in html
    assert "<strong>secondary</strong>" in html
    assert "# What" not in html


def test_pages_are_kept_out_of_the_openapi_schema(client: TestClient) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    assert not [p for p in paths if not p.startswith("/api/")]


INLINE = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle=|\son[a-z]+=", re.IGNORECASE)


@pytest.mark.parametrize("path", PRIVATE_PAGES + PUBLIC_PAGES)
def test_pages_have_no_inline_script_or_style(member: TestClient, path: str) -> None:
    assert not INLINE.findall(member.get(path).text)


class _Labels(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.label_for: set[str] = set()
        self.controls: list[tuple[str, dict[str, str]]] = []
        self.inside_label = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "label":
            self.inside_label += 1
            if "for" in a:
                self.label_for.add(a["for"])
        if tag in ("input", "select", "textarea"):
            if a.get("type") in ("hidden", "submit", "button") or "hidden" in a:
                return
            self.controls.append((tag, a | {"_wrapped": "1" if self.inside_label else ""}))

    def handle_endtag(self, tag: str) -> None:
        if tag == "label":
            self.inside_label -= 1


FORM_PAGES = ("/onboarding", "/today", "/plan", "/progress", "/settings", "/exercises")


@pytest.mark.parametrize("path", FORM_PAGES)
def test_every_input_has_a_label(member: TestClient, path: str) -> None:
    parser = _Labels()
    parser.feed(member.get(path).text)
    unlabelled = [
        attrs
        for _, attrs in parser.controls
        if not attrs["_wrapped"] and attrs.get("id") not in parser.label_for
    ]
    assert parser.controls
    assert not unlabelled


@pytest.mark.parametrize("path", ["/signup", "/signin"])
def test_signed_out_forms_are_labelled(client: TestClient, path: str) -> None:
    parser = _Labels()
    parser.feed(client.get(path).text)
    assert parser.controls
    assert all(a["_wrapped"] or a.get("id") in parser.label_for for _, a in parser.controls)


def test_an_unknown_address_is_an_html_404_page(client: TestClient) -> None:
    response = client.get("/no-such-page")
    assert response.status_code == 404
    assert "text/html" in response.headers["content-type"]
    assert "There is no page at this address" in response.text


def test_unknown_api_addresses_stay_json(client: TestClient) -> None:
    response = client.get("/api/v1/no-such-thing")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/json")
