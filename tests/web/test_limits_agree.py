"""The API schemas and the web forms take every bound from `hipcoach.domain.limits`.

The tests walk the domain's limits (`RANGES`, `LENGTHS` and the id pattern), not a copied
list, and compare them with what each adapter actually enforces: the OpenAPI document, the
`min`, `max`, `maxlength` of the rendered forms, and the server's reading of a form.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from fastapi.testclient import TestClient

from hipcoach.domain import limits
from hipcoach.domain.limits import Range
from tests.services.fakes import FakeUnitOfWork
from tests.web.forms import form_posting_to

# Form fields whose bounds come from a domain limit under another name.
AMOUNT_KINDS = ("reps", "steps", "hold_seconds")  # the Today card's "amount", by its "kind"
SAME_AS = {"weight": "weight_kg"}  # the measurement form, in the person's unit (kg here)


@dataclass
class Control:
    """One <input> or <select> of a rendered form, with its form's hidden values."""

    tag: str
    attrs: dict[str, str]
    form: dict[str, str]
    options: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.attrs.get("name", "")


class _Controls(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.controls: list[Control] = []
        self._form: dict[str, str] = {}
        self._select: Control | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self._form = {}
        elif tag == "input" and "name" in a:
            if a.get("type") == "hidden":
                self._form[a["name"]] = a.get("value", "")
            self.controls.append(Control(tag, a, self._form))
        elif tag == "textarea" and "name" in a:
            self.controls.append(Control(tag, a, self._form))
        elif tag == "select" and "name" in a:
            self._select = Control(tag, a, self._form)
            self.controls.append(self._select)
        elif tag == "option" and self._select is not None:
            self._select.options.append(a.get("value", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None


def controls_of(html: str) -> list[Control]:
    parser = _Controls()
    parser.feed(html)
    return parser.controls


def _number(text: str) -> float:
    return float(text)


def _bounds(schema: dict[str, Any]) -> dict[str, Any]:
    """The numeric and length bounds of a property, looking inside `anyOf: [..., null]`."""
    found = {k: v for k, v in schema.items() if k in _BOUND_KEYS}
    for option in schema.get("anyOf", []):
        found |= {k: v for k, v in option.items() if k in _BOUND_KEYS}
    return found


_BOUND_KEYS = {"minimum", "maximum", "exclusiveMinimum", "minLength", "maxLength", "pattern"}


def _properties(openapi: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for model, schema in openapi["components"]["schemas"].items():
        for name, prop in schema.get("properties", {}).items():
            yield model, name, _bounds(prop)


def _expected_range(bounds: Range[int] | Range[float]) -> dict[str, Any]:
    low = "exclusiveMinimum" if bounds.low_exclusive else "minimum"
    return {low: bounds.low, "maximum": bounds.high}


def test_the_openapi_bounds_are_the_domains_limits(client: TestClient) -> None:
    openapi = client.get("/api/openapi.json").json()
    properties = list(_properties(openapi))
    for name, bounds in limits.RANGES.items():
        bounded = [(m, b) for m, n, b in properties if n == name and b]
        assert bounded, f"no API schema bounds {name}"
        for model, found in bounded:
            assert found == _expected_range(bounds), (model, name)
    for name, lengths in limits.LENGTHS.items():
        for model, n, found in properties:
            if n == name and found:
                assert found["maxLength"] == lengths.high, (model, name)
                assert found.get("minLength", lengths.low) in (0, lengths.low), (model, name)
    ids = [b for _, n, b in properties if n == "id" and "pattern" in b]
    assert ids
    assert all(b["pattern"] == limits.ID_PATTERN for b in ids)


def _expected_attributes(bounds: Range[int] | Range[float]) -> tuple[float, float]:
    return float(bounds.low), float(bounds.high)


def _check(control: Control, bounds: Range[int] | Range[float]) -> None:
    where = (control.name, control.attrs)
    if control.tag == "select":
        values = [int(v) for v in control.options if v]  # "": not said
        assert values, where
        assert all(v in bounds for v in values), where
        return
    found = (_number(control.attrs["min"]), _number(control.attrs["max"]))
    assert found == _expected_attributes(bounds), where


def _pages(member: TestClient, fake: FakeUnitOfWork) -> list[str]:
    today = member.get("/today").text
    form = form_posting_to(today, "/today/sets")
    member.post("/today/sets", data=form.data())
    [session_id] = {s.id for s in fake.committed.sessions.values()}
    pages = [member.get(path).text for path in ("/today", "/onboarding", "/progress")]
    pages += [member.get(f"/sessions/{session_id}").text, member.get("/settings").text]
    guest = TestClient(member.app)
    pages += [guest.get("/signup").text, guest.get("/signin").text]
    return [today, *pages]


def test_the_form_bounds_are_the_domains_limits(member: TestClient, fake: FakeUnitOfWork) -> None:
    controls = [c for html in _pages(member, fake) for c in controls_of(html)]
    seen: set[str] = set()
    for control in controls:
        name = SAME_AS.get(control.name, control.name)
        if control.name == "amount":
            name = control.form["kind"]
            assert name in AMOUNT_KINDS
        numeric = control.attrs.get("type") == "number" or (
            control.tag == "select"
            and any(control.options)
            and all(v.isdigit() for v in control.options if v)  # "": not said
        )
        if name in limits.RANGES and numeric:
            _check(control, limits.RANGES[name])
            seen.add(name)
        if name in limits.LENGTHS and "maxlength" in control.attrs:
            lengths = limits.LENGTHS[name]
            assert int(control.attrs["maxlength"]) == lengths.high, control.attrs
            assert int(control.attrs.get("minlength", lengths.low)) == lengths.low, control.attrs
            seen.add(name)
    # Every limit a person types on a page was found there (the others are API-only).
    typed = {"reps", "pain", "rir", "next_day_pain", "rpe", "minutes", "weeks", "weight_kg", "age"}
    texts = {"note", "notes", "email", "password", "new_password"}
    assert typed | {"hip_cm", "waist_cm"} | texts <= seen


def test_the_server_reads_a_form_with_the_same_bounds(
    member: TestClient, fake: FakeUnitOfWork
) -> None:
    form = form_posting_to(member.get("/today").text, "/today/sets")
    bounds = limits.RANGES[form.fields["kind"][0]]
    for amount, status in ((bounds.high + 1, 400), (bounds.low - 1, 400), (bounds.high, 303)):
        response = member.post(
            "/today/sets", data=form.data(amount=str(amount)), follow_redirects=False
        )
        assert response.status_code == status, (amount, response.text[:200])
    assert [s.amount for s in fake.committed.sets.values()] == [bounds.high]
