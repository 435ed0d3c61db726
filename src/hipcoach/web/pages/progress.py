"""Progress: adherence, each move's progression, weekly sets per muscle, milestones, tape."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from hipcoach.domain.errors import HipcoachError, NotFoundError
from hipcoach.domain.limits import ID_LENGTH, KEY_LENGTH
from hipcoach.domain.log import Measurement, Side
from hipcoach.domain.selftest import NOT_SHAPE, SELF_TESTS, SelfTestResult, self_test
from hipcoach.domain.vocabulary import label
from hipcoach.services import accounts, progress, selftest, training
from hipcoach.services.planning import parse_date
from hipcoach.services.ports import UnitOfWork
from hipcoach.web.charts import progress_charts
from hipcoach.web.forms import MemberForm, SignedIn
from hipcoach.web.rendering import page
from hipcoach.web.routing import page_router, redirect
from hipcoach.web.units import kg_to_lb, lb_to_kg, length_to_cm
from hipcoach.web.visitor import Visitor, runtime_of, today

router = page_router()
RECENT = 10
NOTICES = {
    "measured": "Measurement saved.",
    "tested": "Self-test saved.",
    "untested": "Self-test result deleted.",
    "corrected": "Self-test result changed.",
}
SIDE_ORDER = (Side.LEFT, Side.RIGHT, Side.BOTH)


def _move_rows(report: progress.ProgressReport) -> list[dict[str, Any]]:
    rows = []
    for move in report.moves:
        sides = [(side, move.sides[side]) for side in SIDE_ORDER if move.sides.get(side)]
        rows.append({"move": move, "sides": sides})
    return rows


def _milestone_rows(report: progress.ProgressReport) -> list[dict[str, Any]]:
    return [
        {"milestone": m, "date": report.plan_start + timedelta(weeks=m.week)}
        for m in report.milestones
    ]


def _context(request: Request, visitor: Visitor) -> dict[str, Any]:
    uow = runtime_of(request).uow()
    day = today(visitor)
    report = progress.progress_report(uow=uow, user_id=visitor.user_id, today=day)
    sessions, counts = progress.recent_session_counts(
        uow=uow, user_id=visitor.user_id, limit=RECENT
    )
    units = accounts.account(uow=uow, user_id=visitor.user_id).units
    return {
        "report": report,
        "charts": progress_charts(report, today=day, units=units),
        "target": report.weekly_set_target,
        "moves": _move_rows(report),
        "milestones": _milestone_rows(report),
        "sessions": sessions,
        "counts": counts,
        "units": units,
        "kg_to_lb": kg_to_lb,
        "today": day,
        "new_id": training.new_id(),
        "self_tests": SELF_TESTS,
        "self_test_status": selftest.status(uow=uow, user_id=visitor.user_id, today=day),
        "self_test_ids": {t.key: {s: training.new_id() for s in t.sides} for t in SELF_TESTS},
        "self_test_results": _results_by_test(uow, visitor.user_id),
        "own_days": progress.own_history(uow=uow, user_id=visitor.user_id),
        "not_shape": NOT_SHAPE,
    }


def _results_by_test(uow: UnitOfWork, user_id: str) -> dict[str, list[SelfTestResult]]:
    """Each test's recorded results, newest first (a knees hold under its own key)."""
    grouped: dict[str, list[SelfTestResult]] = {}
    for result in reversed(selftest.list_results(uow=uow, user_id=user_id)):
        grouped.setdefault(result.test, []).append(result)
    return grouped


@router.get("/progress")
def progress_page(request: Request, visitor: SignedIn, notice: str = "") -> Response:
    """How training is going, with the honest notes."""
    try:
        context = _context(request, visitor)
    except NotFoundError:
        return redirect("/onboarding")
    context["notice"] = NOTICES.get(notice)
    return page(request, "progress.html", context, visitor=visitor)


def _length_cm(typed: float | None, units: str) -> float | None:
    """A tape measurement typed in the person's unit (inches with pounds), in centimetres."""
    return None if typed is None else length_to_cm(typed, units)


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
            date=parse_date(day, field="date") if day else today(visitor),
            hip_cm=_length_cm(form.number("hip_cm"), units),
            waist_cm=_length_cm(form.number("waist_cm"), units),
            weight_kg=weight,
        )
        progress.add_measurement(uow=uow, user_id=visitor.user_id, measurement=measurement)
    except HipcoachError as exc:
        context = _context(request, visitor)
        context["notice"] = None
        return page(request, "progress.html", context, visitor=visitor, error=exc)
    return redirect("/progress?notice=measured#measurements")


@router.post("/progress/self-tests")
def add_self_test(request: Request, visitor: SignedIn, form: MemberForm) -> Response:
    """Store a self-test's result on each side given (both, or neither)."""
    uow = runtime_of(request).uow()
    day = today(visitor)
    try:
        test = self_test(form.text("test", limit=KEY_LENGTH.high))
        typed = form.text("date")
        tested = parse_date(typed, field="date") if typed else day
        results = []
        for side in test.sides:
            named = f"{test.name}, {label(side).lower()} side ({test.unit})"
            value = form.optional_integer(side.value, within=test.bounds, label=named)
            if value is not None:
                result_id = form.text(f"{side.value}_id", limit=ID_LENGTH.high)
                results.append(SelfTestResult(result_id, test.key, tested, side, value))
        selftest.record_results(uow=uow, user_id=visitor.user_id, results=results, today=day)
    except HipcoachError as exc:
        context = _context(request, visitor)
        context["notice"] = None
        return page(request, "progress.html", context, visitor=visitor, error=exc)
    return redirect("/progress?notice=tested#self-tests")


@router.post("/progress/self-tests/{result_id}/delete")
def delete_self_test(
    request: Request, visitor: SignedIn, result_id: str, form: MemberForm
) -> Response:
    """Delete one self-test result, once the person has confirmed it on the page."""
    uow = runtime_of(request).uow()
    try:
        selftest.delete_result(uow=uow, user_id=visitor.user_id, result_id=result_id)
    except HipcoachError as exc:
        context = _context(request, visitor)
        context["notice"] = None
        return page(request, "progress.html", context, visitor=visitor, error=exc)
    return redirect("/progress?notice=untested#self-tests")


@router.post("/progress/self-tests/{result_id}/edit")
def edit_self_test(
    request: Request, visitor: SignedIn, result_id: str, form: MemberForm
) -> Response:
    """Correct one self-test result's value or day; its test and side stay."""
    uow = runtime_of(request).uow()
    day = today(visitor)
    try:
        stored = selftest.get_result(uow=uow, user_id=visitor.user_id, result_id=result_id)
        test = self_test(stored.test)
        named = f"{test.name}, {label(stored.side).lower()} side ({test.unit})"
        value = form.integer("value", within=test.bounds, label=named)
        typed = form.text("date")
        tested = parse_date(typed, field="date") if typed else stored.date
        selftest.edit_result(
            uow=uow,
            user_id=visitor.user_id,
            result_id=result_id,
            value=value,
            day=tested,
            today=day,
        )
    except HipcoachError as exc:
        context = _context(request, visitor)
        context["notice"] = None
        return page(request, "progress.html", context, visitor=visitor, error=exc)
    return redirect("/progress?notice=corrected#self-tests")
