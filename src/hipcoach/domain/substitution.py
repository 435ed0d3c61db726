"""What to do instead: pain-free alternatives and harder variations for a person."""

from __future__ import annotations

from hipcoach.domain.catalogue import Catalogue, Exercise
from hipcoach.domain.profile import Profile
from hipcoach.domain.scoring import exercise_value, pain_action


def alternatives_for(exercise: Exercise, profile: Profile, catalogue: Catalogue) -> tuple[str, ...]:
    """Other moves for the same primary muscles that this person can do without pain limits."""
    options = [
        e
        for e in catalogue.exercises
        if e.key != exercise.key
        and e.key not in profile.avoid
        and e.usable_with(profile.owned)
        and pain_action(e, profile.pain) is None
        and set(e.primary) & set(exercise.primary)
    ]
    options.sort(
        key=lambda e: (-exercise_value(e, profile.goal, profile.owned, profile.pain), e.key)
    )
    return tuple(e.key for e in options)


def harder_for(exercise: Exercise, profile: Profile, catalogue: Catalogue) -> str | None:
    """The first harder catalogue variation the person can do, if any."""
    for variation in exercise.harder:
        key = variation.exercise_key
        if key and key not in profile.avoid and catalogue.get(key).usable_with(profile.owned):
            return key
    return None
