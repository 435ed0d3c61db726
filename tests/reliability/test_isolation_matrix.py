"""User B can neither read nor change user A's data through any user-scoped route.

The routes come from the app itself: every /api/v1 operation in its OpenAPI document except the
public ones (sign-up, the password-for-token grant, exercises, learn) and every page route except
the public pages. A route added later joins the matrix without anyone editing this file; one the
matrix cannot drive (a new path parameter or body schema) fails until it is taught how.

For each route, B (a fresh account with records of their own) sends the request with A's ids in
the path: the answer must be 404 or 403 and show nothing of A's; the same request on B's own ids
must succeed, so the refusal is about ownership and not a malformed request. Routes without ids
in the path answer B about B: with A's ids in the body or form they create B's own records and
show nothing of A's. After every route, A's whole account (export, tokens, profile, calendar
feed, web session) must be exactly as it was. Signed out, no route answers with data at all.
"""

from __future__ import annotations

import base64
import itertools
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, cast

import httpx2
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from hipcoach.bootstrap import build_runtime
from hipcoach.config import Settings
from hipcoach.domain.log import LoggedSet, Side
from hipcoach.formats.backup import set_to_json
from hipcoach.server import create_app
from hipcoach.services.ports import UnitOfWork
from hipcoach.services.runtime import Runtime
from hipcoach.web.visitor import today
from tests.reliability.conftest import PASSWORD, set_body
from tests.services.fakes import FakeHasher, FakeUnitOfWork
from tests.web.forms import FormFields, form_posting_to, forms_of

# --- Which routes are user-scoped: derived from the app ---------------------------------------

