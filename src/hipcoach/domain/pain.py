"""Pain at the level of the person: where it hurts decides what pauses, and for how long.

Sources: the pain-monitoring model (Silbernagel 2007; thresholds via bim.physio, secondary;
research/science.md section 3.1) and the professional-review advice of section 5.2.

- Every pain report (during a set, or the next day) carries a worst pain 0-10 and, when the
  person says so, an area (hip, knee, low back, other) and a side.
- **Pause:** pain of `STOP_PAIN` (7) or more, pain in one area that rose over its last three
  reports to above 3, or pain above 3 on 3 days within 14 (pain that keeps coming back: the
  model asks that pain not rise or persist week to week, and section 5.2 advises review when
  it stays above the acceptable band) pauses every move that loads that area (both sides: a
  one-sided move loads the working leg and the one you stand or lie on) and refers to a
  physical therapist. Pain during a move with no area given counts as hip pain (every move
  here loads the hip: the safe reading); "other" pauses the move it was logged on.
- **Lifting:** a pause ends `PAIN_FREE_DAYS` (7) days after the last report above 3 in that
  area (the model's "safe" band is up to 3); any report of 7+, or rising again, starts a new
  one. Seven days is a coaching convention (one week), not a finding; a physical therapist's
  advice overrides it. The move then returns gradually (see `progression`: a re-entry block
  from one rung lower).
- Which areas a move loads: every move here works the hip; the other areas are the ones its
  catalogue entry says matter when they hurt (its `pain` table).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

from hipcoach.domain.catalogue import Exercise, PainArea
from hipcoach.domain.log import Side
from hipcoach.domain.progression import HOLD_PAIN, STOP_PAIN, PauseWindow

PAIN_FREE_DAYS = 7
RISING_REPORTS = 3
PERSISTENT_REPORTS = 3  # days with pain above 3 ...
PERSISTENT_DAYS = 14  # ... within this many days: pain that keeps coming back


@dataclass(frozen=True, slots=True)
class PainReport:
    """One report of pain: during a move (`exercise` set) or the next day."""

    date: date
    pain: int
    area: PainArea | None = None
    side: Side | None = None
    exercise: str | None = None
    next_day: bool = False


@dataclass(frozen=True, slots=True)
class Pause:
    """Pain pausing an area (or one move): from `start` to `end` (exclusive)."""

    start: date
    end: date
    why: str
    area: PainArea | None = None
    side: Side | None = None
    exercise: str | None = None

    def covers(self, exercise: Exercise) -> bool:
        """True when this pause stops `exercise`."""
        if self.area is None:
            return self.exercise == exercise.key
        return self.area in loads(exercise)

    def window(self) -> PauseWindow:
        """The pause as the progression engine sees it."""
        return PauseWindow(self.start, self.end, self.why)

    @property
    def where(self) -> str:
        """'left hip', 'knee', 'low back', or 'this move'."""
        if self.area is None:
            return "this move"
        side = f"{self.side} " if self.side in (Side.LEFT, Side.RIGHT) else ""
        return f"{side}{self.area.value.replace('_', ' ')}"


def loads(exercise: Exercise) -> frozenset[PainArea]:
    """The areas a move loads: the hip always, and the areas its pain table names."""
    return frozenset({PainArea.HIP, *(a for a in exercise.pain if a is not PainArea.OTHER)})


def _key(report: PainReport) -> tuple[PainArea | None, str | None]:
    """What a report is about: an area; "other", the move it was logged on; no area during a
    move, the hip (every move here loads it: the safe reading of an unplaced pain)."""
    if report.area is PainArea.OTHER:
        return (None, report.exercise)
    if report.area is None:
        return (PainArea.HIP, None) if report.exercise else (None, None)
    return (report.area, None)


def pauses(reports: Iterable[PainReport], today: date) -> tuple[Pause, ...]:
    """Every pause the reports make, oldest first; an ongoing one has `end` after `today`."""
    by_key: dict[tuple[PainArea | None, str | None], dict[date, PainReport]] = {}
    for report in sorted(reports, key=lambda r: (r.date, r.pain)):
        if report.date > today or report.pain <= 0:
            continue
        key = _key(report)
        if key == (None, None):
            continue  # next-day pain with no area and no move: shown, but pauses nothing
        days = by_key.setdefault(key, {})
        if report.date not in days or report.pain >= days[report.date].pain:
            days[report.date] = report
    found: list[Pause] = []
    for (area, exercise), days in by_key.items():
        found.extend(_pauses_in(area, exercise, [days[d] for d in sorted(days)]))
    return tuple(sorted(found, key=lambda p: (p.start, p.where)))


def _pauses_in(
    area: PainArea | None, exercise: str | None, days: Sequence[PainReport]
) -> list[Pause]:
    """The pauses of one area (or move), from its reports in date order, one per day."""
    found: list[Pause] = []
    current: Pause | None = None
    for i, report in enumerate(days):
        recent = [r.pain for r in days[max(0, i - RISING_REPORTS + 1) : i + 1]]
        rising = (
            len(recent) == RISING_REPORTS
            and all(a < b for a, b in pairwise(recent))
            and recent[-1] > HOLD_PAIN
        )
        if current is not None and report.date >= current.end:
            found.append(current)
            current = None
        since = report.date - timedelta(days=PERSISTENT_DAYS)
        lasting = sum(1 for r in days[: i + 1] if r.date > since and r.pain > HOLD_PAIN)
        persistent = lasting >= PERSISTENT_REPORTS
        if report.pain >= STOP_PAIN or rising or persistent:
            if report.pain >= STOP_PAIN:
                why = f"pain reached {report.pain}/10"
            elif rising:
                why = "pain has risen three times in a row (" + " -> ".join(map(str, recent)) + ")"
            else:
                why = f"pain above 3/10 on {lasting} days in {PERSISTENT_DAYS}"
            start = current.start if current is not None else report.date
            current = Pause(
                start,
                report.date + timedelta(days=PAIN_FREE_DAYS),
                f"{why} in the {_where(area, report.side)}",
                area,
                report.side,
                exercise,
            )
        elif current is not None and report.pain > HOLD_PAIN:
            current = Pause(
                current.start,
                report.date + timedelta(days=PAIN_FREE_DAYS),
                current.why,
                area,
                current.side,
                exercise,
            )
    if current is not None:
        found.append(current)
    return found


def _where(area: PainArea | None, side: Side | None) -> str:
    if area is None:
        return "move"
    named = area.value.replace("_", " ")
    return f"{side} {named}" if side in (Side.LEFT, Side.RIGHT) else named


def active(found: Iterable[Pause], today: date) -> tuple[Pause, ...]:
    """The pauses still on today."""
    return tuple(p for p in found if p.start <= today < p.end)
