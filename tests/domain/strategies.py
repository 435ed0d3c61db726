"""Hypothesis strategies for valid plan requests."""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

from hipcoach.domain.equipment import Equipment
from hipcoach.domain.profile import PROFILE_PAIN_AREAS, Goal, Level, Profile, Weekday
from hipcoach.domain.request import back_to_back

DAYS = list(Weekday)


@st.composite
def training_days(draw: st.DrawFn) -> tuple[Weekday, ...]:
    """1-6 days; fewer than 4 are always spread with a rest day between."""
    count = draw(st.integers(1, 6))
    while True:
        days = tuple(
            draw(st.lists(st.sampled_from(DAYS), min_size=count, max_size=count, unique=True))
        )
        if count >= 4 or back_to_back(days) is None:
            return days


profiles = st.builds(
    Profile,
    level=st.sampled_from(list(Level)),
    goal=st.sampled_from(list(Goal)),
    days=training_days(),
    minutes=st.integers(10, 120),  # 10-15: short sessions stay hip sessions
    start=st.dates(date(2025, 1, 1), date(2030, 12, 31)),
    equipment=st.frozensets(st.sampled_from([e for e in Equipment if e is not Equipment.NONE])),
    weeks=st.integers(1, 16),
    pain=st.frozensets(st.sampled_from(PROFILE_PAIN_AREAS)),  # "other" is for logged pain
    avoid=st.frozensets(
        st.sampled_from(
            [
                "squat",
                "glute_bridge",
                "lateral_band_walk",
                "side_plank_hip_abduction",
                "donkey_kick",
            ]
        )
    ),
    weight_kg=st.one_of(st.none(), st.floats(40, 150)),
    seed=st.integers(0, 2**31 - 1),  # limits.SEED
    age=st.one_of(st.none(), st.integers(13, 100)),  # limits.AGE_YEARS
)
