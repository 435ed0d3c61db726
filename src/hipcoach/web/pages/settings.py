"""Settings: profile, units, appearance, time zone, export and import, calendar, API tokens,
password, the owner's invite and reset links, deletion."""

from __future__ import annotations

from typing import Any, Literal

from starlette.requests import Request
from starlette.responses import Response, StreamingResponse

from hipcoach.domain.appearance import Appearance
from hipcoach.domain.day import time_zone_names
from hipcoach.domain.errors import HipcoachError, NotFoundError
from hipcoach.domain.limits import (
    EMAIL_LENGTH,
    IMPORT_BYTES,
    KEY_LENGTH,
    TIME_ZONE_LENGTH,
    TOKEN_NAME_LENGTH,
)
from hipcoach.domain.profile import Profile
from hipcoach.domain.units import Unit
from hipcoach.domain.vocabulary import choices
from hipcoach.services import access_links, accounts, backup, training
from hipcoach.web.forms import Form, FormError, MemberForm, SignedIn
from hipcoach.web.rendering import page
from hipcoach.web.routing import page_router, redirect
from hipcoach.web.security import clear_session_cookie
from hipcoach.web.visitor import Visitor, client_of, now, runtime_of, today

router = page_router()
SECTIONS = {
    "units": "units",
    "appearance": "appearance",
    "time_zone": "time-zone",
    "calendar_off": "calendar",
    "token_revoked": "tokens",
}
NOTICES = {
    "units": "Units saved.",
    "appearance": "Appearance saved: every page you open while signed in uses it.",
    "time_zone": "Time zone saved: today, your weeks and your streaks follow it from now on.",
    "calendar_off": "Calendar subscription turned off: the old address no longer works.",
    "token_revoked": "Token revoked: programs using it can no longer reach your data.",
}


def _context(request: Request, visitor: Visitor, **extra: Any) -> dict[str, Any]:
    runtime = runtime_of(request)
    uow = runtime.uow()
    account = accounts.account(uow=uow, user_id=visitor.user_id)
    try:
        profile: Profile | None = training.current_plan(uow=uow, user_id=visitor.user_id).profile
    except NotFoundError:
        profile = None
    return {
        "account": account,
        "units": account.units,
        "time_zone": visitor.time_zone,
        "zone_today": today(visitor),
        "zone_names": sorted(time_zone_names()),
        "issued": None,
        "open_signup": runtime.open_signup,
        "unit_choices": choices(Unit),
        "appearance": visitor.appearance.value,
        "appearance_choices": choices(Appearance),
        "profile": profile,
        "tokens": accounts.list_api_tokens(uow=uow, user_id=visitor.user_id),
        "has_feed": accounts.has_calendar_feed(uow=uow, user_id=visitor.user_id),
        "notice": None,
        "feed_url": None,
        "new_token": None,
        "report": None,
        "section": "",
        "inline_errors": True,
        "notice_section": "",
        **extra,
    }


def _settings(
    request: Request, visitor: Visitor, *, error: HipcoachError | None = None, **extra: Any
) -> Response:
    context = _context(request, visitor, **extra)
    return page(request, "settings.html", context, visitor=visitor, error=error)


@router.get("/settings")
def settings_page(request: Request, visitor: SignedIn, notice: str = "") -> Response:
    """Every setting on one page, grouped in sections."""
    return _settings(
        request, visitor, notice=NOTICES.get(notice), notice_section=SECTIONS.get(notice, "")
    )


@router.post("/settings/units")
def set_units(request: Request, visitor: SignedIn, form: MemberForm) -> Response:
    """Show loads in kilograms or pounds."""
    try:
        accounts.set_units(
            uow=runtime_of(request).uow(), user_id=visitor.user_id, units=form.text("units")
        )
    except HipcoachError as exc:
        return _settings(request, visitor, error=exc, section="units")
    return redirect("/settings?notice=units#units")


@router.post("/settings/appearance")
def set_appearance(request: Request, visitor: SignedIn, form: MemberForm) -> Response:
    """Pages in light or dark colours, or as the device is set (the default)."""
    try:
        accounts.set_appearance(
            uow=runtime_of(request).uow(),
            user_id=visitor.user_id,
            appearance=form.text("appearance", limit=KEY_LENGTH.high),
        )
    except HipcoachError as exc:
        return _settings(request, visitor, error=exc, section="appearance")
    return redirect("/settings?notice=appearance#appearance")


