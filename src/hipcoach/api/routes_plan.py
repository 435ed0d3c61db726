"""The profile, the plan it generated (JSON and iCalendar) and today's session."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response, status

from hipcoach.api.deps import Now, Today, Uow, UserId
from hipcoach.api.errors import ApiRoute
from hipcoach.api.schemas import (
    ChoiceRead,
    ChoiceUpdate,
    NextPrescriptionRead,
    PlanDocumentRead,
    PlanNoteRead,
    PlanSummaryRead,
    ProfileFields,
    ProfileRead,
    ProfileUpdate,
    SideGapRead,
    TodayItemRead,
    TodayRead,
    pause_read,
)
from hipcoach.domain.account import StoredPlan
from hipcoach.domain.errors import PlanRequestError
from hipcoach.domain.plan_document import item_to_dict, plan_to_dict
from hipcoach.domain.profile import profile_to_dict
from hipcoach.services import choices, planning, training

router = APIRouter(route_class=ApiRoute, tags=["plan"])
ICS_MEDIA_TYPE = "text/calendar"


def _profile_read(stored: StoredPlan) -> ProfileRead:
    sessions = stored.plan.sessions()
    plan = PlanSummaryRead(
        id=stored.id,
        created_at=stored.created_at,
        weeks=len(stored.plan.weeks),
        sessions=len(sessions),
        first_session=sessions[0].date if sessions else None,
        last_session=sessions[-1].date if sessions else None,
        weekly_sets={m.value: v for m, v in stored.plan.weekly_sets.items()},
        notes=[PlanNoteRead(kind=n.kind, text=n.text) for n in stored.plan.notes],
    )
    profile = ProfileFields.model_validate(profile_to_dict(stored.profile))
    return ProfileRead(profile=profile, plan=plan)


@router.get("/profile")
def get_profile(uow: Uow, user_id: UserId) -> ProfileRead:
    """Your answers and a summary of the plan made from them (404 before onboarding)."""
    return _profile_read(training.current_plan(uow=uow, user_id=user_id))


@router.put("/profile")
def replace_profile(body: ProfileUpdate, uow: Uow, user_id: UserId, now: Now) -> ProfileRead:
    """Store new answers and generate a new plan from them (the old plan stays in history)."""
    profile = planning.build_profile(
        level=body.level,
        goal=body.goal,
        days=body.days,
        minutes=body.minutes,
        start=body.start,
        equipment=body.equipment,
        weeks=body.weeks,
        pain=body.pain,
        avoid=body.avoid,
        weight_kg=body.weight_kg,
        age=body.age,
        seed=body.seed,
        pain_sides=body.pain_sides,
    )
    stored = training.start_program(uow=uow, user_id=user_id, name="me", profile=profile, now=now)
    return _profile_read(stored)


@router.get("/plan", response_model=PlanDocumentRead, response_model_exclude_unset=True)
def get_plan(uow: Uow, user_id: UserId) -> dict[str, Any]:
    """Your current plan: the same JSON document as `hipcoach plan --format json`."""
    return plan_to_dict(training.current_plan(uow=uow, user_id=user_id).plan)


@router.get(
    "/plan.ics",
    response_class=Response,
    responses={200: {"content": {ICS_MEDIA_TYPE: {}}, "description": "RFC 5545 calendar"}},
)
def get_plan_calendar(uow: Uow, user_id: UserId, today: Today) -> Response:
    """Your plan as an iCalendar file: one event per session, with a reminder. Sessions from
    today on show what Today would prescribe now (loads after progression, swaps, pain)."""
    stored = training.current_plan(uow=uow, user_id=user_id)
    text = planning.current_calendar(uow=uow, user_id=user_id, stored=stored, today=today)
    headers = {"Content-Disposition": 'attachment; filename="hipcoach.ics"'}
    return Response(text, media_type=ICS_MEDIA_TYPE, headers=headers)


@router.get("/today")
def get_today(
    uow: Uow,
    user_id: UserId,
    today: Today,
    day: Annotated[date | None, Query(alias="date", description="Your local date")] = None,
) -> TodayRead:
    """The session for the day (or the next training day), each move with what to do and why."""
    view = training.todays_session(uow=uow, user_id=user_id, today=day or today)
    session = view.session
    items = [
        TodayItemRead(
            block=item.block.value,
            exercise=item.planned.exercise,
            name=item.planned.name,
            planned=item_to_dict(item.planned),
            next=NextPrescriptionRead.model_validate(item.next) if item.next else None,
            sides=[NextPrescriptionRead.model_validate(s) for s in item.sides],
            original=item_to_dict(item.original) if item.original else None,
            because=item.because,
            side_gap=SideGapRead.model_validate(item.gap) if item.gap else None,
            slot=item.slot if item.sides else None,
            choice=ChoiceRead.model_validate(item.choice) if item.choice else None,
            options=list(item.options),
        )
        for item in view.items
    ]
    pauses = [pause_read(p) for p in view.pauses]
    return TodayRead(
        date=session.date,
        is_today=view.is_today,
        week=session.week,
        number=session.number,
        deload=session.deload,
        expectation=view.expectation,
        items=items,
        pauses=pauses,
        refer=view.refer,
        days_away=view.days_away,
        offer_restart=view.offer_restart,
    )


@router.post("/plan/restart", status_code=201)
def restart_plan(uow: Uow, user_id: UserId, today: Today, now: Now) -> ProfileRead:
    """After a break: the same answers, a new calendar from today (the log is kept)."""
    return _profile_read(training.restart_calendar(uow=uow, user_id=user_id, day=today, now=now))


@router.get("/plan/choices")
def list_choices(uow: Uow, user_id: UserId) -> list[ChoiceRead]:
    """Your own swaps and keeps for the current plan, by slot (a new plan starts with none)."""
    return [ChoiceRead.model_validate(c) for c in choices.list_choices(uow=uow, user_id=user_id)]


@router.put("/plan/choices/{slot}")
def put_choice(
    slot: str, body: ChoiceUpdate, uow: Uow, user_id: UserId, today: Today, now: Now
) -> ChoiceRead:
    """Swap a plan item (its exercise key) for a suitable alternative, or keep the plan's move
    where the coach would swap it; Today follows it from now on (404 for an unknown slot)."""
    if body.keep == (body.exercise is not None):
        field = "keep" if body.keep else "exercise"
        raise PlanRequestError('Send either "exercise" or "keep": true.', field=field)
    if body.exercise is None:
        choice = choices.keep(uow=uow, user_id=user_id, slot=slot, now=now)
    else:
        choice = choices.choose(
            uow=uow, user_id=user_id, slot=slot, exercise=body.exercise, day=today, now=now
        )
    return ChoiceRead.model_validate(choice)


@router.delete("/plan/choices/{slot}", status_code=status.HTTP_204_NO_CONTENT)
def delete_choice(slot: str, uow: Uow, user_id: UserId) -> None:
    """Undo your choice for a slot: the coach decides again (204 also when there was none)."""
    choices.undo(uow=uow, user_id=user_id, slot=slot)