API_V1 = "/api/v1"
PUBLIC_API = (
    "/api/v1/auth/signup",
    "/api/v1/auth/tokens",
    "/api/v1/auth/password-reset",  # a reset link's token is the credential
    "/api/v1/exercises",
    "/api/v1/learn",
)
# The owner's actions: B, a member, is refused them (403) whatever the target.
OWNER_ONLY = {("POST", "/api/v1/invites"), ("POST", "/api/v1/password-resets")}
# The schema and the page that shows it: no user data.
API_DOCS = {"/api/openapi.json", "/api/docs", "/api/docs/start.js", "/api/docs/docs.css"}
PUBLIC_PAGES = {
    "/",
    "/signup",
    "/signin",
    "/exercises",
    "/exercises/{key}",
    "/learn",
    "/learn/{topic}",
    "/manifest.webmanifest",  # the installable app's description, the same for everyone
    "/sw.js",  # the service worker: code, no data
    "/reset/{token}",  # a reset link's token is the credential (tests/web/test_invites...)
}
OWNER_ONLY_PAGES = {("POST", "/settings/invites"), ("POST", "/settings/reset-links")}
# A guard that the derivation still finds what exists today (it may find more, never less).
AT_LEAST_API = {
    ("GET", "/api/v1/tokens"),
    ("POST", "/api/v1/tokens"),
    ("DELETE", "/api/v1/tokens/{token_id}"),
    ("DELETE", "/api/v1/account"),
    ("GET", "/api/v1/profile"),
    ("PUT", "/api/v1/profile"),
    ("GET", "/api/v1/plan"),
    ("GET", "/api/v1/plan.ics"),
    ("GET", "/api/v1/today"),
    ("GET", "/api/v1/plan/choices"),
    ("PUT", "/api/v1/plan/choices/{slot}"),
    ("DELETE", "/api/v1/plan/choices/{slot}"),
    ("GET", "/api/v1/sessions"),
    ("POST", "/api/v1/sessions"),
    ("GET", "/api/v1/sessions/{session_id}"),
    ("PATCH", "/api/v1/sessions/{session_id}"),
    ("POST", "/api/v1/past-sessions"),
    ("DELETE", "/api/v1/sessions/{session_id}"),
    ("GET", "/api/v1/sessions/{session_id}/sets"),
    ("POST", "/api/v1/sessions/{session_id}/sets"),
    ("GET", "/api/v1/sets/{set_id}"),
    ("PUT", "/api/v1/sets/{set_id}"),
    ("DELETE", "/api/v1/sets/{set_id}"),
    ("GET", "/api/v1/progress"),
    ("GET", "/api/v1/measurements"),
    ("POST", "/api/v1/measurements"),
    ("GET", "/api/v1/self-tests"),
    ("GET", "/api/v1/self-tests/results"),
    ("POST", "/api/v1/self-tests/results"),
    ("PATCH", "/api/v1/self-tests/results/{result_id}"),
    ("DELETE", "/api/v1/self-tests/results/{result_id}"),
    ("PUT", "/api/v1/sessions/{session_id}/skips/{exercise}"),
    ("DELETE", "/api/v1/sessions/{session_id}/skips/{exercise}"),
    ("GET", "/api/v1/export"),
    ("POST", "/api/v1/import"),
}
AT_LEAST_PAGES = {
    ("POST", "/signout"),
    ("GET", "/onboarding"),
    ("POST", "/onboarding"),
    ("GET", "/today"),
    ("POST", "/today/sets"),
    ("POST", "/today/sets/pair"),
    ("POST", "/today/swap"),
    ("POST", "/today/swap/undo"),
    ("GET", "/today/done"),
    ("GET", "/sessions/{session_id}"),
    ("POST", "/sessions/{session_id}/pain"),
    ("POST", "/sessions/{session_id}/notes"),
    ("POST", "/sessions/{session_id}/sets"),
    ("POST", "/past-sessions"),
    ("POST", "/sessions/{session_id}/sets/{set_id}/delete"),
    ("POST", "/sessions/{session_id}/sets/{set_id}/edit"),
    ("POST", "/sessions/{session_id}/sets/restore"),
    ("POST", "/today/skip"),
    ("POST", "/today/skip/undo"),
    ("GET", "/plan"),
    ("GET", "/plan/print"),
    ("GET", "/plan.ics"),
    ("GET", "/calendar/{token}.ics"),
    ("GET", "/progress"),
    ("POST", "/progress/measurements"),
    ("POST", "/progress/self-tests"),
    ("POST", "/progress/self-tests/{result_id}/edit"),
    ("POST", "/progress/self-tests/{result_id}/delete"),
    ("GET", "/settings"),
    ("POST", "/settings/units"),
    ("GET", "/settings/export.json"),
    ("GET", "/settings/export.csv"),
    ("POST", "/settings/import"),
    ("POST", "/settings/calendar"),
    ("POST", "/settings/calendar/revoke"),
    ("POST", "/settings/tokens"),
    ("POST", "/settings/tokens/{token_id}/revoke"),
    ("POST", "/settings/password"),
    ("POST", "/settings/delete"),
}

Route = tuple[str, str]  # (method, path template)


def http_routes(app: FastAPI) -> list[Route]:
    """Every HTTP route of the app, included routers flattened (HEAD aside)."""
    try:
        from fastapi.routing import iter_route_contexts
    except ImportError:  # a FastAPI whose app.routes are already flat
        routes: Iterable[Any] = app.routes
    else:
        routes = iter_route_contexts(app.routes)
    found = {
        (method, route.path)
        for route in routes
        for method in getattr(route, "methods", None) or ()
        if method != "HEAD"
    }
    return sorted(found)


def openapi_operations(app: FastAPI) -> list[Route]:
    return sorted(
        (method.upper(), path) for path, ops in app.openapi()["paths"].items() for method in ops
    )


def _is_public_api(path: str) -> bool:
    return any(path == prefix or path.startswith(prefix + "/") for prefix in PUBLIC_API)


def _is_page(path: str) -> bool:
    return not (path == "/api" or path.startswith(("/api/", "/static/")))


def user_scoped_api(app: FastAPI) -> list[Route]:
    return [
        (method, path)
        for method, path in openapi_operations(app)
        if path.startswith(API_V1 + "/") and not _is_public_api(path)
    ]


def user_scoped_pages(app: FastAPI) -> list[Route]:
    return [(m, p) for m, p in http_routes(app) if _is_page(p) and p not in PUBLIC_PAGES]


