"""The Jinja2 environment and `page`, which renders a template with what every page needs."""

from __future__ import annotations

from datetime import date
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse

from hipcoach.domain import limits
from hipcoach.domain.catalogue import PainArea
from hipcoach.domain.errors import HipcoachError, retry_after_for, status_for
from hipcoach.domain.log import LoggedSet, Side
from hipcoach.domain.vocabulary import choices, label, labels, pain_place
from hipcoach.formats.plan_text import dose_text
from hipcoach.services import accounts
from hipcoach.services.training import TodayItem
from hipcoach.web.security import CSRF_FIELD, set_csrf_cookie, signed_out_csrf
from hipcoach.web.theme import theme_colors
from hipcoach.web.units import (
    bounds_in,
    cm_to_length,
    format_load_label,
    length_bounds_in,
    length_unit,
)
from hipcoach.web.visitor import Visitor, optional_visitor, runtime_of

# Each page in the navigation: its address, its name and its icon (a symbol in _icons.html).
NAV: tuple[tuple[str, str, str], ...] = (
    ("/today", "Today", "today"),
    ("/plan", "Plan", "plan"),
    ("/progress", "Progress", "progress"),
    ("/exercises", "Exercises", "exercises"),
    ("/learn", "Learn", "learn"),
    ("/settings", "Settings", "settings"),
)
PUBLIC_NAV: tuple[tuple[str, str, str], ...] = (
    ("/exercises", "Exercises", "exercises"),
    ("/learn", "Learn", "learn"),
)


def _day(value: date) -> str:
    return f"{value:%a} {value.day} {value:%b %Y}"


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("hipcoach.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["day"] = _day
    env.filters["load"] = format_load_label
    env.filters["dose"] = dose_text
    env.filters["clock"] = _clock
    env.filters["set_unit"] = _set_unit
    env.filters["prescription"] = TodayItem.prescription
    env.filters["label"] = label
    env.filters["labels"] = labels
    env.globals["pain_place"] = pain_place
    # The options of every "where does it hurt?" and "which side?" select.
    env.globals["PAIN_AREAS"] = choices(PainArea)
    env.globals["PAIN_SIDES"] = choices(Side)
    env.globals["CSRF_FIELD"] = CSRF_FIELD
    env.globals["theme_colors"] = theme_colors
    env.globals["limits"] = limits  # forms take their bounds from the domain
    env.filters["in_units"] = bounds_in
    env.filters["length_in"] = length_bounds_in
    env.globals["length_unit"] = length_unit
    env.globals["cm_to_length"] = cm_to_length
    return env


def _units(request: Request, visitor: Visitor | None) -> str:
    if visitor is None:
        return "kg"
    try:
        return accounts.account(uow=runtime_of(request).uow(), user_id=visitor.user_id).units
    except HipcoachError:
        return "kg"


def _set_unit(logged: LoggedSet) -> str:
    return logged.measure.unit


def _clock(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


def page(
    request: Request,
    template: str,
    context: dict[str, Any] | None = None,
    *,
    status: int = 200,
    visitor: Visitor | None = None,
    error: HipcoachError | None = None,
) -> HTMLResponse:
    """Render a page; signed-out pages get the double-submit CSRF cookie their forms need."""
    visitor = visitor or optional_visitor(request)
    token, fresh = (visitor.csrf, False) if visitor else signed_out_csrf(request)
    values: dict[str, Any] = {
        "request": request,
        "visitor": visitor,
        "csrf": token,
        "nav": NAV if visitor else PUBLIC_NAV,
        "path": request.url.path,
        "error": error,
        "notice": None,
        **(context or {}),
    }
    if "units" not in values:
        values["units"] = _units(request, visitor)
    html = ENVIRONMENT.get_template(template).render(values)
    response = HTMLResponse(
        html, status_code=status_for(error) if error and status == 200 else status
    )
    if fresh:
        set_csrf_cookie(response, request, runtime_of(request), token)
    if error is not None and (wait_s := retry_after_for(error)) is not None:
        response.headers["retry-after"] = str(wait_s)
    return response


ENVIRONMENT = _environment()
