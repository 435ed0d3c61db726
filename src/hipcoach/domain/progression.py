"""The progression engine: from the plan's prescription and the log, the next prescription.

Rules, in the order they are checked (sources in research/science.md section 3):

1. Pain (pain-monitoring model, Silbernagel 2007; thresholds via bim.physio, secondary):
   - pain >= 7 during the move, or pain that rose over the last 2 sessions to above 3:
     STOP the move, swap in a pain-free alternative and advise seeing a physical therapist;
   - pain above 5, or next-day pain above 3 (not settled by the next morning): REGRESS one
     rung (at the bottom rung: fewer sets, bottom of the range);
   - pain 4-5: HOLD everything as it was; pain up to 3 progresses as normal.
2. Time away: no exposure for a week beyond the normal gap (7 days + 7 / sessions per week):
   STEP BACK one rung before building again.
3. Stall: the newest exposure scored no better than the one three exposures earlier (score =
   rung, then total reps/steps/seconds): step back one rung and REBUILD.
4. Double progression (a coaching convention; ACSM 2009 raises load once the target is
   exceeded by 1-2 reps): while any set is short of the top of the range, ADD reps (steps: 1,
   holds: 5 s); once every set reaches the top at the target effort, STEP UP one rung and
   restart at the bottom; at the ladder's top, move to the HARDER variation.

Properties (tested): the rung never rises when pain > 3; it never rises by more than one
rung per session; the same history always gives the same prescription.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from hipcoach.domain.catalogue import Dosage
from hipcoach.domain.ladder import LadderStep, step_index
from hipcoach.domain.log import LoggedSet

STOP_PAIN = 7
REGRESS_PAIN = 5  # above this
HOLD_PAIN = 3  # above this
NEXT_DAY_SETTLED = 3  # at most this by the next morning
STALL_WINDOW = 3
HOLD_STEP_S = 5


class Action(StrEnum):
    """What changes next time."""

    START = "start"
    ADD = "add"
    STEP_UP = "step_up"
    HARDER = "harder_variation"
    HOLD = "hold"
    REGRESS = "regress"
    STEP_BACK = "step_back"
    REBUILD = "rebuild"
    STOP = "stop"


@dataclass(frozen=True, slots=True)
class Prescription:
    """What the plan asks for: sets of a target range at a rung and effort."""

    exercise: str
    kind: Dosage
    sets: int
    target: tuple[int, int]
    resistance_key: str
    target_rir: int


@dataclass(frozen=True, slots=True)
class Exposure:
    """One session's sets of one exercise, with that session's next-day pain."""

    date: date
    sets: tuple[LoggedSet, ...]
    next_day_pain: int | None = None

    @property
    def max_pain(self) -> int:
        """The worst pain reported during the move that day."""
        return max((s.pain for s in self.sets), default=0)


@dataclass(frozen=True, slots=True)
class NextPrescription:
    """The next session's prescription, the aim per set, and the reason in plain words."""

    exercise: str
    sets: int
    target: tuple[int, int]
    aim: int
    resistance_key: str
    resistance_label: str
    action: Action
    reason: str
    swap_to: str | None = None
    refer: bool = False


@dataclass(frozen=True, slots=True)
class Context:
    """What the engine knows besides the history."""

    ladder: tuple[LadderStep, ...]
    today: date
    sessions_per_week: int
    harder: str | None = None
    alternatives: tuple[str, ...] = ()


def _rung(exposure: Exposure, ladder: tuple[LadderStep, ...], fallback: int) -> int:
    """The lowest rung used that day (conservative when sets were mixed)."""
    found = [step_index(ladder, s.resistance_key) for s in exposure.sets]
    known = [i for i in found if i >= 0]
    return min(known) if known else fallback


def _score(exposure: Exposure, ladder: tuple[LadderStep, ...]) -> tuple[int, int]:
    return (_rung(exposure, ladder, 0), sum(s.amount for s in exposure.sets))


def _unit(kind: Dosage) -> str:
    return {Dosage.HOLD_SECONDS: "s", Dosage.STEPS_PER_SIDE: "steps"}.get(kind, "reps")


def _make(
    plan: Prescription,
    ctx: Context,
    rung: int,
    aim: int,
    action: Action,
    reason: str,
    *,
    swap_to: str | None = None,
    refer: bool = False,
) -> NextPrescription:
    step = ctx.ladder[rung]
    low, high = plan.target
    return NextPrescription(
        exercise=plan.exercise,
        sets=plan.sets,
        target=plan.target,
        aim=max(low, min(high, aim)),
        resistance_key=step.key,
        resistance_label=step.label,
        action=action,
        reason=reason,
        swap_to=swap_to,
        refer=refer,
    )


def next_prescription(
    plan: Prescription, history: Sequence[Exposure], ctx: Context
) -> NextPrescription:
    """The next prescription for one exercise; `history` is newest first."""
    planned = max(step_index(ctx.ladder, plan.resistance_key), 0)
    low = plan.target[0]
    if not history:
        return _make(
            plan,
            ctx,
            planned,
            low,
            Action.START,
            f"First time: start at {ctx.ladder[planned].label} and aim for {low} "
            f"{_unit(plan.kind)}; learn where you should feel it.",
        )
    last = history[0]
    rung = _rung(last, ctx.ladder, planned)
    best = min((s.amount for s in last.sets), default=low)
    return (
        _pain_rule(plan, history, ctx, rung, best)
        or _time_away_rule(plan, last, ctx, rung)
        or _stall_rule(plan, history, ctx, rung)
        or _double_progression(plan, last, ctx, rung, best)
    )


