"""The person's own swaps: do another suitable move in a plan item's place, keep the plan's
move where the coach would swap it, or undo either; always against the current plan.

A slot is the plan item's own exercise key, so one choice covers every session of the plan
that has the item. The moves a person may choose are the coach's own alternatives for it (the
same primary muscles, equipment they own, nothing their answers rule out), less what pain
pauses on the day and what is already in its next session (`Coach.options_for`). A chosen move
that a later session already holds is not doubled there: that session keeps the plan's move.
"""

from __future__ import annotations

from datetime import date, datetime

from hipcoach.content.loader import load_catalogue
from hipcoach.domain.account import PlanChoice, StoredPlan
from hipcoach.domain.catalogue import suggest
from hipcoach.domain.errors import KeyNotFoundError, NoPlanError, PlanRequestError
from hipcoach.services.coaching import Coach
from hipcoach.services.ports import UnitOfWork


def slots_of(plan: StoredPlan) -> tuple[str, ...]:
    """The exercise keys of the plan's coached items, in plan order, each once."""
    keys = (
        item.exercise
        for session in plan.plan.sessions()
        for _, item in session.entries
        if item.exercise and item.progression_start() is not None
    )
    return tuple(dict.fromkeys(keys))


def _current(uow: UnitOfWork, user_id: str) -> StoredPlan:
    plan = uow.plans.current(user_id)
    if plan is None:
        raise NoPlanError("No plan yet: run `hipcoach init` (or onboarding) first.", field="plan")
    return plan


def _check_slot(plan: StoredPlan, slot: str) -> None:
    slots = slots_of(plan)
    if slot not in slots:
        raise KeyNotFoundError("slot", slot, suggest(slot, slots))


def _coach_for(uow: UnitOfWork, user_id: str, plan: StoredPlan, slot: str, day: date) -> Coach:
    """A coach for the day, with the moves of the slot's next session (on or after the day;
    the last one with it when the plan is over)."""
    coach = Coach(uow, user_id, plan, day, load_catalogue())
    having = [s for s in plan.plan.sessions() if any(i.exercise == slot for _, i in s.entries)]
    upcoming = [s for s in having if s.date >= day] or having[-1:]
    if upcoming:
        coach.in_session = frozenset(i.exercise for _, i in upcoming[0].entries if i.exercise)
    return coach


def list_choices(*, uow: UnitOfWork, user_id: str) -> list[PlanChoice]:
    """The person's choices for their current plan, by slot."""
    with uow.read_only():
        plan = _current(uow, user_id)
        return uow.choices.for_plan(user_id, plan.id)


def swap_options(*, uow: UnitOfWork, user_id: str, slot: str, day: date) -> tuple[str, ...]:
    """The moves the person may choose for a slot of their current plan on a day."""
    with uow.read_only():
        plan = _current(uow, user_id)
        _check_slot(plan, slot)
        return _coach_for(uow, user_id, plan, slot, day).options_for(slot)


def choose(
    *, uow: UnitOfWork, user_id: str, slot: str, exercise: str, day: date, now: datetime
) -> PlanChoice:
    """Do `exercise` in the place of the plan's move `slot` (the slot itself: keep it)."""
    with uow:
        plan = _current(uow, user_id)
        _check_slot(plan, slot)
        chosen = load_catalogue().get(exercise)  # an unknown key names the field "exercise"
        if exercise != slot:
            coach = _coach_for(uow, user_id, plan, slot, day)
            options = coach.options_for(slot)
            if exercise not in options:
                raise PlanRequestError(_refusal(coach, slot, chosen.key, options), field="exercise")
        choice = PlanChoice(plan.id, slot, exercise, now)
        uow.choices.set(user_id, choice)
        uow.commit()
    return choice


def _refusal(coach: Coach, slot: str, exercise: str, options: tuple[str, ...]) -> str:
    planned, chosen = coach.catalogue.get(slot).name, coach.catalogue.get(exercise).name
    if exercise in coach.now_paused:
        why = f"{chosen} is paused for pain"
    else:
        why = f"{chosen} cannot stand in for {planned} in your plan (or is in its session)"
    listed = ", ".join(options) if options else "none right now"
    return f"{why}. Moves you can choose: {listed}."


def keep(*, uow: UnitOfWork, user_id: str, slot: str, now: datetime) -> PlanChoice:
    """Do the plan's own move for `slot`, even where the coach would swap it."""
    with uow:
        plan = _current(uow, user_id)
        _check_slot(plan, slot)
        choice = PlanChoice(plan.id, slot, slot, now)
        uow.choices.set(user_id, choice)
        uow.commit()
    return choice


def undo(*, uow: UnitOfWork, user_id: str, slot: str) -> bool:
    """Forget the person's choice for `slot`: the coach decides again; False if there was none."""
    with uow:
        plan = _current(uow, user_id)
        _check_slot(plan, slot)
        removed = uow.choices.delete(user_id, plan.id, slot)
        uow.commit()
    return removed
