"""The coaching engine: progression as an explicit state per exercise and side.

The state (`State`: rung, aim, misses at this rung, whether the stall is being varied, last
session, re-entry sessions left, top reached) is a deterministic fold over the
logged sessions of one exercise and side (`fold`). Each session is first given the dose the
engine would have prescribed that day (`prescribe`), then judged against it (`advance`), so
every rule below lives in exactly one of those two functions.

Rules and their sources (research/science.md section 3 unless said otherwise):

- **Double progression** (a coaching convention; ACSM 2009 raises load once the target is
  exceeded by 1-2 reps): a session that reaches the aim on every prescribed set at the target
  effort (reps in reserve no lower than the target minus one, Helms 2016) is a success; the aim
  rises by 1 rep or step (5 s for holds) from the worst set; at the top of the range the next
  session steps up one rung and restarts at the bottom; at the ladder's top the person moves on
  to the harder variation (or, without one, holds the top with slower reps). Held there for
  `TOP_PLATEAU_SESSIONS` (6, about three weeks) sessions (lighter-week sessions at the top
  count: the person is still there), the coach says so plainly, once: a 2-second pause at the
  top of each rep keeps the work hard, and more load is the way on, naming the equipment that
  would load the move when the person does not own it (a coaching convention: progressive
  overload needs a heavier stimulus once reps and tempo are spent); later sessions keep a
  short reminder of the pause. Held for `ROTATE_AFTER_SESSIONS` (12: the pause has had as long
  as the top took to call for it, about three more weeks, a block and a half of the 4-week
  blocks), the move makes way for fresh work: the best move of the same role the person can
  do (`Context.rotations`, ranked by `hipcoach.domain.rotation`) takes its place, said in one
  sentence, and starts from its own history (a coaching convention: a new exercise once a
  move has stopped progressing; not verified in research/science.md). The held move's log
  stops there, so the swap stands from one session to the next; the fresh move then climbs
  and, at its own top, holds with the pause (one fresh move per slot: `services.coaching`);
  after a long break (a re-entry) the planned move comes back first, as a harder variation
  does.
- **Misses and stalls:** a miss is a session at the prescribed rung and set count that fell
  short of the aim on some set, or reached it only by grinding past the target effort (doing
  more than the aim on the way to failure is not a miss). Only `MISSES_TO_VARY` (2)
  consecutive misses at one rung and set count change anything, and the first answer is to
  hold and vary: the aim drops to what every set could sustain at the target effort and every
  rep is lowered over 3 seconds; further misses lower it again. A step back one rung comes
  only once the aim is below the range: missed `MISSES_TO_STEP_BACK` (2) more times while
  varied, or a second stall below the range at the same rung (`STALLS_BELOW_RANGE`), or at
  once when a set could not sustain even `FAR_BELOW` (70 %) of the range's bottom (the rung is
  plainly too hard, as when a level's starting rung does not suit the person); the person
  then re-earns the rung by climbing again. Two sessions is the window of the "2-for-2"
  convention (NSCA Essentials, unverified in science.md) read the other way round. A session
  with fewer sets than prescribed, at another rung than prescribed, in a lighter week, in a
  re-entry block, or with pain above 3 is never a miss; nor is holding the top of a ladder.
- **Lighter weeks** (Bell 2022: coaches deload mainly by cutting volume and effort): the
  week's fewer sets at the same rung and aim; nothing is judged, so nothing steps up inside
  them, and the week after resumes where the person was.
- **Time away** is the longest break from all training since the move was last done (a move
  the plan rotates out while the person trains on has not been "away").
  The thresholds are a coaching convention (detraining reviews such as Mujika & Padilla 2000
  describe most strength as kept over 2-3 weeks off; not verified in research/science.md):
  up to `SHORT_GAP_DAYS` (9) days is normal; up to `HOLD_GAP_DAYS` (20) the last dose is
  repeated; up to `RE_ENTRY_DAYS` (27) the aim goes back to the bottom one rung lower; from
  4 weeks a re-entry block of `RE_ENTRY_SESSIONS` (3) sessions starts one rung lower per 2
  weeks away beyond the first 2, with one set fewer, and misses are not counted in it. After
  such a break the person is offered a calendar that starts again from the day they return.
- **Pain during the move** (pain-monitoring model, Silbernagel 2007; thresholds via
  bim.physio, secondary): up to 3 progresses as normal; 4-5 holds the dose (never more sets
  than were done); above 5 during the move, or above 3 the next day, regresses one rung (at the
  bottom: one set fewer, never below one). Pain 7+ or rising pain pauses the move and every
  other move loading the same area: see `hipcoach.domain.pain`, whose pauses arrive here as
  `Context.pauses`. A paused move shows no dose; after the pause a graded return (the re-entry
  block above, from one rung lower) climbs back.
- **Blocks that change the range** (`dosage.changed_block`): each session is judged against
  the range its own week planned (`Exposure.planned_target`). When the range falls (a heavier
  block) the next session is one rung heavier at the bottom of the new range, unless the last
  session just earned a step up or hurt above 3 (then the rung stays); when it rises again the
  next session is one rung lighter, at the same place in the new range as the aim held in the
  old one. Without a rung to move to, the rung stays and only the range changes. That first
  session of the new range is judged as a return (successes climb, misses do not count).
- **Activation items** warm the muscle up; they never chase the top of the range: the planned
  sets at the bottom of the range and the planned rung, changed only by pain.

Properties (tested, also over virtual trainees training for months): the rung never rises
when pain is above 3 and never by more than one rung per session; a trainee who meets every
aim without pain or gaps never goes back; the same log always gives the same state.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from enum import Enum, StrEnum

from hipcoach.domain.catalogue import Dosage
from hipcoach.domain.ladder import LadderStep, step_index
from hipcoach.domain.log import LoggedSet, Side

STOP_PAIN = 7
REGRESS_PAIN = 5  # above this during the move
HOLD_PAIN = 3  # above this: no progress that session
NEXT_DAY_SETTLED = 3  # at most this by the next morning
MISSES_TO_VARY = 2
MISSES_TO_STEP_BACK = 2
STALLS_BELOW_RANGE = 2
FAR_BELOW = 0.7  # a miss below this share of the range's bottom steps back at once
HOLD_STEP_S = 5
SHORT_GAP_DAYS = 9
HOLD_GAP_DAYS = 20
RE_ENTRY_DAYS = 27  # above this, a re-entry block
RE_ENTRY_SESSIONS = 3
WINDOW = 16  # sessions folded per exercise and side (see `fold`)


class Action(StrEnum):
    """What the engine did for the next session, in one word."""

    START = "start"
    ADD = "add"
    STEP_UP = "step_up"
    HARDER = "harder_variation"
    HOLD = "hold"
    VARY = "vary"
    STEP_BACK = "step_back"
    REGRESS = "regress"
    LIGHTER = "lighter"
    RE_ENTRY = "re_entry"
    ACTIVATE = "activate"
    PAUSE = "pause"
    NEW_BLOCK = "new_block"
    ROTATE = "rotate"


@dataclass(frozen=True, slots=True)
class Prescription:
    """What the plan asks for: sets of a target range at a rung and effort."""

    exercise: str
    kind: Dosage
    sets: int
    target: tuple[int, int]
    resistance_key: str
    target_rir: int
    activation: bool = False


@dataclass(frozen=True, slots=True)
class Exposure:
    """One session's sets of one exercise and side, with what the plan asked that day."""

    date: date
    sets: tuple[LoggedSet, ...]
    next_day_pain: int | None = None
    lighter: bool = False
    planned_sets: int | None = None
    planned_rir: int | None = None
    planned_target: tuple[int, int] | None = None  # None: the range the plan asks for now

    @property
    def max_pain(self) -> int:
        """The worst pain reported during the move that day."""
        return max((s.pain for s in self.sets), default=0)


