"""POST /api/v1/sync: a device's outbox in one request, with one result per item.

Two callers: API clients with a Bearer token, and the web app's outbox, which signs in the
way its forms do: the session cookie, with the page's CSRF token in the X-CSRF-Token header
(a cookie alone never writes, so another site cannot post here in the person's name).
"""

from __future__ import annotations

import hmac
from datetime import datetime

from fastapi import APIRouter, Request, Response

from hipcoach.api.deps import BearerToken, Now, RuntimeDep, user_for
from hipcoach.api.errors import ApiRoute, NotAuthenticatedError
from hipcoach.api.schemas import ErrorRead, SessionRead
from hipcoach.api.sync_schemas import (
    InvalidItem,
    SyncCreate,
    SyncItemRead,
    SyncRead,
    SyncSessionCreate,
    SyncSessionUpdate,
    SyncSetCreate,
    SyncSkip,
    SyncUnskip,
)
from hipcoach.domain.errors import HipcoachError, status_for
from hipcoach.domain.log import LoggedSet, SkippedMove, TrainingSession
from hipcoach.services import accounts, sync
from hipcoach.services.logbook import KEEP
from hipcoach.services.runtime import Runtime

router = APIRouter(route_class=ApiRoute, tags=["log"])

# The web app's session cookie (hipcoach.web.security.SESSION_COOKIE: the API cannot import
# the web adapter, and a test holds the two names equal).
SESSION_COOKIE = "hc_session"
CSRF_HEADER = "x-csrf-token"
_UNREADABLE = 422
_STATUS = {sync.Outcome.CREATED: 201, sync.Outcome.UPDATED: 200, sync.Outcome.ALREADY_STORED: 200}


class _Unreadable(HipcoachError):
    """An item that did not match its schema (answered 422 in its place)."""


def _caller(request: Request, runtime: Runtime, token: BearerToken, now: datetime) -> str:
    if token is not None:
        return user_for(runtime.uow(), token)
    cookie = request.cookies.get(SESSION_COOKIE, "")
    signed_in = (
        accounts.session_user(uow=runtime.uow(), token=cookie, now=now)
        if 20 <= len(cookie) <= 200
        else None
    )
    if signed_in is None:
        raise NotAuthenticatedError(
            "Sign in to sync: this browser is signed out (API clients: send a Bearer token).",
            field="session",
        )
    given = request.headers.get(CSRF_HEADER, "")
    if not given or not hmac.compare_digest(signed_in.csrf_token, given):
        raise NotAuthenticatedError(
            "The page's security token is out of date: reload the page and it will sync.",
            field="csrf",
        )
    return signed_in.user_id


def _domain_item(
    slot: SyncSessionCreate
    | SyncSetCreate
    | SyncSessionUpdate
    | SyncSkip
    | SyncUnskip
    | InvalidItem,
    now: datetime,
) -> sync.SyncItem | HipcoachError:
    if isinstance(slot, InvalidItem):
        first = slot.errors[0] if slot.errors else {}
        loc = list(first.get("loc", ()))[1:]  # the first part is the item's kind (its tag)
        where = ".".join(str(part) for part in loc) or None
        message = str(first.get("msg", "This item is not valid."))
        return _Unreadable(f"{where}: {message}" if where else message, field=where)
    if isinstance(slot, SyncSessionCreate):
        return sync.SessionItem(TrainingSession(**slot.session.model_dump()), slot.join_day)
    if isinstance(slot, SyncSetCreate):
        values = slot.set.model_dump(exclude={"id", "logged_at"})
        logged_at = slot.set.logged_at or now
        return sync.SetItem(
            LoggedSet(id=slot.set.id, session_id=slot.session_id, logged_at=logged_at, **values)
        )
    if isinstance(slot, SyncSkip):
        return sync.SkipItem(SkippedMove(slot.session_id, slot.exercise, slot.reason, slot.note))
    if isinstance(slot, SyncUnskip):
        return sync.UnskipItem(slot.session_id, slot.exercise)
    sent = slot.model_fields_set
    return sync.SessionEdit(
        session_id=slot.session_id,
        version=slot.version,
        notes=slot.notes if "notes" in sent else KEEP,
        next_day_pain=slot.next_day_pain if "next_day_pain" in sent else KEEP,
        next_day_pain_area=slot.next_day_pain_area if "next_day_pain_area" in sent else KEEP,
        next_day_pain_side=slot.next_day_pain_side if "next_day_pain_side" in sent else KEEP,
        rpe=slot.rpe if "rpe" in sent else KEEP,
    )


def _kind_and_id(slot: object) -> tuple[str, str | None]:
    if isinstance(slot, SyncSessionCreate):
        return slot.kind, slot.session.id
    if isinstance(slot, SyncSetCreate):
        return slot.kind, slot.set.id
    if isinstance(slot, SyncSessionUpdate):
        return slot.kind, slot.session_id
    if isinstance(slot, SyncSkip | SyncUnskip):
        return slot.kind, slot.exercise
    return "invalid", None


def _result(slot: object, result: sync.ItemResult) -> SyncItemRead:
    kind, item_id = _kind_and_id(slot)
    read = SyncItemRead(index=result.index, kind=kind, id=item_id, status=0)
    if result.error is not None:
        error = result.error
        read.status = _UNREADABLE if isinstance(error, _Unreadable) else status_for(error)
        read.error = ErrorRead(message=error.message, field=error.field)
        return read
    read.status = _STATUS[result.outcome]
    if isinstance(result.stored, LoggedSet):
        read.session_id = result.stored.session_id
    elif isinstance(result.stored, TrainingSession):
        read.session_id = result.stored.id
        read.session = SessionRead.model_validate(result.stored)
    elif isinstance(result.stored, SkippedMove):
        read.session_id = result.stored.session_id
    return read


@router.post("/sync", response_model=SyncRead)
def sync_outbox(
    body: SyncCreate, request: Request, runtime: RuntimeDep, token: BearerToken, now: Now
) -> Response:
    """Store an outbox of sessions, sets, session edits and skips, in order, each all or
    nothing.

    Sending it again stores nothing new. A set names its session by id: send the session
    first, in this request or an earlier one. At most 1000 items (else 422) and the usual
    body size (else 413)."""
    user_id = _caller(request, runtime, token, now)
    slots: list[object] = list(body.items)
    items = [_domain_item(slot, now) for slot in body.items]
    results = sync.replay_outbox(uow=runtime.uow(), user_id=user_id, items=items)
    outcomes = [r.outcome for r in results]
    answer = SyncRead(
        results=[_result(slots[r.index], r) for r in results],
        stored=sum(o in (sync.Outcome.CREATED, sync.Outcome.UPDATED) for o in outcomes),
        already_stored=outcomes.count(sync.Outcome.ALREADY_STORED),
        refused=outcomes.count(sync.Outcome.REFUSED),
    )
    # Serialised once: FastAPI would validate the 1000-item answer again (the decorator
    # still documents it).
    return Response(answer.model_dump_json(), media_type="application/json")
