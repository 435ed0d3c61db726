"""Rows <-> domain values. Datetimes are stored in UTC and always come back tz-aware UTC."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import fields
from datetime import UTC, datetime
from enum import StrEnum
from functools import lru_cache
from typing import Any

from hipcoach.domain.account import PlanChoice, StoredPlan, User
from hipcoach.domain.appearance import Appearance
from hipcoach.domain.auth import (
    AccessLink,
    ApiToken,
    CalendarFeed,
    Credential,
    LinkKind,
    WebSession,
)
from hipcoach.domain.catalogue import PainArea
from hipcoach.domain.log import (
    Effort,
    LoggedSet,
    Measurement,
    OwnSet,
    Side,
    SkippedMove,
    SkipReason,
    TrainingSession,
)
from hipcoach.domain.pain import PainReport
from hipcoach.domain.plan import Plan
from hipcoach.domain.plan_document import plan_from_dict, plan_to_dict
from hipcoach.domain.profile import profile_to_dict
from hipcoach.domain.selftest import SelfTestResult

Row = Mapping[Any, Any]


def to_utc(moment: datetime) -> datetime:
    """The same instant in UTC; a naive datetime is refused (its instant is unknown)."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"refusing to store a naive datetime ({moment.isoformat()})")
    return moment.astimezone(UTC)


