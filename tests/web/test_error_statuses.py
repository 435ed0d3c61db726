"""The API and the pages answer the same domain error with the same status (one table)."""

from __future__ import annotations

from typing import cast

import pytest
from fastapi import APIRouter
from fastapi.testclient import TestClient

from hipcoach.api.errors import ApiRoute
from hipcoach.domain.auth import AuthError, RateLimitedError
from hipcoach.domain.errors import (
    ConflictError,
    HipcoachError,
    KeyNotFoundError,
    NoPlanError,
    NotFoundError,
    UnknownKeyError,
    status_for,
)
from hipcoach.server import create_app
from hipcoach.services.ports import UnitOfWork
from hipcoach.services.runtime import Runtime
from hipcoach.web.routing import page_router
from tests.services.fakes import FakeHasher, FakeUnitOfWork
from tests.web.forms import forms_of

ERRORS = (
    HipcoachError("The rules refuse this."),
    UnknownKeyError("side", "sideways"),
    KeyNotFoundError("exercise", "clamshel", ("clamshell",)),
    NotFoundError("No such set."),
    NoPlanError("No plan yet."),
    ConflictError("It changed meanwhile."),
    AuthError("Wrong password."),
    RateLimitedError("Wait a while."),
)


@pytest.mark.parametrize("error", ERRORS, ids=lambda e: type(e).__name__)
def test_the_api_and_the_pages_answer_an_error_with_one_status(error: HipcoachError) -> None:
    fake = FakeUnitOfWork()
    app = create_app(Runtime(uow=lambda: cast(UnitOfWork, fake), hasher=FakeHasher()))
    pages, api = page_router(), APIRouter(route_class=ApiRoute)

    @pages.get("/raising")
    def raising_page() -> None:
        raise error

    @api.get("/api/v1/raising")
    def raising_endpoint() -> None:
        raise error

    app.include_router(pages)
    app.include_router(api)
    with TestClient(app) as client:
        page, answer = client.get("/raising"), client.get("/api/v1/raising")
    assert page.status_code == answer.status_code == status_for(error)
    assert answer.json()["error"]["message"] == error.message


def test_an_unknown_key_in_an_address_is_a_404_on_the_api_and_the_pages(
    client: TestClient,
) -> None:
    for path in ("/exercises/clamshel", "/learn/hip_dip"):
        page = client.get(path)
        api = client.get(f"/api/v1{path}")
        assert page.status_code == api.status_code == 404, path
        assert api.json()["error"]["details"][0]["suggestions"]


def test_an_unknown_key_in_a_form_or_a_query_is_a_400_on_both(member: TestClient) -> None:
    [form, *_] = [f for f in forms_of(member.get("/today").text) if f.action == "/today/sets"]
    page = member.post("/today/sets", data=form.data(side="sideways"))
    assert page.status_code == 400  # was 404: an unknown key in a field is not a missing page
    assert "Unknown side &#39;sideways&#39;" in page.text
    assert member.get("/exercises", params={"role": "warmup"}).status_code == 400
    api = member.get("/api/v1/exercises", params={"role": "warmup"})
    assert api.status_code == 400
    assert api.json()["error"]["field"] == "role"
