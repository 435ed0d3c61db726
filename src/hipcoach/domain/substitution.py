"""What to do instead: pain-free alternatives and harder variations for a person."""

from __future__ import annotations

from hipcoach.domain.catalogue import Catalogue, Exercise, Role
from hipcoach.domain.dosage import working_role
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


def rotations_for(
    exercise: Exercise, profile: Profile, catalogue: Catalogue, *, role: Role | None = None
) -> tuple[str, ...]:
    """The moves that may take the place of one held at its top for long (best for the goal
    first): able to play the role of the plan's slot (`role`; the move's own working role by
    default), on the same primary muscles, doable without pain limits, and not one of its
    own easier variations (a step back, not fresh work)."""
    role = role or working_role(exercise)
    return tuple(
        key
        for key in alternatives_for(exercise, profile, catalogue)
        if role in catalogue.get(key).roles
        and exercise.key not in _harder_chain(catalogue.get(key), catalogue)
    )


def _harder_chain(exercise: Exercise, catalogue: Catalogue) -> frozenset[str]:
    """Every catalogue move reached from this one by harder variations."""
    seen: set[str] = set()
    todo = [exercise]
    while todo:
        for variation in todo.pop().harder:
            key = variation.exercise_key
            if key and key not in seen and key in catalogue:
                seen.add(key)
                todo.append(catalogue.get(key))
    return frozenset(seen)