def _listing_app() -> FastAPI:
    """The app on in-memory fakes: enough to list its routes at collection time."""
    fake = FakeUnitOfWork()
    return create_app(Runtime(uow=lambda: cast(UnitOfWork, fake), hasher=FakeHasher()))


LISTED = _listing_app()
API_ROUTES = user_scoped_api(LISTED)
PAGE_ROUTES = user_scoped_pages(LISTED)


def _route_id(route: Route) -> str:
    return f"{route[0]} {route[1]}"


def test_the_matrix_covers_every_route_of_the_app() -> None:
    documented = set(openapi_operations(LISTED))
    for method, path in http_routes(LISTED):
        if path.startswith(API_V1 + "/"):
            assert (method, path) in documented, f"{method} {path} is hidden from OpenAPI"
        elif not _is_page(path):
            assert path in API_DOCS, f"{method} {path}: an /api route outside {API_V1}"
    assert set(API_ROUTES) >= AT_LEAST_API
    assert set(PAGE_ROUTES) >= AT_LEAST_PAGES


# --- People and their records -----------------------------------------------------------------

START = "2026-01-05"
A_SESSION_DAY = "2030-06-03"
A_EMAIL = "ana.private.k81@example.com"
A_NAME = "Anaprivatek81"
A_SESSION_NOTE = "a-private-note-k81"
A_SET_NOTE = "a-private-set-note-k81"
A_HIP_CM = 97.31
A_IDS = {
    "session_id": "a-session-k81q",
    "set_id": "a-set-k81qz",
    "measurement_id": "a-measure-k81",
    "result_id": "a-result-k81",
}
# The new token's own field: a bare "hc_..." search could match inside a random CSRF value.
TOKEN_VALUE = re.compile(r'id="new-token"[^>]*value="(hc_[A-Za-z0-9_-]{20,})"')
FEED_PATH = re.compile(r"/calendar/([A-Za-z0-9_-]{20,100})\.ics")


def _profile() -> dict[str, Any]:
    """Today and three days on are training days, so today's page has a session to log."""
    day = today()
    days = sorted({day.strftime("%a").lower(), (day + timedelta(days=3)).strftime("%a").lower()})
    return {
        "level": "beginner",
        "goal": "muscle",
        "days": days,
        "minutes": 30,
        "start": day.isoformat(),
        "equipment": ["mini_band"],
    }


def _ok(response: httpx2.Response, *statuses: int) -> httpx2.Response:
    assert response.status_code in (statuses or (200,)), (response.status_code, response.text)
    return response


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _web_sign_up(client: TestClient, email: str, name: str) -> None:
    form = form_posting_to(client.get("/signup").text, "/signup")
    data = form.data(email=email, password=PASSWORD, name=name)
    _ok(client.post("/signup", data=data, follow_redirects=False), 303)


def _web_form(client: TestClient, page: str, action: str, **typed: str) -> str:
    """Submit the form on `page` that posts to `action`; the answer's HTML."""
    form = form_posting_to(client.get(page).text, action)
    return _ok(client.post(action, data=form.data(**typed), follow_redirects=False)).text


def _web_token(client: TestClient) -> str:
    """An API token made on the settings page, as a person would."""
    html = _web_form(client, "/settings", "/settings/tokens", name="web-made")
    found = TOKEN_VALUE.search(html)
    assert found, "no token shown after creating one"
    return found.group(1)


def _web_feed(client: TestClient) -> str:
    found = FEED_PATH.search(_web_form(client, "/settings", "/settings/calendar"))
    assert found, "no calendar address shown after creating one"
    return found.group(1)


def self_test_body(result_id: str, *, side: str = "left", value: int = 41) -> dict[str, Any]:
    """One side's side-bridge hold on the plan's first day."""
    return {
        "id": result_id,
        "test": "side_bridge_hold",
        "date": START,
        "side": side,
        "value": value,
    }


