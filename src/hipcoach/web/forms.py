"""Reading posted forms: CSRF first, then typed fields whose errors name the field."""

from __future__ import annotations

import math
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, TypeVar

from fastapi import Depends
from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request

from hipcoach.domain.errors import HipcoachError
from hipcoach.domain.limits import Range
from hipcoach.web.security import CSRF_COOKIE, CSRF_FIELD, check_csrf
from hipcoach.web.visitor import Visitor, require_visitor

MAX_FIELDS = 300
MAX_TEXT = 4000
MAX_KEY = 64

K = TypeVar("K", bound=StrEnum)


class FormError(HipcoachError):
    """A form field that is missing or not in the expected shape."""


@dataclass(frozen=True, slots=True)
class Form:
    """A posted form with typed accessors."""

    data: FormData

    def text(self, name: str, *, default: str = "", limit: int = MAX_TEXT) -> str:
        """A text field, trimmed; files and missing fields give the default."""
        value = self.data.get(name)
        if not isinstance(value, str):
            return default
        value = value.strip()
        if len(value) > limit:
            raise FormError(f"{_label(name)} is too long (at most {limit} characters).", field=name)
        return value

    def secret(self, name: str) -> str:
        """A password field exactly as typed (never trimmed)."""
        value = self.data.get(name)
        return value if isinstance(value, str) else ""

    def texts(self, name: str) -> list[str]:
        """Every value of a repeated field (checkboxes), trimmed, empties dropped."""
        return [v.strip() for v in self.data.getlist(name) if isinstance(v, str) and v.strip()]

    def integer(
        self, name: str, *, within: Range[int], default: int | None = None, label: str = ""
    ) -> int:
        """A whole number within the domain's range; empty gives the default, if there is one.
        Messages call it `label` (else a name made from the field's)."""
        raw = self.text(name, limit=20)
        if not raw and default is not None:
            return default
        said = label or _label(name)
        try:
            value = int(raw)
        except ValueError:
            raise FormError(f"{said} must be a whole number.", field=name) from None
        if value not in within:
            raise FormError(f"{said} must be {within.describe()}.", field=name)
        return value

    def optional_integer(self, name: str, *, within: Range[int], label: str = "") -> int | None:
        """A whole number within the domain's range, or None when left empty."""
        if not self.text(name, limit=20):
            return None
        return self.integer(name, within=within, label=label)

    def optional_choice(self, name: str, enum: type[K]) -> K | None:
        """One of the keys a select offers, or None when left empty ("not said")."""
        raw = self.text(name, limit=MAX_KEY)
        if not raw:
            return None
        try:
            return enum(raw)
        except ValueError:
            raise FormError(
                f"{_label(name)}: choose one of the options offered, or leave it empty.",
                field=name,
            ) from None

    def number(self, name: str) -> float | None:
        """A decimal number (comma or point), or None when left empty."""
        raw = self.text(name, limit=20).replace(",", ".")
        if not raw:
            return None
        try:
            value = float(raw)
        except ValueError:
            raise FormError(f"{_label(name)} must be a number.", field=name) from None
        if math.isnan(value) or math.isinf(value):
            raise FormError(f"{_label(name)} must be a number.", field=name)
        return value

    def upload(self, name: str) -> UploadFile | None:
        """An uploaded file, or None when none was chosen."""
        value = self.data.get(name)
        if isinstance(value, UploadFile) and value.filename:
            return value
        return None


def _label(name: str) -> str:
    return name.replace("_", " ").capitalize()


@asynccontextmanager
async def _read(request: Request) -> AsyncIterator[FormData]:
    """The posted fields; uploaded files are closed when the block ends (after the route)."""
    async with request.form(max_fields=MAX_FIELDS, max_files=1) as data:
        yield data


async def member_form(
    request: Request, visitor: Annotated[Visitor, Depends(require_visitor)]
) -> AsyncIterator[Form]:
    """The form of a signed-in person, after checking it carries their session's CSRF token."""
    async with _read(request) as data:
        given = data.get(CSRF_FIELD)
        check_csrf(visitor.csrf, given if isinstance(given, str) else None)
        yield Form(data)


async def guest_form(request: Request) -> AsyncIterator[Form]:
    """A signed-out form (sign-in, sign-up), checked against the double-submit cookie."""
    async with _read(request) as data:
        given = data.get(CSRF_FIELD)
        check_csrf(request.cookies.get(CSRF_COOKIE, ""), given if isinstance(given, str) else None)
        yield Form(data)


MemberForm = Annotated[Form, Depends(member_form)]
GuestForm = Annotated[Form, Depends(guest_form)]
SignedIn = Annotated[Visitor, Depends(require_visitor)]
