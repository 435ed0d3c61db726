"""Welcome, sign-up, sign-in and sign-out."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from hipcoach.domain.errors import HipcoachError
from hipcoach.domain.limits import EMAIL_LENGTH, NAME_LENGTH
from hipcoach.domain.messages import EXPECTATION, SAFETY
from hipcoach.services import accounts
from hipcoach.web.forms import GuestForm, MemberForm
from hipcoach.web.rendering import page
from hipcoach.web.routing import page_router, redirect
from hipcoach.web.security import clear_session_cookie, set_session_cookie
from hipcoach.web.visitor import client_of, now, optional_visitor, runtime_of

router = page_router()

NOTICES = {
    "signed_out": "You are signed out.",
    "deleted": "Your account and every record of your training were deleted.",
    "password": "Password changed: sign in with the new one.",
}


def safe_next(target: str) -> str:
    """Only a path on this site (never '//host' or a full URL) may follow sign-in."""
    if target.startswith("/") and not target.startswith(("//", "/\\")) and "\n" not in target:
        return target
    return "/today"


@router.get("/")
def welcome(request: Request, notice: str = "") -> Response:
    """The front door: what hipcoach can and cannot do, and how to start."""
    if optional_visitor(request) is not None:
        return redirect("/today")
    context = {"expectation": EXPECTATION, "safety": SAFETY, "notice": NOTICES.get(notice)}
    return page(request, "welcome.html", context)


@router.get("/signup")
def signup_page(request: Request) -> Response:
    """The sign-up form."""
    if optional_visitor(request) is not None:
        return redirect("/today")
    return page(request, "signup.html", {"values": {}, "safety": SAFETY})


@router.post("/signup")
def signup(request: Request, form: GuestForm) -> Response:
    """Create the account, sign it in and go to onboarding."""
    runtime = runtime_of(request)
    values = {
        "name": form.text("name", limit=NAME_LENGTH.high),
        "email": form.text("email", limit=EMAIL_LENGTH.high),
    }
    try:
        signed = accounts.sign_up(
            uow=runtime.uow(),
            hasher=runtime.hasher,
            email=values["email"],
            password=form.secret("password"),
            name=values["name"],
            now=now(),
            open_signup=runtime.open_signup,
            client=client_of(request),
            limit=runtime.sign_up_limit,
        )
    except HipcoachError as exc:
        context = {"values": values, "safety": SAFETY}
        return page(request, "signup.html", context, error=exc, status=400)
    response = redirect("/onboarding")
    set_session_cookie(response, request, runtime, signed.token)
    return response


@router.get("/signin")
def signin_page(request: Request, next: str = "/today", notice: str = "") -> Response:
    """The sign-in form."""
    if optional_visitor(request) is not None:
        return redirect(safe_next(next))
    context: dict[str, Any] = {"values": {}, "next": safe_next(next), "notice": NOTICES.get(notice)}
    return page(request, "signin.html", context)


@router.post("/signin")
def signin(request: Request, form: GuestForm) -> Response:
    """Check the password (the service limits attempts) and start a session."""
    runtime = runtime_of(request)
    email = form.text("email", limit=EMAIL_LENGTH.high)
    target = safe_next(form.text("next", default="/today"))
    try:
        signed = accounts.sign_in(
            uow=runtime.uow(),
            hasher=runtime.hasher,
            email=email,
            password=form.secret("password"),
            client=client_of(request),
            now=now(),
        )
    except HipcoachError as exc:
        context = {"values": {"email": email}, "next": target, "notice": None}
        return page(request, "signin.html", context, error=exc)
    response = redirect(target)
    set_session_cookie(response, request, runtime, signed.token)
    return response


@router.post("/signout")
def signout(request: Request, form: MemberForm) -> Response:
    """End this browser's session."""
    runtime = runtime_of(request)
    visitor = optional_visitor(request)
    if visitor is not None:
        accounts.sign_out(uow=runtime.uow(), token=visitor.token)
    response = redirect("/signin?notice=signed_out")
    clear_session_cookie(response, request, runtime)
    return response
