"""Onboarding: the profile questions as a form; answering (again) generates a new plan."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from hipcoach.content.loader import load_catalogue
from hipcoach.domain import vocabulary
from hipcoach.domain.day import TimeZoneError
from hipcoach.domain.equipment import EQUIPMENT_DESCRIPTIONS, Equipment
from hipcoach.domain.errors import HipcoachError, NotFoundError, PlanRequestError
from hipcoach.domain.limits import AGE_YEARS, BODY_WEIGHT_KG, MINUTES, SEED, WEEKS
from hipcoach.domain.messages import EXPECTATION, SAFETY
from hipcoach.domain.profile import (
    DEFAULT_WEEKS,
    PROFILE_PAIN_AREAS,
    Goal,
    Level,
    Profile,
    Weekday,
)
from hipcoach.services import accounts, training
from hipcoach.services.planning import build_profile, parse_date
from hipcoach.services.ports import UnitOfWork
from hipcoach.web.forms import Form, MemberForm, SignedIn
from hipcoach.web.rendering import page
from hipcoach.web.routing import page_router, redirect
from hipcoach.web.units import bounds_in, kg_to_lb, lb_to_kg
from hipcoach.web.visitor import Visitor, now, runtime_of, today

router = page_router()


def _hinted(enum: type[Level] | type[Goal]) -> list[tuple[str, str]]:
    """The choices of a profile question, each label followed by what it means."""
    return [(m.value, f"{vocabulary.label(m)}: {vocabulary.hint(m)}") for m in enum]


def choices() -> dict[str, Any]:
    """Every option the profile form offers, with readable labels."""
    equipment = [
        (e.value, vocabulary.label(e), EQUIPMENT_DESCRIPTIONS[e])
        for e in Equipment
        if e is not Equipment.NONE
    ]
    return {
        "levels": _hinted(Level),
        "goals": _hinted(Goal),
        "days": vocabulary.choices(Weekday),
        "equipment_options": equipment,
        "pain_areas": [(area.value, vocabulary.label(area)) for area in PROFILE_PAIN_AREAS],
        "exercises": [(e.key, e.name) for e in load_catalogue().exercises],
    }


def _weight_shown(weight_kg: float | None, units: str) -> str:
    """Body weight as the form shows it, in the person's unit."""
    if weight_kg is None:
        return ""
    return f"{kg_to_lb(weight_kg) if units == 'lb' else weight_kg:g}"


def weight_kg_from(form: Form, units: str) -> float | None:
    """The body weight typed in the person's unit, in kilograms (checked against the range)."""
    typed = form.number("weight")
    if typed is None or units != "lb":
        return typed
    low, high = bounds_in(BODY_WEIGHT_KG, units)
    if not low <= typed <= high:
        raise PlanRequestError(
            f"Body weight must be between {low:g} and {high:g} lb (you gave {typed:g}).",
            field="weight_kg",
        )
    return lb_to_kg(typed)


def profile_values(profile: Profile | None, start: date, units: str = "kg") -> dict[str, Any]:
    """The form's values: the current profile (a new plan starts `start`, today) or the
    defaults; body weight in `units`."""
    if profile is None:
        return {
            "level": "beginner",
            "goal": "muscle",
            "days": ["mon", "thu"],
            "minutes": 30,
            "weeks": DEFAULT_WEEKS,
            "start": start.isoformat(),
            "equipment": [],
            "pain": [],
            "pain_sides": {},
            "avoid": [],
            "weight": "",
            "age": "",
            "seed": 0,
        }
    return {
        "level": profile.level.value,
        "goal": profile.goal.value,
        "days": [d.value for d in profile.sorted_days],
        "minutes": profile.minutes,
        "weeks": profile.weeks,
        "start": max(start, profile.start).isoformat(),
        "equipment": sorted(e.value for e in profile.equipment),
        "pain": sorted(p.value for p in profile.pain),
        "pain_sides": {a.value: side.value for a, side in profile.pain_sides},
        "avoid": sorted(profile.avoid),
        "weight": _weight_shown(profile.weight_kg, units),
        "age": "" if profile.age is None else str(profile.age),
        "seed": profile.seed,
    }


