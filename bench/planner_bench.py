"""Plan generation time over random valid profiles (12-week plans)."""

from __future__ import annotations

import random
import statistics
import time
from datetime import date, timedelta

from hipcoach.content.loader import load_catalogue
from hipcoach.domain.catalogue import PainArea
from hipcoach.domain.equipment import Equipment
from hipcoach.domain.planner import generate_plan
from hipcoach.domain.profile import Goal, Level, Profile, Weekday
from hipcoach.domain.request import back_to_back

EXTRA = [e for e in Equipment if e is not Equipment.NONE]


def random_profile(rng: random.Random) -> Profile:
    """A valid request: spread days when fewer than 4, a budget of 30-90 minutes."""
    while True:
        days = tuple(rng.sample(list(Weekday), rng.randint(1, 6)))
        if len(days) >= 4 or back_to_back(days) is None:
            break
    return Profile(
        level=rng.choice(list(Level)),
        goal=rng.choice(list(Goal)),
        days=days,
        minutes=rng.randint(30, 90),
        start=date(2026, 1, 5) + timedelta(days=rng.randint(0, 365)),
        equipment=frozenset(e for e in EXTRA if rng.random() < 0.4),
        weeks=12,
        pain=frozenset(p for p in PainArea if rng.random() < 0.15),
        weight_kg=rng.choice([None, rng.uniform(45, 110)]),
        seed=rng.randint(0, 10_000),
    )


def run(count: int = 1000) -> dict[str, float]:
    """Median and p99 milliseconds per 12-week plan over `count` random profiles."""
    catalogue = load_catalogue()
    rng = random.Random(20260105)
    profiles = [random_profile(rng) for _ in range(count)]
    for profile in profiles[:20]:  # warm caches the way a running server would have them
        generate_plan(profile, catalogue)
    samples = []
    for profile in profiles:
        began = time.perf_counter()
        generate_plan(profile, catalogue)
        samples.append((time.perf_counter() - began) * 1000)
    samples.sort()
    return {
        "count": float(count),
        "median_ms": statistics.median(samples),
        "p99_ms": samples[int(0.99 * (count - 1))],
        "max_ms": samples[-1],
    }
