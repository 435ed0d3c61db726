"""`make bench`: run every benchmark and write BENCHMARKS.md with machine notes."""

from __future__ import annotations

import os
import platform
import sys
from datetime import UTC, datetime
from pathlib import Path

from bench import planner_bench

TARGET_MEDIAN_MS = 2.0


def machine_notes() -> str:
    """What the figures were measured on."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"- Measured {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')} on {cpu}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()} ({sys.platform}).\n"
        "- Single process, no other load started by the benchmark; wall-clock perf_counter."
    )


def main() -> None:
    plan = planner_bench.run()
    ok = "met" if plan["median_ms"] < TARGET_MEDIAN_MS else "NOT met"
    text = f"""# Benchmarks

Written by `make bench`; numbers from one run. Re-run after changing a hot path.

{machine_notes()}

## Plan generation (`generate_plan`, 12-week plans)

{int(plan["count"])} random valid profiles (levels, goals, 1-6 days, 30-90 min, random
equipment and pain), fixed random seed, caches warm.

| figure | ms |
|---|---|
| median | {plan["median_ms"]:.3f} |
| p99 | {plan["p99_ms"]:.3f} |
| max | {plan["max_ms"]:.3f} |

Target: median under {TARGET_MEDIAN_MS:g} ms: **{ok}**
(median / target = {plan["median_ms"] / TARGET_MEDIAN_MS:.2f}).
"""
    Path("BENCHMARKS.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