def from_db(moment: datetime) -> datetime:
    """A stored datetime as tz-aware UTC (SQLite hands back naive UTC values)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def user_to_row(user: User) -> dict[str, Any]:
    return {
        "id": user.id,
        "name": user.name,
        "created_at": to_utc(user.created_at),
        "time_zone": user.time_zone,
        "appearance": user.appearance.value,
    }


def user_from_row(row: Row) -> User:
    return User(
        id=row["id"],
        name=row["name"],
        created_at=from_db(row["created_at"]),
        time_zone=row["time_zone"],
        appearance=Appearance(row["appearance"]),
    )


def plan_to_row(plan: StoredPlan) -> dict[str, Any]:
    return {
        "id": plan.id,
        "user_id": plan.user_id,
        "created_at": to_utc(plan.created_at),
        "profile": profile_to_dict(plan.profile),
        "seed": plan.profile.seed,
        "document": plan_to_dict(plan.plan),
    }


def plan_from_row(row: Row) -> StoredPlan:
    """A plan row; its document as JSON text (decoded once per text: `plan_from_text`) or as
    the database driver decoded it."""
    document = row["document"]
    return StoredPlan(
        id=row["id"],
        user_id=row["user_id"],
        created_at=from_db(row["created_at"]),
        plan=plan_from_text(document) if isinstance(document, str) else plan_from_dict(document),
    )


@lru_cache(maxsize=32)
def plan_from_text(text: str) -> Plan:
    """A stored plan document, decoded once per distinct text: plans are never rewritten, so
    the same text is the same plan (keyed by content, not by id, so nothing can go stale)."""
    return plan_from_dict(json.loads(text))


def choice_to_row(user_id: str, choice: PlanChoice) -> dict[str, Any]:
    return {
        "user_id": user_id,
        "plan_id": choice.plan_id,
        "slot": choice.slot,
        "exercise": choice.exercise,
        "chosen_at": to_utc(choice.chosen_at),
    }


def choice_from_row(row: Row) -> PlanChoice:
    return PlanChoice(
        plan_id=row["plan_id"],
        slot=row["slot"],
        exercise=row["exercise"],
        chosen_at=from_db(row["chosen_at"]),
    )


def session_to_row(user_id: str, session: TrainingSession) -> dict[str, Any]:
    return {
        "user_id": user_id,
        "id": session.id,
        "date": session.date,
        "plan_week": session.plan_week,
        "plan_session": session.plan_session,
        "notes": session.notes,
        "next_day_pain": session.next_day_pain,
        "next_day_pain_area": _key(session.next_day_pain_area),
        "next_day_pain_side": _key(session.next_day_pain_side),
        "rpe": session.rpe,
        "version": session.version,
    }


def session_from_row(row: Row) -> TrainingSession:
    return TrainingSession(
        id=row["id"],
        date=row["date"],
        plan_week=row["plan_week"],
        plan_session=row["plan_session"],
        notes=row["notes"],
        next_day_pain=row["next_day_pain"],
        next_day_pain_area=_area(row["next_day_pain_area"]),
        next_day_pain_side=_side(row["next_day_pain_side"]),
        rpe=row["rpe"],
        version=row["version"],
    )


def _key(value: StrEnum | None) -> str | None:
    return value.value if value is not None else None


def _area(value: str | None) -> PainArea | None:
    return PainArea(value) if value else None


def _side(value: str | None) -> Side | None:
    return Side(value) if value else None


# A logged set's columns are its fields by name (a new field needs only its column); the
# values that are not plain column values are converted here.
_SET_FIELDS = tuple(f.name for f in fields(LoggedSet))


def set_to_row(user_id: str, logged: LoggedSet) -> dict[str, Any]:
    row = {name: getattr(logged, name) for name in _SET_FIELDS}
    row.update(
        user_id=user_id,
        side=logged.side.value,
        logged_at=to_utc(logged.logged_at),
        effort=logged.effort.value if logged.effort else None,
        pain_area=_key(logged.pain_area),
        pain_side=_key(logged.pain_side),
    )
    return row


def set_from_row(row: Row) -> LoggedSet:
    values = {name: row[name] for name in _SET_FIELDS}
    values.update(
        side=Side(row["side"]),
        logged_at=from_db(row["logged_at"]),
        effort=Effort(row["effort"]) if row["effort"] else None,
        pain_area=_area(row["pain_area"]),
        pain_side=_side(row["pain_side"]),
    )
    return LoggedSet(**values)


def measurement_to_row(user_id: str, measurement: Measurement) -> dict[str, Any]:
    return {
        "user_id": user_id,
        "id": measurement.id,
        "date": measurement.date,
        "hip_cm": measurement.hip_cm,
        "waist_cm": measurement.waist_cm,
        "weight_kg": measurement.weight_kg,
    }


def measurement_from_row(row: Row) -> Measurement:
    return Measurement(
        id=row["id"],
        date=row["date"],
        hip_cm=row["hip_cm"],
        waist_cm=row["waist_cm"],
        weight_kg=row["weight_kg"],
    )


def self_test_to_row(user_id: str, result: SelfTestResult) -> dict[str, Any]:
    return {
        "user_id": user_id,
        "id": result.id,
        "test": result.test,
        "date": result.date,
        "side": result.side.value,
        "value": result.value,
    }


def self_test_from_row(row: Row) -> SelfTestResult:
    return SelfTestResult(
        id=row["id"], test=row["test"], date=row["date"], side=Side(row["side"]), value=row["value"]
    )


_OWN_FIELDS = tuple(f.name for f in fields(OwnSet))


def own_set_to_row(user_id: str, own: OwnSet) -> dict[str, Any]:
    row = {name: getattr(own, name) for name in _OWN_FIELDS}
    row.update(user_id=user_id, logged_at=to_utc(own.logged_at))
    return row


def own_set_from_row(row: Row) -> OwnSet:
    values = {name: row[name] for name in _OWN_FIELDS}
    values.update(logged_at=from_db(row["logged_at"]))
    return OwnSet(**values)


def skip_to_row(user_id: str, skip: SkippedMove) -> dict[str, Any]:
    return {
        "user_id": user_id,
        "session_id": skip.session_id,
        "exercise": skip.exercise,
        "reason": skip.reason.value,
        "note": skip.note,
    }


def skip_from_row(row: Row) -> SkippedMove:
    return SkippedMove(row["session_id"], row["exercise"], SkipReason(row["reason"]), row["note"])


def credential_to_row(credential: Credential) -> dict[str, Any]:
    return {
        "user_id": credential.user_id,
        "email": credential.email,
        "password_hash": credential.password_hash,
        "is_owner": credential.is_owner,
        "created_at": to_utc(credential.created_at),
        "units": credential.units,
    }


def credential_from_row(row: Row) -> Credential:
    return Credential(
        user_id=row["user_id"],
        email=row["email"],
        password_hash=row["password_hash"],
        is_owner=bool(row["is_owner"]),
        created_at=from_db(row["created_at"]),
        units=row["units"],
    )


def web_session_to_row(session: WebSession) -> dict[str, Any]:
    return {
        "token_hash": session.token_hash,
        "user_id": session.user_id,
        "csrf_token": session.csrf_token,
        "created_at": to_utc(session.created_at),
        "expires_at": to_utc(session.expires_at),
    }


def web_session_from_row(row: Row) -> WebSession:
    return WebSession(
        token_hash=row["token_hash"],
        user_id=row["user_id"],
        csrf_token=row["csrf_token"],
        created_at=from_db(row["created_at"]),
        expires_at=from_db(row["expires_at"]),
    )


def api_token_to_row(token: ApiToken) -> dict[str, Any]:
    return {
        "id": token.id,
        "user_id": token.user_id,
        "name": token.name,
        "token_hash": token.token_hash,
        "created_at": to_utc(token.created_at),
        "revoked_at": to_utc(token.revoked_at) if token.revoked_at else None,
    }


def api_token_from_row(row: Row) -> ApiToken:
    return ApiToken(
        id=row["id"],
        user_id=row["user_id"],
        name=row["name"],
        token_hash=row["token_hash"],
        created_at=from_db(row["created_at"]),
        revoked_at=from_db(row["revoked_at"]) if row["revoked_at"] else None,
    )


def calendar_feed_to_row(feed: CalendarFeed) -> dict[str, Any]:
    return {
        "user_id": feed.user_id,
        "token_hash": feed.token_hash,
        "created_at": to_utc(feed.created_at),
    }


def calendar_feed_from_row(row: Row) -> CalendarFeed:
    return CalendarFeed(
        user_id=row["user_id"], token_hash=row["token_hash"], created_at=from_db(row["created_at"])
    )


def pain_report_from_row(row: Row) -> PainReport:
    """A report of pain during a set: its day, pain, where, and the move."""
    area, side = row["pain_area"], row["pain_side"]
    return PainReport(
        row["date"],
        row["pain"],
        PainArea(area) if area else None,
        Side(side) if side else None,
        row["exercise"],
    )


def access_link_to_row(link: AccessLink) -> dict[str, Any]:
    return {
        "token_hash": link.token_hash,
        "kind": link.kind.value,
        "created_by": link.created_by,
        "created_at": to_utc(link.created_at),
        "expires_at": to_utc(link.expires_at),
        "user_id": link.user_id,
        "used_at": None if link.used_at is None else to_utc(link.used_at),
    }


def access_link_from_row(row: Row) -> AccessLink:
    return AccessLink(
        token_hash=row["token_hash"],
        kind=LinkKind(row["kind"]),
        created_by=row["created_by"],
        created_at=from_db(row["created_at"]),
        expires_at=from_db(row["expires_at"]),
        user_id=row["user_id"],
        used_at=None if row["used_at"] is None else from_db(row["used_at"]),
    )