@dataclass(frozen=True, slots=True)
class PauseWindow:
    """A stretch of days on which pain pauses this move: from `start`, until `end` (exclusive)."""

    start: date
    end: date
    why: str


@dataclass(frozen=True, slots=True)
class Context:
    """What the engine knows besides the log: the ladder, where to go next, pain pauses."""

    ladder: tuple[LadderStep, ...]
    harder: str | None = None
    alternatives: tuple[str, ...] = ()
    rotations: tuple[str, ...] = ()  # fresh moves for a top held too long, best first
    pauses: tuple[PauseWindow, ...] = ()
    trained: tuple[date, ...] = ()  # days the person trained anything, oldest first
    names: Mapping[str, str] = field(default_factory=dict)  # exercise key -> display name
    more_load: tuple[
        str, ...
    ] = ()  # equipment that would load the move, not owned ("ankle weights")

    def name(self, key: str) -> str:
        """How a move is called to the person."""
        return self.names.get(key, key.replace("_", " "))

    def away_since(self, day: date, last: date) -> int:
        """The longest break, in days, since this move was last done: the longest stretch
        without any training between `last` and `day` (a move the plan rotates out while the
        person trains on is not a break; weeks away from everything are)."""
        first = bisect_right(self.trained, last)
        upto = bisect_left(self.trained, day)
        days = [last, *self.trained[first:upto], day]
        return max((b - a).days for a, b in itertools.pairwise(days))