def _records(
    api: TestClient, token: str, ids: dict[str, str], *, note: str = "", day: str = START
) -> dict[str, str]:
    """A plan with a choice (keep) on one slot, a session with a set, a measurement, a
    self-test result and a second token; their ids (and the slot)."""
    headers = _bearer(token)
    _ok(api.put("/api/v1/profile", json=_profile(), headers=headers))
    items = _ok(api.get("/api/v1/today", headers=headers)).json()["items"]
    slot = next(i["slot"] for i in items if i["slot"])
    _ok(api.put(f"/api/v1/plan/choices/{slot}", json={"keep": True}, headers=headers))
    session = {"id": ids["session_id"], "date": day, "notes": note}
    _ok(api.post("/api/v1/sessions", json=session, headers=headers), 201)
    logged = set_body(ids["set_id"], note=f"{note}-set" if note else "")
    url = f"/api/v1/sessions/{ids['session_id']}/sets"
    _ok(api.post(url, json=logged, headers=headers), 201)
    measurement = {"id": ids["measurement_id"], "date": START, "hip_cm": 90.0}
    _ok(api.post("/api/v1/measurements", json=measurement, headers=headers), 201)
    result = {"results": [self_test_body(ids["result_id"])]}
    _ok(api.post("/api/v1/self-tests/results", json=result, headers=headers), 201)
    body = {"name": "spare", "password": PASSWORD}
    spare = _ok(api.post("/api/v1/tokens", json=body, headers=headers), 201)
    return ids | {"token_id": spare.json()["id"], "slot": slot}


@dataclass
class Owner:
    """A, whose data nobody else may see or change."""

    web: TestClient
    token: str
    feed: str
    ids: dict[str, str]
    markers: list[str]


@dataclass
class Intruder:
    """B: a fresh account with records of its own, signed in to the API and maybe the web."""

    token: str
    ids: dict[str, str]
    web: TestClient | None = None


@dataclass
class World:
    app: FastAPI
    api: TestClient
    a: Owner
    baseline: dict[str, Any] = field(default_factory=dict)
    people: Iterator[int] = field(default_factory=itertools.count)
    clients: list[TestClient] = field(default_factory=list)

    def client(self) -> TestClient:
        made = TestClient(self.app, base_url="http://testserver")
        self.clients.append(made)
        return made

    def snapshot(self) -> dict[str, Any]:
        """Everything of A's that B might read or change, as A sees it."""
        headers = _bearer(self.a.token)
        export = _ok(self.api.get("/api/v1/export", headers=headers)).json()
        export.pop("exported_at")
        csv = _ok(self.api.get("/api/v1/export", params={"format": "csv"}, headers=headers))
        feed = self.api.get(f"/calendar/{self.a.feed}.ics")
        settings = self.a.web.get("/settings", follow_redirects=False)
        return {
            "export": export,
            "csv": csv.text,
            "tokens": _ok(self.api.get("/api/v1/tokens", headers=headers)).json(),
            "profile": _ok(self.api.get("/api/v1/profile", headers=headers)).json(),
            "feed": (feed.status_code, feed.text.startswith("BEGIN:VCALENDAR")),
            "web session": (settings.status_code, A_EMAIL in settings.text),
        }

    def intruder(self, *, web: bool) -> Intruder:
        """A new B with a plan, a session, a set, a measurement and a spare token."""
        number = next(self.people)
        email = f"bo{number}@example.com"
        client: TestClient | None = None
        if web:
            client = self.client()
            _web_sign_up(client, email, f"Bo{number}")
            token = _web_token(client)
        else:
            body = {"email": email, "password": PASSWORD, "name": f"Bo{number}"}
            token = _ok(self.api.post("/api/v1/auth/signup", json=body), 201).json()["token"]
        mine = {key: f"b{number}-{key.replace('_', '-')}-x" for key in A_IDS}
        return Intruder(token, _records(self.api, token, mine), client)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    """One server on a temporary SQLite database, and A with one of everything."""
    folder: Path = tmp_path_factory.mktemp("isolation")
    # About 60 people sign up from one test client: no sign-up limit here.
    settings = Settings(
        database_url=f"sqlite:///{folder / 'isolation.sqlite'}",
        open_signup=True,
        signups_per_hour=0,
    )
    # The real store; a fake hasher, because hashing passwords is not what is tested here
    # and argon2id would cost ~0.3 s for each of the ~60 people made below.
    runtime = replace(build_runtime(settings), hasher=FakeHasher())
    app = create_app(runtime)
    assert user_scoped_api(app) == API_ROUTES
    assert user_scoped_pages(app) == PAGE_ROUTES
    api = TestClient(app, base_url="http://testserver")
    web = TestClient(app, base_url="http://testserver")
    _web_sign_up(web, A_EMAIL, A_NAME)
    token = _web_token(web)
    # A's session is the newest of all, so a list that leaked would show it first.
    ids = _records(api, token, dict(A_IDS), note=A_SESSION_NOTE, day=A_SESSION_DAY)
    url = f"/api/v1/sessions/{ids['session_id']}/sets"
    # A second set whose note is unmistakable, and a measurement with an unusual value.
    body = set_body("a-set-k81qz-2", note=A_SET_NOTE)
    _ok(api.post(url, json=body, headers=_bearer(token)), 201)
    hip = {"id": "a-measure-k81-2", "date": START, "hip_cm": A_HIP_CM}
    _ok(api.post("/api/v1/measurements", json=hip, headers=_bearer(token)), 201)
    feed = _web_feed(web)
    export = _ok(api.get("/api/v1/export", headers=_bearer(token))).json()
    ids["user_id"] = export["plans"][0]["user_id"]
    tokens = _ok(api.get("/api/v1/tokens", headers=_bearer(token))).json()
    markers = [
        A_EMAIL,
        A_NAME,
        A_SESSION_NOTE,
        A_SET_NOTE,
        str(A_HIP_CM),
        token,
        feed,
        export["plans"][0]["id"],
        "a-set-k81qz-2",
        "a-measure-k81-2",
        *(value for key, value in ids.items() if key != "slot"),  # a slot is a catalogue key
        *(t["id"] for t in tokens),
    ]
    made = World(app, api, Owner(web, token, feed, ids, markers), clients=[api, web])
    made.baseline = made.snapshot()
    yield made
    for client in made.clients:
        client.close()