def _pain_rule(
    plan: Prescription, history: Sequence[Exposure], ctx: Context, rung: int, best: int
) -> NextPrescription | None:
    last = history[0]
    pains = [e.max_pain for e in history[:3]]
    rising = len(pains) == 3 and pains[0] > pains[1] > pains[2] and pains[0] > HOLD_PAIN
    if last.max_pain >= STOP_PAIN or rising:
        if last.max_pain >= STOP_PAIN:
            why = f"pain reached {last.max_pain}/10"
        else:
            why = f"pain has risen for two sessions ({pains[2]} -> {pains[1]} -> {pains[0]})"
        swap = ctx.alternatives[0] if ctx.alternatives else None
        instead = f" Try {swap} instead, if it is pain-free." if swap else ""
        return _make(
            plan,
            ctx,
            0,
            plan.target[0],
            Action.STOP,
            f"Stop this move for now: {why}.{instead} Please see a physical therapist "
            "before you return to it.",
            swap_to=swap,
            refer=True,
        )
    unsettled = last.next_day_pain is not None and last.next_day_pain > NEXT_DAY_SETTLED
    if last.max_pain > REGRESS_PAIN or unsettled:
        why = (
            f"pain was {last.max_pain}/10 during the move"
            if last.max_pain > REGRESS_PAIN
            else f"pain was still {last.next_day_pain}/10 the next day"
        )
        return _step_down(plan, ctx, rung, Action.REGRESS, f"Easier next time: {why}.")
    if last.max_pain > HOLD_PAIN:
        return _make(
            plan,
            ctx,
            rung,
            best,
            Action.HOLD,
            f"Same as last time: pain {last.max_pain}/10 is acceptable but not a "
            "signal to push. Progress again once it stays at 3 or below.",
        )
    return None


def _step_down(
    plan: Prescription, ctx: Context, rung: int, action: Action, why: str
) -> NextPrescription:
    low = plan.target[0]
    if rung > 0:
        lower = ctx.ladder[rung - 1].label
        return _make(plan, ctx, rung - 1, low, action, f"{why} Back one step to {lower}.")
    fewer = max(2, plan.sets - 1)
    result = _make(
        plan,
        ctx,
        0,
        low,
        action,
        f"{why} Already at the easiest step: {fewer} sets, aim for {low} {_unit(plan.kind)}.",
    )
    return replace(result, sets=fewer)


def _time_away_rule(
    plan: Prescription, last: Exposure, ctx: Context, rung: int
) -> NextPrescription | None:
    gap = (ctx.today - last.date).days
    normal = 7 + -(-7 // max(1, ctx.sessions_per_week))
    if gap < normal:
        return None
    return _step_down(
        plan, ctx, rung, Action.STEP_BACK, f"Welcome back: {gap} days since you last did this."
    )


def _stall_rule(
    plan: Prescription, history: Sequence[Exposure], ctx: Context, rung: int
) -> NextPrescription | None:
    if len(history) <= STALL_WINDOW:
        return None
    if _score(history[0], ctx.ladder) > _score(history[STALL_WINDOW], ctx.ladder):
        return None
    return _step_down(
        plan,
        ctx,
        rung,
        Action.REBUILD,
        f"No progress over {STALL_WINDOW} sessions: rebuild from a little lower with clean reps.",
    )


def _double_progression(
    plan: Prescription, last: Exposure, ctx: Context, rung: int, best: int
) -> NextPrescription:
    low, high = plan.target
    unit = _unit(plan.kind)
    rirs = [s.reps_in_reserve for s in last.sets if s.reps_in_reserve is not None]
    on_effort = not rirs or min(rirs) >= plan.target_rir - 1
    done = len(last.sets) > 0 and best >= high
    if not (done and on_effort):
        add = HOLD_STEP_S if plan.kind is Dosage.HOLD_SECONDS else 1
        aim = min(high, max(best, low) + add) if done or best >= low else low
        return _make(
            plan,
            ctx,
            rung,
            aim,
            Action.ADD,
            f"Build up: aim for {aim} {unit} on every set at {ctx.ladder[rung].label}; "
            f"step up once every set reaches {high}.",
        )
    if rung + 1 < len(ctx.ladder):
        up = ctx.ladder[rung + 1].label
        return _make(
            plan,
            ctx,
            rung + 1,
            low,
            Action.STEP_UP,
            f"Every set reached {high} {unit}: step up to {up} and restart at {low}.",
        )
    if ctx.harder:
        return _make(
            plan,
            ctx,
            rung,
            low,
            Action.HARDER,
            f"Top of the ladder reached: move on to {ctx.harder}.",
            swap_to=ctx.harder,
        )
    return _make(
        plan,
        ctx,
        rung,
        high,
        Action.HOLD,
        "Top of the ladder reached and no harder variation listed: keep the top of "
        "the range with slower reps.",
    )
