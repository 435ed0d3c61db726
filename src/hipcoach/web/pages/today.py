"""Today: the session card by card, one-tap set logging, and what changes next time."""

from __future__ import annotations

import re
from contextlib import suppress
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from hipcoach.content.loader import load_catalogue
from hipcoach.domain import limits
from hipcoach.domain.catalogue import PainArea
from hipcoach.domain.duration import session_time
from hipcoach.domain.errors import (
    BusyError,
    HipcoachError,
    NoPlanError,
    NotFoundError,
    PlanOverError,
)
from hipcoach.domain.log import LoggedSet, Side, SkippedMove, SkipReason, set_count
from hipcoach.domain.messages import SAFETY
from hipcoach.domain.pain import PAIN_FREE_DAYS
from hipcoach.domain.progression import HOLD_PAIN
from hipcoach.domain.vocabulary import label
from hipcoach.services import choices, logbook, selftest, training
from hipcoach.services.catalogue import parse_choice
from hipcoach.web.forms import Form, MemberForm, SignedIn
from hipcoach.web.rendering import page
from hipcoach.web.routing import page_router, redirect
from hipcoach.web.today_view import current_view, logged_sets, next_time, today_page
from hipcoach.web.visitor import Visitor, now, runtime_of, today, zone

router = page_router()
_ANCHOR = re.compile(r"^card-\d{1,3}$")


def _fragment(form: Form) -> str:
    """The card to come back to ("#card-3"), when the form names a real one."""
    anchor = form.text("card")
    return f"#{anchor}" if _ANCHOR.match(anchor) else ""


AMOUNTS: dict[str, limits.Range[int]] = {
    "reps": limits.REPS,
    "steps": limits.STEPS,
    "hold_seconds": limits.HOLD_S,
}
PAIN_LABELS = (
    "0 · none",
    "1 · barely there",
    "2 · mild",
    "3 · mild",
    "4 · moderate",
    "5 · moderate",
    "6 · strong",
    "7 · severe",
    "8 · severe",
    "9 · very severe",
    "10 · worst imaginable",
)
RPE_LABELS = (  # how hard a whole session felt (session RPE), for `limits.SESSION_RPE`
    (1, "1 · very easy"),
    (2, "2 · easy"),
    (3, "3 · comfortable"),
    (4, "4 · moderate"),
    (5, "5 · getting hard"),
    (6, "6 · hard"),
    (7, "7 · hard, a few reps left"),
    (8, "8 · very hard"),
    (9, "9 · close to my limit"),
    (10, "10 · all I had"),
)
RIR_LABELS = (
    (0, "0 · could not do one more"),
    (1, "1 · one more at most"),
    (2, "2 · two more"),
    (3, "3 · three more"),
    (4, "4 · four more"),
    (5, "5 or more · easy"),
)


def today_response(
    request: Request, visitor: Visitor, *, logged: str = "", error: HipcoachError | None = None
) -> Response:
    """The Today page, with a form message when `error` is given."""
    uow = runtime_of(request).uow()
    try:
        day = today(visitor)
        built = today_page(uow, visitor.user_id, day)
    except NoPlanError:
        return redirect("/onboarding")
    except NotFoundError as exc:
        over = {"message": exc.message, "block_done": isinstance(exc, PlanOverError)}
        return page(request, "no_sessions.html", over, visitor=visitor)
    context: dict[str, Any] = {
        "today": built,
        "logged": logged,
        "pain_labels": PAIN_LABELS,
        "rir_labels": RIR_LABELS,
        "rpe_labels": RPE_LABELS,
        "safety": SAFETY,
        "hold_pain": HOLD_PAIN,
        "pain_free_days": PAIN_FREE_DAYS,
        "self_tests_due": selftest.status(uow=uow, user_id=visitor.user_id, today=day).due,
        "catalogue": [(e.key, e.name) for e in load_catalogue().exercises],
        "skip_reasons": [(r.value, label(r)) for r in SkipReason],
    }
    return page(request, "today.html", context, visitor=visitor, error=error)


@router.get("/today")
def today_view(request: Request, visitor: SignedIn, logged: str = "") -> Response:
    """The session to do today (or the next one), ready to log."""
    return today_response(request, visitor, logged=logged[:64])