def _leaks(world: World, response: httpx2.Response, sent: str) -> list[str]:
    """A's markers in a response to B, except the ones B sent itself."""
    text = response.text + json.dumps(dict(response.headers))
    return [marker for marker in world.a.markers if marker in text and marker not in sent]


def _fill(path: str, values: dict[str, str]) -> str:
    for name, value in values.items():
        path = path.replace("{" + name + "}", value)
    return path


def _path_params(path: str) -> list[str]:
    return re.findall(r"\{(\w+)\}", path)


def _owners(
    path: str, choices: dict[str, tuple[tuple[str, ...], str]], a: Owner, b: Intruder
) -> tuple[list[dict[str, str]], dict[str, str]]:
    """(every filling of the path's ids that uses at least one of A's, the filling with B's)."""
    names = _path_params(path)
    for name in names:
        if name not in choices:
            pytest.fail(f"{path}: teach the isolation matrix which ids fill {{{name}}}")
    options = [
        [("a", a.ids[key]) for key in choices[name][0]] + [("b", b.ids[choices[name][1]])]
        for name in names
    ]
    attacks = [
        dict(zip(names, (value for _, value in combo), strict=True))
        for combo in itertools.product(*options)
        if any(owner == "a" for owner, _ in combo)
    ]
    own = {name: b.ids[choices[name][1]] for name in names}
    return attacks, own


# --- The API ----------------------------------------------------------------------------------

API_PARAMS: dict[str, tuple[tuple[str, ...], str]] = {
    name: ((name,), name)
    for name in ("session_id", "set_id", "token_id", "measurement_id", "result_id")
} | {
    # A slot is an exercise key of the caller's own plan, not an id: A's slot names the same
    # key in B's plan, so B's request is about B's plan. The snapshot (A's export, which holds
    # A's choice on that slot) proves A's choice stays as it was.
    "slot": ((), "slot"),
    # A move left out: a catalogue key too, the same in A's and B's plans.
    "exercise": ((), "slot"),
}


