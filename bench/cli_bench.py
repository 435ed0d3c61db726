"""`hipcoach --help` cold start: a new process each run, as a person typing it would start one."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path


def run(count: int = 15) -> dict[str, float]:
    """Median and max wall-clock ms of `hipcoach --help` over `count` fresh processes."""
    exe = str(Path(sys.executable).parent / "hipcoach")
    subprocess.run([exe, "--help"], capture_output=True, check=True)  # warm the OS file cache
    samples = []
    for _ in range(count):
        began = time.perf_counter()
        subprocess.run([exe, "--help"], capture_output=True, check=True)
        samples.append((time.perf_counter() - began) * 1000)
    return {"median_ms": statistics.median(samples), "max_ms": max(samples)}
