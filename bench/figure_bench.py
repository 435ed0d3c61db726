"""Drawing one move's figure: uncached (from pose data to SVG text) and cached, per move."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from functools import partial

from hipcoach.content.figure_loader import load_figures
from hipcoach.figures.render import FrameKind, render_figure
from hipcoach.services import figures

ROUNDS = 15


def _median_ms(action: Callable[[], object], rounds: int = ROUNDS) -> float:
    times = []
    for _ in range(rounds):
        began = time.perf_counter()
        action()
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


def run() -> dict[str, float | str]:
    """Median ms to draw each move's animated figure; the slowest move; a cached call."""
    every = load_figures()
    drawn = {
        key: _median_ms(partial(render_figure, f, f.default_variant, FrameKind.ANIMATED, ident="b"))
        for key, f in every.items()
    }
    slowest = max(drawn, key=drawn.__getitem__)
    figures.exercise_figure(key=slowest)  # fills the cache
    cached = _median_ms(lambda: figures.exercise_figure(key=slowest), rounds=1000)
    return {
        "moves": float(len(drawn)),
        "median_ms": statistics.median(drawn.values()),
        "slowest_ms": drawn[slowest],
        "cached_ms": cached,
        "slowest": slowest,
    }