def _backup_with(ids: dict[str, str]) -> str:
    """A hipcoach backup whose records carry A's ids (but B's own values)."""
    stamp = f"{START}T10:00:00+00:00"
    session = {
        "id": ids["session_id"],
        "date": START,
        "plan_week": None,
        "plan_session": None,
        "notes": "b's import",
        "next_day_pain": None,
        "version": 1,
    }
    logged = {
        **set_body(ids["set_id"], reps=5, pain=0),
        "session_id": ids["session_id"],
        "logged_at": stamp,
        "steps": None,
        "hold_seconds": None,
        "resistance_key": "bodyweight",
        "load_kg": None,
        "rir": None,
        "effort": None,
        "note": "",
    }
    measurement = {
        "id": ids["measurement_id"],
        "date": START,
        "hip_cm": 88.0,
        "waist_cm": None,
        "weight_kg": None,
    }
    return json.dumps(
        {
            "format": "hipcoach-backup",
            "version": 1,
            "exported_at": stamp,
            "user_name": "b",
            "plans": [],
            "sessions": [session],
            "sets": [logged],
            "measurements": [measurement],
        }
    )


# Valid bodies by schema, carrying A's ids wherever a body names a record.
BODIES: dict[str, Callable[[dict[str, str]], dict[str, Any]]] = {
    "SessionCreate": lambda a: {"id": a["session_id"], "date": START, "notes": "b's own day"},
    "SessionUpdate": lambda a: {"version": 1, "notes": "b was here"},
    # B's plan starts today, so today is the one day B may open as a past session.
    "PastSessionCreate": lambda a: {"id": a["session_id"], "date": today().isoformat()},
    "SetCreate": lambda a: set_body(a["set_id"], reps=9),
    "SetUpdate": lambda a: {k: v for k, v in set_body("unused-id", reps=3).items() if k != "id"},
    "MeasurementCreate": lambda a: {"id": a["measurement_id"], "date": START, "hip_cm": 88.5},
    # (the left side that day is the person's own record already: this is the right)
    "SelfTestResultsCreate": lambda a: {
        "results": [self_test_body(a["result_id"], side="right", value=12)]
    },
    # (a value the side-bridge hold allows: B's own result is one; A's stays 41 seconds)
    "SelfTestResultUpdate": lambda a: {"value": 30},
    "ApiTokenCreate": lambda a: {"name": "b-extra", "password": PASSWORD},
    "PasswordUpdate": lambda a: {"current_password": PASSWORD, "new_password": "b's new password"},
    "PasswordConfirm": lambda a: {"password": PASSWORD},
    "ProfileUpdate": lambda a: _profile(),
    "ImportCreate": lambda a: {"text": _backup_with(a), "unit": "kg"},
    "AccountDelete": lambda a: {"password": PASSWORD},
    "ChoiceUpdate": lambda a: {"keep": True},
    "SkipCreate": lambda a: {"exercise": a["slot"], "reason": "time"},
    "TimeZoneUpdate": lambda a: {"time_zone": "Europe/Berlin"},
    "ResetLinkCreate": lambda a: {"email": A_EMAIL, "password": PASSWORD},
    # An outbox that names A's session: each item is refused on its own (the batch answers 200).
    "SyncCreate": lambda a: {
        "items": [
            {"kind": "set", "session_id": a["session_id"], "set": set_body(a["set_id"], reps=9)},
            {"kind": "session_edit", "session_id": a["session_id"], "version": 1, "notes": "b"},
        ]
    },
}


def _body(operation: dict[str, Any], route: Route, a_ids: dict[str, str]) -> Any:
    content = operation.get("requestBody", {}).get("content", {})
    if not content:
        return None
    schema = content.get("application/json", {}).get("schema", {})
    name = str(schema.get("$ref", "")).rsplit("/", 1)[-1]
    if name not in BODIES:
        pytest.fail(
            f"{_route_id(route)}: teach the isolation matrix a valid {name or content} "
            "body (BODIES)"
        )
    return BODIES[name](a_ids)


