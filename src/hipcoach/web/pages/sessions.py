"""A logged training day: its sets, adding and undoing a set, notes and effort, next-morning
pain; and opening a past or missed day to log it afterwards."""

from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from starlette.requests import Request
from starlette.responses import Response

from hipcoach.content.loader import load_catalogue
from hipcoach.domain import limits
from hipcoach.domain.catalogue import Measure, PainArea
from hipcoach.domain.duration import session_time
from hipcoach.domain.errors import BusyError, HipcoachError, NotFoundError
from hipcoach.domain.limits import ID_LENGTH, KEY_LENGTH, NOTE_LENGTH, PAIN, SESSION_RPE, Range
from hipcoach.domain.log import LoggedSet, Side
from hipcoach.domain.messages import SAFETY
from hipcoach.formats.backup import set_from_json, set_to_json
from hipcoach.services import logbook, training
from hipcoach.web.forms import Form, MemberForm, SignedIn
from hipcoach.web.pages.today import (
    AMOUNTS,
    PAIN_LABELS,
    RIR_LABELS,
    RPE_LABELS,
    set_from_form,
    today_response,
)
from hipcoach.web.past_session import moves_to_log
from hipcoach.web.rendering import page
from hipcoach.web.routing import page_router, redirect
from hipcoach.web.visitor import Visitor, runtime_of, today, zone

router = page_router()
NOTICES = {
    "pain": "Saved. The next prescription takes it into account.",
    "undone": "Set removed.",
    "restored": "Set put back.",
    "edited": "Set corrected.",
    "notes": "Notes and effort saved.",
    "set": "Set added.",
    "opened": "Log what you did that day: add each set below.",
}
VERSION = Range(1, 2**31 - 1)  # what a session's version column holds
UNDO_LENGTH = 8 * NOTE_LENGTH.high  # a deleted set's copy: its values, its note at most 2000


def _session_page(
    request: Request,
    visitor: Visitor,
    session_id: str,
    *,
    notice: str = "",
    move: str = "",
    undo: str = "",
    error: HipcoachError | None = None,
) -> Response:
    uow = runtime_of(request).uow()
    session, sets = logbook.get_session_with_sets(
        uow=uow, user_id=visitor.user_id, session_id=session_id
    )
    catalogue = load_catalogue()
    moves = moves_to_log(uow, visitor.user_id, session, sets, move)
    known = {s.exercise: catalogue.get(s.exercise) for s in sets if s.exercise in catalogue}
    names = {key: exercise.name for key, exercise in known.items()}
    labels = {step.key: step.label for exercise in known.values() for step in exercise.ladder()}
    groups: dict[str, list[LoggedSet]] = {}
    for logged in sets:
        groups.setdefault(logged.exercise, []).append(logged)
    context = {
        "session": session,
        "sets": sets,
        "timed": session_time(sets, day=session.date, zone=zone(visitor)),
        "groups": groups,
        "names": names,
        "labels": labels,
        "pain_labels": PAIN_LABELS,
        "rpe_labels": RPE_LABELS,
        "rir_labels": RIR_LABELS,
        "moves": [(m, training.new_id()) for m in moves],
        "catalogue": [(e.key, e.name) for e in catalogue.exercises],
        "notice": NOTICES.get(notice),
        "undo": undo,
        "safety": SAFETY,
        "ladders": {
            key: [(step.key, step.label) for step in exercise.ladder()]
            for key, exercise in known.items()
        },
    }
    return page(request, "session.html", context, visitor=visitor, error=error)


@router.get("/sessions/{session_id}")
def session_page(
    request: Request, visitor: SignedIn, session_id: str, notice: str = "", move: str = ""
) -> Response:
    """One logged day with every set (only the owner's; anyone else gets 404), each with Edit
    and Delete, and a set form for each of its moves (and for `move`, another one the person
    picked)."""
    return _session_page(request, visitor, session_id, notice=notice, move=move[: KEY_LENGTH.high])


def _day(form: Form) -> date:
    raw = form.text("date", limit=10)
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise HipcoachError("Choose the day you trained (YYYY-MM-DD).", field="date") from None