def set_from_form(form: Form, session_id: str, *, side: Side | None = None) -> LoggedSet:
    """The set a set form describes (Today's rows and a past session's moves), logged now.

    With `side`, one side of a "Both done" form: its id, amount and resistance are the
    fields named after the side (`left_set_id`, ...); the other fields are shared."""
    own = "" if side is None else f"{side.value}_"
    kind = form.text("kind")
    if kind not in AMOUNTS:
        raise HipcoachError("Choose reps, steps or seconds held.", field="kind")
    counts: dict[str, int | None] = dict.fromkeys(AMOUNTS)
    counts[kind] = form.integer(own + "amount", within=AMOUNTS[kind])
    return LoggedSet(
        id=form.text(own + "set_id", limit=limits.ID_LENGTH.high),
        session_id=session_id,
        exercise=form.text("exercise", limit=limits.KEY_LENGTH.high),
        side=side or parse_choice("side", Side, form.text("side")),
        logged_at=now(),
        resistance_key=form.text(
            own + "resistance_key", default="bodyweight", limit=limits.KEY_LENGTH.high
        ),
        rir=form.optional_integer("rir", within=limits.RIR),
        pain=form.integer("pain", within=limits.PAIN, default=0),
        pain_area=form.optional_choice("pain_area", PainArea),
        pain_side=form.optional_choice("pain_side", Side),
        note=form.text("note", limit=limits.NOTE_LENGTH.high),
        reps=counts["reps"],
        steps=counts["steps"],
        hold_seconds=counts["hold_seconds"],
    )


def _store(request: Request, visitor: Visitor, form: Form, sides: tuple[Side | None, ...]) -> str:
    """Store the form's sets in today's session; the id of the last one."""
    runtime = runtime_of(request)
    day = today(visitor)
    view = current_view(runtime.uow(), visitor.user_id, day)
    session = training.session_for(
        uow=runtime.uow(), user_id=visitor.user_id, day=day, planned=view.session
    )
    sets = [set_from_form(form, session.id, side=side) for side in sides]
    logbook.log_sets(uow=runtime.uow(), user_id=visitor.user_id, sets=sets, session=session)
    return sets[-1].id


def _logged_response(
    request: Request, visitor: Visitor, form: Form, sides: tuple[Side | None, ...]
) -> Response:
    try:
        last = _store(request, visitor, form, sides)
    except BusyError:
        raise  # the plain busy page (503, Retry-After): nothing was stored, tap again
    except HipcoachError as exc:
        return today_response(request, visitor, error=exc)
    anchor = form.text("card")
    fragment = f"#{anchor}" if _ANCHOR.match(anchor) else ""
    return redirect(f"/today?logged={last}{fragment}")


@router.post("/today/sets")
def log_set(request: Request, visitor: SignedIn, form: MemberForm) -> Response:
    """Store one set; a repeated tap of the same form stores nothing new, and the same set id
    with other values is a form message (the logbook's one retry rule)."""
    return _logged_response(request, visitor, form, (None,))


@router.post("/today/sets/pair")
def log_both_sides(request: Request, visitor: SignedIn, form: MemberForm) -> Response:
    """ "Both done": store a set's left and right side as prescribed, in one go, by the same
    retry rule (a second tap stores nothing new)."""
    return _logged_response(request, visitor, form, (Side.LEFT, Side.RIGHT))


def _back_to_card(form: Form) -> Response:
    anchor = form.text("card")
    return redirect(f"/today#{anchor}" if _ANCHOR.match(anchor) else "/today")


@router.post("/today/skip")
def skip_move(request: Request, visitor: SignedIn, form: MemberForm) -> Response:
    """Leave a move out of today's session, saying why; its sets stop being asked for today
    and its next prescription waits (nothing was tried, so nothing is judged)."""
    runtime = runtime_of(request)
    day = today(visitor)
    try:
        view = current_view(runtime.uow(), visitor.user_id, day)
        session = training.session_for(
            uow=runtime.uow(), user_id=visitor.user_id, day=day, planned=view.session
        )
        skip = SkippedMove(
            session_id=session.id,
            exercise=form.text("exercise", limit=limits.KEY_LENGTH.high),
            reason=parse_choice("reason", SkipReason, form.text("reason")),
            note=form.text("note", limit=limits.NOTE_LENGTH.high),
        )
        logbook.skip_move(uow=runtime.uow(), user_id=visitor.user_id, skip=skip, session=session)
    except BusyError:
        raise
    except HipcoachError as exc:
        return today_response(request, visitor, error=exc)
    return redirect(f"/today{_fragment(form)}")


