"""The training log: sessions and their sets, created with client ids, edited and deleted."""

from __future__ import annotations

from datetime import datetime
from functools import partial
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response, status
from fastapi.security import HTTPAuthorizationCredentials

from hipcoach.api.deps import (
    BearerToken,
    Now,
    RuntimeDep,
    Today,
    Uow,
    UowFactory,
    UserId,
    run_store_work,
    user_for,
)
from hipcoach.api.errors import ApiRoute
from hipcoach.api.schemas import (
    PastSessionCreate,
    SessionCreate,
    SessionDetailRead,
    SessionRead,
    SessionUpdate,
    SetCreate,
    SetFields,
    SetRead,
    SetUpdate,
    SkipCreate,
    SkipRead,
)
from hipcoach.domain.limits import ID_PATTERN, SET_PAGE, SET_PAGE_DEFAULT
from hipcoach.domain.log import LogError, LoggedSet, SkippedMove, TrainingSession
from hipcoach.services import accounts, logbook, training
from hipcoach.services.logbook import KEEP

router = APIRouter(route_class=ApiRoute, tags=["log"])
CREATED: dict[int | str, dict[str, Any]] = {
    201: {"description": "Created"},
    200: {"description": "Already stored (a retry)"},
}

SET_PAGE_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "A page of sets",
        "headers": {"Link": {"description": 'The next page, `<...>; rel="next"`, if any'}},
    }
}
SET_PAGE_DESCRIPTION = f"""The sets of one session in the order logged, a page at a time:
`limit` sets ({SET_PAGE.low}-{SET_PAGE.high}, default {SET_PAGE_DEFAULT}) after the set whose id
is `after` (none: from the first). When more follow, the `Link` header names the next page
(`rel="next"`, its `after` the last id of this page); without it this page is the last. A
`limit` out of range: 422 naming `limit`; an `after` that is no set of this session: 404."""


def _logged_set(body: SetFields, *, set_id: str, session_id: str, logged_at: datetime) -> LoggedSet:
    # The body's fields are the logged set's own (SetFields mirrors LoggedSet by name).
    values = body.model_dump(exclude={"id", "logged_at"})
    return LoggedSet(id=set_id, session_id=session_id, logged_at=logged_at, **values)


def _created(response: Response, created: bool) -> None:
    response.status_code = status.HTTP_201_CREATED if created else status.HTTP_200_OK


@router.get("/sessions")
def list_sessions(
    uow: Uow,
    user_id: UserId,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
    offset: Annotated[int, Query(ge=0, le=10_000)] = 0,
) -> list[SessionRead]:
    """Your sessions, newest first, a page at a time."""
    found = logbook.list_sessions(uow=uow, user_id=user_id, limit=limit, offset=offset)
    return [SessionRead.model_validate(s) for s in found]


@router.post("/sessions", status_code=status.HTTP_201_CREATED, responses=CREATED)
def create_session(
    body: SessionCreate, response: Response, uow: Uow, user_id: UserId
) -> SessionRead:
    """Start a training day. Sending the same id again returns it (200); other content: 409."""
    session = TrainingSession(**body.model_dump())
    stored, created = logbook.create_session(uow=uow, user_id=user_id, session=session)
    _created(response, created)
    return SessionRead.model_validate(stored)


@router.post("/past-sessions", status_code=status.HTTP_201_CREATED, responses=CREATED)
def open_past_session(
    body: PastSessionCreate, response: Response, uow: Uow, user_id: UserId, today: Today
) -> SessionRead:
    """Open a past or missed day to log its sets afterwards (POST /sessions/{id}/sets with
    `logged_at`): the day's planned session, a free session when the plan had none that day,
    or the session already logged on it (200). Days after today or before your plan's first
    day: 400 naming `date`."""
    stored, created = training.open_past_session(
        uow=uow, user_id=user_id, day=body.date, today=today, session_id=body.id
    )
    _created(response, created)
    return SessionRead.model_validate(stored)


@router.get("/sessions/{session_id}", responses=SET_PAGE_RESPONSES)
def get_session(
    session_id: str,
    request: Request,
    response: Response,
    uow: Uow,
    user_id: UserId,
    runtime: RuntimeDep,
) -> SessionDetailRead:
    """One session with its first SET_PAGE_DEFAULT sets (the rest: follow the Link header to
    GET /sessions/{id}/sets), and its start, end and duration: from the first to the last set
    logged on its own day (in your time zone), counting every set."""
    zone = runtime.clock.zone_of(accounts.time_zone(uow=uow, user_id=user_id))
    detail = logbook.session_detail(
        uow=uow, user_id=user_id, session_id=session_id, zone=zone, limit=SET_PAGE_DEFAULT
    )
    if detail.more:
        following = request.url_for("list_sets", session_id=session_id).include_query_params(
            after=detail.sets[-1].id, limit=SET_PAGE_DEFAULT
        )
        response.headers["Link"] = f'<{following}>; rel="next"'
    timed = detail.time
    skipped = logbook.skips_of(uow=uow, user_id=user_id, session_id=session_id)
    return SessionDetailRead(
        **SessionRead.model_validate(detail.session).model_dump(),
        sets=[SetRead.model_validate(s) for s in detail.sets],
        skipped=[SkipRead.model_validate(s) for s in skipped],
        more_sets=detail.more,
        started_at=timed.start if timed else None,
        ended_at=timed.end if timed else None,
        duration_s=int(timed.duration.total_seconds()) if timed else None,
    )


