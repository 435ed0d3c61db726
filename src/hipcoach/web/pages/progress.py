"""Progress: adherence, each move's progression, weekly sets per muscle, milestones, tape."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from hipcoach.content.loader import load_catalogue
from hipcoach.domain.errors import HipcoachError, NotFoundError
from hipcoach.domain.limits import ID_LENGTH
from hipcoach.domain.log import Measurement
from hipcoach.domain.muscle import PRIMARY_TARGETS, Muscle
from hipcoach.domain.vocabulary import label
from hipcoach.services import accounts, progress, training
from hipcoach.services.planning import parse_date
from hipcoach.web.charts import bar, sparkline
from hipcoach.web.forms import MemberForm, SignedIn
from hipcoach.web.rendering import page
from hipcoach.web.routing import page_router, redirect
from hipcoach.web.units import kg_to_lb, lb_to_kg
from hipcoach.web.visitor import Visitor, runtime_of, today

router = page_router()
RECENT = 10
NOTICES = {"measured": "Measurement saved."}


def _muscle_rows(report: progress.ProgressReport, target: float) -> list[dict[str, Any]]:
    if not report.weekly_sets:
        return []
    week, by_muscle = max(report.weekly_sets.items())
    top = max([*by_muscle.values(), target * 1.25, 1.0])
    rows = []
    for muscle in Muscle:
        sets = by_muscle.get(muscle, 0.0)
        marker = target if muscle in PRIMARY_TARGETS else None
        rows.append(
            {
                "name": label(muscle),
                "sets": sets,
                "week": week,
                "bar": bar(sets, top, marker=marker),
                "target": marker,
            }
        )
    return rows


def _trend_rows(report: progress.ProgressReport) -> list[dict[str, Any]]:
    catalogue = load_catalogue()
    rows = []
    for key, points in report.trends.items():
        values = [p.rung + min(p.best, 99) / 100 for p in points]
        rows.append(
            {
                "key": key,
                "name": catalogue.get(key).name if key in catalogue else key,
                "points": points,
                "first": points[0],
                "last": points[-1],
                "chart": sparkline(values) if len(values) > 1 else None,
            }
        )
    return rows


def _milestone_rows(report: progress.ProgressReport) -> list[dict[str, Any]]:
    return [
        {"milestone": m, "date": report.plan_start + timedelta(weeks=m.week)}
        for m in report.milestones
    ]


def _context(request: Request, visitor: Visitor) -> dict[str, Any]:
    uow = runtime_of(request).uow()
    report = progress.progress_report(uow=uow, user_id=visitor.user_id, today=today())
    plan = training.current_plan(uow=uow, user_id=visitor.user_id)
    target = plan.plan.weekly_set_target
    sessions, sets = progress.recent_sessions(uow=uow, user_id=visitor.user_id, limit=RECENT)
    counts = {s.id: sum(1 for x in sets if x.session_id == s.id) for s in sessions}
    weeks = [
        {"week": w, "bar": bar(w.done, max(w.planned, w.done, 1))} for w in report.adherence.weeks
    ]
    units = accounts.account(uow=uow, user_id=visitor.user_id).units
    return {
        "report": report,
        "weeks": weeks[-12:],
        "muscles": _muscle_rows(report, target),
        "target": target,
        "trends": _trend_rows(report),
        "milestones": _milestone_rows(report),
        "sessions": sessions,
        "counts": counts,
        "units": units,
        "kg_to_lb": kg_to_lb,
        "today": today(),
        "new_id": training.new_id(),
    }


@router.get("/progress")
def progress_page(request: Request, visitor: SignedIn, notice: str = "") -> Response:
    """How training is going, with the honest notes."""
    try:
        context = _context(request, visitor)
    except NotFoundError:
        return redirect("/onboarding")
    context["notice"] = NOTICES.get(notice)
    return page(request, "progress.html", context, visitor=visitor)


@router.post("/progress/measurements")
def add_measurement(request: Request, visitor: SignedIn, form: MemberForm) -> Response:
    """Store an optional tape or scale measurement."""
    uow = runtime_of(request).uow()
    try:
        weight = form.number("weight")
        units = accounts.account(uow=uow, user_id=visitor.user_id).units
        if weight is not None and units == "lb":
            weight = lb_to_kg(weight)
        day = form.text("date")
        measurement = Measurement(
            id=form.text("measurement_id", limit=ID_LENGTH.high),
            date=parse_date(day, field="date") if day else today(),
            hip_cm=form.number("hip_cm"),
            waist_cm=form.number("waist_cm"),
            weight_kg=weight,
        )
        progress.add_measurement(uow=uow, user_id=visitor.user_id, measurement=measurement)
    except HipcoachError as exc:
        context = _context(request, visitor)
        context["notice"] = None
        return page(request, "progress.html", context, visitor=visitor, error=exc)
    return redirect("/progress?notice=measured#measurements")
