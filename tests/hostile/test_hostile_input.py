"""Hostile input to the API, the CLI and the importers: a clear 4xx (or exit 2), never a 500
or a traceback, and nothing stored half. The API half runs on SQLite and on PostgreSQL.

What this file pins down:
- A body over the limit is a 413 in the API's error shape, whether Content-Length declares
  the size or the body streams past it; the web pages keep a plain-text 413.
- Control characters are REFUSED, never stripped: U+0000-U+001F and U+007F-U+009F other
  than tab, line feed and carriage return, in names, notes, emails and imported files, with
  the field named (API 400, CLI exit 2, an import refused whole naming the line). Stripping
  would silently store something other than what was sent, and PostgreSQL cannot store NUL
  at all. An id holding one is simply not found (404). Tab and line breaks are kept.
- Every other character (emoji, right-to-left scripts, combining marks, decomposed accents)
  is stored and returned exactly as sent, not normalised.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from hipcoach.bootstrap import build
from hipcoach.cli.main import app as cli
from hipcoach.config import Settings
from hipcoach.content.loader import load_catalogue
from hipcoach.domain.errors import HipcoachError
from hipcoach.domain.log import LogError
from hipcoach.formats.importers import detect_format, parse_hevy, parse_strong
from hipcoach.server import create_app
from hipcoach.services import backup
from hipcoach.services.runtime import Runtime
from tests.api.conftest import PASSWORD, PROFILE, Person, error_of
from tests.services.fakes import FakeUnitOfWork

FIXTURES = Path(__file__).parent.parent / "formats" / "fixtures"
STRONG = (FIXTURES / "strong_comma.csv").read_text(encoding="utf-8")
HEVY = (FIXTURES / "hevy.csv").read_text(encoding="utf-8")
JSON = {"content-type": "application/json"}
MB = 1024 * 1024
CONTROL = ["\x00", "\x07", "\x1b", "\x7f", "\x85"]  # NUL, bell, escape, delete, next line (C1)
UNICODE = {
    "emoji": "💪🏽 👩‍👩‍👧 🏋️‍♀️ 🇩🇪",
    "rtl": "שלום עולם · مرحبا بالعالم \u200f(rlm) \u202bembedded\u202c",
    "combining": "e\u0301 a\u0308 Z\u0335\u0321\u0353 \u0915\u094d\u0937",  # not NFC-normalised
    "astral": "\U0001d525\U0001d526\U0001d52d \U00013080 \U0002070e",  # fraktur "hip" and more
    "cjk": "臀中肌 と 小殿筋",
    "lines": "line 1\n\tline 2\r\nline 3",
}


def stored(runtime: Runtime, user_id: str) -> tuple[int, int, int]:
    """(sessions, sets, measurements) the user has in the database."""
    uow = runtime.uow()
    with uow:
        return (
            len(uow.sessions.all(user_id)),
            len(uow.sets.all(user_id)),
            len(uow.measurements.all(user_id)),
        )


def new_session(client: TestClient, person: Person, session_id: str = "hostile-session") -> str:
    body = {"id": session_id, "date": "2026-01-05", "plan_week": 1, "plan_session": 1}
    response = client.post("/api/v1/sessions", json=body, headers=person.headers)
    assert response.status_code == 201, response.text
    return session_id


def a_set(set_id: str = "hostile-set-01", **changes: Any) -> dict[str, Any]:
    return {"id": set_id, "exercise": "clamshell", "side": "left", "reps": 12, "pain": 1, **changes}


def refused(response: Any, status: int, field: str) -> dict[str, Any]:
    """The error envelope, with the status and the field it names."""
    assert response.status_code == status, response.text
    error = error_of(response)
    assert error["field"] == field, error
    return error


# Oversized bodies


def test_a_body_over_the_limit_is_a_json_413_whether_declared_or_streamed(
    runtime: Runtime, ana: Person
) -> None:
    small = replace(runtime, max_body_bytes=4096)
    with TestClient(create_app(small)) as client:
        headers = {**ana.headers, **JSON}
        declared = client.post("/api/v1/sessions", content=b" " * 5000 + b"{}", headers=headers)
        assert "4096" in refused(declared, 413, "body")["message"]
        streamed = client.post("/api/v1/sessions", content=iter([b" " * 3000] * 3), headers=headers)
        refused(streamed, 413, "body")
        # The import route takes whole files: a body above the default is read, then judged.
        imported = client.post("/api/v1/import", json={"text": "x" * 10_000}, headers=ana.headers)
        refused(imported, 400, "file")
        # Pages keep their own plain 413.
        form = {"content-type": "application/x-www-form-urlencoded"}
        assert client.post("/signin", content=b"a=" + b"x" * 5000, headers=form).status_code == 413
    assert stored(runtime, ana.user_id) == (0, 0, 0)


def test_a_50_mb_import_is_a_413_and_a_21_mb_one_a_422(
    client: TestClient, runtime: Runtime, ana: Person
) -> None:
    huge = b'{"text": "' + b"a" * (50 * MB) + b'"}'
    refused(
        client.post("/api/v1/import", content=huge, headers={**ana.headers, **JSON}), 413, "body"
    )
    over = client.post("/api/v1/import", json={"text": "a" * (21 * MB)}, headers=ana.headers)
    refused(over, 422, "text")
    assert stored(runtime, ana.user_id) == (0, 0, 0)


def test_a_body_that_is_not_json_is_a_4xx_naming_the_body(client: TestClient, ana: Person) -> None:
    headers = {**ana.headers, **JSON}
    refused(client.post("/api/v1/sessions", content=b"{not json", headers=headers), 422, "body")
    undecodable = client.post("/api/v1/sessions", content=b"\xff\xfe{", headers=headers)
    assert undecodable.status_code == 400
    error_of(undecodable)


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("options", "/api/v1/sets/some-set-id", "GET, PUT, DELETE"),
        ("post", "/api/v1/sessions/some-session-id", "GET, PATCH, DELETE"),
        ("delete", "/api/v1/tokens", "GET, POST"),
    ],
)
def test_a_wrong_method_is_a_405_whose_allow_lists_every_method_of_the_path(
    client: TestClient, method: str, path: str, allow: str
) -> None:
    response = client.request(method, path)
    assert response.status_code == 405
    error_of(response)
    assert response.headers["allow"] == allow


# Deeply nested JSON

DEEP = 10_000
NESTED = {
    "arrays": "[" * DEEP + "]" * DEEP,
    "objects": '{"a":' * DEEP + "1" + "}" * DEEP,
    "inside a field": '{"id": "nested-0001", "date": "2026-01-05", "notes": '
    + "[" * DEEP
    + "]" * DEEP
    + "}",
}


@pytest.mark.parametrize("body", NESTED.values(), ids=NESTED.keys())
@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("post", "/api/v1/sessions"),
        ("put", "/api/v1/profile"),
        ("post", "/api/v1/import"),
        ("post", "/api/v1/auth/signup"),
    ],
)
def test_deeply_nested_json_is_a_4xx_in_the_error_shape(
    client: TestClient, runtime: Runtime, ana: Person, method: str, path: str, body: str
) -> None:
    response = client.request(method, path, content=body, headers={**ana.headers, **JSON})
    assert 400 <= response.status_code < 500, response.text
    error_of(response)
    assert stored(runtime, ana.user_id) == (0, 0, 0)


def test_a_deeply_nested_backup_inside_an_import_is_refused_with_a_reason(
    client: TestClient, runtime: Runtime, ana: Person
) -> None:
    text = '{"format": ' * DEEP + '"hipcoach-backup"' + "}" * DEEP
    response = client.post("/api/v1/import", json={"text": text}, headers=ana.headers)
    assert "not valid JSON" in refused(response, 400, "file")["message"]
    assert stored(runtime, ana.user_id) == (0, 0, 0)


# Numbers: NaN and infinities, negative, huge

NON_FINITE = ["NaN", "Infinity", "-Infinity", "1e999", "-1e999"]
TEMPLATES = {  # (path, JSON with {} where the number goes, the field it is)
    "set load": (
        "/api/v1/sessions/hostile-session/sets",
        '{"id": "hostile-set-01", "exercise": "clamshell", "reps": 10, "load_kg": {}}',
        "load_kg",
    ),
    "hip measurement": (
        "/api/v1/measurements",
        '{"id": "measure-0001", "date": "2026-01-05", "hip_cm": {}}',
        "hip_cm",
    ),
    "session week": (
        "/api/v1/sessions",
        '{"id": "session-0002", "date": "2026-01-05", "plan_week": {}}',
        "plan_week",
    ),
}


@pytest.mark.parametrize("number", NON_FINITE)
@pytest.mark.parametrize("target", TEMPLATES.values(), ids=TEMPLATES.keys())
def test_nan_and_infinities_are_a_422_naming_the_field(
    client: TestClient, runtime: Runtime, ana: Person, target: tuple[str, str, str], number: str
) -> None:
    new_session(client, ana)
    path, template, field = target
    body = template.replace("{}", number)
    response = client.post(path, content=body, headers={**ana.headers, **JSON})
    error = refused(response, 422, field)
    assert error["details"][0]["location"] == "body"
    assert stored(runtime, ana.user_id) == (1, 0, 0)


def test_a_non_finite_body_weight_in_the_profile_is_a_422(client: TestClient, ana: Person) -> None:
    body = json.dumps({**PROFILE, "weight_kg": 70}).replace("70", "NaN")
    response = client.put("/api/v1/profile", content=body, headers={**ana.headers, **JSON})
    refused(response, 422, "weight_kg")


SET_NUMBERS = [
    ({"reps": 10**12}, "reps"),
    ({"reps": -1}, "reps"),
    ({"reps": 10**400}, "reps"),
    ({"reps": 12.5}, "reps"),
    ({"pain": -1}, "pain"),
    ({"pain": 11}, "pain"),
    ({"load_kg": 1e308}, "load_kg"),
    ({"load_kg": -5.0}, "load_kg"),
    ({"rir": 10**30}, "rir"),
    ({"reps": None, "hold_seconds": -(2**63)}, "hold_seconds"),
]


@pytest.mark.parametrize(("changes", "field"), SET_NUMBERS)
def test_impossible_numbers_in_a_set_are_a_422_naming_the_field(
    client: TestClient, runtime: Runtime, ana: Person, changes: dict[str, Any], field: str
) -> None:
    session = new_session(client, ana)
    created = client.post(
        f"/api/v1/sessions/{session}/sets", json=a_set(**changes), headers=ana.headers
    )
    refused(created, 422, field)
    good = client.post(f"/api/v1/sessions/{session}/sets", json=a_set(), headers=ana.headers)
    assert good.status_code == 201, good.text
    body = {k: v for k, v in a_set(**changes).items() if k != "id"}
    replaced = client.put("/api/v1/sets/hostile-set-01", json=body, headers=ana.headers)
    refused(replaced, 422, field)
    assert client.get("/api/v1/sets/hostile-set-01", headers=ana.headers).json()["reps"] == 12


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        (
            "/api/v1/sessions",
            {"id": "session-0003", "date": "2026-01-05", "plan_week": 10**12},
            "plan_week",
        ),
        (
            "/api/v1/sessions",
            {"id": "session-0003", "date": "2026-01-05", "next_day_pain": -1},
            "next_day_pain",
        ),
        (
            "/api/v1/measurements",
            {"id": "measure-0002", "date": "2026-01-05", "hip_cm": -1},
            "hip_cm",
        ),
        (
            "/api/v1/measurements",
            {"id": "measure-0002", "date": "2026-01-05", "weight_kg": 1e308},
            "weight_kg",
        ),
    ],
)
def test_impossible_numbers_in_sessions_and_measurements_are_a_422(
    client: TestClient, runtime: Runtime, ana: Person, path: str, body: dict[str, Any], field: str
) -> None:
    refused(client.post(path, json=body, headers=ana.headers), 422, field)
    assert stored(runtime, ana.user_id) == (0, 0, 0)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"minutes": 10**12}, "minutes"),
        ({"weeks": -1}, "weeks"),
        ({"seed": 2**63}, "seed"),
        ({"weight_kg": -70}, "weight_kg"),
    ],
)
def test_impossible_numbers_in_the_profile_are_a_422(
    client: TestClient, ana: Person, changes: dict[str, Any], field: str
) -> None:
    response = client.put("/api/v1/profile", json={**PROFILE, **changes}, headers=ana.headers)
    refused(response, 422, field)


@pytest.mark.parametrize(
    ("query", "field"),
    [("limit=1000000000000", "limit"), ("offset=-1", "offset"), ("limit=" + "9" * 5000, "limit")],
)
def test_impossible_numbers_in_a_query_are_a_422(
    client: TestClient, ana: Person, query: str, field: str
) -> None:
    refused(client.get(f"/api/v1/sessions?{query}", headers=ana.headers), 422, field)


def test_an_integer_too_long_to_parse_is_a_4xx(client: TestClient, ana: Person) -> None:
    body = '{"id": "session-0004", "date": "2026-01-05", "plan_week": ' + "9" * 5000 + "}"
    response = client.post("/api/v1/sessions", content=body, headers={**ana.headers, **JSON})
    assert response.status_code == 400, response.text
    error_of(response)


# Dates at the ends of the calendar


def test_dates_at_the_ends_of_the_calendar_are_answered_or_refused_never_a_500(
    client: TestClient, runtime: Runtime, ana: Person
) -> None:
    late = client.put(
        "/api/v1/profile", json={**PROFILE, "start": "9999-12-01"}, headers=ana.headers
    )
    assert "calendar" in refused(late, 400, "start")["message"]
    for day in ("0001-01-01", "9999-12-31"):
        for path in ("/api/v1/today", "/api/v1/progress"):
            response = client.get(f"{path}?date={day}", headers=ana.headers)
            assert response.status_code in (200, 404), (path, day, response.text)
    session = new_session(client, ana)
    for moment in ("0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00"):
        body = a_set(logged_at=moment)
        response = client.post(f"/api/v1/sessions/{session}/sets", json=body, headers=ana.headers)
        refused(response, 400, "logged_at")
    assert stored(runtime, ana.user_id) == (1, 0, 0)


# Unicode


@pytest.mark.parametrize("text", UNICODE.values(), ids=UNICODE.keys())
def test_unicode_in_notes_and_names_is_stored_and_returned_intact(
    client: TestClient, sign_up: Callable[[], Person], text: str
) -> None:
    person = sign_up()
    session_id = "unicode-session"
    created = client.post(
        "/api/v1/sessions",
        json={"id": session_id, "date": "2026-01-05", "notes": text},
        headers=person.headers,
    )
    assert created.status_code == 201, created.text
    assert created.json()["notes"] == text
    url = f"/api/v1/sessions/{session_id}/sets"
    logged = client.post(url, json=a_set("unicode-set-01", note=text), headers=person.headers)
    assert logged.status_code == 201, logged.text
    read = client.get(f"/api/v1/sessions/{session_id}", headers=person.headers).json()
    assert read["notes"] == text
    assert read["sets"][0]["note"] == text
    patched = client.patch(
        f"/api/v1/sessions/{session_id}",
        json={"version": 1, "notes": text + "!"},
        headers=person.headers,
    )
    assert patched.json()["notes"] == text + "!"
    token_name = text.strip()[:60]
    body = {"name": token_name, "password": PASSWORD}
    made = client.post("/api/v1/tokens", json=body, headers=person.headers)
    assert made.status_code == 201, made.text
    names = [t["name"] for t in client.get("/api/v1/tokens", headers=person.headers).json()]
    assert token_name in names
    exported = client.get("/api/v1/export", headers=person.headers).json()
    assert exported["sets"][0]["note"] == text
    table = client.get("/api/v1/export?format=csv", headers=person.headers).text
    assert next(csv.DictReader(io.StringIO(table)))["note"] == text


@pytest.mark.parametrize("note", ['=HYPERLINK("http://x")', "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_a_note_a_spreadsheet_would_run_is_exported_as_plain_text(
    client: TestClient, sign_up: Callable[[], Person], note: str
) -> None:
    person = sign_up()
    session_id = new_session(client, person)
    url = f"/api/v1/sessions/{session_id}/sets"
    assert client.post(url, json=a_set(note=note), headers=person.headers).status_code == 201
    table = client.get("/api/v1/export?format=csv", headers=person.headers)
    assert table.headers["cache-control"] == "no-store"
    assert next(csv.DictReader(io.StringIO(table.text, newline="")))["note"] == "'" + note


def test_a_unicode_name_at_sign_up_is_kept(client: TestClient) -> None:
    name = UNICODE["rtl"] + " " + UNICODE["combining"]
    body = {"email": "unicode-name@example.com", "password": "correct horse battery"}
    signed = client.post("/api/v1/auth/signup", json={**body, "name": name})
    assert signed.status_code == 201, signed.text
    headers = {"Authorization": f"Bearer {signed.json()['token']}"}
    assert client.get("/api/v1/export", headers=headers).json()["user_name"] == name


# Control characters: refused, naming the field; an id holding one is not found


@pytest.mark.parametrize("char", CONTROL, ids=[f"U+{ord(c):04X}" for c in CONTROL])
def test_control_characters_in_notes_are_refused_and_nothing_is_stored(
    client: TestClient, runtime: Runtime, ana: Person, char: str
) -> None:
    body = {"id": "control-session", "date": "2026-01-05", "notes": f"before{char}after"}
    error = refused(client.post("/api/v1/sessions", json=body, headers=ana.headers), 400, "notes")
    assert f"U+{ord(char):04X}" in error["message"]
    session = new_session(client, ana)
    url = f"/api/v1/sessions/{session}/sets"
    refused(client.post(url, json=a_set(note=f"x{char}y"), headers=ana.headers), 400, "note")
    patch = {"version": 1, "notes": f"x{char}y"}
    refused(
        client.patch(f"/api/v1/sessions/{session}", json=patch, headers=ana.headers), 400, "notes"
    )
    assert client.post(url, json=a_set(), headers=ana.headers).status_code == 201
    changed = {k: v for k, v in a_set(note=f"x{char}y").items() if k != "id"}
    refused(
        client.put("/api/v1/sets/hostile-set-01", json=changed, headers=ana.headers), 400, "note"
    )
    kept = client.get(f"/api/v1/sessions/{session}", headers=ana.headers).json()
    assert (kept["notes"], kept["version"], kept["sets"][0]["note"]) == ("", 1, "")
    assert stored(runtime, ana.user_id) == (1, 1, 0)


@pytest.mark.parametrize("char", CONTROL, ids=[f"U+{ord(c):04X}" for c in CONTROL])
def test_control_characters_in_names_and_emails_are_refused(
    client: TestClient, ana: Person, char: str
) -> None:
    body = {"name": f"pho{char}ne", "password": PASSWORD}
    token = client.post("/api/v1/tokens", json=body, headers=ana.headers)
    refused(token, 400, "name")
    body = {"email": "control@example.com", "password": "correct horse battery"}
    refused(client.post("/api/v1/auth/signup", json={**body, "name": f"A{char}na"}), 400, "name")
    email = {**body, "email": f"con{char}trol@example.com"}
    refused(client.post("/api/v1/auth/signup", json=email), 400, "email")


def test_signing_in_with_a_nul_in_the_email_is_a_plain_401(client: TestClient) -> None:
    """Sign-in attempts are rate-limited per client, so this runs once, not per character."""
    body = {"email": "control@example.com", "password": "correct horse battery"}
    refused(
        client.post("/api/v1/auth/tokens", json={**body, "email": "con\x00trol@x.org"}),
        401,
        "email",
    )
    # The refused sign-ups made no account.
    refused(client.post("/api/v1/auth/tokens", json=body), 401, "email")


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/api/v1/sessions/hostile%00session"),
        ("get", "/api/v1/sessions/hostile%1Bsession/sets"),
        ("patch", "/api/v1/sessions/hostile%00session"),
        ("delete", "/api/v1/sessions/hostile%00session"),
        ("post", "/api/v1/sessions/hostile%00session/sets"),
        ("get", "/api/v1/sets/hostile%00set"),
        ("put", "/api/v1/sets/hostile%00set"),
        ("delete", "/api/v1/sets/hostile%00set"),
        ("delete", "/api/v1/tokens/token%00id"),
    ],
)
def test_an_id_with_a_control_character_is_not_found_or_refused(
    client: TestClient, ana: Person, method: str, path: str
) -> None:
    bodies = {
        "patch": {"version": 1, "notes": "n"},
        "post": a_set(),
        "put": {k: v for k, v in a_set().items() if k != "id"},
    }
    response = client.request(method, path, json=bodies.get(method), headers=ana.headers)
    assert response.status_code in (400, 404), response.text
    error_of(response)


# Imports of malformed files: a clear report and nothing stored

MALFORMED = {
    "missing header": ("\n".join(STRONG.splitlines()[1:]), "not a Strong or Hevy"),
    "wrong delimiter": (STRONG.replace(",", "\t"), "not a Strong or Hevy"),
    "truncated quotes": (STRONG + '2024-03-07 18:00:00,"Hip Day,1h,Clamshell,1,0,12\n', "row"),
    "short row": (STRONG + "2024-03-07 18:00:00,Hip Day\n", "columns"),
    "bad number": (STRONG.replace(",12,0,0,8.5", ",twelve,0,0,8.5"), "not a"),
    "bad date": (STRONG.replace("2024-03-05 18:01:12", "the fifth of March"), "date"),
    "binary garbage": (bytes(range(256)).decode("latin-1") * 8, "control character"),
    "a NUL in a note": (HEVY.replace("Knee fine", "Knee\x00fine", 1), "line 3 of the file"),
    "a NUL escaped in a backup": (None, "control character"),
    "a backup that is not JSON": ('{"format": "hipcoach-backup", ', "not valid JSON"),
}


def _nul_escaped_backup(client: TestClient, sign_up: Callable[[], Person]) -> str:
    """A real backup of another user, with one note carrying an escaped NUL."""
    donor = sign_up()
    new_session(client, donor)
    url = "/api/v1/sessions/hostile-session/sets"
    assert client.post(url, json=a_set(note="NOTE"), headers=donor.headers).status_code == 201
    return client.get("/api/v1/export", headers=donor.headers).text.replace("NOTE", "\\u0000")


@pytest.mark.parametrize("case", MALFORMED.values(), ids=MALFORMED.keys())
def test_a_malformed_import_is_refused_with_a_reason_and_nothing_is_stored(
    client: TestClient,
    runtime: Runtime,
    sign_up: Callable[[], Person],
    case: tuple[str | None, str],
) -> None:
    person = sign_up()
    text, reason = case
    if text is None:
        text = _nul_escaped_backup(client, sign_up)
    response = client.post("/api/v1/import", json={"text": text}, headers=person.headers)
    assert response.status_code == 400, response.text
    assert reason in error_of(response)["message"]
    assert stored(runtime, person.user_id) == (0, 0, 0)


def test_the_same_files_import_when_well_formed(
    client: TestClient, runtime: Runtime, ana: Person
) -> None:
    for text in (STRONG, HEVY):
        response = client.post("/api/v1/import", json={"text": text}, headers=ana.headers)
        assert response.status_code == 200, response.text
    sessions, sets, _ = stored(runtime, ana.user_id)
    assert sessions > 0
    assert sets > 0


# The importers on their own


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300) | st.binary(max_size=300).map(lambda b: b.decode("latin-1")))
def test_any_text_either_imports_or_is_a_log_error_and_stores_nothing(text: str) -> None:
    uow = FakeUnitOfWork()
    now = datetime(2026, 1, 5, tzinfo=UTC)
    try:
        backup.import_text(uow=uow, user_id="u1", text=text, now=now)
    except HipcoachError:
        assert not uow.committed.sessions
        assert not uow.committed.sets
        assert uow.commits == 0


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_a_mangled_strong_or_hevy_export_parses_or_names_the_row(data: st.DataObject) -> None:
    source = data.draw(st.sampled_from([STRONG, HEVY]))
    at = data.draw(st.integers(0, len(source)))
    cut = data.draw(st.integers(0, 40))
    insert = data.draw(st.sampled_from(['"', ",", ";", "\n", "\r", "", "x", "-1", "1e999"]))
    text = source[:at] + insert + source[at + cut :]
    catalogue = load_catalogue()
    with contextlib.suppress(LogError):  # a refusal with a reason; anything else fails here
        if detect_format(text) == "strong":
            parse_strong(text, catalogue, unit="kg", id_prefix="u1")
        else:
            parse_hevy(text, catalogue, id_prefix="u1")


def test_an_oversized_csv_field_is_a_log_error() -> None:
    text = STRONG.replace("Hip Day", "x" * 200_000, 1)
    with pytest.raises(LogError, match="row 2"):
        parse_strong(text, load_catalogue(), unit="kg", id_prefix="u1")


# The CLI

runner = CliRunner()


@pytest.fixture
def cli_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'hipcoach.db'}"
    monkeypatch.setenv("HIPCOACH_DATABASE_URL", url)
    init = [
        "init",
        "--no-input",
        "--name",
        "Ana",
        "--level",
        "beginner",
        "--goal",
        "muscle",
        "--equipment",
        "mini_band",
        "--days",
        "mon,thu",
        "--minutes",
        "30",
        "--start",
        "2026-01-05",
    ]
    assert run(init).exit_code == 0
    return url


def run(args: list[str]) -> Any:
    return runner.invoke(cli, args, env={"COLUMNS": "200"})


def refused_by_cli(args: list[str], reason: str) -> None:
    """Exit 2 with one line naming the problem, no traceback."""
    result = run(args)
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit), result.exception
    assert reason in result.stderr, result.stderr
    assert "Traceback" not in result.output


def cli_records(url: str) -> tuple[int, int, int]:
    app = build(Settings(database_url=url))
    try:
        uow = app.uow()
        with uow:
            return (
                len(uow.sessions.all("local-user")),
                len(uow.sets.all("local-user")),
                len(uow.measurements.all("local-user")),
            )
    finally:
        app.engine.dispose()


LOG = [
    "log",
    "--exercise",
    "clamshell",
    "--side",
    "left",
    "--resistance",
    "mini_band_light",
    "--date",
    "2026-01-05",
]


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (["--reps", str(10**12)], "reps must be between"),
        (["--reps", "-1"], "reps must be between"),
        (["--reps", "12", "--pain", "-1"], "Pain must be between"),
        (["--reps", "12", "--load-kg", "1e308"], "load"),
        (["--reps", "12", "--load-kg", "nan"], "load"),
        (["--reps", "12", "--load-kg", "inf"], "load"),
        (["--reps", "12", "--load-kg", "-inf"], "load"),
        (["--reps", "12", "--note", "bad\x1b[31m red"], "U+001B"),
        (["--reps", "12", "--note", "nul\x00"], "U+0000"),
    ],
)
def test_the_cli_refuses_hostile_numbers_and_text_and_stores_nothing(
    cli_database: str, args: list[str], reason: str
) -> None:
    refused_by_cli([*LOG, *args], reason)
    assert cli_records(cli_database) == (0, 0, 0)


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (["measure", "--hip-cm", "nan"], "hip_cm"),
        (["measure", "--weight-kg", "1e308"], "weight_kg"),
        (["init", "--no-input", "--name", "A\x07na"], "U+0007"),
        (["init", "--no-input", "--minutes", str(10**12)], "Minutes"),
        (
            [
                "plan",
                "--days",
                "mon,thu",
                "--minutes",
                "30",
                "--equipment",
                "none",
                "--start",
                "9999-12-01",
            ],
            "calendar",
        ),
    ],
)
def test_the_cli_refuses_hostile_measurements_and_answers(
    cli_database: str, args: list[str], reason: str
) -> None:
    refused_by_cli(args, reason)
    assert cli_records(cli_database) == (0, 0, 0)


def test_the_cli_keeps_unicode_notes_intact(cli_database: str) -> None:
    text = " ".join(v for k, v in UNICODE.items() if k != "lines")
    assert run([*LOG, "--reps", "12", "--note", text]).exit_code == 0
    exported = run(["export", "--format", "json"])
    assert exported.exit_code == 0, exported.output
    assert json.loads(exported.stdout)["sets"][0]["note"] == text


@pytest.mark.parametrize(
    "name", ["missing header", "wrong delimiter", "truncated quotes", "bad date", "a NUL in a note"]
)
def test_the_cli_refuses_a_malformed_import_and_stores_nothing(
    cli_database: str, tmp_path: Path, name: str
) -> None:
    text, reason = MALFORMED[name]
    assert text is not None
    path = tmp_path / "export.csv"
    path.write_text(text, encoding="utf-8")
    refused_by_cli(["import", str(path)], reason)
    assert cli_records(cli_database) == (0, 0, 0)


def test_the_cli_refuses_binary_garbage_and_a_50_mb_file(cli_database: str, tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.csv"
    garbage.write_bytes(bytes(range(256)) * 256)  # not UTF-8
    refused_by_cli(["import", str(garbage)], "Cannot read")
    big = tmp_path / "big.csv"
    with big.open("w", encoding="utf-8") as out:
        out.write(STRONG)
        rows = STRONG.split("\n", 1)[1]
        out.write(rows * (50 * MB // len(rows) + 1))
    refused_by_cli(["import", str(big)], "larger than 20 MB")
    assert cli_records(cli_database) == (0, 0, 0)
