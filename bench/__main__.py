"""`make bench`: run every benchmark and write BENCHMARKS.md with machine notes."""

from __future__ import annotations

import os
import platform
import sys
from datetime import UTC, datetime
from pathlib import Path

from bench import log_bench, planner_bench

TARGET_MEDIAN_MS = 2.0
MAX_GROWTH = 1.5


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


def log_section() -> str:
    """Next-prescription and progress-view medians per history size, with the 50k/1k ratio."""
    rows = log_bench.run()
    lines = ["| logged sets | next prescription (ms) | progress view (ms) |", "|---|---|---|"]
    lines += [f"| {int(r['sets']):,} | {r['next_ms']:.2f} | {r['progress_ms']:.2f} |" for r in rows]
    first, last = rows[0], rows[-1]
    nxt = last["next_ms"] / first["next_ms"]
    prog = last["progress_ms"] / first["progress_ms"]
    verdict = "met" if max(nxt, prog) <= MAX_GROWTH else "NOT met"
    lines.append("")
    lines.append(
        f"50k / 1k: next prescription {nxt:.2f}x, progress view {prog:.2f}x "
        f"(target <= {MAX_GROWTH:g}x: **{verdict}**)."
    )
    return "\n".join(lines)


def main() -> None:
    log = log_section()
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

## Today's session and progress against the size of the log (SQLite, `services` + `store`)

A local user with a 12-week plan and a history of 20 sets a session, one every 1-2 days.
"next prescription" is `todays_session` (the next prescription of every item, each from its
exposure history); "progress view" is `progress_report` (adherence, 12 weeks of hard sets,
trends of every planned exercise, milestones, measurements). Medians of 40 and 20 runs.

{log}
"""
    Path("BENCHMARKS.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
