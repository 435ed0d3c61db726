"""Progress, measurements, export and import."""

from __future__ import annotations

import csv
import io
import json

from fastapi.testclient import TestClient

from tests.api.conftest import PROFILE, START, Person, error_of, new_session, new_set


def test_progress_counts_a_logged_session(client: TestClient, onboarded: Person) -> None:
    new_set(client, onboarded, new_session(client, onboarded), "set-00000001")
    response = client.get(
        "/api/v1/progress", params={"date": "2026-01-11"}, headers=onboarded.headers
    )
    assert response.status_code == 200
    report = response.json()
    assert report["plan_start"] == START
    first_week = report["adherence"]["weeks"][0]
    assert (first_week["planned"], first_week["done"]) == (2, 1)
    assert report["weekly_sets"][0]["week_start"] == START
    assert report["weekly_sets"][0]["sets"]["gluteus_medius"] > 0
    assert report["trends"]["clamshell"][0]["best"] == 15
    assert report["expectation"]


def test_measurements_are_stored_once_and_listed(client: TestClient, ana: Person) -> None:
    body = {"id": "measure-0001", "date": START, "hip_cm": 98.5}
    first = client.post("/api/v1/measurements", json=body, headers=ana.headers)
    again = client.post("/api/v1/measurements", json=body, headers=ana.headers)
    assert (first.status_code, again.status_code) == (201, 200)
    listed = client.get("/api/v1/measurements", headers=ana.headers).json()
    assert listed == [{**body, "waist_cm": None, "weight_kg": None}]


def test_measurements_need_a_plausible_value(client: TestClient, ana: Person) -> None:
    empty = client.post(
        "/api/v1/measurements", json={"id": "measure-0001", "date": START}, headers=ana.headers
    )
    assert empty.status_code == 400
    absurd = client.post(
        "/api/v1/measurements",
        json={"id": "measure-0002", "date": START, "hip_cm": 9000},
        headers=ana.headers,
    )
    assert absurd.status_code == 422
    assert error_of(absurd)["field"] == "hip_cm"


def test_the_export_is_a_backup_or_csv(client: TestClient, onboarded: Person) -> None:
    new_set(client, onboarded, new_session(client, onboarded), "set-00000001")
    backup = client.get("/api/v1/export", headers=onboarded.headers)
    assert backup.status_code == 200
    assert backup.json()["format"] == "hipcoach-backup"
    assert [s["id"] for s in backup.json()["sets"]] == ["set-00000001"]
    sheet = client.get("/api/v1/export", params={"format": "csv"}, headers=onboarded.headers)
    assert sheet.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(sheet.text)))
    assert len(rows) == 1
    bad = client.get("/api/v1/export", params={"format": "xml"}, headers=onboarded.headers)
    assert bad.status_code == 422


def test_a_backup_imports_into_another_account_and_twice_adds_nothing(
    client: TestClient, onboarded: Person, bo: Person
) -> None:
    new_set(client, onboarded, new_session(client, onboarded), "set-00000001")
    text = json.dumps(client.get("/api/v1/export", headers=onboarded.headers).json())
    first = client.post("/api/v1/import", json={"text": text}, headers=bo.headers)
    assert first.status_code == 200
    assert (first.json()["plans"], first.json()["sessions"], first.json()["sets"]) == (1, 1, 1)
    again = client.post("/api/v1/import", json={"text": text}, headers=bo.headers)
    assert (again.json()["sessions"], again.json()["sets"]) == (0, 0)
    assert (
        client.get("/api/v1/plan", headers=bo.headers).json()["profile"]["days"] == PROFILE["days"]
    )


def test_a_file_that_is_not_an_export_is_a_400(client: TestClient, ana: Person) -> None:
    response = client.post("/api/v1/import", json={"text": "hello"}, headers=ana.headers)
    assert response.status_code == 400
    assert (
        client.post(
            "/api/v1/import", json={"text": "x", "unit": "stone"}, headers=ana.headers
        ).status_code
        == 422
    )


def test_a_measurement_id_reused_with_other_values_is_a_conflict(
    client: TestClient, onboarded: Person
) -> None:
    body = {"id": "meas-00000001", "date": "2026-01-05", "hip_cm": 98.0}
    first = client.post("/api/v1/measurements", json=body, headers=onboarded.headers)
    again = client.post("/api/v1/measurements", json=body, headers=onboarded.headers)
    other = client.post(
        "/api/v1/measurements", json={**body, "hip_cm": 120.0}, headers=onboarded.headers
    )
    assert (first.status_code, again.status_code, other.status_code) == (201, 200, 409)
    stored = client.get("/api/v1/measurements", headers=onboarded.headers).json()
    assert [m["hip_cm"] for m in stored] == [98.0]