@router.post("/settings/time-zone")
def set_time_zone(request: Request, visitor: SignedIn, form: MemberForm) -> Response:
    """Count today, weeks and streaks in this zone (an IANA name such as Europe/Berlin)."""
    try:
        accounts.set_time_zone(
            uow=runtime_of(request).uow(),
            user_id=visitor.user_id,
            time_zone=form.text("time_zone", limit=TIME_ZONE_LENGTH.high + 1),
        )
    except HipcoachError as exc:
        return _settings(request, visitor, error=exc, section="time-zone")
    return redirect("/settings?notice=time_zone#time-zone")


@router.post("/settings/invites")
def create_invite(request: Request, visitor: SignedIn, form: MemberForm) -> Response:
    """The owner's invite link for one new account, shown this once."""
    issued = access_links.create_invite(
        uow=runtime_of(request).uow(), user_id=visitor.user_id, now=now()
    )
    return _settings(request, visitor, issued=_shown(request, issued), section="people")


@router.post("/settings/reset-links")
def create_reset_link(request: Request, visitor: SignedIn, form: MemberForm) -> Response:
    """The owner's one-time link that sets a new password for a member's account."""
    runtime = runtime_of(request)
    try:
        issued = access_links.create_reset_link(
            uow=runtime.uow(),
            hasher=runtime.hasher,
            user_id=visitor.user_id,
            email=form.text("email", limit=EMAIL_LENGTH.high),
            password=form.secret("password"),
            client=client_of(request),
            now=now(),
            signed_in_at=visitor.signed_in_at,
        )
    except HipcoachError as exc:
        return _settings(request, visitor, error=exc, section="people")
    return _settings(request, visitor, issued=_shown(request, issued), section="people")


def _shown(request: Request, issued: access_links.IssuedLink) -> dict[str, Any]:
    """A link just made, as the page shows it once: full address, kind and expiry."""
    return {
        "url": str(request.base_url).rstrip("/") + issued.path,
        "kind": issued.link.kind,
        "expires_at": issued.link.expires_at,
    }


@router.get("/settings/export.json")
def export_json(request: Request, visitor: SignedIn) -> Response:
    """Download a complete backup of every record."""
    uow = runtime_of(request).uow()
    chunks = backup.stream_backup(uow=uow, user_id=visitor.user_id, now=now(), indent=2)
    name = f"hipcoach-backup-{now():%Y-%m-%d}.json"
    return StreamingResponse(
        chunks,
        media_type="application/json",
        headers={"content-disposition": f'attachment; filename="{name}"'},
    )


@router.get("/settings/export.csv")
def export_csv(request: Request, visitor: SignedIn) -> Response:
    """Download one row per logged set, for spreadsheets."""
    chunks = backup.stream_csv(uow=runtime_of(request).uow(), user_id=visitor.user_id)
    name = f"hipcoach-sets-{now():%Y-%m-%d}.csv"
    return StreamingResponse(
        chunks,
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": f'attachment; filename="{name}"'},
    )


def _upload_text(form: Form) -> str:
    upload = form.upload("file")
    if upload is None:
        raise FormError("Choose a file to import.", field="file")
    raw = upload.file.read(IMPORT_BYTES + 1)
    if len(raw) > IMPORT_BYTES:
        megabytes = IMPORT_BYTES // 2**20
        raise FormError(f"The file is larger than {megabytes} MB; split it first.", field="file")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FormError(
            "The file is not UTF-8 text; export it again as CSV or JSON.", field="file"
        ) from None


@router.post("/settings/import", max_body_size=IMPORT_BYTES + 65536)
def import_file(request: Request, visitor: SignedIn, form: MemberForm) -> Response:
    """Import a hipcoach backup or a Strong or Hevy export (all or nothing)."""
    uow = runtime_of(request).uow()
    try:
        text = _upload_text(form)
        units: Literal["kg", "lb"] = (
            "lb" if accounts.account(uow=uow, user_id=visitor.user_id).units == "lb" else "kg"
        )
        report = backup.import_text(
            uow=uow, user_id=visitor.user_id, text=text, now=now(), unit=units
        )
    except HipcoachError as exc:
        return _settings(request, visitor, error=exc, section="import")
    return _settings(request, visitor, report=report, section="import")


