"""The plan: week by week, printable, as a calendar file; answers can be changed."""

from __future__ import annotations

from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import Response

from hipcoach.domain.account import StoredPlan
from hipcoach.domain.errors import NotFoundError
from hipcoach.services import accounts, figures, planning, training
from hipcoach.web.forms import MemberForm, SignedIn
from hipcoach.web.pages.onboarding import choices, profile_values
from hipcoach.web.rendering import page
from hipcoach.web.routing import page_router, redirect
from hipcoach.web.visitor import Visitor, now, runtime_of, today

router = page_router()
NOTICES = {
    "new": "Your plan is ready. Read the note below before you start.",
    "restarted": "Your calendar starts again from today, with the same answers. Your log is kept.",
}


def _stored(request: Request, visitor: Visitor) -> StoredPlan | None:
    try:
        return training.current_plan(uow=runtime_of(request).uow(), user_id=visitor.user_id)
    except NotFoundError:
        return None


def calendar_response(
    request: Request, user_id: str, stored: StoredPlan, *, download: bool
) -> Response:
    """The plan as an iCalendar file (a download, or a feed for calendar apps), its sessions
    from today on as the coach prescribes them now."""
    uow = runtime_of(request).uow()
    day = runtime_of(request).clock.today_in(accounts.time_zone(uow=uow, user_id=user_id))
    text = planning.current_calendar(uow=uow, user_id=user_id, stored=stored, today=day)
    headers = {"cache-control": "private, max-age=300"}
    if download:
        headers["content-disposition"] = 'attachment; filename="hipcoach-plan.ics"'
    return Response(text, media_type="text/calendar; charset=utf-8", headers=headers)


@router.get("/plan")
def plan_page(request: Request, visitor: SignedIn, notice: str = "") -> Response:
    """Every week and session, the notes, and a form to regenerate with changed answers."""
    stored = _stored(request, visitor)
    if stored is None:
        return redirect("/onboarding")
    day = today(visitor)
    uow = runtime_of(request).uow()
    plan = planning.plan_as_prescribed(uow=uow, user_id=visitor.user_id, stored=stored, today=day)
    units = accounts.account(uow=uow, user_id=visitor.user_id).units
    upcoming = [s.date for w in plan.weeks for s in w.sessions if s.date >= day]
    context = {
        "plan": plan,
        "today": day,
        "notice": NOTICES.get(notice),
        "next_date": min(upcoming, default=None),
        "values": profile_values(stored.profile, day, units),
        "units": units,
        **choices(),
    }
    return page(request, "plan.html", context, visitor=visitor)


@router.get("/plan/print")
def plan_print(request: Request, visitor: SignedIn) -> Response:
    """The plan laid out for paper: one week per page."""
    stored = _stored(request, visitor)
    if stored is None:
        return redirect("/onboarding")
    uow = runtime_of(request).uow()
    plan = planning.plan_as_prescribed(
        uow=uow, user_id=visitor.user_id, stored=stored, today=today(visitor)
    )
    drawn = [(f.title, Markup(f.svg)) for f in figures.plan_figures(plan)]  # our own SVG
    return page(request, "plan_print.html", {"plan": plan, "figures": drawn}, visitor=visitor)


@router.get("/plan.ics")
def plan_calendar(request: Request, visitor: SignedIn) -> Response:
    """Download the plan for a calendar app."""
    stored = _stored(request, visitor)
    if stored is None:
        return redirect("/onboarding")
    return calendar_response(request, visitor.user_id, stored, download=True)


@router.get("/calendar/{token}.ics")
def calendar_feed(request: Request, token: str) -> Response:
    """The private subscription address calendar apps poll (no cookie: the token is the key)."""
    uow = runtime_of(request).uow()
    user_id = accounts.calendar_user(uow=uow, token=token) if 20 <= len(token) <= 100 else None
    if user_id is None:
        raise NotFoundError("No calendar at this address; it may have been turned off.")
    stored = training.current_plan(uow=uow, user_id=user_id)
    return calendar_response(request, user_id, stored, download=False)


@router.post("/plan/restart")
def restart_plan(request: Request, visitor: SignedIn, form: MemberForm) -> Response:
    """After a break: the calendar starts again from today, with the same answers."""
    training.restart_calendar(
        uow=runtime_of(request).uow(), user_id=visitor.user_id, day=today(visitor), now=now()
    )
    return redirect("/plan?notice=restarted")
