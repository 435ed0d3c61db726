"""Generate a personal multi-week program from a profile: pure, deterministic, explained.

Quality first within any budget: the planner tries session shapes from the richest (the full
warm-up, two activation sets, three sets per move) to the leanest (a two-minute warm-up, one
activation set, two sets per move) and keeps the one whose week is worth most (`selection`'s
J, weighted by sets per move), so a short session shortens its warm-up rather than dropping
hip work, and more minutes never give a worse plan. Weekly hard sets stay under the ceiling
of the goal's range (`volume`): the solver places at most ceiling / sets-per-move move uses,
and the fourth sets of the isolation progression are only added while the week stays under
it. When the ceiling, not the minutes, sets the week (`_capped`), sessions end before the
minutes given and the volume note says so, with week 1's session lengths.

Owned equipment: a person's gym equipment reaches the plan through the moves' values
(`scoring`), not through a rule of its own: the seated abduction machine ranks with the moves
its study found level with, and for strength a move its owner can load heavy earns more, so a
gym-goer training for muscle or strength gets the machine's loaded abductor work.

Blocks: in a plan's changed blocks (`dosage.changed_block`: weeks 5-8, 13-16, ... of a plan of
8+ weeks; from week 9 for beginners) the least valuable working move rotates out for the best
unused one of the same role and hard-set share (so the week's volume stays where it was),
worth at least `ROTATION_MIN_SHARE` of it and fitting every session it joins; when no move
qualifies, the moves stay and only the range changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from hipcoach.domain.catalogue import Catalogue, Exercise, PainAction
from hipcoach.domain.dosage import (
    BASE_SETS,
    changed_block,
    dose_for,
    peak_dose,
    start_step,
    week_in_block,
    working_role,
)
from hipcoach.domain.errors import PlanRequestError
from hipcoach.domain.explain import exclusion_reason, plan_notes, why_chosen
from hipcoach.domain.ladder import BODYWEIGHT, LadderStep
from hipcoach.domain.plan import Block, BlockKind, Item, Plan, Session, Week
from hipcoach.domain.profile import Profile, Weekday
from hipcoach.domain.request import validate_profile
from hipcoach.domain.scoring import exercise_value, pain_action, seed_jitter
from hipcoach.domain.selection import Candidate, solve_week, untimed_best, week_objective
from hipcoach.domain.timing import COOLDOWN_S, exercise_seconds
from hipcoach.domain.volume import WEEKLY_SET_RANGE, SetRange, hard_set_share, weekly_sets
from hipcoach.domain.warmup import (
    activation_item,
    activation_seconds,
    choose_activation,
    cooldown_items,
    warmup_items,
    warmup_seconds,
)

MOVES_PER_SESSION = (
    1,
    4,
)  # the source's 2-4, or one when the week's ceiling or time allows no more
# (short warm-up?, activation sets), richest first: a tie keeps the richer session
_FIXED_PARTS = ((False, 2), (False, 1), (True, 1))
ROTATION_MIN_SHARE = 0.8  # a move rotated in is worth at least this share of the one it replaces


@dataclass(frozen=True, slots=True)
class _Choice:
    """A working move the person can do, with its starting rung and why it is there."""

    exercise: Exercise
    candidate: Candidate
    start: LadderStep
    replaces: tuple[str, ...]


def set_range(profile: Profile) -> SetRange:
    """The weekly hard-set range for the person's goal and level."""
    return WEEKLY_SET_RANGE[profile.goal][profile.level]


def peak_seconds(
    exercise: Exercise,
    profile: Profile,
    *,
    base_sets: int = BASE_SETS[0],
    start: LadderStep | None = None,
) -> float:
    """Seconds one move takes in the plan's heaviest week (from `start`, if known)."""
    loaded = (start or starting_rung(exercise, profile)) != BODYWEIGHT
    dose = peak_dose(
        exercise, profile.level, profile.goal, profile.weeks, base_sets=base_sets, loaded=loaded
    )
    return exercise_seconds(
        dose.kind, dose.sets, dose.target[1], per_side=dose.per_side, rest_s=dose.rest_seconds
    )