class Mode(Enum):
    """How a session done against a dose is judged."""

    FULL = "full"  # successes climb, misses count
    CLIMB = "climb"  # successes climb, misses do not count (returns, step backs, short gaps)
    NONE = "none"  # nothing is judged (lighter weeks, the top of a ladder, activation, pauses)


@dataclass(frozen=True, slots=True)
class State:
    """Where one exercise and side stands, after the sessions folded so far."""

    rung: int
    aim: int
    misses: int = 0
    varied: bool = False
    last_date: date | None = None
    re_entry: int = 0
    top: bool = False
    cut: bool = False
    change: Action = Action.START
    last_pain: int = 0
    last_sets: int | None = None
    miss_sets: int | None = None  # the set count the current run of misses was at
    stalls: int = 0  # stalls at this rung that left the aim below the range
    far: bool = False  # the last step back was because the rung was far too hard
    hard: bool = False  # the last miss reached the aim, but harder than the target effort
    after_lighter: bool = False  # the last session done was in a lighter week
    target: tuple[int, int] | None = None  # the range the aim belongs to
    block_step: int = 0  # rungs a new block's range moved the state (-1, 0 or +1)
    top_sessions: int = 0  # sessions done at the ladder's top since it was reached
    plateau_told: bool = False  # the pause at the top has been explained in full


@dataclass(frozen=True, slots=True)
class Dose:
    """What one session asks of one exercise and side, and why."""

    rung: int
    sets: int
    aim: int
    action: Action
    reason: str
    mode: Mode = Mode.FULL
    plateau: bool = False  # this dose explains the pause at a long-held top in full


@dataclass(frozen=True, slots=True)
class NextPrescription:
    """The next session's prescription for one side, the aim per set, and the reason."""

    exercise: str
    side: Side
    sets: int
    target: tuple[int, int]
    aim: int
    resistance_key: str
    resistance_label: str
    action: Action
    reason: str
    misses: int = 0
    swap_to: str | None = None
    refer: bool = False
    at_top: bool = False  # the top of the ladder is reached
    top_sessions: int = 0  # sessions held there
    rotate: bool = False  # held at the top with nowhere to go for ROTATE_AFTER_SESSIONS

    @property
    def paused(self) -> bool:
        """True when pain has paused the move: there is no dose to do."""
        return self.action is Action.PAUSE


def _unit(kind: Dosage) -> str:
    return {Dosage.HOLD_SECONDS: "s", Dosage.STEPS_PER_SIDE: "steps"}.get(kind, "reps")


def _step(kind: Dosage) -> int:
    return HOLD_STEP_S if kind is Dosage.HOLD_SECONDS else 1


def start_rung(plan: Prescription, ladder: tuple[LadderStep, ...]) -> int:
    """The plan's rung on this ladder (the first rung if the ladder lacks it)."""
    return max(step_index(ladder, plan.resistance_key), 0)


def initial_state(plan: Prescription, ladder: tuple[LadderStep, ...]) -> State:
    """Before the first session: the plan's rung, the bottom of the range."""
    return State(rung=start_rung(plan, ladder), aim=plan.target[0], target=plan.target)


def _rung_done(exposure: Exposure, ladder: tuple[LadderStep, ...]) -> int | None:
    """The lowest known rung used that day (conservative when sets were mixed)."""
    known = [i for s in exposure.sets if (i := step_index(ladder, s.resistance_key)) >= 0]
    return min(known) if known else None


def _pause_at(ctx: Context, day: date) -> PauseWindow | None:
    return next((p for p in ctx.pauses if p.start <= day < p.end), None)


def _returning(ctx: Context, state: State, day: date) -> bool:
    """A pause has begun and ended since this move was last done."""
    last = state.last_date
    return any(p.end <= day and (last is None or last <= p.start) for p in ctx.pauses)


