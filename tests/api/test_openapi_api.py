"""The API describes itself, and its error handling stays under /api."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from hipcoach.server import create_app
from hipcoach.services.runtime import Runtime
from tests.api.conftest import PASSWORD, Person, error_of
from tests.services.fakes import FakeHasher, FakeUnitOfWork

ENDPOINTS = {
    ("post", "/api/v1/auth/signup"),
    ("post", "/api/v1/auth/tokens"),
    ("get", "/api/v1/exercises"),
    ("get", "/api/v1/exercises/{key}"),
    ("get", "/api/v1/exercises/{key}/figure.svg"),
    ("get", "/api/v1/learn"),
    ("get", "/api/v1/learn/{topic}"),
    ("get", "/api/v1/profile"),
    ("put", "/api/v1/profile"),
    ("get", "/api/v1/plan"),
    ("get", "/api/v1/plan.ics"),
    ("get", "/api/v1/today"),
    ("get", "/api/v1/plan/choices"),
    ("put", "/api/v1/plan/choices/{slot}"),
    ("delete", "/api/v1/plan/choices/{slot}"),
    ("get", "/api/v1/sessions"),
    ("post", "/api/v1/sessions"),
    ("get", "/api/v1/sessions/{session_id}"),
    ("patch", "/api/v1/sessions/{session_id}"),
    ("delete", "/api/v1/sessions/{session_id}"),
    ("get", "/api/v1/sessions/{session_id}/sets"),
    ("post", "/api/v1/sessions/{session_id}/sets"),
    ("get", "/api/v1/sets/{set_id}"),
    ("put", "/api/v1/sets/{set_id}"),
    ("delete", "/api/v1/sets/{set_id}"),
    ("get", "/api/v1/progress"),
    ("get", "/api/v1/measurements"),
    ("post", "/api/v1/measurements"),
    ("get", "/api/v1/export"),
    ("post", "/api/v1/import"),
    ("get", "/api/v1/tokens"),
    ("post", "/api/v1/tokens"),
    ("delete", "/api/v1/tokens/{token_id}"),
    ("delete", "/api/v1/account"),
}


def test_the_openapi_document_lists_every_endpoint(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    listed = {(method, path) for path, ops in schema["paths"].items() for method in ops}
    assert {(m, p) for m, p in listed if p.startswith("/api/")} >= ENDPOINTS
    assert all(p.startswith("/api/v1/") for _, p in listed if p.startswith("/api"))


def test_the_openapi_document_describes_errors_and_the_import_body(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    create_set = schema["paths"]["/api/v1/sessions/{session_id}/sets"]["post"]
    error_ref = create_set["responses"]["422"]["content"]["application/json"]["schema"]["$ref"]
    assert error_ref.endswith("/ErrorEnvelope")
    assert create_set["security"] == [{"api_token": []}]
    assert '{"text":' in schema["paths"]["/api/v1/import"]["post"]["description"]
    assert "security" not in schema["paths"]["/api/v1/exercises"]["get"]


def test_the_docs_page_is_served(client: TestClient) -> None:
    response = client.get("/api/docs")
    assert response.status_code == 200
    assert 'id="swagger-ui"' in response.text
    assert "/api/openapi.json" in client.get("/api/docs/start.js").text


def test_unknown_api_paths_and_methods_answer_in_the_error_shape(
    client: TestClient, ana: Person
) -> None:
    missing = client.get("/api/v1/nothing-here", headers=ana.headers)
    assert missing.status_code == 404
    error_of(missing)
    wrong_method = client.delete("/api/v1/exercises")
    assert wrong_method.status_code == 405
    error_of(wrong_method)


def test_pages_outside_the_api_keep_their_own_errors(client: TestClient) -> None:
    response = client.get("/no-such-page-anywhere")
    assert response.status_code == 404
    assert '"error":{"message"' not in response.text.replace(" ", "")


def test_bodies_beyond_the_servers_limit_are_a_413_except_for_imports(
    fake: FakeUnitOfWork,
) -> None:
    runtime = Runtime(uow=lambda: fake, hasher=FakeHasher(), open_signup=True, max_body_bytes=2000)
    with TestClient(create_app(runtime)) as small:
        body = {"email": "ana@example.com", "password": PASSWORD, "name": "x" * 3000}
        too_big = small.post("/api/v1/auth/signup", json=body)
        assert too_big.status_code == 413  # refused before any route reads it
        assert error_of(too_big)["field"] == "body"  # in the API's error shape all the same
        token = small.post("/api/v1/auth/signup", json={**body, "name": "Ana"}).json()["token"]
        backup = {"text": "Date,Workout Name\n" + "2026-01-05,Legs\n" * 400}
        imported = small.post(
            "/api/v1/import", json=backup, headers={"Authorization": f"Bearer {token}"}
        )
        assert imported.status_code == 400  # read and refused by the rules, not by its size


def test_the_docs_page_works_offline_under_the_content_security_policy(client: TestClient) -> None:
    page = client.get("/api/docs")
    assert page.status_code == 200
    assert "http://" not in page.text
    assert "https://" not in page.text  # no CDN: every asset is served by this server
    assert "<script>" not in page.text  # no inline script: the CSP allows only 'self'
    assert "script-src 'self'" in page.headers["content-security-policy"]
    for asset in (
        "/api/docs/assets/swagger-ui-bundle.js",
        "/api/docs/assets/swagger-ui.css",
        "/api/docs/docs.css",  # ours, after Swagger's: its light theme's contrast
    ):
        assert f'"{asset}"' in page.text
        assert client.get(asset).status_code == 200
    assert client.get("/api/docs/docs.css").headers["content-type"].startswith("text/css")
    start = client.get("/api/docs/start.js")
    assert "/api/openapi.json" in start.text


def test_the_docs_viewer_is_a_swagger_ui_that_reads_openapi_3_1(client: TestClient) -> None:
    # Swagger UI reads OpenAPI 3.1 from version 5 on; 4.x shows "Unable to render this
    # definition" for the document FastAPI writes. The browser test sees the operations.
    assert client.get("/api/openapi.json").json()["openapi"].startswith("3.1")
    bundle = client.get("/api/docs/assets/swagger-ui-bundle.js").text
    assert re.search(r'"5\.\d+\.\d+"', bundle), "the bundled Swagger UI is not version 5"
    assert '"4.15.5"' not in bundle
    assert client.get("/api/docs/assets/favicon-32x32.png").status_code == 200


def test_every_operation_is_named_after_its_route_function(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    ids = {
        (method, path): op["operationId"]
        for path, ops in schema["paths"].items()
        for method, op in ops.items()
    }
    assert ids[("get", "/api/v1/exercises")] == "list_exercises"
    assert ids[("get", "/api/v1/exercises/{key}")] == "get_exercise"
    assert ids[("post", "/api/v1/sessions/{session_id}/sets")] == "create_set"
    assert len(set(ids.values())) == len(ids)
    assert all(op_id.isidentifier() and op_id.islower() for op_id in ids.values())


# The one answer whose body is not a model: the backup file (its shape is the backup format's,
# read back by `formats/backup.py`).
UNTYPED = {("get", "/api/v1/export")}


def test_every_json_answer_is_a_model_and_exercises_have_theirs(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    for path, ops in schema["paths"].items():
        for method, op in ops.items():
            for code, answer in op["responses"].items():
                body = answer.get("content", {}).get("application/json")
                if not code.startswith("2") or body is None or (method, path) in UNTYPED:
                    continue
                model = body["schema"].get("items", body["schema"])
                assert model.get("$ref", "").startswith("#/components/schemas/"), (path, code)
    exercises = schema["paths"]["/api/v1/exercises"]["get"]["responses"]["200"]
    items = exercises["content"]["application/json"]["schema"]["items"]
    assert items["$ref"].endswith("/ExerciseSummaryRead")
    card = schema["paths"]["/api/v1/exercises/{key}"]["get"]["responses"]["200"]
    assert card["content"]["application/json"]["schema"]["$ref"].endswith("/ExerciseRead")
    evidence = schema["components"]["schemas"]["EvidenceRead"]["properties"]
    assert evidence["verification"]["$ref"].endswith("/Verification")