def _query_variants(operation: dict[str, Any]) -> list[dict[str, str]]:
    """No query, then each value of every enumerated query parameter (e.g. export formats)."""
    variants: list[dict[str, str]] = [{}]
    for parameter in operation.get("parameters", []):
        if parameter["in"] == "query":
            for value in parameter.get("schema", {}).get("enum", []):
                variants.append({parameter["name"]: value})
    return variants


def _api_error(response: httpx2.Response) -> None:
    body = response.json()
    assert set(body) == {"error"}, body
    assert body["error"]["message"], body


@pytest.mark.parametrize("route", API_ROUTES, ids=_route_id)
def test_b_can_neither_read_nor_change_a_s_data_through_the_api(world: World, route: Route) -> None:
    method, path = route
    operation = world.app.openapi()["paths"][path][method.lower()]
    b = world.intruder(web=False)
    body = _body(operation, route, world.a.ids)
    attacks, own = _owners(path, API_PARAMS, world.a, b)

    def send(url: str, query: dict[str, str], token: str | None) -> tuple[httpx2.Response, str]:
        headers = _bearer(token) if token else {}
        answer = world.api.request(method, url, json=body, params=query, headers=headers)
        return answer, url + json.dumps(query) + json.dumps(body)

    for query in _query_variants(operation):
        signed_out, _ = send(_fill(path, attacks[0] if attacks else {}), query, None)
        assert signed_out.status_code == 401, signed_out.text
        _api_error(signed_out)
        for values in attacks:
            answer, sent = send(_fill(path, values), query, b.token)
            assert answer.status_code in (403, 404), (values, answer.status_code, answer.text)
            _api_error(answer)
            assert not _leaks(world, answer, sent)
        answer, sent = send(_fill(path, own), query, b.token)
        if route in OWNER_ONLY:
            assert answer.status_code == 403, answer.text
            _api_error(answer)
            continue
        assert answer.is_success, (own, answer.status_code, answer.text)
        assert not _leaks(world, answer, sent), "B's own answer shows A's data"
        if not attacks and isinstance(body, dict) and body.get("id") in world.a.ids.values():
            # The same client id in two accounts is two records: B's is new, not A's.
            assert answer.status_code == 201, answer.text
        if path.endswith("/import"):
            counts = answer.json()
            assert (counts["sessions"], counts["sets"], counts["measurements"]) == (1, 1, 1)

    assert world.snapshot() == world.baseline, f"{_route_id(route)} changed A's data"


# --- The pages --------------------------------------------------------------------------------

# Path parameters of pages: (which of A's ids to try, which of B's is the working control).
# The calendar feed's secret is not an id anyone else knows: A's user and token ids must not open
# it.
PAGE_PARAMS: dict[str, tuple[tuple[str, ...], str]] = {
    "session_id": (("session_id",), "session_id"),
    "set_id": (("set_id",), "set_id"),
    "token_id": (("token_id",), "token_id"),
    "result_id": (("result_id",), "result_id"),
    "token": (("user_id", "token_id"), "feed"),
    "slot": ((), "slot"),  # as in API_PARAMS: a key of the caller's own plan
}
RESTORED = base64.urlsafe_b64encode(
    set_to_json(
        LoggedSet(
            "b-restored-set-1",
            "b-any-session",
            "clamshell",
            Side.LEFT,
            datetime(2026, 1, 5, 9, 0, tzinfo=UTC),
            reps=10,
        )
    ).encode()
).decode()
# What a person types into forms that the page leaves empty.
TYPED: dict[str, dict[str, str]] = {
    "/settings/password": {"current_password": PASSWORD, "new_password": "a longer passphrase"},
    "/settings/delete": {"password": PASSWORD},
    "/settings/tokens": {"name": "b-laptop", "password": PASSWORD},
    "/sessions/{session_id}/pain": {"next_day_pain": "2"},
    "/sessions/{session_id}/sets": {"amount": "9"},
    "/past-sessions": {"date": today().isoformat()},
    "/progress/measurements": {"hip_cm": "88.5"},
    "/progress/self-tests": {"left": "20", "right": "22"},
    "/settings/time-zone": {"time_zone": "Europe/Berlin"},
    "/settings/reset-links": {"email": A_EMAIL, "password": PASSWORD},
    # "Undo" after a delete: the deleted set's copy, put back in the session of the path.
    "/sessions/{session_id}/sets/restore": {"set": RESTORED},
}
UPLOADS: dict[str, Callable[[dict[str, str]], dict[str, tuple[str, str, str]]]] = {
    "/settings/import": lambda a: {"file": ("backup.json", _backup_with(a), "application/json")},
}
ID_FIELDS = ("session_id", "set_id", "measurement_id", "token_id")


