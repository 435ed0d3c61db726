"""The coach at work: today's prescriptions from the plan, the log and the person's pain.

The rules live in the domain (`progression` for one exercise and side, `pain` for the
person); this module only reads what they need from the store and puts the answers in order:
per side, with the move the plan now follows (a harder variation earned, a fresh move for a
top held too long, or a pain-free alternative for a paused move) and the gap between sides
when one lasts. A move swapped in joins the session's moves (`in_session`), so no later item
of the session is swapped to it too.

The person's own choices for the plan (`PlanChoice`, read once per coach) come first: a chosen
move replaces the plan's item and is then coached like any other (pain can still swap it), and
"keep" stops the coach's swaps for that slot: a paused move shows as paused, and a move at the
top of its ladder holds there (as if no harder variation were waiting).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from hipcoach.content.loader import load_catalogue
from hipcoach.domain.account import PlanChoice, StoredPlan
from hipcoach.domain.catalogue import Catalogue, Exercise, PainArea
from hipcoach.domain.day import days_before
from hipcoach.domain.dosage import Dose, dose_for, week_in_block, working_role
from hipcoach.domain.equipment import Equipment
from hipcoach.domain.ladder import BODYWEIGHT, step_index
from hipcoach.domain.log import LoggedSet, Side, TrainingSession
from hipcoach.domain.pain import PainReport, Pause, active, loads, pauses
from hipcoach.domain.placement import place, standing_results
from hipcoach.domain.plan import BlockKind, Item
from hipcoach.domain.planner import starting_rung
from hipcoach.domain.profile import Profile
from hipcoach.domain.progression import (
    WINDOW,
    Action,
    Context,
    Exposure,
    NextPrescription,
    Prescription,
    State,
    fresh_swap,
    next_prescription,
)
from hipcoach.domain.rotation import Candidate, rotation_order
from hipcoach.domain.sides import SideGap, side_gap
from hipcoach.domain.substitution import alternatives_for, harder_for, rotations_for
from hipcoach.domain.vocabulary import label
from hipcoach.services.ports import UnitOfWork

PAIN_LOOKBACK_DAYS = 56  # pauses end 7 days after the last bad report; 8 weeks is plenty
TRAINED_LOOKBACK_DAYS = 400  # the days the person trained, for time away inside the window
# Swaps followed for one item, at most: a harder variation of a harder variation, then the fresh
# move for a top held too long and its own harder variations.
MAX_GRADUATIONS = 5


@dataclass(frozen=True, slots=True)
class Coached:
    """One planned item as the coach prescribes it today."""

    block: BlockKind
    item: Item
    sides: tuple[NextPrescription, ...]
    original: Item | None = None
    because: str = ""
    gap: SideGap | None = None
    choice: PlanChoice | None = None


def pain_reports(uow: UnitOfWork, user_id: str, first: date, last: date) -> list[PainReport]:
    """Every pain report of days first..last: during sets, and the next day."""
    sessions = uow.sessions.between(user_id, first, last)
    reports = [
        PainReport(s.date, s.next_day_pain, s.next_day_pain_area, s.next_day_pain_side, None, True)
        for s in sessions
        if s.next_day_pain
    ]
    return reports + uow.sets.pain_reports(user_id, first, last)


class Coach:
    """Prescribes the items of one session for one person, from one read of their pain."""

    def __init__(
        self,
        uow: UnitOfWork,
        user_id: str,
        plan: StoredPlan,
        day: date,
        catalogue: Catalogue | None = None,
    ) -> None:
        self.uow = uow
        self.user_id = user_id
        self.profile: Profile = plan.profile
        self.day = day
        self.catalogue = catalogue or load_catalogue()
        since = days_before(day, TRAINED_LOOKBACK_DAYS)
        self.trained = tuple(d for d in uow.sessions.days(user_id, since, day) if d < day)
        recent = days_before(day, PAIN_LOOKBACK_DAYS)
        self.pauses = pauses(pain_reports(uow, user_id, recent, day), day)
        self.paused_now = active(self.pauses, day)
        self.now_paused = frozenset(
            e.key for e in self.catalogue.exercises if any(p.covers(e) for p in self.paused_now)
        )
        self.choices = {c.slot: c for c in uow.choices.for_plan(user_id, plan.id)}
        self.self_tests = uow.self_tests.all(user_id)  # they place a planned move's start
        self.done_today: set[str] = set()
        self.names = {e.key: e.name for e in self.catalogue.exercises}
        self.in_session: frozenset[str] = frozenset()
        self._histories: dict[str, tuple[list[tuple[TrainingSession, list[LoggedSet]]], bool]] = {}
        self._last_days: dict[str, date | None] = {}  # `_last_done`'s answers
        self._slots = {
            (s.week, s.number): (
                s.deload,
                {i.exercise: (i.sets, i.target_rir) for _, i in s.entries},
                {i.exercise: i.target for _, i in s.entries},
            )
            for s in plan.plan.sessions()
        }
        self._working = {  # the working moves of each slot: what a fresh move can stand in for
            (s.week, s.number): frozenset(
                i.exercise for b, i in s.entries if b is BlockKind.WORKING and i.exercise
            )
            for s in plan.plan.sessions()
        }

    def _paused(self, exercise: Exercise) -> tuple[Pause, ...]:
        return tuple(p for p in self.pauses if p.covers(exercise))

    def options_for(self, slot: str) -> tuple[str, ...]:
        """The moves a person may choose for a plan item: the same primary muscles, their
        equipment, not paused by pain, and not already in the session (`in_session`)."""
        return tuple(
            k
            for k in alternatives_for(self.catalogue.get(slot), self.profile, self.catalogue)
            if k not in self.now_paused and k not in self.in_session
        )

    def _context(self, exercise: Exercise, *, kept: bool = False) -> Context:
        return Context(
            ladder=exercise.ladder(self.profile.owned),
            harder=None if kept else self._harder(exercise),
            alternatives=tuple(
                k
                for k in alternatives_for(exercise, self.profile, self.catalogue)
                if k not in self.now_paused and k not in self.in_session
            ),
            pauses=tuple(p.window() for p in self._paused(exercise)),
            trained=self.trained,
            names=self.names,
            more_load=tuple(
                label(e).lower()
                for e in exercise.equipment
                if e is not Equipment.NONE and e not in self.profile.owned
            ),
        )

    def _harder(self, exercise: Exercise) -> str | None:
        """The harder variation to move on to, unless it is already in the session."""
        harder = harder_for(exercise, self.profile, self.catalogue)
        return None if harder in self.in_session else harder

    def _history(self, exercise: str) -> tuple[list[tuple[TrainingSession, list[LoggedSet]]], bool]:
        # Sets logged on the day itself are the session being done: its prescription must
        # not shift from one set to the next, so only earlier days count.
        if exercise not in self._histories:  # one read per move: a coach sees one day's log
            found = self.uow.sets.exposures(self.user_id, exercise, WINDOW + 1)
            earlier = [(s, sets) for s, sets in found if s.date < self.day]
            if len(earlier) < len(found):
                self.done_today.add(exercise)
            complete = len(found) <= WINDOW
            self._histories[exercise] = (list(reversed(earlier[:WINDOW])), complete)
        return self._histories[exercise]

    def _planned_in(self, session: TrainingSession) -> dict[str | None, tuple[int, int | None]]:
        """(sets, reps in reserve) of each move the plan had in a logged session's slot."""
        slot = (session.plan_week or 0, session.plan_session or 0)
        return self._slots.get(slot, (False, {}, {}))[1]

    def _exposures(
        self,
        history: Sequence[tuple[TrainingSession, list[LoggedSet]]],
        exercise: Exercise,
        side: Side,
    ) -> list[Exposure]:
        out = []
        for session, sets in history:
            mine = tuple(s for s in sets if side is Side.BOTH or s.side in (side, Side.BOTH))
            if not mine:
                continue
            deload, planned, targets = self._slots.get(
                (session.plan_week or 0, session.plan_session or 0), (False, {}, {})
            )
            area = session.next_day_pain_area
            applies = area is None or area is PainArea.OTHER or area in loads(exercise)
            working = self._working.get((session.plan_week or 0, session.plan_session or 0))
            sets_rir = (
                planned.get(exercise.key)
                or self._standing_in(exercise, planned, working or frozenset())
                or self._dose_in(exercise, session.plan_week)
            )
            out.append(
                Exposure(
                    session.date,
                    mine,
                    session.next_day_pain if applies else None,
                    lighter=deload,
                    planned_sets=sets_rir[0],
                    planned_rir=sets_rir[1],
                    planned_target=self._target_on(exercise, session.date, targets),
                )
            )
        return out

    def _standing_in(
        self,
        exercise: Exercise,
        planned: dict[str | None, tuple[int, int | None]],
        working: frozenset[str],
    ) -> tuple[int, int | None] | None:
        """(sets, reps in reserve) of the planned move this one stood in for that day: the
        slot the person chose it for, the move it is the harder variation of, or else a
        working move whose role and muscles it shares (the slot a fresh move took over from a
        top held too long). A stand-in takes its slot's sets (`_item_for`), so its past sessions are
        judged against them."""
        for slot, choice in self.choices.items():
            if choice.exercise == exercise.key and slot in planned:
                return planned[slot]
        known = [
            (self.catalogue.get(k), dose)
            for k, dose in planned.items()
            if k is not None and k in self.catalogue
        ]
        for move, dose in known:
            if any(v.exercise_key == exercise.key for v in move.harder):
                return dose
        for move, dose in known:
            if (
                move.key in working
                and working_role(move) in exercise.roles
                and set(move.primary) & set(exercise.primary)
            ):
                return dose
        return None

    def _dose_in(self, exercise: Exercise, week: int | None) -> tuple[int | None, int | None]:
        """(sets, reps in reserve) a move swapped into the plan had in a week."""
        if week is None:
            return (None, None)
        dose = self._dose(exercise, week)
        return (dose.sets, dose.target_rir)

    def _dose(self, exercise: Exercise, week: int, *, harder: bool = False) -> Dose:
        """A move's dose in a week of this plan, as `_item_for` prescribes it: loaded when it
        starts on a load (a harder variation earned starts on its easiest rung)."""
        step = (
            exercise.ladder(self.profile.owned)[0]
            if harder
            else starting_rung(exercise, self.profile)
        )
        profile = self.profile
        return dose_for(
            exercise, profile.level, profile.goal, week, profile.weeks, loaded=step != BODYWEIGHT
        )

    def _target_on(
        self, exercise: Exercise, day: date, targets: dict[str | None, tuple[int, int]]
    ) -> tuple[int, int] | None:
        """The range a move was prescribed on a day of this plan (None before or after it):
        the plan's own item, else the move's dose that week as a stand-in."""
        week = (day - self.profile.start).days // 7 + 1
        if not 1 <= week <= self.profile.weeks:
            return None
        if exercise.key in targets:
            return targets[exercise.key]
        harder = any(
            k is not None
            and k in self.catalogue
            and any(v.exercise_key == exercise.key for v in self.catalogue.get(k).harder)
            for k in targets
        )
        return self._dose(exercise, week, harder=harder).target

    def _lighter(self, week: int) -> bool:
        return week_in_block(week, self.profile.weeks)[1]

    def prescribe(self, block: BlockKind, item: Item, week: int) -> Coached:
        """The item as prescribed for the day, following the person's choice, then earned and
        pain-led swaps (none for a slot the person keeps)."""
        start = item.progression_start()
        if start is None:
            return Coached(block, item, ())
        activation = block is BlockKind.ACTIVATION
        choice = self.choices.get(item.exercise or "")
        kept = choice is not None and choice.keep
        original: Item | None = None
        because = ""
        current = item
        sides, gap = self._sides(
            current,
            replace(start, activation=activation),
            week,
            kept=kept,
            placed=True,
            slot=item.exercise,
        )
        if (
            choice is not None
            and not kept
            and choice.exercise in self.catalogue
            and choice.exercise not in self.in_session  # never the same move twice in a day
            and item.exercise not in self.done_today
        ):
            chosen = self.catalogue.get(choice.exercise)
            original = item
            because = f"Your choice: {chosen.name} in place of {item.name}."
            current = self._item_for(chosen, item, week)
            sides, gap = self._sides(
                current, self._start_of(current, activation), week, slot=item.exercise
            )
        passed = [current.exercise]
        rotated = False  # one fresh move per item (see `_rotations`)
        for _ in range(0 if kept else MAX_GRADUATIONS):
            swaps = {p.swap_to for p in sides}
            swap = swaps.pop() if len(swaps) == 1 else None
            moved = None if swap is not None else self._moved_on(current)
            swap = swap or moved
            if swap is None or swap not in self.catalogue or current.exercise in self.done_today:
                break  # a move already logged today stays on the page, with its sets
            original = original or item
            because = sides[0].reason if moved is None else self._still_moved_on(current, moved)
            # A swap to the move's harder variation is a graduation; others (pain, stalls)
            # take the new move's own start.
            earned = swap == self._harder(self.catalogue.get(current.exercise or ""))
            rotated = rotated or sides[0].action is Action.ROTATE
            current = self._item_for(self.catalogue.get(swap), current, week, harder=earned)
            sides, gap = self._sides(
                current,
                self._start_of(current, activation),
                week,
                slot=None if rotated else item.exercise,
            )
            passed.append(current.exercise)
        # Every move this item passed through joins the session: no later item is swapped to
        # it (twice in a day), nor to a move just rotated out for fresh work.
        self.in_session |= {key for key in passed if key}
        return Coached(block, current, sides, original, because, gap, choice)

    def _moved_on(self, item: Item) -> str | None:
        """The harder variation the person has already moved on to: done since this move was
        last done. A graduation is not taken back when the move's ladder grows (new rungs,
        new equipment) or its top is no longer in the folded window."""
        key = item.exercise
        if key is None or key in self.done_today:
            return None
        harder = self._harder(self.catalogue.get(key))
        if harder is None:
            return None
        own, _ = self._history(key)
        if not own or (self.trained and own[-1][0].date >= self.trained[-1]):
            return None  # nothing was done since this move's last session
        since = self._last_done(harder)  # one session's read, not the harder move's window
        if since is None:
            return None
        return harder if since > own[-1][0].date else None

    def _last_done(self, exercise: str) -> date | None:
        """The last day before today the move was done (None: never), read once."""
        if exercise in self._histories:
            history = self._histories[exercise][0]
            return history[-1][0].date if history else None
        if exercise not in self._last_days:
            found = self.uow.sets.exposures(self.user_id, exercise, 3)  # today's may be there
            self._last_days[exercise] = next((s.date for s, _ in found if s.date < self.day), None)
        return self._last_days[exercise]

    def _still_moved_on(self, item: Item, harder: str) -> str:
        return (
            f"You moved on to {self.catalogue.get(harder).name} once {item.name} was climbed: "
            "it keeps its place."
        )

    @staticmethod
    def _start_of(item: Item, activation: bool) -> Prescription:
        following = item.progression_start()
        if following is None:  # pragma: no cover - catalogue moves always have one
            raise ValueError(f"{item.exercise} has no progression")
        return replace(following, activation=activation)

    def _placement(
        self, start: Prescription, ctx: Context, exposures: Sequence[Exposure], side: Side
    ) -> tuple[State | None, str]:
        """The start a self-test result sets for a planned move (`domain.placement`): from
        the results standing on the day the move was first done (today, if not yet)."""
        first = exposures[0].date if exposures else self.day
        standing = standing_results(self.self_tests, on_or_before=first)
        found = place(start, ctx.ladder, standing, side)
        return (found.state(), found.why) if found else (None, "")

    def _sides(
        self,
        item: Item,
        start: Prescription,
        week: int,
        *,
        kept: bool = False,
        placed: bool = False,
        slot: str | None = None,
    ) -> tuple[tuple[NextPrescription, ...], SideGap | None]:
        """Each side's prescription of `item` (in the plan's `slot`: without one, no fresh move
        takes its place), and the gap between them."""
        exercise = self.catalogue.get(start.exercise)
        ctx = self._context(exercise, kept=kept)
        history, complete = self._history(exercise.key)
        sides = (Side.LEFT, Side.RIGHT) if item.per_side else (Side.BOTH,)
        exposures = {side: self._exposures(history, exercise, side) for side in sides}
        found = self._each_side(item, start, week, ctx, exposures, complete=complete, placed=placed)
        if slot is not None and not kept and all(rx.rotate for rx in found):
            # Every side has held the top long enough: a fresh move takes its place.
            since = max((e.date for side in sides for e in exposures[side]), default=self.day)
            rotations = self._rotations(exercise, item, start.activation, week, (slot, since))
            if rotations:
                found = tuple(fresh_swap(rx, rotations[0], ctx) for rx in found)
        gap = (
            side_gap(exposures[Side.LEFT], exposures[Side.RIGHT], ctx.ladder)
            if item.per_side
            else None
        )
        return found, gap

    def _each_side(
        self,
        item: Item,
        start: Prescription,
        week: int,
        ctx: Context,
        exposures: dict[Side, list[Exposure]],
        *,
        complete: bool,
        placed: bool = False,
    ) -> tuple[NextPrescription, ...]:
        found = []
        for side, done in exposures.items():
            initial, why = (
                self._placement(start, ctx, done, side) if placed and complete else (None, "")
            )
            rx = next_prescription(
                start,
                done,
                ctx,
                self.day,
                side=side,
                lighter=self._lighter(week),
                sets=item.sets,
                complete=complete,
                initial=initial,
            )
            if why and rx.action is Action.START:
                rx = replace(rx, reason=f"{rx.reason} {why}")
            found.append(rx)
        return tuple(found)

    def _rotations(
        self, exercise: Exercise, like: Item, activation: bool, week: int, held: tuple[str, date]
    ) -> tuple[str, ...]:
        """The fresh moves that may take the place of a move held at its top (`held`: the
        plan's slot, and the day the held move was last done), best first
        (`domain.rotation`): able to play the slot's role, doable, not paused, not in the
        session nor anywhere in the plan (the plan's own moves, and the blocks that rotate
        them, are no fresh work), and not a move the person chose for a slot of their own.

        One fresh move per slot: once it stands in, it holds its own top in turn (with the
        pause) rather than rotating again. The log does not say which slot a stand-in was
        done for; the first fresh move can be told apart (it began right after the held move
        stopped, and was not done beside it), but when two slots of one session have both
        rotated, a second rotation could not tell their moves apart."""
        taken = {c.exercise for c in self.choices.values()} | self.in_session
        taken |= {k for _, planned, _ in self._slots.values() for k in planned if k}
        slot = held[0]
        # The slot keeps its role in the session, however far its moves have come.
        role = working_role(self.catalogue.get(slot)) if slot in self.catalogue else None
        keys = [
            key
            for key in rotations_for(exercise, self.profile, self.catalogue, role=role)
            if key not in self.now_paused and key not in taken
        ]
        # The move already standing in needs no more than the log to be found; the others
        # are weighed (their own ladder and top) only when none is.
        standing = [c for key in keys if (c := self._stand_in(key, held)).stood_in]
        if any(not c.alongside for c in standing):
            return rotation_order(standing)
        return rotation_order(
            [self._candidate(self.catalogue.get(k), like, activation, week, held) for k in keys]
        )

    def _stand_in(self, key: str, held: tuple[str, date]) -> Candidate:
        """A move as the log shows it beside a held move: the first day it stood in for the
        slot (not planned itself, in a session planning the slot) since the held move was
        last done, and whether it was done beside it then. When its log reaches further back
        than the folded window, all of it after that day, it began as early as it could."""
        slot, since = held
        history, complete = self._history(key)
        stood_in = [
            session.date
            for session, _ in history
            if session.date > since
            and slot in (planned := self._planned_in(session))
            and key not in planned
        ]
        if stood_in and not complete and history[0][0].date > since:
            stood_in = [since + timedelta(days=1)]
        return Candidate(
            key,
            stood_in=min(stood_in, default=None),
            alongside=any(session.date == since for session, _ in history),
        )

    def _candidate(
        self, move: Exercise, like: Item, activation: bool, week: int, held: tuple[str, date]
    ) -> Candidate:
        """Where the person stands on a move that could take a held move's place (`_stand_in`
        for what the log says of it beside the held move)."""
        item = self._item_for(move, like, week)
        ctx = self._context(move)
        history, complete = self._history(move.key)
        sides = (Side.LEFT, Side.RIGHT) if item.per_side else (Side.BOTH,)
        exposures = {side: self._exposures(history, move, side) for side in sides}
        found = self._each_side(
            item, self._start_of(item, activation), week, ctx, exposures, complete=complete
        )
        top = len(ctx.ladder) - 1
        return replace(
            self._stand_in(move.key, held),
            rungs_left=min(top - max(step_index(ctx.ladder, rx.resistance_key), 0) for rx in found),
            at_top=any(rx.at_top for rx in found),
            stuck=all(rx.at_top and rx.swap_to is None for rx in found),
        )

    def _item_for(self, exercise: Exercise, like: Item, week: int, *, harder: bool = False) -> Item:
        """A catalogue move in the place of a planned item: the same role and number of sets
        (the plan fitted that count to the session's minutes and the week's range), its own
        reps, rest and starting rung. A harder variation earned by climbing (`harder`) starts
        on its easiest rung, whatever the level: the new position is the step up, not a load
        on top of it."""
        step = (
            exercise.ladder(self.profile.owned)[0]
            if harder
            else starting_rung(exercise, self.profile)
        )
        dose = self._dose(exercise, week, harder=harder)
        return replace(
            like,
            exercise=exercise.key,
            name=exercise.name,
            sets=like.sets,
            per_side=dose.per_side,
            equipment=step.equipment,
            resistance=step.label,
            resistance_key=step.key,
            target_rir=dose.target_rir,
            why=exercise.summary,
            measure=dose.kind.measure,
            target=dose.target,
        )