def form_values(form: Form) -> dict[str, Any]:
    """What was posted, to show again next to an error message."""
    return {
        "level": form.text("level"),
        "goal": form.text("goal"),
        "days": form.texts("days"),
        "minutes": form.text("minutes"),
        "weeks": form.text("weeks"),
        "start": form.text("start"),
        "equipment": form.texts("equipment"),
        "pain": form.texts("pain"),
        "pain_sides": {a.value: form.text(f"pain_side_{a.value}") for a in PROFILE_PAIN_AREAS},
        "avoid": form.texts("avoid"),
        "weight": form.text("weight"),
        "age": form.text("age"),
        "seed": form.text("seed", default="0"),
    }


def _pain_entries(form: Form) -> list[str]:
    """Each ticked area, as `hip:left` when its side select names one side."""
    entries = []
    for area in form.texts("pain"):
        side = form.text(f"pain_side_{area}", default="both")
        entries.append(area if side in ("", "both") else f"{area}:{side}")
    return entries


def profile_from(form: Form, day: date, units: str = "kg") -> Profile:
    """The posted answers as a validated profile (starting `day`, today, unless told; body
    weight typed in `units`)."""
    start = form.text("start")
    return build_profile(
        level=form.text("level"),
        goal=form.text("goal"),
        days=form.texts("days"),
        minutes=form.integer("minutes", within=MINUTES),
        weeks=form.integer("weeks", within=WEEKS, default=DEFAULT_WEEKS),
        start=parse_date(start) if start else day,
        equipment=form.texts("equipment"),
        pain=_pain_entries(form),
        avoid=form.texts("avoid"),
        weight_kg=weight_kg_from(form, units),
        age=form.optional_integer("age", within=AGE_YEARS),
        seed=form.integer("seed", within=SEED, default=0),
    )


def _units(request: Request, visitor: SignedIn) -> str:
    return accounts.account(uow=runtime_of(request).uow(), user_id=visitor.user_id).units


def _with_browser_zone(uow: UnitOfWork, visitor: Visitor, name: str) -> Visitor:
    """Keep the zone the browser reported, if it is one; else the server's zone stays."""
    try:
        kept = accounts.set_time_zone(uow=uow, user_id=visitor.user_id, time_zone=name)
    except TimeZoneError:
        return visitor  # no script, or a name this server's zone database lacks
    return replace(visitor, time_zone=kept)


@router.get("/onboarding")
def onboarding_page(request: Request, visitor: SignedIn) -> Response:
    """The questions, prefilled with the current answers when there is a plan."""
    try:
        current: Profile | None = training.current_plan(
            uow=runtime_of(request).uow(), user_id=visitor.user_id
        ).profile
    except NotFoundError:
        current = None
    context = {
        **choices(),
        "values": profile_values(current, today(visitor), _units(request, visitor)),
        "time_zone": visitor.time_zone,
        "first_time": current is None,
        "expectation": EXPECTATION,
        "safety": SAFETY,
    }
    return page(request, "onboarding.html", context, visitor=visitor)


@router.post("/onboarding")
def onboarding(request: Request, visitor: SignedIn, form: MemberForm) -> Response:
    """Generate and keep the plan, then show it with the expectation note.

    The browser's time zone comes in a field app.js fills (Intl); kept only when the person
    has none yet (Settings changes it), so "today" is theirs from the first plan on.
    """
    uow = runtime_of(request).uow()
    try:
        if visitor.time_zone is None:
            visitor = _with_browser_zone(uow, visitor, form.text("time_zone"))
        training.start_program(
            uow=uow,
            user_id=visitor.user_id,
            name="",
            profile=profile_from(form, today(visitor), _units(request, visitor)),
            now=now(),
        )
    except HipcoachError as exc:
        context = {
            **choices(),
            "values": form_values(form),
            "first_time": False,
            "expectation": EXPECTATION,
            "safety": SAFETY,
            "time_zone": visitor.time_zone,
        }
        return page(request, "onboarding.html", context, visitor=visitor, error=exc, status=400)
    return redirect("/plan?notice=new")