def _pattern(path: str) -> re.Pattern[str]:
    parts = re.split(r"(\{\w+\})", path)
    return re.compile("".join("[^/]+" if p.startswith("{") else re.escape(p) for p in parts))


def _b_form(client: TestClient, path: str, own: dict[str, str]) -> FormFields | None:
    """The form B's pages offer for this route (the one for B's own ids when there are several)."""
    wanted, pattern = _fill(path, own), _pattern(path)
    pages = [p for m, p in PAGE_ROUTES if m == "GET"]
    found: FormFields | None = None
    for page in pages:
        response = client.get(_fill(page, own), follow_redirects=False)
        if response.status_code != 200 or "html" not in response.headers["content-type"]:
            continue
        for form in forms_of(response.text):
            action = form.action.split("#")[0].split("?")[0]
            if action == wanted:
                return form
            if found is None and pattern.fullmatch(action):
                found = form
    return found


def _csrf_of(client: TestClient) -> str:
    form = form_posting_to(client.get("/settings").text, "/settings/units")
    return form.fields["csrf"][0]


def _page_request(
    client: TestClient, method: str, path: str, form: dict[str, Any], files: dict[str, Any]
) -> httpx2.Response:
    if method == "GET":
        return client.get(path, follow_redirects=False)
    return client.request(method, path, data=form, files=files or None, follow_redirects=False)


@pytest.mark.parametrize("route", PAGE_ROUTES, ids=_route_id)
def test_b_can_neither_read_nor_change_a_s_data_through_the_pages(
    world: World, route: Route
) -> None:
    method, path = route
    b = world.intruder(web=True)
    assert b.web is not None
    if "token" in _path_params(path):
        b.ids["feed"] = _web_feed(b.web)
    attacks, own = _owners(path, PAGE_PARAMS, world.a, b)
    fields: dict[str, Any] = {}
    files: dict[str, Any] = {}
    if method != "GET":
        offered = _b_form(b.web, path, own)
        fields = offered.data() if offered else {"csrf": _csrf_of(b.web)}
        fields |= TYPED.get(path, {})
        files = UPLOADS[path](world.a.ids) if path in UPLOADS else {}
    with_a_ids = fields | {k: world.a.ids[k] for k in ID_FIELDS if k in fields}
    signed_out = world.client()

    for values in attacks:
        url = _fill(path, values)
        answer = _page_request(b.web, method, url, with_a_ids, files)
        assert answer.status_code in (403, 404), (url, answer.status_code)
        assert not _leaks(world, answer, url + json.dumps(with_a_ids))
        stranger = _page_request(signed_out, method, url, with_a_ids, files)
        assert stranger.status_code in (303, 403, 404), (url, stranger.status_code)
        assert stranger.headers.get("location", "/signin").startswith("/signin")
    if not attacks:
        stranger = _page_request(signed_out, method, path, with_a_ids, files)
        assert stranger.status_code == 303, (path, stranger.status_code)
        assert stranger.headers["location"].startswith("/signin")

    # B's own: the same request on B's ids works (and, without ids in the path, carries A's ids
    # in its form, which make B's own records).
    url = _fill(path, own)
    sent = with_a_ids if not attacks else fields
    answer = _page_request(b.web, method, url, sent, files)
    expected = (403,) if route in OWNER_ONLY_PAGES else (200, 303)  # B is a member
    assert answer.status_code in expected, (url, answer.status_code, answer.text[-2000:])
    assert not _leaks(world, answer, url + json.dumps(sent)), "B's own page shows A's data"

    assert world.snapshot() == world.baseline, f"{_route_id(route)} changed A's data"