@router.post("/today/skip/undo")
def unskip_move(request: Request, visitor: SignedIn, form: MemberForm) -> Response:
    """Bring a move left out back into today's session."""
    runtime = runtime_of(request)
    day = today(visitor)
    view = current_view(runtime.uow(), visitor.user_id, day)
    session = training.session_for(
        uow=runtime.uow(), user_id=visitor.user_id, day=day, planned=view.session
    )
    with suppress(NotFoundError):  # today not stored yet: nothing was left out
        logbook.unskip_move(
            uow=runtime.uow(),
            user_id=visitor.user_id,
            session_id=session.id,
            exercise=form.text("exercise", limit=limits.KEY_LENGTH.high),
        )
    return redirect(f"/today{_fragment(form)}")


@router.post("/today/swap")
def swap_move(request: Request, visitor: SignedIn, form: MemberForm) -> Response:
    """Do another suitable move in a plan item's place (the item's own move: keep it)."""
    try:
        choices.choose(
            uow=runtime_of(request).uow(),
            user_id=visitor.user_id,
            slot=form.text("slot", limit=limits.KEY_LENGTH.high),
            exercise=form.text("exercise", limit=limits.KEY_LENGTH.high),
            day=today(visitor),
            now=now(),
        )
    except BusyError:
        raise  # the plain busy page (503, Retry-After): nothing was stored, tap again
    except HipcoachError as exc:
        return today_response(request, visitor, error=exc)
    return _back_to_card(form)


@router.post("/today/swap/undo")
def undo_swap(request: Request, visitor: SignedIn, form: MemberForm) -> Response:
    """Forget the person's choice for a plan item: the coach decides again."""
    try:
        choices.undo(
            uow=runtime_of(request).uow(),
            user_id=visitor.user_id,
            slot=form.text("slot", limit=limits.KEY_LENGTH.high),
        )
    except BusyError:
        raise  # the plain busy page (503, Retry-After): nothing was stored, tap again
    except HipcoachError as exc:
        return today_response(request, visitor, error=exc)
    return _back_to_card(form)


def _sides_done(sets: list[LoggedSet]) -> str:
    """One move's sets on the summary: '3 sets', '2 sets a side', or 'left 3, right 1'."""
    left = sum(s.side is Side.LEFT for s in sets)
    right = sum(s.side is Side.RIGHT for s in sets)
    both = len(sets) - left - right
    if not left and not right:
        return f"{both} set{'s' if both != 1 else ''}"
    if left == right and not both:
        return f"{left} set{'s' if left != 1 else ''} a side"
    return f"left {left}, right {right}" + (f", {both} both sides" if both else "")


@router.get("/today/done")
def finish(request: Request, visitor: SignedIn) -> Response:
    """The session's summary: what was done, what changes next time and why."""
    uow = runtime_of(request).uow()
    day = today(visitor)
    try:
        view = current_view(uow, visitor.user_id, day)
    except NotFoundError:
        return redirect("/today")
    session = training.session_for(uow=uow, user_id=visitor.user_id, day=day, planned=view.session)
    sets = logged_sets(uow, visitor.user_id, session) or []
    done: dict[str, list[LoggedSet]] = {}
    for logged in sets:
        done.setdefault(logged.exercise, []).append(logged)
    planned_date = view.session.date
    if sets and (session.plan_week, session.plan_session) != (
        view.session.week,
        view.session.number,
    ):
        planned_date = day
    changes = next_time(uow, visitor.user_id, max(planned_date, day), set(done))
    context = {
        "session": session if sets else None,
        "timed": session_time(sets, day=session.date, zone=zone(visitor)),
        "done": done,
        "set_count": set_count(sets),
        "per_move": {key: _sides_done(logged) for key, logged in done.items()},
        "changes": changes,
        "names": {item.planned.exercise: item.planned.name for item in view.items},
        "safety": SAFETY,
        "pain_labels": PAIN_LABELS,
        "rpe_labels": RPE_LABELS,
    }
    return page(request, "done.html", context, visitor=visitor)
