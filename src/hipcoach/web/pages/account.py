"""Welcome, sign-up (open, or by the owner's invite), sign-in, sign-out and reset links."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from hipcoach.domain.errors import HipcoachError
from hipcoach.domain.limits import EMAIL_LENGTH, LINK_TOKEN_LENGTH, NAME_LENGTH
from hipcoach.domain.messages import EXPECTATION, SAFETY
from hipcoach.services import access_links, accounts
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
    "reset": "New password set, and every browser and token of the account signed out: sign "
    "in with the new password.",
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


def _signup_context(request: Request, invite: str, values: dict[str, str]) -> dict[str, Any]:
    """What the sign-up page says first: open, invited, closed, or a spent invite."""
    runtime = runtime_of(request)
    state = access_links.sign_up_state(
        uow=runtime.uow(), open_signup=runtime.open_signup, invite=invite or None, now=now()
    )
    return {"values": values, "safety": SAFETY, "state": state.value, "invite": invite}


@router.get("/signup")
def signup_page(request: Request, invite: str = "") -> Response:
    """The sign-up form, or, on a closed server without an invite, how to get one."""
    if optional_visitor(request) is not None:
        return redirect("/today")
    invite = invite[: LINK_TOKEN_LENGTH.high + 1]
    return page(request, "signup.html", _signup_context(request, invite, {}))


@router.post("/signup")
def signup(request: Request, form: GuestForm) -> Response:
    """Create the account, sign it in and go to onboarding."""
    runtime = runtime_of(request)
    values = {
        "name": form.text("name", limit=NAME_LENGTH.high),
        "email": form.text("email", limit=EMAIL_LENGTH.high),
    }
    invite = form.text("invite", limit=LINK_TOKEN_LENGTH.high + 1)
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
            invite=invite or None,
        )
    except HipcoachError as exc:
        context = _signup_context(request, invite, values)
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


@router.get("/reset/{token}")
def reset_page(request: Request, token: str) -> Response:
    """A password-reset link from the owner: a form for the new password, or why it is spent."""
    usable = access_links.reset_link_usable(uow=runtime_of(request).uow(), token=token, now=now())
    context = {"token": token if usable else "", "usable": usable}
    return page(request, "reset.html", context, status=200 if usable else 404)


@router.post("/reset/{token}")
def reset(request: Request, token: str, form: GuestForm) -> Response:
    """Set the new password (the link is then used up) and sign in with it."""
    runtime = runtime_of(request)
    try:
        access_links.reset_password(
            uow=runtime.uow(),
            hasher=runtime.hasher,
            token=token,
            new=form.secret("new_password"),
            now=now(),
        )
    except HipcoachError as exc:
        spent = exc.field == "token"
        context = {"token": "" if spent else token, "usable": not spent}
        return page(request, "reset.html", context, error=exc, status=400)
    response = redirect("/signin?notice=reset")
    clear_session_cookie(response, request, runtime)
    return response
