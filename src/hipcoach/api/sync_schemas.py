"""Bodies of POST /api/v1/sync: an outbox of sets, sessions, session edits and skips, and its
results.

An item that does not match its schema is not the whole request's failure: it comes back as
that item's 422 (`InvalidItem`), so one bad entry cannot hold a device's outbox back forever.
The OpenAPI schema still shows the items as they must be sent.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import Field, ValidationError, ValidatorFunctionWrapHandler, WrapValidator

from hipcoach.api.schemas import (
    ClientId,
    ErrorRead,
    Input,
    Key,
    Read,
    SessionCreate,
    SessionRead,
    SessionUpdate,
    SetCreate,
    SkipCreate,
)
from hipcoach.services.sync import MAX_ITEMS


class SyncSessionCreate(Input):
    """A training day, by the retry rule of POST /sessions."""

    kind: Literal["session"]
    session: SessionCreate
    join_day: bool = Field(
        default=False,
        description="If a session is already stored on this date, its sets go there instead "
        "(one session a day, as the web app keeps it); the item then answers 200 with it.",
    )


class SyncSetCreate(Input):
    """A set done, by the retry rule of POST /sessions/{session_id}/sets."""

    kind: Literal["set"]
    session_id: ClientId
    set: SetCreate


class SyncSessionUpdate(SessionUpdate):
    """A session edit, as PATCH /sessions/{session_id}: only the fields sent change."""

    kind: Literal["session_edit"]
    session_id: ClientId


class SyncSkip(SkipCreate):
    """A move left out, as PUT /sessions/{session_id}/skips/{exercise}."""

    kind: Literal["skip"]
    session_id: ClientId


class SyncUnskip(Input):
    """A skip taken back, as DELETE /sessions/{session_id}/skips/{exercise}."""

    kind: Literal["unskip"]
    session_id: ClientId
    exercise: Key


SyncItem = Annotated[
    SyncSessionCreate | SyncSetCreate | SyncSessionUpdate | SyncSkip | SyncUnskip,
    Field(discriminator="kind"),
]


@dataclass(frozen=True, slots=True)
class InvalidItem:
    """An item that did not match its schema: what pydantic said, without the input."""

    errors: list[dict[str, Any]]


def _keep_invalid(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    try:
        return handler(value)
    except ValidationError as error:
        return InvalidItem([dict(e) for e in error.errors(include_input=False, include_url=False)])


# Typed as the items that validate; at run time a slot may hold an InvalidItem instead.
SyncSlot = Annotated[SyncItem, WrapValidator(_keep_invalid)]


class SyncCreate(Input):
    """Items are stored in order, each all or nothing; the answer has one result per item."""

    items: Annotated[list[SyncSlot], Field(min_length=1, max_length=MAX_ITEMS)]


class SyncItemRead(Read):
    """One item's result: `status` is what the single-item endpoint would have answered
    (201 created, 200 already stored or updated, 4xx refused with `error`)."""

    index: int
    kind: str
    id: str | None = Field(description="The set's or session's id, as sent")
    status: int
    error: ErrorRead | None = None
    session_id: str | None = Field(
        default=None,
        description="Where the set or session is stored (a session that joined its day "
        "names the day's session); the whole set is at GET /sets/{id}",
    )
    session: SessionRead | None = Field(default=None, description="A session as stored")


class SyncRead(Read):
    results: list[SyncItemRead]
    stored: int = Field(description="Items created or updated by this request")
    already_stored: int = Field(description="Items that were already stored with these values")
    refused: int = Field(description="Items refused; each result says why")