@router.post("/past-sessions")
def open_past_session(request: Request, visitor: SignedIn, form: MemberForm) -> Response:
    """Open a past or missed day to log it: its planned session, a free one when nothing was
    planned, or the session already logged that day."""
    try:
        session, _ = training.open_past_session(
            uow=runtime_of(request).uow(),
            user_id=visitor.user_id,
            day=_day(form),
            today=today(visitor),
            session_id=form.text("session_id", limit=ID_LENGTH.high),
        )
    except BusyError:
        raise
    except HipcoachError as exc:
        return today_response(request, visitor, error=exc)
    move = form.text("move", limit=KEY_LENGTH.high)
    if move and move in load_catalogue():
        return redirect(f"/sessions/{session.id}?notice=opened&move={move}#move-{move}")
    return redirect(f"/sessions/{session.id}?notice=opened")


def _log_on_page(
    request: Request,
    visitor: Visitor,
    session_id: str,
    logged_of: Callable[[], LoggedSet],
    *,
    move: str = "",
) -> LoggedSet | Response:
    """Store the set `logged_of` reads from a form, in this session: the set, or the session
    page with the form's message when it cannot be stored (a session that is not the
    person's stays a 404, a busy store the busy page)."""
    try:
        logged = logged_of()
        logbook.log_set(uow=runtime_of(request).uow(), user_id=visitor.user_id, logged=logged)
    except BusyError:
        raise
    except NotFoundError as exc:
        if exc.field == "session_id":
            raise
        return _session_page(request, visitor, session_id, move=move, error=exc)
    except HipcoachError as exc:
        return _session_page(request, visitor, session_id, move=move, error=exc)
    return logged


@router.post("/sessions/{session_id}/sets")
def add_set(request: Request, visitor: SignedIn, form: MemberForm, session_id: str) -> Response:
    """Add a set to a logged day afterwards (the logbook's retry rule: a second tap of the
    same form stores nothing new)."""
    move = form.text("exercise", limit=KEY_LENGTH.high)
    logged = _log_on_page(
        request, visitor, session_id, lambda: set_from_form(form, session_id), move=move
    )
    if isinstance(logged, Response):
        return logged
    return redirect(f"/sessions/{session_id}?notice=set#move-{logged.exercise}")


@router.post("/sessions/{session_id}/pain")
def next_day_pain(
    request: Request, visitor: SignedIn, form: MemberForm, session_id: str
) -> Response:
    """How the hips felt the next morning (0-10), where and on which side; it changes the next
    prescription."""
    try:
        logbook.record_next_day_pain(
            uow=runtime_of(request).uow(),
            user_id=visitor.user_id,
            session_id=session_id,
            pain=form.integer("next_day_pain", within=PAIN),
            area=form.optional_choice("next_day_pain_area", PainArea),
            side=form.optional_choice("next_day_pain_side", Side),
        )
    except (NotFoundError, BusyError):
        raise
    except HipcoachError as exc:
        return _session_page(request, visitor, session_id, error=exc)
    return redirect(f"/sessions/{session_id}?notice=pain")


@router.post("/sessions/{session_id}/notes")
def session_notes(
    request: Request, visitor: SignedIn, form: MemberForm, session_id: str
) -> Response:
    """A day's notes and how hard it felt as a whole (session RPE 1-10, or not rated), by the
    same logbook edit as the API's PATCH: a stale version is a form message, nothing stored."""
    back = form.text("back", limit=ID_LENGTH.high)
    try:
        logbook.update_session(
            uow=runtime_of(request).uow(),
            user_id=visitor.user_id,
            session_id=session_id,
            version=form.integer("version", within=VERSION),
            notes=form.text("notes", limit=NOTE_LENGTH.high),
            rpe=form.optional_integer("rpe", within=SESSION_RPE, label="Session effort"),
        )
    except (NotFoundError, BusyError):
        raise
    except HipcoachError as exc:
        if back == "today":
            return today_response(request, visitor, error=exc)
        return _session_page(request, visitor, session_id, error=exc)
    if back == "today":
        return redirect("/today#session-notes")
    if back == "done":
        return redirect("/today/done#session-notes")
    return redirect(f"/sessions/{session_id}?notice=notes")