def prescribe(
    state: State,
    plan: Prescription,
    ctx: Context,
    day: date,
    *,
    lighter: bool = False,
    sets: int | None = None,
) -> Dose:
    """The dose for `day`, from the state: pauses, returns, time away and lighter weeks first."""
    week_sets = sets if sets is not None else plan.sets
    full = plan.sets if lighter else week_sets
    low, _ = plan.target
    unit = _unit(plan.kind)
    label = ctx.ladder[state.rung].label
    pause = _pause_at(ctx, day)
    if pause is not None:
        return Dose(
            state.rung,
            0,
            state.aim,
            Action.PAUSE,
            f"Paused until {pause.end.isoformat()} at the earliest: {pause.why}",
            Mode.NONE,
        )
    if plan.activation:
        count = max(1, week_sets - state.cut)
        return Dose(
            state.rung,
            count,
            low,
            Action.ACTIVATE,
            f"Activation: {count} x {low} easy {unit} at {label} to wake the muscle up, "
            "not to tire it.",
            Mode.NONE,
        )
    if state.last_date is None:
        return Dose(
            state.rung,
            week_sets,
            state.aim,
            Action.START,
            f"First time: start at {label} and aim for {state.aim} {unit}; learn where you "
            "should feel it.",
        )
    gap = ctx.away_since(day, state.last_date)
    returning = _returning(ctx, state, day)
    if returning or gap > RE_ENTRY_DAYS:
        back = 1 if returning else max(1, gap // 14 - 1)
        rung = max(0, state.rung - back)
        why = "Back after the pain pause" if returning else f"Welcome back after {gap} days"
        check = (
            " Only if the area has felt fine (3/10 or less) this past week; if it still hurts,"
            " rest it and see a physical therapist first."
            if returning
            else ""
        )
        return Dose(
            rung,
            max(1, full - 1),
            low,
            Action.RE_ENTRY,
            f"{why}: a short return of {RE_ENTRY_SESSIONS} sessions, starting at "
            f"{ctx.ladder[rung].label} with one set fewer, aim {low} {unit}.{check} Stop the "
            "move for the day if it hurts above 3/10.",
            Mode.CLIMB,
        )
    if gap > HOLD_GAP_DAYS:
        rung = max(0, state.rung - 1)
        return Dose(
            rung,
            full,
            low,
            Action.STEP_BACK,
            f"A {gap}-day break: one step back to {ctx.ladder[rung].label}, "
            f"aim for {low} {unit}, then build again.",
            Mode.CLIMB,
        )
    if gap > SHORT_GAP_DAYS and not lighter and state.change is not Action.NEW_BLOCK:
        count = min(full, state.last_sets or full)
        return Dose(
            state.rung,
            count,
            state.aim,
            Action.HOLD,
            f"A {gap}-day break: the same again, {count} x {state.aim} {unit} at "
            f"{label}, before building on it.",
            Mode.CLIMB,
        )
    if lighter:
        # Never a step up inside a lighter week: a rung just earned waits for the week after.
        stepped = state.change is Action.STEP_UP and state.rung > 0
        rung = state.rung - 1 if stepped else state.rung
        aim = lighter_aim(state.aim, plan)
        return Dose(
            rung,
            week_sets,
            aim,
            Action.LIGHTER,
            f"Lighter week: {week_sets} sets of {aim} {unit} at {ctx.ladder[rung].label}, "
            "easy, with plenty left in you; next week you carry on from here.",
            Mode.NONE,
        )
    return _climb(state, plan, ctx, full)


def lighter_aim(aim: int, plan: Prescription) -> int:
    """A lighter week's aim: two steps below the current aim, not below the range (or the
    aim itself, when that is already at or below the bottom of the range)."""
    eased = aim - 2 * _step(plan.kind)
    return eased if eased >= plan.target[0] else min(aim, plan.target[0])


def slower(kind: Dosage) -> str:
    """The tempo change of a varied or top-of-ladder set, in the set's own terms."""
    if kind is Dosage.HOLD_SECONDS:
        return "hips high and still, breathing slowly"
    if kind is Dosage.STEPS_PER_SIDE:
        return "slower, wider steps with the band kept tight"
    return "lowering over 3 seconds each rep"


TOP_PLATEAU_SESSIONS = 6
ROTATE_AFTER_SESSIONS = 2 * TOP_PLATEAU_SESSIONS

_PAUSE = {  # (the pause said once, the reminder after it)
    Dosage.HOLD_SECONDS: (
        "hold the end position 2 seconds longer each set",
        "Keep holding the end position 2 seconds longer.",
    ),
    Dosage.STEPS_PER_SIDE: (
        "pause 2 seconds at the widest point of each step",
        "Keep the 2-second pause at the widest point of each step.",
    ),
}
_REP_PAUSE = (
    "add a 2-second pause at the top of each rep",
    "Keep the 2-second pause at the top of each rep.",
)


def _plateau(state: State, plan: Prescription, ctx: Context) -> str:
    """What the coach adds once the top has been held for TOP_PLATEAU_SESSIONS sessions: the
    pause and the way on in full the first time, a short reminder of the pause after it."""
    if state.top_sessions < TOP_PLATEAU_SESSIONS:
        return ""
    pause, reminder = _PAUSE.get(plan.kind, _REP_PAUSE)
    if state.plateau_told:
        return f" {reminder}"
    text = f" You have held the top for {state.top_sessions} sessions: {pause}."
    if ctx.more_load:
        return text + (
            f" More load is the way on from here: with {_or(ctx.more_load)} in your equipment, "
            "the coach would move you up."
        )
    return text


def _or(names: tuple[str, ...]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def _climb(state: State, plan: Prescription, ctx: Context, full: int) -> Dose:
    """The dose the state itself asks for, worded by the change the last session made."""
    unit = _unit(plan.kind)
    label = ctx.ladder[state.rung].label
    high = plan.target[1]
    aim = state.aim
    sets = max(1, full - 1) if state.re_entry or state.cut else full
    mode = Mode.CLIMB if state.re_entry else Mode.FULL
    notes = []
    if state.re_entry:
        notes.append(f"Return ({state.re_entry} more at one set fewer).")
    if state.after_lighter:
        notes.append("Back to full sessions after the lighter week.")
    prefix = " ".join(notes) + (" " if notes else "")
    if state.top:
        return Dose(
            state.rung,
            sets,
            high,
            Action.HOLD,
            f"{prefix}Top of the ladder: keep {high} {unit} at {label}, {slower(plan.kind)}."
            + _plateau(state, plan, ctx),
            Mode.CLIMB,
            plateau=state.top_sessions >= TOP_PLATEAU_SESSIONS,
        )
    if state.last_pain > HOLD_PAIN and state.change is Action.HOLD:
        count = min(sets, state.last_sets or sets)
        return Dose(
            state.rung,
            count,
            aim,
            Action.HOLD,
            f"{prefix}Same as last time, {count} x {aim} {unit} at {label}: pain "
            f"{state.last_pain}/10 is acceptable but not a signal to push. Progress again "
            "once it stays at 3 or below.",
            mode,
        )
    short = (
        "every rep done, but harder than planned"
        if state.hard
        else f"{state.misses} session short of the aim"
    )
    step = ctx.ladder[state.rung]
    below = ctx.ladder[state.rung - 1] if state.rung else step
    placed = step.placement is not None and step.placement != below.placement
    # A lower band (or a longer hold) is the harder version even on a lighter band.
    up = "the harder placement, " if placed else ""
    words: dict[Action, str] = {
        Action.STEP_UP: f"Every set reached {high} {unit}: step up to {up}{label} and restart "
        f"at {aim}.",
        Action.VARY: f"Two sessions short of the aim: hold and vary. {aim} {unit} at {label}, "
        f"{slower(plan.kind)}, then build back towards {high}.",
        Action.STEP_BACK: f"Still short after varying: one step back to {label} to re-earn "
        f"the step above; aim for {aim} {unit}.",
        Action.REGRESS: f"Easier after the pain: {sets} x {aim} {unit} at {label}.",
        Action.HOLD: f"Same aim again: {aim} {unit} at {label} ({short}; after "
        f"{MISSES_TO_VARY} in a row we change the plan)."
        if state.misses
        else f"Same again: {aim} {unit} at {label}, before building on it.",
    }
    if state.change is Action.NEW_BLOCK:
        low_new = plan.target[0]
        moved = {1: "one rung heavier", -1: "one rung lighter", 0: "the same rung"}
        back = "back to " if state.block_step < 0 else ""
        words[Action.NEW_BLOCK] = (
            f"New block, {back}{low_new}-{high} {unit}: {moved[state.block_step]}, {label}; "
            f"aim for {aim} {unit} on every set."
        )
        mode = Mode.CLIMB
    if state.change is Action.STEP_BACK and state.far:
        words[Action.STEP_BACK] = (
            f"The step above was too hard for now (less than {round(FAR_BELOW * 100)} % of "
            f"the bottom of the range): back to {label}, aim for {aim} {unit}, and earn it "
            "again."
        )
    build = (
        f"{aim} {unit} on every set at {label} today earns the step up next time."
        if aim >= high
        else f"Build up: aim for {aim} {unit} on every set at {label}; at {high} you step up."
    )
    text = words.get(state.change, build)
    if state.varied and state.change is Action.HOLD:
        text = f"Keep varying: {aim} {unit} at {label}, {slower(plan.kind)}."
    action = state.change if state.change in words else Action.ADD
    if state.varied and action is Action.HOLD:
        action = Action.VARY
    return Dose(state.rung, sets, aim, action, f"{prefix}{text}", mode)


def advance(
    state: State, dose: Dose, exposure: Exposure, plan: Prescription, ctx: Context
) -> State:
    """The state after a session done against `dose`: the one place sessions are judged."""
    done = sorted(exposure.sets, key=lambda s: s.logged_at)
    moved = replace(
        state,
        last_date=exposure.date,
        last_sets=len(done),
        last_pain=exposure.max_pain,
        cut=False,
        after_lighter=dose.action is Action.LIGHTER,
        target=plan.target,
    )
    if dose.action is Action.RE_ENTRY:
        moved = replace(_at_rung(moved, dose.rung, dose.aim), re_entry=RE_ENTRY_SESSIONS)
    elif dose.action is Action.STEP_BACK and dose.mode is Mode.CLIMB:
        moved = _at_rung(moved, dose.rung, dose.aim)
    if not done:
        return _count_down(replace(moved, change=Action.HOLD))
    counted = done[: max(dose.sets, 1)]
    worst = min(s.amount for s in counted)
    used = _rung_done(exposure, ctx.ladder)
    chose = dose.mode is not Mode.NONE and used is not None and used != moved.rung
    if chose and used is not None:
        # The person chose another rung: follow them, from what they did there.
        moved = _at_rung(moved, used, max(_step(plan.kind), min(worst, plan.target[1])))
    pain = exposure.max_pain
    if pain > HOLD_PAIN and used is not None and used < moved.rung:
        # Pain at a lower rung than the state's (a lighter week, a step up not yet tried):
        # the step up waits; the person stays where it hurt.
        top = plan.target[1] if moved.change is Action.STEP_UP else moved.aim
        moved = replace(_at_rung(moved, used, top), change=Action.HOLD)
    if pain > REGRESS_PAIN or (exposure.next_day_pain or 0) > NEXT_DAY_SETTLED:
        return _regress(moved, plan)
    if pain > HOLD_PAIN or dose.mode is Mode.NONE:
        held = pain > HOLD_PAIN or state.change is Action.NEW_BLOCK  # a new range is told once
        # A lighter week at the top is still time held there, with nowhere to climb.
        easy_top = moved.top and dose.action is Action.LIGHTER and pain <= HOLD_PAIN
        return _count_down(
            replace(
                moved,
                change=Action.HOLD if held else state.change,
                top_sessions=moved.top_sessions + easy_top,
            )
        )
    if chose:
        return _count_down(_success(moved, plan, worst))
    target_rir = plan.target_rir if exposure.planned_rir is None else exposure.planned_rir
    if len(done) >= dose.sets and reached(counted, dose.aim, target_rir):
        return _count_down(_success(moved, plan, worst))
    if len(done) < dose.sets or dose.mode is Mode.CLIMB:
        return _count_down(replace(moved, change=Action.HOLD))
    streak = moved if moved.miss_sets == dose.sets else replace(moved, misses=0)
    hard = all(s.amount >= dose.aim for s in counted)  # every rep done, too close to failure
    missed = replace(streak, miss_sets=dose.sets, hard=hard)
    return _miss(missed, plan, sustainable(counted, target_rir))


def sustainable(sets: Sequence[LoggedSet], target_rir: int) -> int:
    """The most every set could have done at the target effort (reps in reserve at least
    the target minus one): what a varied aim asks for after a stall."""
    return min(
        s.amount + min(0, (s.reps_in_reserve or 0) - (target_rir - 1))
        if s.reps_in_reserve is not None
        else s.amount
        for s in sets
    )


def reached(sets: Sequence[LoggedSet], aim: int, target_rir: int) -> bool:
    """Every set reached the aim, and could have stopped there at the target effort: reps in
    reserve at the aim (those reported plus any done beyond the aim) no lower than the target
    minus one. Going on past the aim to failure is not a miss; grinding out the aim is."""
    return all(
        s.amount >= aim
        and (s.reps_in_reserve is None or s.reps_in_reserve + s.amount - aim >= target_rir - 1)
        for s in sets
    )


def _at_rung(state: State, rung: int, aim: int) -> State:
    """A new rung: its own aim, and a clean slate of misses and stalls (and, unless going up,
    of the sessions held at the top and of the pause told there)."""
    return replace(
        state,
        rung=rung,
        aim=aim,
        misses=0,
        varied=False,
        stalls=0,
        miss_sets=None,
        top=False,
        far=False,
        top_sessions=state.top_sessions if rung > state.rung else 0,
        plateau_told=state.plateau_told and rung > state.rung,
    )


def _count_down(state: State) -> State:
    return replace(state, re_entry=max(0, state.re_entry - 1))


def _success(state: State, plan: Prescription, worst: int) -> State:
    low, high = plan.target
    if max(worst, state.aim) >= high:
        return replace(_at_rung(state, state.rung + 1, low), change=Action.STEP_UP)
    step = _step(plan.kind)
    reached_aim = max(state.aim, worst)
    if plan.kind is Dosage.HOLD_SECONDS:  # holds grow at most 10 s a session
        reached_aim = min(reached_aim, state.aim + step)
    aim = min(high, reached_aim + step)
    return replace(state, misses=0, varied=False, aim=aim, change=Action.ADD, hard=False)


def _miss(state: State, plan: Prescription, can: int) -> State:
    """A miss: count it; after `MISSES_TO_VARY`, hold and vary at an aim the person can
    sustain; while varied, lower the aim to what they sustain. A step back one rung comes only
    when the aim has fallen below the range: missed again `MISSES_TO_STEP_BACK` times while
    varied, or a second stall below the range at the same rung."""
    misses = state.misses + 1
    low = plan.target[0]
    aim = max(_step(plan.kind), min(state.aim, can))
    if can < FAR_BELOW * low and state.rung > 0:
        # Not even most of the range's bottom: this rung is far too hard; no waiting.
        return replace(_at_rung(state, state.rung - 1, low), change=Action.STEP_BACK, far=True)
    if not state.varied and misses < MISSES_TO_VARY:
        return replace(state, misses=misses, change=Action.HOLD)
    if not state.varied:
        stalls = state.stalls + (aim < low)
        if stalls < STALLS_BELOW_RANGE or state.rung == 0:
            return replace(state, misses=0, varied=True, aim=aim, stalls=stalls, change=Action.VARY)
    elif misses < MISSES_TO_STEP_BACK or state.aim >= low or state.rung == 0:
        return replace(state, misses=misses, aim=aim, change=Action.HOLD)
    return replace(_at_rung(state, state.rung - 1, low), change=Action.STEP_BACK)


def _regress(state: State, plan: Prescription) -> State:
    base = replace(state, aim=plan.target[0], misses=0, varied=False, change=Action.REGRESS)
    if state.rung > 0:
        return replace(_at_rung(base, state.rung - 1, plan.target[0]), change=Action.REGRESS)
    return replace(base, cut=True)


def _settle(state: State, plan: Prescription, ctx: Context) -> State:
    """A rung past the ladder's top means the top is reached (graduation is the service's)."""
    if state.rung >= len(ctx.ladder):
        top = len(ctx.ladder) - 1
        return replace(
            state, rung=top, aim=plan.target[1], top=True, top_sessions=state.top_sessions + 1
        )
    return state


def seed_state(plan: Prescription, exposure: Exposure, ladder: tuple[LadderStep, ...]) -> State:
    """A state read from one session alone: where a window of folded sessions starts."""
    used = _rung_done(exposure, ladder)
    rung = used if used is not None else start_rung(plan, ladder)
    worst = min((s.amount for s in exposure.sets), default=plan.target[0])
    low, high = plan.target
    return State(
        rung=rung,
        aim=max(low, min(high, worst)),
        last_date=exposure.date,
        last_sets=len(exposure.sets),
        change=Action.HOLD,
        target=plan.target,
    )


def _planned(plan: Prescription, exposure: Exposure) -> Prescription:
    """The prescription a session was judged against: its own week's range, when known."""
    target = exposure.planned_target
    return plan if target is None or target == plan.target else replace(plan, target=target)


def retarget(state: State, plan: Prescription, ctx: Context) -> State:
    """The state moved onto the plan's range when a new block changed it (see the rules
    above); unchanged when the range is the same."""
    old, new = state.target, plan.target
    if old is None or old == new or plan.activation:
        return replace(state, target=new)
    top = len(ctx.ladder) - 1
    if new[1] < old[1]:  # heavier: fewer reps
        held = state.change in (Action.STEP_UP, Action.REGRESS) or state.last_pain > HOLD_PAIN
        rung = state.rung if held or state.re_entry else min(state.rung + 1, top)
        aim = new[0]
    else:
        rung = max(state.rung - 1, 0)
        span = old[1] - old[0]
        share = (state.aim - old[0]) / span if span > 0 else 0.0
        aim = new[0] + round(max(0.0, min(1.0, share)) * (new[1] - new[0]))
    moved = _at_rung(state, rung, aim)
    if state.top and rung == state.rung:  # still the top: the time held there carries on
        moved = replace(
            moved,
            top=True,
            aim=new[1],
            top_sessions=state.top_sessions,
            plateau_told=state.plateau_told,
        )
    return replace(
        moved,
        target=new,
        change=Action.NEW_BLOCK,
        block_step=rung - state.rung,
        re_entry=state.re_entry,
    )


def fold(
    plan: Prescription,
    history: Sequence[Exposure],
    ctx: Context,
    *,
    complete: bool = True,
    initial: State | None = None,
) -> State:
    """The state after `history` (oldest first). With `complete=False` the history is only
    the newest `WINDOW` sessions and the first of them seeds the state instead of the plan.
    `initial` replaces the plan's start (a self-test placement, `hipcoach.domain.placement`)."""
    start = initial or initial_state(plan, ctx.ladder)
    if not history:
        return start
    if complete:
        first = initial or initial_state(_planned(plan, history[0]), ctx.ladder)
        state, rest = first, history
    else:
        state, rest = seed_state(_planned(plan, history[0]), history[0], ctx.ladder), history[1:]
    for exposure in rest:
        planned = _planned(plan, exposure)
        state = retarget(state, planned, ctx)
        dose = prescribe(
            state, planned, ctx, exposure.date, lighter=exposure.lighter, sets=exposure.planned_sets
        )
        if dose.plateau:  # the pause was explained that day: from now on, a reminder
            state = replace(state, plateau_told=True)
        state = _settle(advance(state, dose, exposure, planned, ctx), planned, ctx)
    return state


def graduated(state: State, ctx: Context) -> bool:
    """True when the top of the ladder is reached and a harder variation is waiting."""
    return state.top and ctx.harder is not None


def rotation_due(state: State, ctx: Context) -> bool:
    """True when the top of the ladder has been held, with no harder variation waiting, for
    ROTATE_AFTER_SESSIONS sessions: time for a fresh move in its place."""
    return state.top and ctx.harder is None and state.top_sessions >= ROTATE_AFTER_SESSIONS


def next_prescription(
    plan: Prescription,
    history: Sequence[Exposure],
    ctx: Context,
    today: date,
    *,
    side: Side = Side.BOTH,
    lighter: bool = False,
    sets: int | None = None,
    complete: bool = True,
    initial: State | None = None,
) -> NextPrescription:
    """The next prescription for one exercise and side; `history` is oldest first."""
    state = retarget(fold(plan, history, ctx, complete=complete, initial=initial), plan, ctx)
    dose = prescribe(state, plan, ctx, today, lighter=lighter, sets=sets)
    step = ctx.ladder[dose.rung]
    low = plan.target[0]
    swap = None
    refer = False
    reason = dose.reason
    if dose.action is Action.PAUSE:
        refer = True
        swap = ctx.alternatives[0] if ctx.alternatives else None
        instead = f" Try {ctx.name(swap)} instead, if it is pain-free." if swap else ""
        reason = f"{reason}.{instead} Please see a physical therapist before you return to it."
    elif graduated(state, ctx) and ctx.harder is not None and dose.action is not Action.RE_ENTRY:
        swap = ctx.harder
        reason = f"Top of the ladder reached at {step.label}: move on to {ctx.name(swap)}."
        dose = replace(dose, action=Action.HARDER)
    rotate = rotation_due(state, ctx) and dose.action not in (Action.PAUSE, Action.RE_ENTRY)
    found = NextPrescription(
        exercise=plan.exercise,
        side=side,
        sets=dose.sets,
        target=plan.target,
        aim=dose.aim if dose.sets else low,
        resistance_key=step.key,
        resistance_label=step.label,
        action=dose.action,
        reason=reason,
        misses=state.misses,
        swap_to=swap,
        refer=refer,
        at_top=state.top,
        top_sessions=state.top_sessions if state.top else 0,
        rotate=rotate,
    )
    return fresh_swap(found, ctx.rotations[0], ctx) if rotate and ctx.rotations else found


def fresh_swap(held: NextPrescription, fresh: str, ctx: Context) -> NextPrescription:
    """A prescription whose top is held too long (`rotate`) handing its place to `fresh`."""
    return replace(
        held,
        action=Action.ROTATE,
        swap_to=fresh,
        reason=f"You have held the top of {ctx.name(held.exercise)} for {held.top_sessions} "
        f"sessions: {ctx.name(fresh)} takes its place for fresh work.",
    )
