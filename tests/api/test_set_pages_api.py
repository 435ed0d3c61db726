"""GET /sessions/{id}/sets a page at a time, on SQLite and PostgreSQL: following the Link
header walks every set exactly once, in logged order; bounds are a 422 naming `limit`."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from hipcoach.domain.limits import SET_PAGE, SET_PAGE_DEFAULT
from tests.api.conftest import Person

# The real databases of the hostile-input suite: one SQLite and one PostgreSQL per worker.
from tests.hostile.conftest import ana, client, runtime, sign_up  # noqa: F401

SETS = 23


def _session_with_sets(http: TestClient, person: Person) -> tuple[str, list[str]]:
    session = {"id": "paged-session-1", "date": "2026-01-05"}
    assert http.post("/api/v1/sessions", json=session, headers=person.headers).is_success
    ids: list[str] = []
    for n in range(SETS):
        body = {
            "id": f"paged-set-{n:04d}",
            "exercise": "clamshell",
            "side": "left",
            "reps": 10,
            "pain": 0,
            "logged_at": f"2026-01-05T10:{n // 2:02d}:00+00:00",  # pairs share a time
        }
        url = f"/api/v1/sessions/{session['id']}/sets"
        assert http.post(url, json=body, headers=person.headers).status_code == 201
        ids.append(f"paged-set-{n:04d}")
    return session["id"], ids


def test_following_next_walks_every_set_exactly_once_in_logged_order(
    client: TestClient,  # noqa: F811
    ana: Person,  # noqa: F811
) -> None:
    session_id, ids = _session_with_sets(client, ana)
    url: str | None = f"/api/v1/sessions/{session_id}/sets?limit=5"
    seen: list[str] = []
    pages = 0
    while url is not None:
        response = client.get(url, headers=ana.headers)
        assert response.status_code == 200, response.text
        page = [s["id"] for s in response.json()]
        assert 1 <= len(page) <= 5
        seen += page
        pages += 1
        found = re.fullmatch(r'<([^>]+)>; rel="next"', response.headers.get("link", ""))
        url = found.group(1) if found else None
    assert seen == ids  # every set once, in the order logged
    assert pages == 5  # 5 + 5 + 5 + 5 + 3
    whole = client.get(f"/api/v1/sessions/{session_id}/sets", headers=ana.headers)
    assert [s["id"] for s in whole.json()] == ids
    assert "link" not in whole.headers


def test_a_page_size_out_of_bounds_is_a_422_naming_limit_and_a_foreign_cursor_a_404(
    client: TestClient,  # noqa: F811
    ana: Person,  # noqa: F811
) -> None:
    session_id, _ = _session_with_sets(client, ana)
    url = f"/api/v1/sessions/{session_id}/sets"
    for limit in (SET_PAGE.low - 1, SET_PAGE.high + 1):
        response = client.get(f"{url}?limit={limit}", headers=ana.headers)
        assert response.status_code == 422
        assert response.json()["error"]["field"] == "limit"
    assert client.get(f"{url}?limit={SET_PAGE.high}", headers=ana.headers).status_code == 200
    unknown = client.get(f"{url}?after=no-such-set-1", headers=ana.headers)
    assert unknown.status_code == 404
    assert unknown.json()["error"]["field"] == "after"


def test_a_session_shows_its_first_page_of_sets_and_times_the_whole_day(
    client: TestClient,  # noqa: F811
    ana: Person,  # noqa: F811
) -> None:
    """GET /sessions/{id} holds at most SET_PAGE_DEFAULT sets; its start, end and duration
    still count every set (the store counts them), and the Link walks on to the rest."""
    session = {"id": "long-session-1", "date": "2026-01-05"}
    assert client.post("/api/v1/sessions", json=session, headers=ana.headers).is_success
    total = SET_PAGE_DEFAULT + 5
    for n in range(total):
        body = {
            "id": f"long-set-{n:04d}",
            "exercise": "clamshell",
            "side": "left",
            "reps": 10,
            "pain": 0,
            "logged_at": f"2026-01-05T10:{n // 2:02d}:{n % 2 * 30:02d}+00:00",
        }
        url = f"/api/v1/sessions/{session['id']}/sets"
        assert client.post(url, json=body, headers=ana.headers).status_code == 201
    late = {"id": "long-set-late", "exercise": "clamshell", "side": "left", "reps": 10}
    late |= {"pain": 0, "logged_at": "2026-01-07T09:00:00+00:00"}  # entered two days later
    url = f"/api/v1/sessions/{session['id']}/sets"
    assert client.post(url, json=late, headers=ana.headers).status_code == 201

    detail = client.get(f"/api/v1/sessions/{session['id']}", headers=ana.headers)
    assert detail.status_code == 200
    shown = detail.json()
    assert len(shown["sets"]) == SET_PAGE_DEFAULT
    assert shown["more_sets"] is True
    assert shown["started_at"].startswith("2026-01-05T10:00:00")
    assert shown["ended_at"].startswith("2026-01-05T10:52:00")  # set 104: not the late one
    assert shown["duration_s"] == 52 * 60
    found = re.fullmatch(r'<([^>]+)>; rel="next"', detail.headers["link"])
    assert found
    rest = client.get(found.group(1), headers=ana.headers).json()
    assert [s["id"] for s in rest] == [
        *(f"long-set-{n:04d}" for n in range(100, total)),
        "long-set-late",
    ]
    small = client.get("/api/v1/sessions/paged-session-none", headers=ana.headers)
    assert small.status_code == 404
