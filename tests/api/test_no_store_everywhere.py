"""Every private API answer, whatever the route and whatever the outcome, says `no-store`."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.api.conftest import Person

JSON = {"content-type": "application/json"}


def _routes(client: TestClient) -> list[tuple[str, str]]:
    """(method, path) of every route the API documents, path parameters filled with an id."""
    paths = client.get("/api/openapi.json").json()["paths"]
    return [
        (method.upper(), re.sub(r"\{[^}]+\}", "made-up-id", path))
        for path, operations in paths.items()
        for method in operations
    ]


def test_every_api_route_answers_a_signed_in_caller_with_no_store(
    client: TestClient, onboarded: Person
) -> None:
    routes = _routes(client)
    assert len(routes) > 30  # the sweep reaches the whole API
    stored = []
    for method, path in routes:
        if path == "/api/v1/account" and method == "DELETE":
            continue  # {} is refused, but keep the account for the other routes anyway
        response = client.request(
            method, path, content=b"{}", headers={**onboarded.headers, **JSON}
        )
        if response.headers.get("cache-control") != "no-store":
            stored.append((method, path, response.status_code))
    assert stored == []


def test_refusals_outside_any_route_say_no_store_too(client: TestClient, ana: Person) -> None:
    headers = {**ana.headers, **JSON}
    answers = {
        "unknown address": client.get("/api/v1/no-such-thing", headers=ana.headers),
        "wrong method": client.request("PATCH", "/api/v1/tokens", headers=headers, content=b"{}"),
        "too large": client.post(
            "/api/v1/sessions",
            headers={**headers, "content-length": str(50 * 2**20)},
            content=b"{}",
        ),
        "posted without a token": client.post("/api/v1/sessions", headers=JSON, content=b"{}"),
    }
    said = {name: r.headers.get("cache-control") for name, r in answers.items()}
    assert said == dict.fromkeys(answers, "no-store"), {
        name: (r.status_code, r.headers.get("cache-control")) for name, r in answers.items()
    }
