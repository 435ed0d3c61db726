"""Who owns a log and a plan."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from hipcoach.domain.profile import Profile

LOCAL_USER_ID = "local-user"


@dataclass(frozen=True, slots=True)
class User:
    """A person whose data is kept together (the CLI uses one local user)."""

    id: str
    name: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class StoredPlan:
    """A plan kept as generated: the profile and seed it came from and its JSON document."""

    id: str
    user_id: str
    profile: Profile
    created_at: datetime
    document: dict[str, Any]
