"""Progress (adherence, weekly sets, trends, milestones) and body measurements."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from hipcoach.api.deps import Today, Uow, UserId
from hipcoach.api.errors import ApiRoute
from hipcoach.api.schemas import (
    AdherenceRead,
    MeasurementCreate,
    MeasurementRead,
    MilestoneRead,
    OwnSetRead,
    PainDayRead,
    ProgressRead,
    SelfTestResultRead,
    TrendPointRead,
    WeeklySetsRead,
    pause_read,
)
from hipcoach.domain.limits import KEY_LENGTH, OWN_SETS_SHOWN
from hipcoach.domain.log import Measurement
from hipcoach.services import logbook, progress
from hipcoach.services.progress import ChartName

router = APIRouter(route_class=ApiRoute, tags=["progress"])
SVG = "image/svg+xml"
#: A chart styles itself (its colours, light and dark) but loads and runs nothing.
CHART_CSP = "default-src 'none'; style-src 'unsafe-inline'"


@router.get("/progress")
def get_progress(
    uow: Uow,
    user_id: UserId,
    today: Today,
    day: Annotated[
        date | None, Query(alias="date", description="As of this day (your local date)")
    ] = None,
) -> ProgressRead:
    """Adherence per week, hard sets per muscle, ladder trends, milestones, measurements,
    and pain over the last 12 weeks (each day that hurt, its worst pain and where), with any
    pain pause in force on the day."""
    report = progress.progress_report(uow=uow, user_id=user_id, today=day or today)
    return ProgressRead(
        plan_start=report.plan_start,
        adherence=AdherenceRead.model_validate(report.adherence),
        weekly_sets=[
            WeeklySetsRead(week_start=week, sets={m.value: v for m, v in sets.items()})
            for week, sets in sorted(report.weekly_sets.items())
        ],
        trends={
            key: [TrendPointRead.model_validate(p) for p in points]
            for key, points in report.trends.items()
        },
        milestones=[MilestoneRead.model_validate(m) for m in report.milestones],
        measurements=[MeasurementRead.model_validate(m) for m in report.measurements],
        measurement_changes=report.measurement_changes,
        pain=[PainDayRead.model_validate(day) for day in report.pain],
        paused=[pause_read(p) for p in report.paused],
        expectation=report.expectation,
        measurement_note=report.measurement_note,
        self_tests=[SelfTestResultRead.model_validate(r) for r in report.self_tests],
    )


@router.get(
    "/progress/chart.svg",
    response_class=Response,
    responses={200: {"content": {SVG: {}}, "description": "The chart as SVG"}},
)
def get_progress_chart(
    uow: Uow,
    user_id: UserId,
    today: Today,
    name: Annotated[ChartName, Query(description="Which chart")] = ChartName.ADHERENCE,
    exercise: Annotated[
        str | None,
        Query(
            max_length=KEY_LENGTH.high,
            description="For the challenge chart: the move (default: the first one logged)",
        ),
    ] = None,
    day: Annotated[
        date | None, Query(alias="date", description="As of this day (your local date)")
    ] = None,
) -> Response:
    """One progress chart as SVG, drawn by the same code as the progress page: the adherence
    calendar, hard sets a week, this week's sets per muscle, a move's challenge per side
    (404 for a move with nothing logged in this plan), measurements, or self-tests. Loads are
    in kg."""
    when = day or today
    report = progress.progress_report(uow=uow, user_id=user_id, today=when)
    chart = progress.progress_chart(report, name, today=when, exercise=exercise, standalone=True)
    headers = {"Content-Security-Policy": CHART_CSP, "Cache-Control": "private, no-cache"}
    return Response(chart.svg, media_type=SVG, headers=headers)


@router.get("/own-sets")
def list_own_sets(
    uow: Uow,
    user_id: UserId,
    limit: Annotated[int, Query(ge=1, le=OWN_SETS_SHOWN, description="Sets to return")] = 100,
) -> list[OwnSetRead]:
    """The newest sets of your own exercises (imported from Strong or Hevy, none of
    hipcoach's moves), newest first: kept as logged, never coached."""
    found = progress.recent_own_sets(uow=uow, user_id=user_id, limit=limit)
    return [OwnSetRead.model_validate(own) for own in found]


@router.get("/measurements")
def list_measurements(uow: Uow, user_id: UserId) -> list[MeasurementRead]:
    """Your body measurements, oldest first."""
    found = logbook.list_measurements(uow=uow, user_id=user_id)
    return [MeasurementRead.model_validate(m) for m in found]


@router.post(
    "/measurements",
    status_code=status.HTTP_201_CREATED,
    responses={200: {"description": "Already stored (a retry)", "model": MeasurementRead}},
)
def create_measurement(
    body: MeasurementCreate, response: Response, uow: Uow, user_id: UserId
) -> MeasurementRead:
    """Record hip, waist or weight on a date (any of them; the same id again is a no-op)."""
    measurement = Measurement(body.id, body.date, body.hip_cm, body.waist_cm, body.weight_kg)
    if not progress.add_measurement(uow=uow, user_id=user_id, measurement=measurement):
        response.status_code = status.HTTP_200_OK
    return MeasurementRead.model_validate(measurement)
