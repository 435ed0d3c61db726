"""Who owns a log and a plan."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from hipcoach.domain.appearance import Appearance
from hipcoach.domain.plan import Plan
from hipcoach.domain.profile import Profile

LOCAL_USER_ID = "local-user"


@dataclass(frozen=True, slots=True)
class User:
    """A person whose data is kept together (the CLI uses one local user).

    `time_zone` (an IANA name) decides their "today", weeks and streaks on every adapter;
    None until they choose one: then the server's zone (HIPCOACH_TIMEZONE) decides.
    `appearance` is the colour scheme their pages use (the device's until they choose).
    """

    id: str
    name: str
    created_at: datetime
    time_zone: str | None = None
    appearance: Appearance = Appearance.SYSTEM


@dataclass(frozen=True, slots=True)
class StoredPlan:
    """A plan kept exactly as generated, with the profile and seed it came from."""

    id: str
    user_id: str
    created_at: datetime
    plan: Plan

    @property
    def profile(self) -> Profile:
        """The answers the plan was generated from."""
        return self.plan.profile


@dataclass(frozen=True, slots=True)
class PlanChoice:
    """The person's own call on one item of a plan: keep the plan's move, or do another.

    `slot` is the plan item's own exercise key; `exercise` is the move to do in its place,
    and the slot itself means "keep the plan's move" (even where the coach would swap it).
    A choice belongs to one plan: a new plan starts without any.
    """

    plan_id: str
    slot: str
    exercise: str
    chosen_at: datetime

    @property
    def keep(self) -> bool:
        """True when the person keeps the plan's own move."""
        return self.exercise == self.slot