def starting_rung(exercise: Exercise, profile: Profile) -> LadderStep:
    """Where on the ladder a move starts: easiest rung under pain, else by level and goal,
    on an easier band placement for older adults and anyone in pain."""
    ladder = exercise.ladder(profile.owned)
    if pain_action(exercise, profile.pain) is PainAction.NO_LOAD:
        return ladder[0]
    easier = profile.older_adult or bool(profile.pain)
    return start_step(ladder, profile.level, profile.goal, working_role(exercise), easier=easier)


def _usable(
    catalogue: Catalogue, profile: Profile, activation: Exercise
) -> tuple[list[Exercise], dict[str, str]]:
    usable: list[Exercise] = []
    excluded: dict[str, str] = {}
    for exercise in catalogue.exercises:
        reason = exclusion_reason(exercise, profile)
        if reason:
            excluded[exercise.key] = reason
        elif exercise.key != activation.key:
            usable.append(exercise)
    return usable, excluded


def _choices(
    usable: list[tuple[Exercise, float, LadderStep]], profile: Profile, base_sets: int
) -> list[_Choice]:
    """Each usable move (with its seeded value and starting rung) as a candidate worth its
    value times its share of the full three sets."""
    share = base_sets / BASE_SETS[0]
    choices = []
    for exercise, value, start in usable:
        seconds = peak_seconds(exercise, profile, base_sets=base_sets, start=start)
        candidate = Candidate(exercise.key, value * share, seconds)
        choices.append(_Choice(exercise, candidate, start, ()))
    return choices


def _attribute_replacements(
    chosen: list[_Choice], excluded: dict[str, str], catalogue: Catalogue, profile: Profile
) -> list[_Choice]:
    """Name, for each chosen move, a better-scoring move it stands in for, if one was ruled out."""
    plain = {
        k: exercise_value(catalogue.get(k), profile.goal, profile.owned, frozenset())
        for k in excluded
    }
    unused = sorted(excluded, key=lambda k: -plain[k])
    result = []
    for choice in chosen:
        role = working_role(choice.exercise)
        better = (
            k
            for k in unused
            if working_role(catalogue.get(k)) is role and plain[k] > choice.candidate.value
        )
        match = next(better, None)
        if match is not None:
            unused.remove(match)
            replaced = (f"{catalogue.get(match).name} ({excluded[match]})",)
            choice = _Choice(choice.exercise, choice.candidate, choice.start, replaced)
        result.append(choice)
    return result


def _session_dates(profile: Profile, week: int) -> list[tuple[date, Weekday]]:
    first = profile.start + timedelta(days=7 * (week - 1))
    dated = [
        (first + timedelta(days=(day.ordinal - first.weekday()) % 7), day)
        for day in profile.sorted_days
    ]
    return sorted(dated)


def _working_item(choice: _Choice, profile: Profile, week: int, why: str, layout: _Layout) -> Item:
    step = choice.start
    dose = dose_for(
        choice.exercise,
        profile.level,
        profile.goal,
        week,
        profile.weeks,
        base_sets=layout.base_sets,
        loaded=step != BODYWEIGHT,
    )
    return Item(
        exercise=choice.exercise.key,
        name=choice.exercise.name,
        role=working_role(choice.exercise).value,
        sets=dose.sets,
        per_side=dose.per_side,
        equipment=step.equipment,
        resistance=step.label,
        resistance_key=step.key,
        rest_seconds=dose.rest_seconds,
        target_rir=dose.target_rir,
        why=why,
        measure=dose.kind.measure,
        target=dose.target,
    )