def _own_set(request: Request, visitor: Visitor, session_id: str, set_id: str) -> LoggedSet:
    logged = logbook.get_set(
        uow=runtime_of(request).uow(), user_id=visitor.user_id, set_id=set_id[: ID_LENGTH.high]
    )
    if logged.session_id != session_id:
        raise NotFoundError(f"No set {set_id} in that session.", field="set_id")
    return logged


@router.post("/sessions/{session_id}/sets/{set_id}/delete")
def undo_set(
    request: Request, visitor: SignedIn, form: MemberForm, session_id: str, set_id: str
) -> Response:
    """Remove a set logged by mistake (only from the owner's own session); the page that
    follows offers to put it back ("Undo"), with every value it had."""
    logged = _own_set(request, visitor, session_id, set_id)
    logbook.delete_set(uow=runtime_of(request).uow(), user_id=visitor.user_id, set_id=set_id)
    if form.text("back") == "today":
        return redirect("/today")
    # The page answers the POST itself: the copy for "Undo" stays in this page's form, never
    # in an address (history, proxy logs), and no link can offer someone else's copy.
    undo = base64.urlsafe_b64encode(set_to_json(logged).encode()).decode()
    return _session_page(request, visitor, session_id, notice="undone", undo=undo)


def _decoded(blob: str) -> LoggedSet:
    damaged = HipcoachError("That set cannot be put back: its copy is damaged.", field="set")
    try:
        return set_from_json(base64.urlsafe_b64decode(blob.encode("ascii")).decode("utf-8"))
    except (ValueError, UnicodeError):
        raise damaged from None
    except HipcoachError as exc:
        raise damaged from exc


@router.post("/sessions/{session_id}/sets/restore")
def restore_set(request: Request, visitor: SignedIn, form: MemberForm, session_id: str) -> Response:
    """Put back a set just deleted: the same id and values, checked like any logged set, in
    this session only (a second tap stores nothing new)."""
    logbook.get_session(
        uow=runtime_of(request).uow(), user_id=visitor.user_id, session_id=session_id
    )
    copy = form.text("set", limit=UNDO_LENGTH)
    logged = _log_on_page(
        request, visitor, session_id, lambda: replace(_decoded(copy), session_id=session_id)
    )
    if isinstance(logged, Response):
        return logged
    return redirect(f"/sessions/{session_id}?notice=restored#set-{logged.id}")


@router.post("/sessions/{session_id}/sets/{set_id}/edit")
def edit_set(
    request: Request, visitor: SignedIn, form: MemberForm, session_id: str, set_id: str
) -> Response:
    """Correct a logged set of a past day: amount, resistance, effort, pain and note (the move,
    side and time stay; a different move is a new set)."""
    logged = _own_set(request, visitor, session_id, set_id)
    try:
        counted = logged.measure  # the set keeps what it counts: reps, steps or seconds
        amount = form.integer("amount", within=AMOUNTS[counted.value])
        rung = form.text("resistance_key", default=logged.resistance_key, limit=KEY_LENGTH.high)
        pain = form.integer("pain", within=PAIN, default=0)
        corrected = replace(
            logged,
            reps=amount if counted is Measure.REPS else None,
            steps=amount if counted is Measure.STEPS else None,
            hold_seconds=amount if counted is Measure.SECONDS else None,
            resistance_key=rung,
            load_kg=logged.load_kg if rung == logged.resistance_key else None,
            rir=form.optional_integer("rir", within=limits.RIR),
            effort=None if form.text("rir") else logged.effort,
            pain=pain,
            # Pain down to 0 takes where it hurt with it (the form still shows the old place).
            pain_area=form.optional_choice("pain_area", PainArea) if pain else None,
            pain_side=form.optional_choice("pain_side", Side) if pain else None,
            note=form.text("note", limit=NOTE_LENGTH.high),
        )
        logbook.replace_set(
            uow=runtime_of(request).uow(), user_id=visitor.user_id, corrected=corrected
        )
    except BusyError:
        raise
    except HipcoachError as exc:
        return _session_page(request, visitor, session_id, error=exc)
    return redirect(f"/sessions/{session_id}?notice=edited#set-{set_id}")