@router.put("/sessions/{session_id}/skips/{exercise}")
def skip_move(
    session_id: str, exercise: str, body: SkipCreate, uow: Uow, user_id: UserId
) -> SkipRead:
    """Leave a planned move out of a session on purpose, with a reason (pain, equipment, time,
    other): it is not a missed set, and its next prescription waits. The path's move must be
    the body's; again with another reason replaces it. 404 for a session not yours."""
    if body.exercise != exercise:
        raise LogError("The move in the address and in the body differ.", field="exercise")
    skip = SkippedMove(session_id, body.exercise, body.reason, body.note)
    return SkipRead.model_validate(logbook.skip_move(uow=uow, user_id=user_id, skip=skip))


@router.delete("/sessions/{session_id}/skips/{exercise}", status_code=status.HTTP_204_NO_CONTENT)
def unskip_move(session_id: str, exercise: str, uow: Uow, user_id: UserId) -> None:
    """Bring a move left out back into the session (again: nothing changes; 404 for a
    session not yours)."""
    logbook.unskip_move(uow=uow, user_id=user_id, session_id=session_id, exercise=exercise)


@router.patch("/sessions/{session_id}")
def update_session(session_id: str, body: SessionUpdate, uow: Uow, user_id: UserId) -> SessionRead:
    """Change notes, session effort (RPE 1-10) or next-day pain and where it hurt; send the
    version you read (409 if it moved on). Next-day pain set to 0 or null drops where it
    hurt, unless that is sent too; `rpe: null` clears the effort."""
    sent = body.model_fields_set
    updated = logbook.update_session(
        uow=uow,
        user_id=user_id,
        session_id=session_id,
        version=body.version,
        notes=body.notes if "notes" in sent else KEEP,
        next_day_pain=body.next_day_pain if "next_day_pain" in sent else KEEP,
        next_day_pain_area=body.next_day_pain_area if "next_day_pain_area" in sent else KEEP,
        next_day_pain_side=body.next_day_pain_side if "next_day_pain_side" in sent else KEEP,
        rpe=body.rpe if "rpe" in sent else KEEP,
    )
    return SessionRead.model_validate(updated)


@router.delete("/sessions/{session_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_session(session_id: str, uow: Uow, user_id: UserId) -> None:
    """Delete a session and every set in it."""
    logbook.delete_session(uow=uow, user_id=user_id, session_id=session_id)


@router.get(
    "/sessions/{session_id}/sets", responses=SET_PAGE_RESPONSES, description=SET_PAGE_DESCRIPTION
)
def list_sets(
    session_id: str,
    request: Request,
    response: Response,
    uow: Uow,
    user_id: UserId,
    limit: Annotated[int, Query(ge=SET_PAGE.low, le=SET_PAGE.high)] = SET_PAGE_DEFAULT,
    after: Annotated[str | None, Query(pattern=ID_PATTERN)] = None,
) -> list[SetRead]:
    """The sets of one session in the order logged, a page at a time."""
    sets, more = logbook.list_sets(
        uow=uow, user_id=user_id, session_id=session_id, after=after, limit=limit
    )
    if more:
        following = request.url.include_query_params(after=sets[-1].id, limit=limit)
        response.headers["Link"] = f'<{following}>; rel="next"'
    return [SetRead.model_validate(s) for s in sets]


@router.post(
    "/sessions/{session_id}/sets",
    status_code=status.HTTP_201_CREATED,
    responses=CREATED,
    response_model=SetRead,
)
async def create_set(
    session_id: str, body: SetCreate, runtime: RuntimeDep, token: BearerToken, now: Now
) -> Response:
    """Log one set. The same id and values again return the stored set (200); other values
    under that id: 409 naming it."""
    # The request people wait on between sets: the token check and the insert run in one
    # go, on the event loop when the store is free (see run_store_work).
    return await run_store_work(runtime, partial(_log_set, token, session_id, body, now))


def _log_set(
    token: HTTPAuthorizationCredentials | None,
    session_id: str,
    body: SetCreate,
    now: datetime,
    make_uow: UowFactory,
) -> Response:
    user_id = user_for(make_uow(), token)
    logged = _logged_set(
        body, set_id=body.id, session_id=session_id, logged_at=body.logged_at or now
    )
    stored, created = logbook.log_set(uow=make_uow(), user_id=user_id, logged=logged)
    # Serialised once, skipping FastAPI's re-validation of the response model (the
    # decorator still documents it).
    return Response(
        SetRead.model_validate(stored).model_dump_json(),
        status_code=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        media_type="application/json",
    )


@router.get("/sets/{set_id}")
def get_set(set_id: str, uow: Uow, user_id: UserId) -> SetRead:
    """One logged set."""
    return SetRead.model_validate(logbook.get_set(uow=uow, user_id=user_id, set_id=set_id))


@router.put("/sets/{set_id}")
def replace_set(set_id: str, body: SetUpdate, uow: Uow, user_id: UserId) -> SetRead:
    """Correct a set: every value is replaced; its id, session and time stay."""
    stored = logbook.get_set(uow=uow, user_id=user_id, set_id=set_id)
    corrected = _logged_set(
        body,
        set_id=stored.id,
        session_id=stored.session_id,
        logged_at=body.logged_at or stored.logged_at,
    )
    return SetRead.model_validate(
        logbook.replace_set(uow=uow, user_id=user_id, corrected=corrected)
    )


@router.delete("/sets/{set_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_set(set_id: str, uow: Uow, user_id: UserId) -> None:
    """Delete one logged set."""
    logbook.delete_set(uow=uow, user_id=user_id, set_id=set_id)