def _estimate_minutes(working: list[_Choice], fixed_seconds: float, cooldown: bool) -> int:
    total = fixed_seconds + sum(c.candidate.seconds for c in working)
    total += COOLDOWN_S if cooldown else 0
    return int(-(-total // 60))


@dataclass(frozen=True, slots=True)
class _Layout:
    """The chosen session shape and, per session, the indexes of its working moves."""

    short_warmup: bool
    activation: Exercise
    activation_sets: int
    base_sets: int
    choices: tuple[_Choice, ...]
    sessions: tuple[tuple[int, ...], ...]
    value: float
    exact: bool

    @property
    def fixed_seconds(self) -> float:
        """Seconds before the working block: warm-up and activation."""
        activation = activation_seconds(self.activation, self.activation_sets)
        return warmup_seconds(short=self.short_warmup) + activation


def _first_base_sets(profile: Profile) -> int:
    """Three sets per move unless the week's sessions at one move each would pass the ceiling."""
    days = len(profile.sorted_days)
    return BASE_SETS[0] if set_range(profile).ceiling // BASE_SETS[0] >= days else BASE_SETS[1]


def _one_per_variation_pair(
    valued: list[tuple[Exercise, float, LadderStep]],
) -> list[tuple[Exercise, float, LadderStep]]:
    """A move and its own harder variation (the side bridge and the side plank with a leg
    lift; a step-up and the single-leg squat) are never both in a plan: the better-valued one
    is offered (the easier on a tie) and the coach moves the person on to the harder one once
    its ladder is climbed (services/coaching.py), so no session holds the same pattern twice."""
    value = {exercise.key: v for exercise, v, _ in valued}
    dropped: set[str] = set()
    for exercise, easier_value, _ in valued:
        for variation in exercise.harder:
            harder = variation.exercise_key
            if harder is None or harder not in value:
                continue
            dropped.add(harder if easier_value >= value[harder] else exercise.key)
    return [entry for entry in valued if entry[0].key not in dropped]


def _layout(
    usable: list[Exercise], profile: Profile, activation: Exercise, jitter: dict[str, float]
) -> _Layout:
    """The best-valued session shape and week of working moves that fits the minutes."""
    budget = profile.minutes * 60
    days = len(profile.sorted_days)
    first = _first_base_sets(profile)
    valued = [
        (
            exercise,
            exercise_value(exercise, profile.goal, profile.owned, profile.pain)
            * jitter[exercise.key],
            starting_rung(exercise, profile),
        )
        for exercise in usable
    ]
    valued = _one_per_variation_pair(valued)
    best: _Layout | None = None
    for base_sets in sorted({first, BASE_SETS[1]}, reverse=True):
        choices = tuple(_choices(valued, profile, base_sets))
        candidates = [c.candidate for c in choices]
        max_uses = set_range(profile).ceiling // base_sets
        bound = untimed_best(
            candidates, sessions=days, n_max=MOVES_PER_SESSION[1], max_uses=max_uses
        )
        if best is not None and best.value >= bound - 1e-9:
            continue  # even unlimited minutes at this many sets could not beat the best so far
        for short, activation_sets in _FIXED_PARTS:
            fixed = warmup_seconds(short=short) + activation_seconds(activation, activation_sets)
            week, exact = solve_week(
                candidates,
                sessions=days,
                budget_seconds=budget - fixed,
                n_min=MOVES_PER_SESSION[0],
                n_max=MOVES_PER_SESSION[1],
                max_uses=max_uses,
            )
            if week is None:
                continue
            value = week_objective(candidates, week)
            if best is None or value > best.value + 1e-9:
                best = _Layout(
                    short, activation, activation_sets, base_sets, choices, week, value, exact
                )
            if exact:
                break  # time never bound: a shorter warm-up cannot add value
    if best is None:
        cheapest = min(peak_seconds(e, profile, base_sets=BASE_SETS[1]) for e in usable)
        fixed = warmup_seconds(short=True) + activation_seconds(activation, 1)
        needed = int(-(-(fixed + cheapest) // 60))
        raise PlanRequestError(
            f"{profile.minutes} minutes is too short for a short warm-up, activation and one "
            f"working exercise; allow at least {needed} minutes per session.",
            field="minutes",
        )
    return best


def generate_plan(profile: Profile, catalogue: Catalogue) -> Plan:
    """Build the whole program: sessions on the chosen days, blocks in order, notes attached."""
    warnings = validate_profile(profile, catalogue)
    activation = choose_activation(catalogue, profile.owned, profile.pain, profile.avoid)
    if activation is None:
        raise PlanRequestError(
            "Every activation move (clamshell, banded abductions, side-lying raise, glute "
            "bridge, standing side leg lift) is avoided; allow at least one of them.",
            field="avoid",
        )
    usable, excluded = _usable(catalogue, profile, activation)
    if len(usable) < 2:
        raise PlanRequestError(
            "Fewer than two working exercises are left after equipment, pain and avoid rules; "
            "avoid fewer moves or add equipment.",
            field="avoid",
        )
    jitter = dict(seed_jitter(catalogue.keys, profile.seed))
    layout = _spread(_layout(usable, profile, activation, jitter), profile)
    used = sorted({i for s in layout.sessions for i in s})
    chosen = [layout.choices[i] for i in used]
    explained = _attribute_replacements(chosen, excluded, catalogue, profile)
    changes = _changes(profile)
    rotation = _rotation(layout, profile, used) if changes else None
    builder = _WeekBuilder(profile, layout, dict(zip(used, explained, strict=True)), rotation)
    weeks = tuple(builder.week(number) for number in range(1, profile.weeks + 1))
    sets = weekly_sets(weeks[0].sessions, catalogue)
    limits = set_range(profile)
    rotated = None
    if rotation is not None:
        rotated = (layout.choices[rotation[0]].exercise.name, rotation[1].exercise.name)
    lengths = [session.estimated_minutes for session in weeks[0].sessions]
    notes = plan_notes(
        profile,
        warnings,
        sets,
        limits,
        capped=_capped(layout, profile),
        session_minutes=(min(lengths), max(lengths)),
        changed=changes,
        rotated=rotated,
        heavier=builder.heavier,
    )
    return Plan(
        profile,
        notes,
        weeks,
        sets,
        float(limits.floor),
        layout.value,
        (float(limits.floor), float(limits.ceiling)),
    )


def _spread(layout: _Layout, profile: Profile) -> _Layout:
    """The week's sessions in a day order that keeps each move's uses two days (48 hours)
    apart, counting across into the next week, when one exists (every session fits the same
    minutes, so any order serves the rest as well); the planned order when it already does or
    when none does. A depth-first search, first order first, so the result is deterministic."""
    days = [d.toordinal() for d, _ in _session_dates(profile, 1)]
    sessions = layout.sessions
    count = len(days)
    moves = [frozenset(s) for s in sessions]
    near = [
        [
            j
            for j in range(count)
            if j != i and min(abs(days[i] - days[j]), 7 - abs(days[i] - days[j])) < 2
        ]
        for i in range(count)
    ]

    def clash(order: list[int], position: int, session: int) -> bool:
        return any(j < len(order) and moves[order[j]] & moves[session] for j in near[position])

    if not any(clash(list(range(count)), i, i) for i in range(count)):
        return layout
    order: list[int] = []
    used = [False] * count

    def place() -> bool:
        position = len(order)
        if position == count:
            return True
        tried: set[frozenset[int]] = set()
        for session in range(count):
            if used[session] or moves[session] in tried or clash(order, position, session):
                continue
            tried.add(moves[session])  # identical sessions are interchangeable
            used[session] = True
            order.append(session)
            if place():
                return True
            order.pop()
            used[session] = False
        return False

    if not place():
        return layout
    return replace(layout, sessions=tuple(sessions[i] for i in order))


def _changes(profile: Profile) -> tuple[int, ...]:
    """The plan's weeks that are in a changed block."""
    weeks = range(1, profile.weeks + 1)
    return tuple(w for w in weeks if changed_block(w, profile.weeks, profile.level))


def _session_spare(layout: _Layout, profile: Profile, session: Sequence[_Choice]) -> float:
    """Seconds a session's minutes leave after warm-up, activation and its working moves."""
    used = sum(c.candidate.seconds for c in session)
    return profile.minutes * 60 - layout.fixed_seconds - used


def _rotation(layout: _Layout, profile: Profile, used: list[int]) -> tuple[int, _Choice] | None:
    """(index of the move that rotates out, the choice that takes its place) in changed
    blocks: the least valuable move used for the best unused one of the same working role
    and hard-set share, worth `ROTATION_MIN_SHARE` of it or more, fitting in every session
    that holds it (and keeping the cool-down where there was room for one); None if none."""
    chosen = set(used)
    for out in sorted(used, key=lambda i: (layout.choices[i].candidate.value, i)):
        leaving = layout.choices[out]
        role = working_role(leaving.exercise)
        share = hard_set_share(leaving.exercise)
        floor = ROTATION_MIN_SHARE * leaving.candidate.value
        holding = [
            [layout.choices[i] for i in session] for session in layout.sessions if out in session
        ]
        spares = [_session_spare(layout, profile, session) for session in holding]
        options = sorted(
            (
                c
                for i, c in enumerate(layout.choices)
                if i not in chosen
                and working_role(c.exercise) is role
                and hard_set_share(c.exercise) == share
                and c.candidate.value >= floor
            ),
            key=lambda c: (-c.candidate.value, c.exercise.key),
        )
        for option in options:
            extra = option.candidate.seconds - leaving.candidate.seconds
            if all(spare - extra >= (COOLDOWN_S if spare >= COOLDOWN_S else 0) for spare in spares):
                return (out, option)
    return None


def _capped(layout: _Layout, profile: Profile) -> bool:
    """True when the ceiling, not the minutes, stopped the week from holding more moves (one
    more would have fitted beside the cool-down)."""
    uses = sum(len(s) for s in layout.sessions)
    if not layout.exact or uses < set_range(profile).ceiling // layout.base_sets:
        return False
    spare = profile.minutes * 60 - layout.fixed_seconds
    for session in layout.sessions:
        left = spare - sum(layout.choices[i].candidate.seconds for i in session)
        free = [c.candidate.seconds for i, c in enumerate(layout.choices) if i not in session]
        if len(session) < MOVES_PER_SESSION[1] and free and min(free) + COOLDOWN_S <= left:
            return True
    return False


class _WeekBuilder:
    """Builds weeks from per-session templates: items only change with the week's shape (its
    place in the block, and whether the block is a changed one)."""

    def __init__(
        self,
        profile: Profile,
        layout: _Layout,
        choices: dict[int, _Choice],
        rotation: tuple[int, _Choice] | None = None,
    ) -> None:
        self.profile = profile
        self.layout = layout
        self.usual = [
            sorted((choices[i] for i in picked), key=_order_key) for picked in layout.sessions
        ]
        self.changed = self.usual
        if rotation is not None:
            out, incoming = rotation
            self.changed = [
                sorted((incoming if i == out else choices[i] for i in picked), key=_order_key)
                for picked in layout.sessions
            ]
        self.warmup = Block(BlockKind.WARMUP, warmup_items(profile.pain, short=layout.short_warmup))
        item = activation_item(layout.activation, profile.owned, layout.activation_sets)
        self.activation = Block(BlockKind.ACTIVATION, (item,))
        self.cooldown = Block(BlockKind.COOLDOWN, cooldown_items(profile.pain))
        self.fixed = layout.fixed_seconds
        self.whys = {
            c.exercise.key: why_chosen(
                c.exercise, c.replaces, loaded=c.start != BODYWEIGHT, start=c.start
            )
            for w in (*self.usual, *self.changed)
            for c in w
        }
        self.heavier: tuple[str, ...] = ()  # moves whose range a changed block makes heavier
        self._blocks: dict[
            tuple[int, bool], list[tuple[tuple[Block, ...], int, tuple[Item, ...]]]
        ] = {}

    def _shape(self, week: int) -> tuple[int, bool]:
        position, deload = week_in_block(week, self.profile.weeks)
        changed = changed_block(week, self.profile.weeks, self.profile.level)
        return (3 if deload else min(position, 2), changed)

    def _items(self, week: int, shape: tuple[int, bool]) -> list[tuple[Item, ...]]:
        """Every session's working items in a week of this shape, under the ceiling."""
        working = self.changed if shape[1] else self.usual
        items = [
            [
                _working_item(c, self.profile, week, self.whys[c.exercise.key], self.layout)
                for c in session
            ]
            for session in working
        ]
        if shape[1]:
            self._note_heavier(items)
        limits = set_range(self.profile)
        return _under_ceiling(items, working, limits, self.layout.base_sets)

    def _note_heavier(self, items: list[list[Item]]) -> None:
        """Remember the moves whose range is lower (heavier) in a changed block than in the
        plan's first block (never a changed one)."""
        usual = {i.exercise: i.target for row in self._templates(1) for i in row[2]}
        heavier = {
            item.name
            for row in items
            for item in row
            if item.exercise in usual and item.target[1] < usual[item.exercise][1]
        }
        self.heavier = tuple(sorted(heavier | set(self.heavier)))

    def _templates(self, week: int) -> list[tuple[tuple[Block, ...], int, tuple[Item, ...]]]:
        """Each session's blocks, minutes and working items in a week of this one's shape."""
        shape = self._shape(week)
        if shape not in self._blocks:
            working = self.changed if shape[1] else self.usual
            rows = []
            for session, items in zip(working, self._items(week, shape), strict=True):
                spare = (
                    self.profile.minutes * 60
                    - self.fixed
                    - sum(c.candidate.seconds for c in session)
                )
                blocks = [self.warmup, self.activation, Block(BlockKind.WORKING, items)]
                if spare >= COOLDOWN_S:
                    blocks.append(self.cooldown)
                minutes = _estimate_minutes(session, self.fixed, spare >= COOLDOWN_S)
                rows.append((tuple(blocks), minutes, items))
            self._blocks[shape] = rows
        return self._blocks[shape]

    def week(self, number: int) -> Week:
        """One calendar week of sessions."""
        _, deload = week_in_block(number, self.profile.weeks)
        templates = self._templates(number)
        sessions = tuple(
            Session(day, weekday, minutes, blocks)
            for (day, weekday), (blocks, minutes, _) in zip(
                _session_dates(self.profile, number), templates, strict=True
            )
        )
        return Week(number, deload, sessions)


def _under_ceiling(
    items: list[list[Item]], working: list[list[_Choice]], limits: SetRange, base_sets: int
) -> list[tuple[Item, ...]]:
    """Drop the progression's extra sets, least valuable move first, while a week would pass
    the ceiling (never below the plan's sets per move: the solver already fits those)."""
    share = [[hard_set_share(c.exercise) for c in session] for session in working]
    rows = zip(items, share, strict=True)
    total = sum(i.sets * w for row, weights in rows for i, w in zip(row, weights, strict=True))
    order = sorted(
        ((s, k) for s, session in enumerate(working) for k in range(len(session))),
        key=lambda sk: (working[sk[0]][sk[1]].candidate.value, sk),
    )
    for s, k in order:
        if total <= limits.ceiling:
            break
        item = items[s][k]
        if item.sets > base_sets:
            total -= (item.sets - base_sets) * share[s][k]
            items[s][k] = replace(item, sets=base_sets)
    return [tuple(row) for row in items]


_ROLE_ORDER = {"compound": 0, "stability": 1, "isolation": 2}


def _order_key(choice: _Choice) -> tuple[int, float, str]:
    """Compound moves first while fresh, then stability, then isolation."""
    role = working_role(choice.exercise).value
    return (_ROLE_ORDER.get(role, 3), -choice.candidate.value, choice.exercise.key)
