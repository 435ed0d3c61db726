"""docs/coaching-traces.md: 12 weeks of each kind of trainee, as a coach would read them.

`make simulate` writes it (`python -m tests.simulation.report`); a test checks that the
committed file is what the engine does today.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from hipcoach.domain.log import Side
from hipcoach.domain.plan import BlockKind
from tests.services.fakes import FakeUnitOfWork
from tests.simulation.stories import KINDS
from tests.simulation.trainee import Entry, Trace, Trainee

OUT = Path(__file__).resolve().parents[2] / "docs" / "coaching-traces.md"
ORDER = ("compliant", "staller", "pain", "away", "weak_side", "irregular")
SHOWN = 2  # working moves per trainee


def trace_of(kind: str) -> Trace:
    fake = FakeUnitOfWork()
    return Trainee(KINDS[kind], f"report-{kind}").live(lambda: fake, 12)


def _cell(entry: Entry) -> str:
    if entry.paused:
        return "paused"
    done = "/".join(map(str, entry.done)) or "-"
    return f"{entry.sets} x {entry.aim} {entry.unit} @ {entry.resistance}; did {done}"


def _rows(trace: Trace) -> Iterator[str]:
    series = trace.series()
    moves = list(dict.fromkeys(k[0] for k in series))[:SHOWN]
    for move in moves:
        sides = [s for s in (Side.LEFT, Side.RIGHT, Side.BOTH) if (move, s) in series]
        yield f"\n**{move.replace('_', ' ')}** ({', '.join(s.value for s in sides)})\n"
        yield "| day | week | side | action | prescribed, and done | why (as shown on Today) |"
        yield "|---|---|---|---|---|---|"
        for side in sides:
            for e in series[(move, side)]:
                week = f"{e.week}{' (lighter)' if e.deload else ''}"
                reason = e.reason.replace("|", "/")
                yield (
                    f"| {e.day.isoformat()} | {week} | {side.value} | {e.action.value} | "
                    f"{_cell(e)} | {reason} |"
                )


def _summary(trace: Trace) -> str:
    working = [e for e in trace.entries if e.block is BlockKind.WORKING and not e.paused]
    best = trace.most_steps_up()
    parts = [
        f"{len(set(trace.sessions))} sessions trained",
        f"{len(working)} working-move entries",
        f"most steps up one ladder (one move and side): {best}",
    ]
    if trace.refer_days:
        parts.append(f"referred to a physical therapist on {trace.refer_days[0].isoformat()}")
    if trace.restarted:
        parts.append(f"calendar restarted on {trace.restarted[0].isoformat()}")
    if trace.gaps:
        parts.append(f"side gap named from {trace.gaps[0][0].isoformat()}")
    return "; ".join(parts) + "."


def render() -> str:
    lines = [
        "# Coaching traces: 12 weeks of virtual trainees",
        "",
        "Written by `make simulate` from `tests/simulation` (the same trainees the test suite",
        "runs; a test fails when this file no longer matches the engine). Each trainee follows",
        "what Today prescribes through the real services; their body is a simple model",
        "(capacity per move and side, growth per session done). Read the *why* column as the",
        "person would. Rules and their sources: `src/hipcoach/domain/progression.py`,",
        "`src/hipcoach/domain/pain.py`, `src/hipcoach/domain/sides.py`.",
        "",
        "Training builds strength and may soften the look of hip dips; it cannot change bone.",
    ]
    for kind in ORDER:
        trace = trace_of(kind)
        lines += ["", f"## {trace.story.name}", "", _summary(trace)]
        lines += list(_rows(trace))
    return "\n".join(lines) + "\n"


def main() -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(render(), encoding="utf-8")
    sys.stdout.write(f"wrote {OUT}\n")


if __name__ == "__main__":
    main()