@router.post("/settings/calendar")
def rotate_calendar(request: Request, visitor: SignedIn, form: MemberForm) -> Response:
    """A new private calendar address, shown once (any older address stops working)."""
    token = accounts.rotate_calendar_feed(
        uow=runtime_of(request).uow(), user_id=visitor.user_id, now=now()
    )
    url = f"{str(request.base_url).rstrip('/')}/calendar/{token}.ics"
    return _settings(request, visitor, feed_url=url, section="calendar")


@router.post("/settings/calendar/revoke")
def revoke_calendar(request: Request, visitor: SignedIn, form: MemberForm) -> Response:
    """Turn the calendar subscription off."""
    accounts.revoke_calendar_feed(uow=runtime_of(request).uow(), user_id=visitor.user_id)
    return redirect("/settings?notice=calendar_off#calendar")


@router.post("/settings/tokens")
def create_token(request: Request, visitor: SignedIn, form: MemberForm) -> Response:
    """A personal API token; its value is shown this once."""
    try:
        runtime = runtime_of(request)
        token, plain = accounts.create_api_token(
            uow=runtime.uow(),
            hasher=runtime.hasher,
            user_id=visitor.user_id,
            name=form.text("name", limit=TOKEN_NAME_LENGTH.high),
            password=form.secret("password"),
            client=client_of(request),
            now=now(),
            signed_in_at=visitor.signed_in_at,
        )
    except HipcoachError as exc:
        return _settings(request, visitor, error=exc, section="tokens")
    return _settings(request, visitor, new_token=(token, plain), section="tokens")


@router.post("/settings/tokens/{token_id}/revoke")
def revoke_token(request: Request, visitor: SignedIn, form: MemberForm, token_id: str) -> Response:
    """Revoke one of your tokens (anyone else's gives 404)."""
    accounts.revoke_api_token(
        uow=runtime_of(request).uow(), user_id=visitor.user_id, token_id=token_id[:64], now=now()
    )
    return redirect("/settings?notice=token_revoked#tokens")


@router.post("/settings/password")
def change_password(request: Request, visitor: SignedIn, form: MemberForm) -> Response:
    """Change the password; every other way in (browsers, tokens, calendar address) ends."""
    runtime = runtime_of(request)
    try:
        ended = accounts.change_password(
            uow=runtime.uow(),
            hasher=runtime.hasher,
            user_id=visitor.user_id,
            current=form.secret("current_password"),
            new=form.secret("new_password"),
            client=client_of(request),
            now=now(),
            keep_session=visitor.token,
        )
    except HipcoachError as exc:
        return _settings(request, visitor, error=exc, section="password")
    notice = f"Password changed. {ended.summary()} This browser stays signed in."
    return _settings(request, visitor, notice=notice, notice_section="password")


@router.post("/settings/sign-out-everywhere")
def sign_out_everywhere(request: Request, visitor: SignedIn, form: MemberForm) -> Response:
    """End every other browser's session, every API token and the calendar address."""
    ended = accounts.sign_out_everywhere(
        uow=runtime_of(request).uow(),
        user_id=visitor.user_id,
        now=now(),
        keep_session=visitor.token,
    )
    notice = f"{ended.summary()} This browser stays signed in."
    return _settings(request, visitor, notice=notice, notice_section="password")


@router.post("/settings/delete")
def delete_account(request: Request, visitor: SignedIn, form: MemberForm) -> Response:
    """Delete the account and every record of it, after the password is confirmed."""
    runtime = runtime_of(request)
    try:
        accounts.delete_account(
            uow=runtime.uow(),
            hasher=runtime.hasher,
            user_id=visitor.user_id,
            password=form.secret("password"),
            client=client_of(request),
            now=now(),
        )
    except HipcoachError as exc:
        return _settings(request, visitor, error=exc, section="delete")
    response = redirect("/?notice=deleted")
    clear_session_cookie(response, request, runtime)
    return response
