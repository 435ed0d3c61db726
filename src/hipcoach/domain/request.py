"""Checks on a plan request: refuse the impossible with a message naming what to change."""

from __future__ import annotations

from hipcoach.domain.catalogue import Catalogue
from hipcoach.domain.errors import PlanRequestError, UnknownKeyError
from hipcoach.domain.limits import AGE_YEARS, BODY_WEIGHT_KG, MINUTES, TRAINING_DAYS, WEEKS
from hipcoach.domain.profile import Profile, Weekday


def back_to_back(days: tuple[Weekday, ...]) -> tuple[Weekday, Weekday] | None:
    """The first pair of chosen days with no rest day between (Sunday->Monday included)."""
    chosen = {d.ordinal for d in days}
    for day in sorted(days, key=lambda d: d.ordinal):
        nxt = (day.ordinal + 1) % 7
        if nxt in chosen and len(chosen) > 1:
            return (day, list(Weekday)[nxt])
    return None


def validate_profile(profile: Profile, catalogue: Catalogue) -> tuple[str, ...]:
    """Raise for requests that cannot be met; return warnings for ones that merely strain."""
    days = profile.sorted_days
    if len(days) not in TRAINING_DAYS:
        raise PlanRequestError(
            f"Choose {TRAINING_DAYS.describe()} training days a week (you chose "
            f"{len(days)}); the hips need at least one day off.",
            field="days",
        )
    if profile.minutes not in MINUTES:
        raise PlanRequestError(
            f"Minutes per session must be {MINUTES.describe()} (you gave {profile.minutes}).",
            field="minutes",
        )
    if profile.weeks not in WEEKS:
        raise PlanRequestError(
            f"A plan runs {WEEKS.low} to {WEEKS.high} weeks (you asked for {profile.weeks}).",
            field="weeks",
        )
    if profile.weight_kg is not None and profile.weight_kg not in BODY_WEIGHT_KG:
        raise PlanRequestError(
            f"Body weight must be {BODY_WEIGHT_KG.describe('kg')} (you gave "
            f"{profile.weight_kg:g}).",
            field="weight_kg",
        )
    if profile.age is not None and profile.age not in AGE_YEARS:
        raise PlanRequestError(
            f"Age must be {AGE_YEARS.describe('years')} (you gave {profile.age}); "
            "leave it out if you prefer not to say.",
            field="age",
        )
    for key in sorted(profile.avoid):
        if key not in catalogue:
            raise UnknownKeyError("exercise", key, catalogue.get_suggestions(key))
    pair = back_to_back(days)
    if pair and len(days) < 4:
        raise PlanRequestError(
            f"{pair[0]} and {pair[1]} are back to back. With fewer than 4 training days a week, "
            "leave a rest day between sessions (for example mon,thu or mon,wed,fri).",
            field="days",
        )
    return _warnings(profile)


def _warnings(profile: Profile) -> tuple[str, ...]:
    count = len(profile.sorted_days)
    if count == 1:
        return (
            "One session a week keeps the habit alive, but 2-3 spread-out sessions build more "
            "(Schoenfeld 2016). Add a day when you can.",
        )
    if count >= 4:
        return (
            f"{count} sessions a week is more than the 2-3 the hip abductors usually need. "
            "Some sessions fall on consecutive days, so keep effort honest, sleep well, and "
            "drop back to 3 days if your hips feel tired or sore going into a session.",
        )
    return ()
