"""The trainees: five kinds a coach meets, two long ones, and seeded random people."""

from __future__ import annotations

import random

from hipcoach.domain.equipment import Equipment
from hipcoach.domain.profile import Goal, Level, Weekday
from tests.simulation.trainee import Story, profile

ANKLE = frozenset({Equipment.ANKLE_WEIGHTS})
BANDS = frozenset({Equipment.MINI_BAND, Equipment.ANKLE_WEIGHTS})

KINDS: dict[str, Story] = {
    # Able to do what is asked: a fresh first set of about 18 reps, so the 12-rep start of a
    # 12-20-rep move leaves the three reps in reserve a beginner is asked for.
    "compliant": Story(
        "Ada, a beginner who does what is asked", profile(equipment=ANKLE), capacity=18.0
    ),
    "staller": Story(
        "Ben, who has stopped getting stronger", profile(equipment=ANKLE), capacity=13, growth=0.0
    ),
    "pain": Story("Cai, who hurts a hip in week 4", profile(equipment=ANKLE), pain_week=4),
    "away": Story("Dee, away for five weeks from week 4", profile(equipment=ANKLE), away=(4, 5)),
    "weak_side": Story("Eli, whose right side is weaker", profile(equipment=BANDS), weak_share=0.7),
    "irregular": Story(
        "Fay, who comes to about two sessions in three",
        profile(equipment=BANDS, days=(Weekday.MON, Weekday.WED, Weekday.FRI)),
        attendance=0.65,
        seed=7,
    ),
}

LONG: dict[str, Story] = {
    "compliant_year": Story(
        "Gus, a beginner for a whole year", profile(equipment=ANKLE, weeks=52), growth=0.5
    ),
    "irregular_year": Story(
        "Hal, a year of on-and-off training with a break",
        profile(equipment=BANDS, weeks=52, level=Level.INTERMEDIATE),
        attendance=0.7,
        away=(20, 6),
        seed=11,
    ),
}

_EQUIPMENT: tuple[frozenset[Equipment], ...] = (
    frozenset(),
    ANKLE,
    frozenset({Equipment.MINI_BAND}),
    BANDS,
    frozenset({Equipment.MINI_BAND, Equipment.LONG_BAND, Equipment.DUMBBELL}),
    frozenset({Equipment.CABLE_MACHINE, Equipment.DUMBBELL, Equipment.KETTLEBELL}),
)
_DAYS = (
    (Weekday.MON, Weekday.THU),
    (Weekday.TUE, Weekday.SAT),
    (Weekday.MON, Weekday.WED, Weekday.FRI),
)


def random_story(seed: int) -> Story:
    """A seeded random person: body, kit, days, and what life does to their training."""
    pick = random.Random(seed)
    kind = pick.choice(("clean", "clean", "staller", "pain", "away", "irregular"))
    return Story(
        name=f"random #{seed} ({kind})",
        profile=profile(
            level=pick.choice(tuple(Level)),
            goal=pick.choice(tuple(Goal)),
            equipment=pick.choice(_EQUIPMENT),
            days=pick.choice(_DAYS),
            minutes=pick.choice((25, 30, 40)),
            seed=pick.randrange(4),
        ),
        capacity=pick.uniform(9, 22),
        growth=0.0 if kind == "staller" else pick.uniform(0.4, 1.4),
        keen=pick.random() < 0.3,
        weak_share=pick.uniform(0.65, 1.0) if pick.random() < 0.3 else 1.0,
        attendance=pick.uniform(0.5, 0.9) if kind == "irregular" else 1.0,
        away=(pick.randrange(3, 7), pick.randrange(2, 7)) if kind == "away" else None,
        pain_week=pick.randrange(2, 8) if kind == "pain" else None,
        seed=seed,
    )
